import { describe, expect, it } from 'vitest';
import { infoRequestText, objectionWindow, taskActions, type ActInput } from '#src/lib/view/act.ts';
import { identityRows, ICP_QUERY_URL, PSB_QUERY_URL, verifyHref } from '#src/lib/model/identity.ts';
import { ChannelFieldSchema } from '#src/schemas/settings.ts';
import { makeContent } from './fixtures.ts';

const base: ActInput = {
	units: [{ name: '省生态环境厅' }],
	siteReport: { value: '（演示占位）监督举报电话', placeholder: true },
	infoRequest: { value: '（演示占位）依申请公开', placeholder: true },
};

describe('what a citizen can do about a task', () => {
	it('puts the objection channel first during a notice window', () => {
		const notice = { start: '2021-06-20', end: '2021-07-09', contact: '电话 0351-1234567', sample: false };
		const a = taskActions({ ...base, notice });
		expect(a.map((x) => x.kind)).toEqual(['objection', 'report', 'info-request']);
		expect(a[0]!.text).toContain('2021-06-20 至 2021-07-09');
		expect(a[0]!.channel).toEqual({ value: '电话 0351-1234567', placeholder: false });
		// a notice published by a sample update names no real channel
		expect(taskActions({ ...base, notice: { ...notice, sample: true } })[0]!.channel!.placeholder).toBe(true);
	});

	it("uses the unit's own report channel when its record has one, else the site's (marked as a placeholder)", () => {
		const own = taskActions({ ...base, units: [{ name: '太原市', report: { value: '12345', placeholder: false } }] });
		expect(own.map((x) => x.kind)).toEqual(['report', 'info-request']);
		expect(own[0]).toMatchObject({ title: '向太原市监督举报', channel: { value: '12345' } });
		const site = taskActions(base);
		expect(site[0]!.channel).toEqual(base.siteReport);
		expect(site[0]!.text).toContain('本站未收录牵头单位的监督举报方式');
		expect(site[1]!.channel).toEqual(base.infoRequest);
	});

	it('prefills a request with the three items of 条例第二十九条, and says first when the task is a sample', () => {
		const facts = {
			planTitle: '山西省整改方案',
			number: '回头看第02号',
			title: '压减焦化总产能',
			leadUnits: ['省工业和信息化厅'],
			dueDate: '2020-12-31',
			asOf: '2021-06-30',
			statusLabel: '已完成',
			sample: false,
		};
		const text = infoRequestText(facts);
		expect(text.split('\n')[0]).toBe('政府信息公开申请');
		expect(text).toContain('省工业和信息化厅：');
		expect(text).toContain('姓名或者名称');
		expect(text).toContain('身份证明');
		expect(text).toContain('联系方式');
		expect(text).toContain('《山西省整改方案》回头看第02号“压减焦化总产能”的整改落实情况');
		expect(text).toContain('获取信息的方式、途径');
		expect(text).toContain('状态为“已完成”');
		expect(infoRequestText({ ...facts, sample: true }).split('\n')[0]).toMatch(/^【示例任务/);
		// An inferred due date is never asked about as if it were sourced (issue #23 item 3).
		expect(text).toContain('以及整改时限（2020-12-31）到期后的落实情况说明');
		const inferred = infoRequestText({ ...facts, dueDateInferred: true });
		expect(inferred).not.toContain('整改时限（2020-12-31）');
		expect(inferred).toContain('规定的整改时限（本站据公开材料推断为 2020-12-31，未见来源）');
	});
});

describe('footer identity', () => {
	it('links filing numbers to their official query pages, never a placeholder', () => {
		expect(verifyHref('icp', { value: '晋ICP备12345678号-1', placeholder: false })).toBe(ICP_QUERY_URL);
		expect(verifyHref('psb', { value: '晋公网安备 14010502000123号', placeholder: false })).toBe(
			`${PSB_QUERY_URL}?code=14010502000123`,
		);
		expect(verifyHref('psb', { value: '（演示占位）X公网安备00000000000000号', placeholder: true })).toBeUndefined();
		expect(verifyHref('organizer', { value: '山西省生态环境厅', placeholder: false })).toBeUndefined();
	});

	it('lists the rows once each, with labels that are not repeated in the values of the bundled settings', async () => {
		const rows = identityRows(makeContent().settings!.identity);
		expect(rows.map((r) => r.label)).toEqual([
			'主办单位',
			'承办单位',
			'联系方式',
			'监督举报',
			'网站标识码',
			'ICP备案号',
			'公安机关备案号',
		]);
		const { readFileSync } = await import('node:fs');
		const bundled = JSON.parse(readFileSync('content/settings.json', 'utf8'))[0];
		for (const r of identityRows(bundled.identity)) expect(r.field.value.startsWith(r.label), r.label).toBe(false);
	});

	it('refuses a placeholder channel that links somewhere or does not read as one', () => {
		expect(ChannelFieldSchema.safeParse({ value: '（演示占位）举报', placeholder: true }).success).toBe(true);
		expect(
			ChannelFieldSchema.safeParse({ value: '（演示占位）举报', placeholder: true, href: 'https://x.gov.cn/' }).success,
		).toBe(false);
		expect(ChannelFieldSchema.safeParse({ value: '0351-12345', placeholder: true }).success).toBe(false);
	});
});

describe('objectionWindow (the task page link and the objection action read it)', () => {
	const notice = { start: '2021-06-20', end: '2021-07-09', contact: '0351-0000000' };
	it('is the window only while the task is in notice and the window is known, marked when a sample published it', () => {
		const known = [{ closure: { notice }, provenance: { kind: 'sample' } }] as never;
		expect(objectionWindow({ status: 'in_notice', notice, known })).toEqual({ ...notice, sample: true });
		expect(objectionWindow({ status: 'in_notice', notice: undefined, known })).toBeUndefined();
		expect(objectionWindow({ status: 'completed', notice, known })).toBeUndefined();
	});
});
