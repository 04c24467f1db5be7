import { STATUS_LABELS, TASK_STATUSES } from '#src/lib/model/statuses.ts';
import { stateOf } from '#src/lib/model/status.ts';
import { basisSuffix } from '#src/lib/model/basis.ts';
import { PROVENANCE_KINDS, PROVENANCE_LABELS } from '#src/lib/model/labels.ts';
import { fieldLabel, TASK_FIELDS } from '#src/lib/model/fields.ts';
import type { Unit } from '#src/schemas/index.ts';
import type { TaskRecord } from '#src/lib/model/content.ts';
import { areaLabel, comparePlanNo, taskNumber } from '#src/lib/model/names.ts';
import { STATUS_FLAGS, STATUS_FLAG_LABELS, stateFlagKeys } from '#src/lib/model/task-flags.ts';
import { type SiteModel } from '#src/lib/model/site-model.ts';

/**
 * The search facets: Pagefind filter names, which are also the URL parameters of /search/ and of /tasks/, and their
 * Chinese labels. Filter values are ids (status keys, unit, plan, batch, area and city ids), as on /tasks/: one URL
 * vocabulary for both lists; the page shows the labels (facetValues).
 */
export const FACETS = [
	{ key: 'status', label: fieldLabel('status') },
	{ key: 'plan', label: fieldLabel('plan') },
	{ key: 'batch', label: fieldLabel('batch') },
	{ key: 'unit', label: fieldLabel('leadUnits') },
	{ key: 'area', label: fieldLabel('area') },
	{ key: 'city', label: fieldLabel('cities') },
	{ key: 'series', label: fieldLabel('series') },
	{ key: 'provenance', label: fieldLabel('provenance') },
] as const;
export type FacetKey = (typeof FACETS)[number]['key'];

/**
 * Hidden Pagefind filters behind the unit facet under another role (?unit=…&role=support|any, as on /tasks/):
 * the supporting units, and lead and supporting units together. Not shown as facets.
 */
export const UNIT_ROLE_FILTERS = { support: 'unit_support', any: 'unit_any' } as const;

/** One value of a facet: the id in the URL and the index, the label on the page. */
export interface FacetValue {
	value: string;
	label: string;
}

/** Result orders offered on /search/; `field` is the Pagefind sort key (absent: relevance). */
export const SORTS = [
	{ key: 'relevance', label: '相关度' },
	{ key: 'due', label: `${TASK_FIELDS.dueDateInForce.label}（早的在前）`, field: 'due', dir: 'asc' },
	{ key: 'updated', label: `${TASK_FIELDS.lastPublished.label}（新的在前）`, field: 'updated', dir: 'desc' },
	{ key: 'number', label: TASK_FIELDS.number.label, field: 'number', dir: 'asc' },
] as const satisfies readonly { key: string; label: string; field?: string; dir?: 'asc' | 'desc' }[];
export type SortKey = (typeof SORTS)[number]['key'];

/** Sort key for tasks without any published update: sorts after every real date when newest come first. */
export const NO_UPDATE_SORT = '0000-00-00';

/** Sort key for tasks the plan gives no due date: after every real date when the earliest comes first. */
export const NO_DUE_SORT = '9999-12-31';

/** What a page tells Pagefind about itself: filter values, sort keys and result metadata. */
export interface SearchRecord {
	filters: Partial<Record<string, string[]>>;
	sort: Record<string, string>;
	meta: Record<string, string>;
}

/** The label a unit is shown under in facets and results. */
export function unitLabel(unit: Unit | undefined, id: string): string {
	return unit?.shortName ?? id;
}

/**
 * A task's filters by id (status as of the build, with its flags such as completed_late), sort keys and result
 * metadata for the search index.
 */
