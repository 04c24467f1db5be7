import { describe, expect, it } from 'vitest';
import {
	dashboardCharts,
	donePercent,
	headlineFigures,
	headlineSentence,
	overdueTasks,
	planRows,
	progressRange,
	REST_KEY,
	topRows,
} from '#src/lib/view/dashboard.ts';
import { daysBetween } from '#src/lib/model/dates.ts';
import {
	emptyCounts,
	emptyStatusBasis,
	headline,
	progressOverTime,
	type ProgressPoint,
	type RollupRow,
	possibleStatuses,
} from '#src/lib/model/rollups.ts';
import { statesAt } from '#src/lib/model/status.ts';
import { buildSiteModel } from '#src/lib/model/site-model.ts';
import { monthEnds } from '#src/lib/model/dates.ts';
import { emptyCountBasis } from '#src/lib/model/basis.ts';
import { makeContent, makeTask, makeUpdate } from './fixtures.ts';

const tasks = [
	makeTask('s-01', { dueDate: '2019-12-31' }),
	makeTask('s-02', { dueDate: '2019-12-31' }),
	makeTask('s-03', { dueDate: '2020-06-30' }),
	makeTask('s-04', { batch: 'end-2020', dueDate: '2020-12-31' }),
];
const updates = [
	makeUpdate('s-01/a', { status: 'completed', factDate: '2019-11-01', publishedDate: '2019-11-02' }),
	makeUpdate('s-04/a', { status: 'behind', factDate: '2020-05-01', publishedDate: '2020-05-02' }),
];

describe('daysBetween', () => {
	it('counts calendar days, across a leap day and backwards', () => {
		expect(daysBetween('2019-12-31', '2021-06-30')).toBe(547);
		expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2);
		expect(daysBetween('2020-03-01', '2020-02-28')).toBe(-2);
	});
});

describe('the story at a date', () => {
	const date = '2020-08-31';
	const states = statesAt(tasks, updates, date);
	const h = headline(tasks, states);

	it('lists the overdue tasks longest first with their days overdue', () => {
		const o = overdueTasks(tasks, states);
		expect(o.map((x) => [x.task.id, x.days])).toEqual([
			['s-02', 244],
			['s-03', 62],
		]);
	});

	it('says it in one sentence, rounding the share down', () => {
		expect(donePercent({ tasks: 3, done: 2 })).toBe(66);
		expect(donePercent({ tasks: 0, done: 0 })).toBe(0);
		expect(
			headlineSentence(h, overdueTasks(tasks, states), { total: 4, sample: 4, partial: 0, unsourced: [] }),
		).toMatch(/^4 项任务（均为示例）中 /);
		expect(headlineSentence(h, overdueTasks(tasks, states))).toBe(
			'4 项任务中 1 项已完成或长期坚持（25%）；2 项逾期未完成，最久的已逾期约 8 个月（244 天）；1 项未到整改时限。',
		);
	});

	it('says so when nothing is overdue', () => {
		const early = statesAt(tasks, updates, '2019-12-01');
		const s = headlineSentence(headline(tasks, early), overdueTasks(tasks, early));
		expect(s).toContain('没有逾期未完成的任务');
		expect(s).toContain('3 项未到整改时限');
	});

	it('shows only the statuses that can occur at the date', () => {
		// before any due date: nothing can be overdue
		expect(possibleStatuses(tasks, statesAt(tasks, updates, '2019-12-01'), '2019-12-01').has('overdue')).toBe(false);
		// after every due date, with the open tasks overdue: no task can be on track or behind any more
		const late = statesAt(tasks, updates, '2021-06-30');
		const p = possibleStatuses(tasks, late, '2021-06-30');
		expect(p.has('overdue')).toBe(true);
		expect(p.has('on_track') || p.has('behind') || p.has('not_reported')).toBe(false);
		const figures = headlineFigures(tasks, late, '2021-06-30', 4).map((f) => f.key);
		expect(figures).toEqual(['tasks', 'done', 'overdue', 'closed', 'in_notice', 'completed', 'long_term']);
		// a rare status is a figure only when some task has it: 暂无进展 while three tasks have no update yet
		const early = statesAt(tasks, updates, '2019-12-01');
		expect(headlineFigures(tasks, early, '2019-12-01', 4).find((f) => f.key === 'not_reported')?.n).toBe(3);
		expect(figures).not.toContain('not_reported');
	});

	it('gives the same figures in the same order with the same labels whatever the date', () => {
		const later = statesAt(tasks, updates, '2021-06-30');
		const a = headlineFigures(tasks, states, date, 4);
		const b = headlineFigures(tasks, later, '2021-06-30', 4);
		// a figure has one label, and figures keep one order, whatever the date shows
		const common = a.filter((f) => b.some((g) => g.key === f.key));
		expect(common.map((f) => [f.key, f.label])).toEqual(
			b.filter((g) => a.some((f) => f.key === g.key)).map((g) => [g.key, g.label]),
		);
		expect(a.find((f) => f.key === 'done')).toMatchObject({
			n: 1,
			label: '完成合计（含已销号、长期坚持）',
			lead: true,
		});
		// the fixture's tasks are samples: the count says so
		expect(a.find((f) => f.key === 'done')!.basis).toMatchObject({ total: 1, sample: 1 });
		// the declared total stands beside the records' count
		expect(headlineFigures(tasks, states, date, 38)[0]!.label).toBe('整改任务（方案声明 38 项）');
		expect(headlineFigures(tasks, states, date, undefined)[0]!.label).toBe('整改任务');
	});
});

