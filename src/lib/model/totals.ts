import type { Content } from './content.ts';

/** One row of the declared-vs-records table on the plan page (e.g. 整改任务 38 / 38). */
export interface TotalRow {
	/** Field path under the plan's declaredTotals. */
	key: string;
	label: string;
	declared: number;
	actual: number;
}

/** The plan's declared totals beside the counts in the records, in display order. */
export function declaredVsRecords(content: Content, planId: string): TotalRow[] {
	const plan = content.plans.find((p) => p.id === planId);
	if (!plan) throw new Error(`unknown plan ${planId}`);
	const d = plan.declaredTotals;
	const groups = content.measureGroups.filter((g) => g.plan === planId);
	const groupIds = new Set(groups.map((g) => g.id));
	const tasks = content.tasks.filter((t) => t.plan === planId);
	const rows: TotalRow[] = [
		{
			key: 'problemAreas',
			label: '问题方面',
			declared: d.problemAreas,
			actual: content.problemAreas.filter((a) => a.plan === planId).length,
		},
		{ key: 'measureGroups', label: '措施方面', declared: d.measureGroups, actual: groups.length },
		{
			key: 'measures',
			label: '整改措施',
			declared: d.measures,
			actual: content.measures.filter((m) => groupIds.has(m.group)).length,
		},
		{ key: 'tasks', label: '整改任务', declared: d.tasks, actual: tasks.length },
	];
	for (const s of plan.series)
		rows.push({
			key: `tasksBySeries.${s.id}`,
			label: `其中 ${s.name}`,
			declared: d.tasksBySeries[s.id] ?? 0,
			actual: tasks.filter((t) => t.series === s.id).length,
		});
	for (const b of plan.batches)
		rows.push({
			key: `tasksByBatch.${b.id}`,
			label: `其中 ${b.label}`,
			declared: d.tasksByBatch[b.id] ?? 0,
			actual: tasks.filter((t) => t.batch === b.id).length,
		});
	rows.push({
		key: 'specificMeasures',
		label: '具体整改措施',
		declared: d.specificMeasures,
		actual: tasks.reduce((n, t) => n + t.measures.length, 0),
	});
	return rows;
}
