import { describe, expect, it } from 'vitest';
import {
	chartMark,
	chartSummary,
	largestRows,
	progressChart,
	rowTotals,
	stackedStatusChart,
	statusChart,
	statusesPresent,
	SUMMARY_ROWS,
	type ChartModel,
} from '#src/lib/view/charts.ts';
import { countByStatus, rollup, ROLLUP_KEYS, type ProgressPoint } from '#src/lib/model/rollups.ts';
import { statesAt } from '#src/lib/model/status.ts';
import { STATUS_GROUPS, TASK_STATUSES } from '#src/lib/model/statuses.ts';
import { makeTask, makeUpdate } from './fixtures.ts';

const tasks = [
	makeTask('s-01', { leadUnits: ['u1'] }),
	makeTask('s-02', { leadUnits: ['u1', 'u2'], dueDate: '2020-12-31' }),
	makeTask('s-03', { leadUnits: ['u2'] }),
];
const updates = [
	makeUpdate('s-01/a', { status: 'completed', factDate: '2019-11-01', publishedDate: '2019-11-02' }),
	makeUpdate('s-02/a', { status: 'behind', factDate: '2019-11-01', publishedDate: '2019-11-02' }),
];
const states = statesAt(tasks, updates, '2020-01-15');

describe('chart models and their labels', () => {
	it('status chart lists every status with its count, and the label says the same numbers', () => {
		const m = statusChart('st', '按状态', countByStatus(tasks, states));
		expect(m.categories).toHaveLength(TASK_STATUSES.length);
		expect(m.series[0]!.values.reduce((a, b) => a + b, 0)).toBe(3);
		const label = chartSummary(m);
		expect(label).toContain('已完成 1 项');
		expect(label).toContain('逾期未完成 1 项');
		expect(label).toContain('未达到序时进度 1 项');
		expect(label).toContain('已销号 0 项');
	});
	it('stacked chart keeps only statuses present, in canonical order, and rows add up', () => {
		const rows = rollup(tasks, states, ROLLUP_KEYS.leadUnit, ['u2', 'u1']);
		expect(statusesPresent(rows)).toEqual(['completed', 'overdue', 'behind']);
		const m = stackedStatusChart('u', '按牵头单位', '牵头单位', rows, (k) => `单位${k}`);
		// Each row of the table says what its counts rest on (the fixtures are samples); the axis draws the plain names
		// and the chart says it once (its mark).
		expect(m.categories).toEqual(['单位u2（均为示例）', '单位u1（均为示例）']);
		expect(m.names).toEqual(['单位u2', '单位u1']);
		expect(m.valueLabel).toBe('任务数（项）');
		expect(m.basis).toEqual(['sample', 'sample']);
		expect(m.series.map((s) => s.key)).toEqual(['completed', 'overdue', 'behind']);
		expect(m.series.map((s) => s.values)).toEqual([
			[0, 1],
			[1, 0],
			[1, 1],
		]);
		expect(rowTotals(m)).toEqual(rows.map((r) => r.total));
		expect(chartSummary({ ...m, mark: '图中 3 项任务（均为示例）' })).toBe(
			'按牵头单位（图中 3 项任务（均为示例）），按状态堆叠的条形图：单位u2 共 2 项（逾期未完成 1、未达到序时进度 1）；单位u1 共 2 项（已完成 1、未达到序时进度 1）。',
		);
	});
	it('a stacked chart with many rows names the largest ones and leaves the rest to the table', () => {
		const many: ChartModel = {
			id: 'a',
			kind: 'stacked',
			title: '按问题方面',
			categoryLabel: '问题方面',
			horizontal: true,
			categories: Array.from({ length: 30 }, (_, i) => `方面${i + 1}`),
			names: Array.from({ length: 30 }, (_, i) => `方面${i + 1}`),
			valueLabel: '任务数（项）',
			series: [
				{ key: 'completed', label: '已完成', values: Array.from({ length: 30 }, (_, i) => (i === 29 ? 100 : 1)) },
			],
		};
		const label = chartSummary(many);
		expect(
			label.startsWith('按问题方面，按状态堆叠的条形图（共 30 个问题方面，这里读出任务最多的 20 个）：方面1 共 1 项'),
		).toBe(true);
		expect(label).toContain('方面30 共 100 项（已完成 100）');
		expect(label).not.toContain('方面20 ');
		expect(label.endsWith('；其余 10 个问题方面共 10 项，逐个数据见下表。')).toBe(true);
		expect(label.match(/共 \d+ 项（/g)).toHaveLength(SUMMARY_ROWS);
	});
	it('progress chart has done, closed and due series and the label gives first and last values', () => {
		const none = { total: 0, sample: 0, partial: 0, unsourced: [] };
		const points: ProgressPoint[] = [
			{ date: '2019-12-31', done: 1, closed: 0, due: 2, basis: none },
			{ date: '2020-01-15', done: 3, closed: 1, due: 4, basis: none },
		];
		const m = progressChart('p', '进度', points);
		expect(m.title).toBe('进度');
		// A chart counting samples says so once, in its mark (the dashboard's); each row of its table in its last cell.
		const sampled = progressChart('p', '进度', [{ ...points[0]!, basis: { ...none, total: 2, sample: 1 } }]);
		expect(sampled.title).toBe('进度');
		expect(sampled.rowNotes).toEqual(['（含示例 1 项）']);
		expect(m.categories).toEqual(['2019-12-31', '2020-01-15']);
		expect(m.series.map((s) => s.values)).toEqual([
			[1, 3],
			[0, 1],
			[2, 4],
		]);
		const label = chartSummary(m);
		expect(label).toContain('2019-12-31 至 2020-01-15');
		expect(label).toContain(`${STATUS_GROUPS.done.label}由 1 项变为 3 项`);
		expect(label).toContain('应完成（已到整改时限）由 2 项变为 4 项');
	});
	it('a chart says once what its counts rest on: all samples, some, unverified inputs, or nothing when sourced', () => {
		const none = { total: 38, sample: 0, partial: 0, unsourced: [] };
		expect(chartMark({ ...none, sample: 38 })).toBe('图中 38 项任务（均为示例）');
		expect(chartMark({ ...none, sample: 37 })).toBe('图中 38 项任务（含示例 37 项）');
		expect(chartMark({ ...none, partial: 1, unsourced: ['dueDate'] })).toBe('图中 38 项任务（1 项原定整改时限未核实）');
		expect(chartMark(none)).toBe('');
		expect(chartMark({ ...none, total: 0 })).toBe('');
	});
	it('a short chart keeps the largest rows, ties in their order, in their order', () => {
		expect(largestRows([1, 5, 3, 5, 0], 3)).toEqual([1, 2, 3]);
		expect(largestRows([2, 2, 2], 2)).toEqual([0, 1]);
		expect(largestRows([4], 8)).toEqual([0]);
	});
	it('says so when there is nothing to draw', () => {
		expect(chartSummary(progressChart('p', '进度', []))).toBe('进度：暂无数据。');
	});
});