describe('chart ranges and long rollups', () => {
	const point = (date: string, done: number): ProgressPoint => ({
		date,
		done,
		closed: 0,
		due: 2,
		basis: emptyCountBasis(),
	});

	it('cuts a long flat tail and says which months it left out', () => {
		const points = monthEnds('2019-12-01', '2021-06-30').map((d, i) => point(d, Math.min(i, 3)));
		const r = progressRange(points);
		expect(r.points.map((p) => p.date)).toEqual(['2019-12-31', '2020-01-31', '2020-02-29', '2020-03-31', '2020-04-30']);
		expect(r.unchanged).toEqual({ from: '2020-05-31', to: '2021-06-30' });
	});

	it('keeps a short flat tail', () => {
		const points = monthEnds('2019-12-01', '2020-06-30').map((d, i) => point(d, Math.min(i, 3)));
		expect(progressRange(points)).toEqual({ points });
	});

	it('keeps the largest rows in their order and sums the rest into one row', () => {
		const row = (key: string, total: number): RollupRow => ({
			key,
			total,
			byStatus: { ...emptyCounts(), overdue: total },
			basis: emptyStatusBasis(),
		});
		const rows = [row('a', 1), row('b', 5), row('c', 2), row('d', 4)];
		expect(topRows(rows, 4).rows).toHaveLength(4);
		const t = topRows(rows, 3);
		expect(t.rows.map((r) => [r.key, r.total])).toEqual([
			['b', 5],
			['d', 4],
			[REST_KEY, 3],
		]);
		expect(t.rest).toBe(2);
		expect(t.rows[2]!.byStatus.overdue).toBe(3);
	});
});

describe('dashboard charts', () => {
	it('build the same five charts for any date, the progress chart cut at the date', () => {
		const content = makeContent({ tasks, updates });
		const site = buildSiteModel(content, '2021-06-30');
		const months = monthEnds('2019-12-30', '2021-06-30');
		const progress = progressOverTime(tasks, updates, months);
		const now = dashboardCharts(site, tasks, site.states, site.asOf, progress);
		const then = dashboardCharts(site, tasks, statesAt(tasks, updates, '2020-03-31'), '2020-03-31', progress);
		expect(now.map((c) => c.model.id)).toEqual(['all-status', 'all-batch', 'all-progress', 'all-unit', 'all-area']);
		expect(then.map((c) => c.model.id)).toEqual(now.map((c) => c.model.id));
		expect(then[2]!.model.categories.at(-1)).toBe('2020-03-31');
		// a status that cannot occur at the date is not a bar
		expect(now[0]!.model.categories).not.toContain('达到序时进度');
		expect(planRows(site, tasks, site.states).map((r) => [r.plan.id, r.h.tasks])).toEqual([['p1', 4]]);
	});
});
