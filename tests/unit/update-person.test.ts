// npm run update for a person: finding a task by its official number in any common form, evidence typed with a
// Chinese input method, the public status the task will show afterwards (from the status rule itself), --undo.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findTasks } from '#scripts/lib/find-task.ts';
import { evidenceEcho, parseEvidenceFlag } from '#scripts/lib/update-file.ts';
import { statusAfter } from '#src/lib/model/status-after.ts';
import { taskStateAt } from '#src/lib/model/status.ts';
import { makeContent, makeTask, makeUpdate } from './fixtures.ts';

describe('finding a task by number or words', () => {
	const content = makeContent({
		tasks: [makeTask('hkk-08', { title: '严格控制煤炭消费总量' }), makeTask('dq-08'), makeTask('hkk-12')],
	});
	const plan = content.plans[0]!;
	const series = (id: string, label: string) => ({ id, label, name: label, order: 1 });
	const plans = [{ ...plan, series: [series('hkk', '回头看'), series('dq', '大气专项')] }];
	const ids = (q: string) => findTasks(q, content.tasks, plans).map((t) => t.id);
	it.each([
		['回头看第08号', ['hkk-08']],
		['回头看第8号', ['hkk-08']],
		['hkk-08', ['hkk-08']],
		['HKK-8', ['hkk-08']],
		['大气第8号', ['dq-08']],
		['第8号', ['hkk-08', 'dq-08']],
		['8', ['hkk-08', 'dq-08']],
		['８', ['hkk-08', 'dq-08']],
		['煤炭', ['hkk-08']],
		['第13号', []],
	])('%s finds %j', (q, want) => expect(ids(q)).toEqual(want));
});

describe('evidence typed with a Chinese input method', () => {
	it('splits on the full-width ｜ and makes link and date half-width', () => {
		const e = parseEvidenceFlag('工作简报｜ｈｔｔｐｓ：／／sthjt.shanxi.gov.cn/x｜省生态环境厅｜２０２１－０６－２５');
		expect(e).toEqual({
			title: '工作简报',
			url: 'https://sthjt.shanxi.gov.cn/x',
			publisher: '省生态环境厅',
			date: '2021-06-25',
		});
		expect(evidenceEcho(e)).toBe(
			'标题“工作简报”，网址 https://sthjt.shanxi.gov.cn/x，发布单位 省生态环境厅，日期 2021-06-25',
		);
	});
	it('reads back what is missing, so a line that became one title is visible', () => {
		expect(evidenceEcho(parseEvidenceFlag('只有标题'))).toContain('网址 （未填）');
	});
});

describe('the public status after an update', () => {
	const task = makeTask('hkk-08', { dueDate: '2019-12-31', provenance: { kind: 'official' } });
	const official = { provenance: { kind: 'official' } };
	const later = makeUpdate('hkk-08/2020-12-31', {
		...official,
		status: 'behind',
		factDate: '2020-12-31',
		publishedDate: '2021-01-05',
	});
	it('an earlier completion does not decide: the later update still does, and the reason says so', () => {
		const mine = makeUpdate('hkk-08/2020-06-01', {
			...official,
			status: 'completed',
			factDate: '2020-06-01',
			publishedDate: '2021-06-30',
		});
		const a = statusAfter(task, [later], [mine], '2021-06-30');
		expect(a.status).toBe(taskStateAt(task, [later, mine], '2021-06-30').status);
		expect(a.status).toBe('overdue');
		expect(a.reason).toBe('仍显示逾期未完成：2020-12-31 的进展（未达到序时进度）晚于本条，网站以最新一条为准');
	});
	it('a later completion changes the status, and the reason names the report', () => {
		const mine = makeUpdate('hkk-08/2021-06-01', {
			...official,
			status: 'completed',
			factDate: '2021-06-01',
			publishedDate: '2021-06-30',
		});
		const a = statusAfter(task, [later], [mine], '2021-06-30');
		expect(a.status).toBe('completed');
		expect(a.reason).toBe('将显示已完成：依据本条报告的“已完成”');
	});
	it('a sample task says so in the reason', () => {
		const sample = makeTask('hkk-08');
		const mine = makeUpdate('hkk-08/2021-06-01', {
			status: 'on_track',
			factDate: '2021-06-01',
			publishedDate: '2021-06-02',
		});
		expect(statusAfter(sample, [], [mine], '2021-06-30').reason).toMatch(
			/^仍显示逾期未完成（示例）：整改时限 2019-12-31 已过/,
		);
	});
});

describe('npm run update -- --undo', { timeout: 60_000 }, () => {
	const tmp = mkdtempSync(join(tmpdir(), 'zg-undo-'));
	afterAll(() => rmSync(tmp, { recursive: true, force: true }));
	const dir = join(tmp, 'content');
	cpSync('content', dir, { recursive: true });
	const run = (...args: string[]) =>
		spawnSync(process.execPath, ['scripts/update.ts', '--content-dir', dir, ...args], {
			env: { ...process.env, AS_OF: '2021-06-30' },
			encoding: 'utf8',
		});
	it('removes the update written last that is not published, and never a published one', () => {
		const w = run('--yes', '--task', '回头看第11号', '--status', '推进中', '--fact-date', '2021-06-20');
		expect(w.status).toBe(2); // 推进中 is not a status: nothing written
		const ok = run(
			...['--yes', '--task', '回头看第11号', '--status', 'on_track', '--fact-date', '2021-06-20'],
			...['--title', '推进中', '--text', '按计划推进。'],
		);
		expect(ok.status, ok.stderr).toBe(0);
		expect(ok.stdout).toContain('写入后网站显示（截至 2021-06-30）：');
		const mine = join(dir, 'updates/hkk-11/2021-06-20.md');
		expect(existsSync(mine)).toBe(true);
		// A published update touched later is still not the one removed.
		const published = join(dir, 'updates/hkk-02/2020-12-31.md');
		const future = new Date(Date.now() + 60_000);
		utimesSync(published, future, future);
		const u = run('--undo');
		expect(u.status, u.stderr).toBe(0);
		expect(u.stdout).toContain('已删除');
		expect(existsSync(mine)).toBe(false);
		expect(existsSync(published)).toBe(true);
	});
	it('says there is nothing to undo when every update is published', () => {
		const u = run('--undo');
		expect(u.status).toBe(1);
		expect(u.stdout).toContain('没有尚未发布的进展可以撤销');
		expect(readdirSync(join(dir, 'updates/hkk-02')).length).toBeGreaterThan(0);
	});
	it('an ambiguous number names the tasks it could mean', () => {
		const r = run(
			'--yes',
			'--task',
			'第8号',
			'--status',
			'on_track',
			'--fact-date',
			'2021-06-20',
			'--title',
			'x',
			'--text',
			'y',
		);
		expect(r.status).toBe(2);
		expect(r.stderr).toContain('回头看第08号（hkk-08）');
	});
});
