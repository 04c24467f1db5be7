import type { City, Measure, MeasureGroup, Plan, ProblemArea, Unit } from '../schemas/index.ts';
import { byId, type Content, type TaskRecord, type UpdateRecord } from './content.ts';
import { compareUpdates, statesAt, type TaskState } from './status.ts';

/** Content with its lookups and every task's state at the build's as-of date. */
export interface SiteModel {
	content: Content;
	asOf: string;
	states: Map<string, TaskState>;
	plans: Map<string, Plan>;
	groups: Map<string, MeasureGroup>;
	measures: Map<string, Measure>;
	areas: Map<string, ProblemArea>;
	units: Map<string, Unit>;
	cities: Map<string, City>;
	tasks: Map<string, TaskRecord>;
	/** Updates per task, in story order (all of them; pages filter by the as-of state's `known`). */
	updatesByTask: Map<string, UpdateRecord[]>;
}

/** Builds the lookups and states the pages, data files and feeds all read from. */
export function buildSiteModel(content: Content, asOf: string): SiteModel {
	const updatesByTask = new Map<string, UpdateRecord[]>();
	for (const u of [...content.updates].sort(compareUpdates)) {
		const list = updatesByTask.get(u.task);
		if (list) list.push(u);
		else updatesByTask.set(u.task, [u]);
	}
	const index = <T extends { id: string }>(list: readonly T[]) => new Map([...list].sort(byId).map((r) => [r.id, r]));
	return {
		content,
		asOf,
		states: statesAt(content.tasks, content.updates, asOf),
		plans: index(content.plans),
		groups: index(content.measureGroups),
		measures: index(content.measures),
		areas: index(content.problemAreas),
		units: index(content.units),
		cities: index(content.cities),
		tasks: index(content.tasks),
		updatesByTask,
	};
}

/** The task's number as the plan writes it, e.g. 回头看第02号. */
export function taskNumber(task: TaskRecord, plan: Plan | undefined): string {
	const label = plan?.series.find((s) => s.id === task.series)?.label ?? task.series;
	return `${label}第${task.no}号`;
}

/** Orders tasks as the plan lists them: plan, series order, number. */
export function compareTasks(plans: ReadonlyMap<string, Plan>) {
	return (a: TaskRecord, b: TaskRecord): number => {
		if (a.plan !== b.plan) return a.plan < b.plan ? -1 : 1;
		const series = plans.get(a.plan)?.series ?? [];
		const sa = series.find((s) => s.id === a.series)?.order ?? 0;
		const sb = series.find((s) => s.id === b.series)?.order ?? 0;
		if (sa !== sb) return sa - sb;
		return a.no < b.no ? -1 : a.no > b.no ? 1 : 0;
	};
}

/** How many of the records are illustrative samples (a page showing any must carry the sample notice). */
export function countSamples(records: Iterable<{ provenance: { kind: string } }>): number {
	let n = 0;
	for (const r of records) if (r.provenance.kind === 'sample') n++;
	return n;
}

/** A prefix naming the plan, when the site carries more than one (so headings and landmarks stay distinct). */
export function planQualifier(site: Pick<SiteModel, 'plans'>, planId: string): string {
	return site.plans.size > 1 ? `${site.plans.get(planId)?.shortTitle ?? planId} · ` : '';
}

/** A problem area's title, prefixed with its plan when the site has several (the dashboard chart and the task-list filter). */
export function areaLabel(site: Pick<SiteModel, 'plans' | 'areas'>, areaId: string): string {
	const area = site.areas.get(areaId);
	return area ? `${planQualifier(site, area.plan)}${area.title}` : areaId;
}

/** The site's plans, earliest published first (ties by id): the dashboard's plan table and /plans/. */
export function plansByPublication(site: Pick<SiteModel, 'plans'>): Plan[] {
	return [...site.plans.values()].sort((a, b) => (a.publishedDate === b.publishedDate ? (a.id < b.id ? -1 : 1) : a.publishedDate < b.publishedDate ? -1 : 1));
}

/** Orders records numbered within their plan (problem areas, measure groups): plan, then number. */
export function comparePlanNo(a: { plan: string; no: number }, b: { plan: string; no: number }): number {
	return a.plan === b.plan ? a.no - b.no : a.plan < b.plan ? -1 : 1;
}

/**
 * The deadline batches across plans, each id once (plans share ids such as "immediate"), in each plan's
 * order, labelled as the first plan that has it: the task-list filter and the dashboard chart use this.
 */
export function batchOptions(plans: Iterable<Plan>): { id: string; label: string }[] {
	const out = new Map<string, string>();
	for (const p of plans) for (const b of [...p.batches].sort((x, y) => x.order - y.order)) if (!out.has(b.id)) out.set(b.id, b.label);
	return [...out].map(([id, label]) => ({ id, label }));
}

/** The label of a deadline batch of a plan. */
export function batchLabel(plan: Plan | undefined, batch: string): string {
	return plan?.batches.find((b) => b.id === batch)?.label ?? batch;
}
