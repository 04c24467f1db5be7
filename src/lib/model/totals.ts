import type { Content } from './content.ts';

/** One row of the declared-vs-records table on the plan page (e.g. 整改任务 38 / 38). */
export interface TotalRow {
	/** Field path under the plan's declaredTotals. */
	key: string;
	label: string;
	declared: number;
	/** Records that carry content: placeholder lines are not counted. */
	actual: number;
	/** Placeholder lines standing for records not yet found (具体整改措施 "（未核实）…待补录"). */
	placeholders: number;
	/** Of `actual`, how many are in illustrative sample records. */
	samples: number;
}

/** How a placeholder line starts: text standing in for a record whose source has not been found. */
export const PLACEHOLDER_MARK = '（未核实）';

/** True when a line (a specific measure) is a placeholder, not a recorded fact. */
export function isPlaceholder(text: string): boolean {
	return text.trim().startsWith(PLACEHOLDER_MARK);
}

/** The plan's declared totals beside the counts in the records, in display order. */
export function declaredVsRecords(content: Content, planId: string): TotalRow[] {
	const plan = content.plans.find((p) => p.id === planId);
	if (!plan) throw new Error(`unknown plan ${planId}`);
	const d = plan.declaredTotals;
	// A plan that declares no totals, or not this one, has no row for it (no "0 / 4" it never stated).
	if (!d) return [];
	const groups = content.measureGroups.filter((g) => g.plan === planId);
	const groupIds = new Set(groups.map((g) => g.id));
	const tasks = content.tasks.filter((t) => t.plan === planId);
	const rows: TotalRow[] = [];
	const row = (key: string, label: string, declared: number | undefined, actual: number, samples = 0): void => {
		if (declared !== undefined) rows.push({ key, label, declared, actual, placeholders: 0, samples });
	};
	const sampleTasks = (list: readonly { provenance: { kind: string } }[]) =>
		list.filter((t) => t.provenance.kind === 'sample').length;
	row('problemAreas', '问题方面', d.problemAreas, content.problemAreas.filter((a) => a.plan === planId).length);
	row('measureGroups', '措施方面', d.measureGroups, groups.length);
	row('measures', '整改措施', d.measures, content.measures.filter((m) => groupIds.has(m.group)).length);
	row('tasks', '整改任务', d.tasks, tasks.length, sampleTasks(tasks));
	// A per-series or per-batch row only when the plan declares any of them (a one-series plan declares none).
	const bySeries = Object.keys(d.tasksBySeries).length > 0;
	for (const s of bySeries ? plan.series : []) {
		const list = tasks.filter((t) => t.series === s.id);
		row(`tasksBySeries.${s.id}`, `其中 ${s.name}`, d.tasksBySeries[s.id] ?? 0, list.length, sampleTasks(list));
	}
	const byBatch = Object.keys(d.tasksByBatch).length > 0;
	for (const b of byBatch ? plan.batches : []) {
		const list = tasks.filter((t) => t.batch === b.id);
		row(`tasksByBatch.${b.id}`, `其中 ${b.label}`, d.tasksByBatch[b.id] ?? 0, list.length, sampleTasks(list));
	}
	if (d.specificMeasures === undefined) return rows;
	const specific = {
		key: 'specificMeasures',
		label: '具体整改措施',
		declared: d.specificMeasures,
		actual: 0,
		placeholders: 0,
		samples: 0,
	};
	for (const t of tasks)
		for (const m of t.measures ?? []) {
			if (isPlaceholder(m)) specific.placeholders++;
			else {
				specific.actual++;
				if (t.provenance.kind === 'sample') specific.samples++;
			}
		}
	rows.push(specific);
	return rows;
}

/**
 * The tasks the plans declare, summed over the site's plans (the dashboard's 方案声明 figure); undefined when no plan
 * declares a total (a figure of 0 would say the plan declared none).
 */
export function declaredTaskTotal(plans: Iterable<{ declaredTotals?: { tasks: number } }>): number | undefined {
	let n: number | undefined;
	for (const p of plans) if (p.declaredTotals) n = (n ?? 0) + p.declaredTotals.tasks;
	return n;
}
