/** How the site names and orders plans, tasks, batches and areas: the same words on every page, file and feed. */
import type { Plan } from '#src/schemas/index.ts';
import type { TaskRecord } from './content.ts';
import type { SiteModel } from './site-model.ts';

/** The task's number as the plan writes it, e.g. 回头看第02号. */
export function taskNumber(task: Pick<TaskRecord, 'series' | 'no'>, plan: Plan | undefined): string {
	const series = plan?.series.find((s) => s.id === task.series);
	const format = series?.numberFormat ?? DEFAULT_NUMBER_FORMAT;
	return format.replaceAll('{label}', series?.label ?? task.series).replaceAll('{no}', task.no);
}

/** How a task number is written when the series does not say: 回头看第02号. */
export const DEFAULT_NUMBER_FORMAT = '{label}第{no}号';

/** How many digits a series' task numbers have (zero-padded): the series' `digits`, else 2. */
export function seriesDigits(plan: Plan | undefined, seriesId: string): number {
	return plan?.series.find((s) => s.id === seriesId)?.digits ?? 2;
}

/** Orders tasks as the plan lists them: plan, series order, number. */
export function compareTasks(plans: ReadonlyMap<string, Plan>) {
	return (a: TaskRecord, b: TaskRecord): number => {
		if (a.plan !== b.plan) return a.plan < b.plan ? -1 : 1;
		const series = plans.get(a.plan)?.series ?? [];
		const sa = series.find((s) => s.id === a.series)?.order ?? 0;
		const sb = series.find((s) => s.id === b.series)?.order ?? 0;
		if (sa !== sb) return sa - sb;
		// Numbers compare as numbers: a one-digit series runs 1…N (9 before 10).
		if (a.no.length !== b.no.length) return Number(a.no) - Number(b.no);
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

/**
 * A problem area's title, prefixed with its plan when the site has several (the dashboard chart and the task-list
 * filter).
 */
export function areaLabel(site: Pick<SiteModel, 'plans' | 'areas'>, areaId: string): string {
	const area = site.areas.get(areaId);
	return area ? `${planQualifier(site, area.plan)}${area.title}` : areaId;
}

/** The site's plans, earliest published first (ties by id): the dashboard's plan table and /plans/. */
export function plansByPublication(site: Pick<SiteModel, 'plans'>): Plan[] {
	return [...site.plans.values()].sort((a, b) =>
		a.publishedDate === b.publishedDate ? (a.id < b.id ? -1 : 1) : a.publishedDate < b.publishedDate ? -1 : 1,
	);
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
	for (const p of plans)
		for (const b of [...p.batches].sort((x, y) => x.order - y.order)) if (!out.has(b.id)) out.set(b.id, b.label);
	return [...out].map(([id, label]) => ({ id, label }));
}

/** The label of a deadline batch of a plan. */
export function batchLabel(plan: Plan | undefined, batch: string): string {
	return plan?.batches.find((b) => b.id === batch)?.label ?? batch;
}

/** Which of a plan's groupings a page presents: its problem areas, or its split into measures. */
export type Classification = 'problemAreas' | 'measures';

/**
 * The notes saying a grouping is this site's own, not the plan's, for the plans a page presents (each note once):
 * every page presenting problem areas or the measure split shows them.
 */
export function ownClassificationNotes(
	site: Pick<SiteModel, 'plans'>,
	kind: Classification,
	planIds: Iterable<string> = site.plans.keys(),
): string[] {
	const notes = new Set<string>();
	for (const id of planIds) {
		const plan = site.plans.get(id);
		const note = plan?.ownClassifications?.[kind];
		if (note) notes.add(`${planQualifier(site, id)}${note}`);
	}
	return [...notes];
}

/** A filter's or facet's label for a grouping, marked （本站归纳） when any plan says the grouping is this site's own. */
export function classificationLabel(site: Pick<SiteModel, 'plans'>, kind: Classification, label: string): string {
	return ownClassificationNotes(site, kind).length > 0 ? `${label}（本站归纳）` : label;
}

/**
 * The plan in plain words for a page heading: issuer, inspection and year, all from the plan's record
 * (山西省中央生态环境保护督察“回头看”及大气污染防治专项督察整改情况（2019年方案）); several plans name their issuers.
 */
export function planHeading(plans: readonly Plan[]): string {
	if (plans.length === 1) {
		const p = plans[0]!;
		// A plan that answers no inspection (an audit notice …) is named by its own short title.
		const what = p.inspection ? `${p.jurisdiction}${p.inspection.name}` : p.shortTitle;
		return `${what}整改情况（${p.publishedDate.slice(0, 4)}年方案）`;
	}
	const issuers = [...new Set(plans.map((p) => p.jurisdiction))];
	return `${issuers.join('、')}整改情况（${plans.length} 个整改方案）`;
}

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A small count as the plans write it (五方面), digits above ten (12方面). */
export function zhCount(n: number): string {
	return ZH_DIGITS[n] ?? String(n);
}
