// Every status of the status table reaches every place that shows statuses: one task in each (the model's own
// worked examples, src/lib/model/rules.ts), then the headline figures, the status chart, the search facets and the
// task data file must each carry it. A status added to the table alone fails here until it is wired everywhere.
import { describe, expect, it } from 'vitest';
import { STATUS_LABELS, TASK_STATUSES } from '#src/lib/model/statuses.ts';
import { ruleExamples } from '#src/lib/model/rules.ts';
import { buildSiteModel } from '#src/lib/model/site-model.ts';
import type { TaskState } from '#src/lib/model/status.ts';
import { dashboardCharts, headlineFigures } from '#src/lib/view/dashboard.ts';
import { facetValues, taskSearchRecord } from '#src/lib/search/facets.ts';
import { exportContext, TASKS } from '#src/lib/publish/datasets.ts';
import { csvRows } from '#src/lib/publish/columns.ts';
import { makeContent, makeTask } from './fixtures.ts';

// One task per status, each in the state its first worked example derives.
const examples = TASK_STATUSES.map((s) => ruleExamples().find((x) => x.status === s)!);
const tasks = examples.map((_, i) => makeTask(`s-${String(i + 1).padStart(2, '0')}`));
const states = new Map<string, TaskState>(tasks.map((t, i) => [t.id, examples[i]!.state]));
const site = { ...buildSiteModel(makeContent({ tasks }), '2021-03-31'), states };
const date = site.asOf;

describe('a task in each status', () => {
	it('has a worked example for every status to start from', () => {
		expect(examples.every(Boolean)).toBe(true);
		expect(examples.map((x) => x.state.status)).toEqual(TASK_STATUSES);
	});
	it('is counted in the headline figures, under its label', () => {
		const figures = headlineFigures(tasks, states, date, tasks.length);
		for (const s of TASK_STATUSES)
			expect(
				figures.find((f) => f.key === s),
				s,
			).toMatchObject({ n: 1, label: STATUS_LABELS[s] });
		expect(figures.find((f) => f.key === 'tasks')!.n).toBe(TASK_STATUSES.length);
	});
	it('is drawn in the status chart, under its label', () => {
		const chart = dashboardCharts(site, tasks, states, date, [])[0]!;
		expect(chart.rowKeys).toEqual(TASK_STATUSES);
		expect(chart.model.categories).toEqual(TASK_STATUSES.map((s) => expect.stringContaining(STATUS_LABELS[s])));
	});
	it('is a search facet value and its task is filed under it', () => {
		const values = facetValues(site).status.map((v) => v.value);
		tasks.forEach((t, i) => {
			const s = TASK_STATUSES[i]!;
			expect(values, s).toContain(s);
			expect(taskSearchRecord(t, site).filters.status, s).toContain(s);
		});
	});
	it('is written in the task data file, key and label', () => {
		const rows = csvRows(TASKS, tasks, exportContext(site, 'https://example.gov.cn/'));
		const head = rows[0]!;
		const [key, label] = ['状态代码', '状态'].map((h) => head.indexOf(h));
		expect(rows.slice(1).map((r) => [r[key!], r[label!]])).toEqual(TASK_STATUSES.map((s) => [s, STATUS_LABELS[s]]));
	});
});
