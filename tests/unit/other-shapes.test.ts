// The model and pages' helpers for plans of other shapes (issue #22): status wordings of other offices, task numbers
// as the plan writes them, tasks without deadlines, and the page-gap checker the fixture e2e tests rely on.
import { describe, expect, it } from 'vitest';
import { officeWording, statusOfWording, STATUS_ALIASES } from '#src/lib/model/status-wording.ts';
import { REPORTED_STATUSES } from '#src/lib/model/statuses.ts';
import { taskStateAt } from '#src/lib/model/status.ts';
import { taskNumber } from '#src/lib/model/names.ts';
import { siteShape } from '#src/lib/model/shape.ts';
import { UpdateSchema } from '#src/schemas/index.ts';
import { pageGaps } from '#tests/support/page-gaps.ts';
import { makeContent, makeTask, makeUpdate } from './fixtures.ts';

describe('status wordings of other offices', () => {
	it('map to a reported status of the status table, whatever comma the office typed', () => {
		for (const s of Object.values(STATUS_ALIASES)) expect(REPORTED_STATUSES).toContain(s);
		expect(statusOfWording('已经完成，长期坚持')).toBe('long_term');
		expect(statusOfWording('已经完成,长期坚持')).toBe('long_term');
		expect(statusOfWording('基本完成')).toBe('on_track');
		expect(statusOfWording('持续整改跟踪中')).toBe('on_track');
		expect(statusOfWording('已经整改完成')).toBe('completed');
		expect(statusOfWording('已完成')).toBe('completed');
		expect(statusOfWording('说不清')).toBeUndefined();
	});
	it('are shown beside our status, unless they are our own label', () => {
		expect(officeWording({ status: 'on_track', statusText: '基本完成' })).toBe('（报告原文：基本完成）');
		expect(officeWording({ status: 'completed', statusText: '已完成' })).toBe('');
		expect(officeWording({ status: 'completed' })).toBe('');
	});
	it('are refused in an update when they disagree with its status, naming both', () => {
		const u = { ...makeUpdate('s-01/a'), status: 'completed', statusText: '持续整改跟踪中' } as Record<string, unknown>;
		delete u.id;
		delete u.body;
		const r = UpdateSchema.safeParse(u);
		expect(r.success).toBe(false);
		expect(r.error!.issues[0]!.path).toEqual(['statusText']);
		expect(r.error!.issues[0]!.message).toContain('on_track');
		expect(UpdateSchema.safeParse({ ...u, status: 'on_track' }).success).toBe(true);
	});
});

describe('tasks of another shape', () => {
	it('are numbered as the plan writes them', () => {
		const plan = (numberFormat?: string) =>
			({ series: [{ id: 'sx', label: '省序', name: '省序', order: 1, numberFormat }] }) as never;
		expect(taskNumber({ series: 'sx', no: '29' }, plan('{label}{no}'))).toBe('省序29');
		expect(taskNumber({ series: 'sx', no: '07' }, plan('第{no}号'))).toBe('第07号');
		expect(taskNumber({ series: 'sx', no: '3' }, plan('{no}'))).toBe('3');
		expect(taskNumber({ series: 'sx', no: '02' }, plan())).toBe('省序第02号');
	});
	it('are never overdue without a deadline, and overdue past one', () => {
		const bare = { ...makeTask('s-01'), dueDate: undefined };
		expect(taskStateAt(bare, [], '2030-01-01')).toMatchObject({ status: 'not_reported', overdue: false });
		expect(taskStateAt(makeTask('s-01'), [], '2030-01-01').status).toBe('overdue');
	});
	it('give the site its shape: groupings and columns only where some record has them', () => {
		const shanxi = siteShape(makeContent());
		expect(shanxi).toMatchObject({ units: true, batches: true, dueDates: true, leadUnits: true, contacts: false });
		const bare = makeContent({
			tasks: [{ ...makeTask('s-01'), leadUnits: undefined, dueDate: undefined, batch: undefined }],
		});
		expect(siteShape({ ...bare, plans: bare.plans.map((p) => ({ ...p, batches: [] })) })).toMatchObject({
			batches: false,
			dueDates: false,
			leadUnits: false,
		});
	});
});

describe('the page-gap checker', () => {
	it('finds an empty column, a 无 and an undefined, and passes a full table', () => {
		const table = (cells: string[]) =>
			`<table><thead><tr><th>任务</th><th>时限</th></tr></thead><tbody>${cells.map((c) => `<tr><td>甲</td><td>${c}</td></tr>`).join('')}</tbody></table>`;
		expect(pageGaps(table(['2020-12-31', '—']))).toEqual([]);
		expect(pageGaps(table(['—', '']))).toEqual(['表格的“时限”一列全空']);
		expect(pageGaps('<dl><dt>推算标记</dt><dd>无</dd></dl>')).toEqual(['“推算标记”一项是“无”']);
		expect(pageGaps('<p>整改时限 undefined</p>')).toEqual(['页面上有“undefined”']);
		expect(pageGaps('<script>let undefined;</script><p>好</p>')).toEqual([]);
	});
});

describe('the task sheet for plans of other shapes', () => {
	it('reads a row with only number, title, problem and provenance, and a contact and an implementing unit', async () => {
		const { rowToTask } = await import('#scripts/lib/spreadsheet.ts');
		const content = makeContent();
		const row = {
			series: 's',
			no: '3',
			title: '标题',
			problem: '问题',
			provenanceKind: '示例',
			provenanceNote: '示例说明',
		};
		const bare = rowToTask(row, 5, { content }, 'x.xlsx');
		expect(bare.problems).toEqual([]);
		expect(bare.task).toMatchObject({ no: '03', title: '标题' });
		expect(bare.task?.targets).toBeUndefined();
		expect(bare.task?.dueDate).toBeUndefined();
		const unit = content.units[0]!;
		const full = rowToTask(
			{ ...row, contactName: '张某', contactPhone: '0000', implementers: unit.name },
			5,
			{ content },
			'x.xlsx',
		);
		expect(full.task).toMatchObject({ contact: { name: '张某', phone: '0000' }, implementers: [unit.id] });
		const phoneOnly = rowToTask({ ...row, contactPhone: '0000' }, 5, { content }, 'x.xlsx');
		expect(phoneOnly.problems[0]).toMatchObject({ line: 5, field: '联系人' });
	});
});