export function taskSearchRecord(task: TaskRecord, site: SiteModel): SearchRecord {
	const plan = site.plans.get(task.plan);
	const state = stateOf(site.states, task.id);
	const series = plan?.series.find((s) => s.id === task.series);
	const lead = task.leadUnits ?? [];
	const units = lead.map((u) => unitLabel(site.units.get(u), u));
	return {
		filters: {
			plan: [task.plan],
			series: [task.series],
			status: [state.status, ...stateFlagKeys(state)],
			batch: task.batch ? [task.batch] : [],
			unit: [...lead],
			[UNIT_ROLE_FILTERS.support]: [...task.supportUnits],
			[UNIT_ROLE_FILTERS.any]: [...new Set([...lead, ...task.supportUnits, ...(task.implementers ?? [])])],
			area: task.area ? [task.area] : [],
			city: [...task.cities],
			provenance: [task.provenance.kind],
		},
		sort: {
			due: state.dueDate ?? NO_DUE_SORT,
			updated: state.lastPublished ?? NO_UPDATE_SORT,
			// Zero-padded series order keeps the plan's own order under Pagefind's string comparison.
			number: `${task.plan}/${String(series?.order ?? 0).padStart(3, '0')}/${task.no}`,
		},
		meta: {
			title: task.title,
			kind: '整改任务',
			number: taskNumber(task, plan),
			// The status as shown on the page, with what it rests on (示例, or the unsourced inputs named).
			status: `${STATUS_LABELS[state.status]}${basisSuffix(state.basis)}`,
			status_key: state.status,
			unit: units.join('、'),
			provenance: PROVENANCE_LABELS[task.provenance.kind],
			provenance_key: task.provenance.kind,
		},
	};
}

/**
 * The search weight of a task page's heading (its number and title; Pagefind's default for h1 is 7, on a 0–10 scale):
 * a match there ranks above pages that only mention the word.
 */
export const TITLE_WEIGHT = 10;

/** Result metadata of a unit page (no filters: every filter narrows the results to tasks). */
export function unitSearchRecord(unit: Unit): SearchRecord {
	return { filters: {}, sort: {}, meta: { title: unit.name, kind: '责任单位', unit: unit.shortName } };
}

/**
 * Every value each facet can take, id and label, in the order the site lists them (statuses in dashboard order, then
 * flags).
 */
export function facetValues(site: SiteModel): Record<FacetKey, FacetValue[]> {
	const values = new Map<FacetKey, Map<string, string>>(FACETS.map((f) => [f.key, new Map<string, string>()]));
	const add = (key: FacetKey, value: string, label: string) => values.get(key)!.set(value, label);
	for (const s of TASK_STATUSES) add('status', s, STATUS_LABELS[s]);
	for (const f of STATUS_FLAGS) add('status', f, STATUS_FLAG_LABELS[f]);
	for (const k of PROVENANCE_KINDS) add('provenance', k, PROVENANCE_LABELS[k]);
	const tasks = [...site.content.tasks];
	const orderOf = <T>(list: T[], key: (t: T) => string | number) =>
		list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
	for (const p of site.content.plans) {
		add('plan', p.id, p.shortTitle);
		for (const s of orderOf([...p.series], (s) => s.order)) add('series', s.id, s.label);
		for (const b of orderOf([...p.batches], (b) => b.order)) add('batch', b.id, b.label);
	}
	const kindOrder = { department: 0, city: 1, other: 2 } as const;
	const leading = new Set(tasks.flatMap((t) => t.leadUnits));
	for (const u of orderOf(
		site.content.units.filter((u) => leading.has(u.id)),
		(u) => `${kindOrder[u.kind]}/${u.id}`,
	))
		add('unit', u.id, unitLabel(u, u.id));
	const usedAreas = new Set(tasks.map((t) => t.area));
	for (const a of site.content.problemAreas.filter((a) => usedAreas.has(a.id)).sort(comparePlanNo))
		add('area', a.id, areaLabel(site, a.id));
	const usedCities = new Set(tasks.flatMap((t) => t.cities));
	for (const c of orderOf(
		site.content.cities.filter((c) => usedCities.has(c.id)),
		(c) => c.order,
	))
		add('city', c.id, c.name);
	return Object.fromEntries(
		[...values].map(([k, v]) => [k, [...v].map(([value, label]) => ({ value, label }))]),
	) as Record<FacetKey, FacetValue[]>;
}
