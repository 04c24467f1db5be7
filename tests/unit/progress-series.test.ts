// Issue #23 item 4: the progress chart's series (done, closed, 应完成) agree, month end by month end, with the status
// each task has at that date by the one status rule (taskStateAt), so the chart never says less than the status table.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '#src/lib/content/load.ts';
import { historyDates } from '#src/lib/model/changes.ts';
import { progressOverTime } from '#src/lib/model/rollups.ts';
import { isDone, taskStateAt } from '#src/lib/model/status.ts';
import type { TaskStatus } from '#src/lib/model/statuses.ts';
import { progressChart } from '#src/lib/view/charts.ts';
import { makeTask, makeUpdate } from './fixtures.ts';

/** The statuses that say a deadline has passed without the task done: such a task was due. */
const PAST_DUE: ReadonlySet<TaskStatus> = new Set(['overdue', 'extended_late', 'undetermined']);

/** The chart's three series at each date, recomputed task by task from taskStateAt. */
function fromStatusTable(
	tasks: Parameters<typeof progressOverTime>[0],
	updates: Parameters<typeof progressOverTime>[1],
	dates: readonly string[],
) {
	return dates.map((date) => {
		const states = tasks.map((t) => taskStateAt(t, updates, date));
		return {
			done: states.filter((s) => isDone(s.status)).length,
			closed: states.filter((s) => s.status === 'closed').length,
			due: states.filter((s) => PAST_DUE.has(s.status) || (s.dueDate !== undefined && s.dueDate <= date)).length,
		};
	});
}

/** The values of the chart drawn from the series (what the page's data table and canvas show). */
function chartValues(points: ReturnType<typeof progressOverTime>) {
	const model = progressChart('p', '进度', points);
	const of = (key: string) => model.series.find((s) => s.key === key)!.values;
	return points.map((_, i) => ({ done: of('done')[i], closed: of('closed')[i], due: of('due')[i] }));
}

describe('progress chart against the status table', () => {
	it('agrees at every month end of the bundled content, and 应完成 never falls', () => {
		const { content, problems } = loadContent(resolve('content'), resolve('.'));
		expect(problems).toEqual([]);
		const asOf = '2021-06-30';
		const updates = content.updates.filter((u) => u.publishedDate <= asOf);
		const dates = historyDates(content.plans, asOf);
		expect(dates.length).toBeGreaterThan(12);
		const points = progressOverTime(content.tasks, updates, dates);
		expect(chartValues(points)).toEqual(fromStatusTable(content.tasks, updates, dates));
		// No deadline of the bundled content moves before it lapses, so the tasks due only accumulate (28 → 27 was a bug).
		for (let i = 1; i < points.length; i++) expect(points[i]!.due).toBeGreaterThanOrEqual(points[i - 1]!.due);
	});

	it('keeps a deadline extended after it lapsed as due, and drops one extended before it', () => {
		const tasks = [makeTask('s-01', { dueDate: '2019-12-31' }), makeTask('s-02', { dueDate: '2019-12-31' })];
		const change = { to: '2020-06-30', reason: '工程量调整' };
		const updates = [
			makeUpdate('s-01/1', {
				status: 'behind',
				factDate: '2020-01-08',
				publishedDate: '2020-01-10',
				dueDateChange: change,
			}),
			makeUpdate('s-02/1', {
				status: 'behind',
				factDate: '2019-12-20',
				publishedDate: '2019-12-21',
				dueDateChange: change,
			}),
		];
		const dates = ['2019-12-31', '2020-01-31'];
		const points = progressOverTime(tasks, updates, dates);
		expect(points.map((p) => p.due)).toEqual([1, 1]);
		expect(taskStateAt(tasks[0]!, updates, '2020-01-31').status).toBe('extended_late');
		expect(chartValues(points)).toEqual(fromStatusTable(tasks, updates, dates));
	});
});
