import { TASK_STATUSES } from '#src/lib/model/statuses.ts';
import { TASKS_PATH } from '#src/lib/publish/urls.ts';
import { UNIT_ROLES, type UnitRole, UNIT_ROLE_LABELS, STATUS_FLAGS } from '#src/lib/model/task-flags.ts';

/**
 * The task list's filters and sort order, kept in the URL query (?status=overdue&unit=zjt&role=any&sort=due)
 * so a filtered list can be shared and the back button restores it. Pure: the client script and the tests share it.
 * The same parameter names and id values serve /search/ (src/lib/search/url.ts): one URL vocabulary.
 */

/** The facets a visitor can filter by, in the order of the form and of the URL. */
export const FILTER_FIELDS = ['status', 'plan', 'batch', 'unit', 'area', 'city'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** Sort orders of the list; `no` (the plan's order) is the default and stays out of the URL. */
export const SORT_KEYS = ['no', 'due', 'last', 'status'] as const;
export type TaskListSortKey = (typeof SORT_KEYS)[number];
/** The field each sort order sorts by (its label, from the field registry, names the order on the page). */
export const SORT_FIELDS = {
	no: 'number',
	due: 'dueDateInForce',
	last: 'lastPublished',
	status: 'statusLabel',
} as const;

/** A filter state: the accepted values per facet (empty = any), the unit role and the sort order. */
export interface ListQuery {
	filters: Record<FilterField, string[]>;
	role: UnitRole;
	sort: TaskListSortKey;
}

/** What the list knows about one row (from its data-* attributes). */
export interface RowKeys {
	status: string;
	/** Flags of the state (STATUS_FLAGS), matched by the status filter too. */
	flags: string[];
	plan: string;
	batch: string;
	/** Lead units. */
	unit: string[];
	/** Supporting units. */
	support: string[];
	area: string;
	city: string[];
	/** Position in the plan's order. */
	order: number;
	due: string;
	/** Last publication date, '' when none. */
	last: string;
}

const STATUS_ORDER: readonly string[] = [...TASK_STATUSES, ...STATUS_FLAGS];
const statusRank = (s: string) => {
	const i = STATUS_ORDER.indexOf(s);
	return i < 0 ? STATUS_ORDER.length : i;
};

/** Normalises a list of values: trimmed, unique, statuses in canonical order, others sorted. */
function normalise(field: FilterField, values: string[]): string[] {
	const set = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
	return field === 'status'
		? set.sort((a, b) => statusRank(a) - statusRank(b) || (a < b ? -1 : a > b ? 1 : 0))
		: set.sort();
}

/** Reads the values of one parameter: repeated (?unit=a&unit=b) or comma-separated (?unit=a,b), both accepted. */
export function paramValues(p: URLSearchParams, name: string): string[] {
	return p.getAll(name).flatMap((v) => v.split(','));
}

/** An empty filter state (every row, plan order). */
export function emptyQuery(): ListQuery {
	return {
		filters: Object.fromEntries(FILTER_FIELDS.map((f) => [f, []])) as unknown as ListQuery['filters'],
		role: 'lead',
		sort: 'no',
	};
}

/** Reads a query string (with or without '?'); unknown parameters are ignored. */
export function parseQuery(search: string): ListQuery {
	const p = new URLSearchParams(search);
	const filters = Object.fromEntries(
		FILTER_FIELDS.map((f) => [f, normalise(f, paramValues(p, f))]),
	) as ListQuery['filters'];
	const sort = p.get('sort');
	const role = p.get('role');
	return {
		filters,
		role: (UNIT_ROLES as readonly (string | null)[]).includes(role) ? (role as UnitRole) : 'lead',
		sort: (SORT_KEYS as readonly (string | null)[]).includes(sort) ? (sort as TaskListSortKey) : 'no',
	};
}

/** Writes a filter state as a query string ('' when it is the default, else '?…'); the role only with a unit filter. */
export function formatQuery(q: ListQuery): string {
	const p = new URLSearchParams();
	for (const f of FILTER_FIELDS) {
		const v = normalise(f, q.filters[f]);
		if (v.length) p.set(f, v.join(','));
	}
	if (q.filters.unit.length && q.role !== 'lead') p.set('role', q.role);
	if (q.sort !== 'no') p.set('sort', q.sort);
	const s = p.toString().replaceAll('%2C', ',');
	return s ? `?${s}` : '';
}

/** The task list filtered to these statuses (the dashboard's figures link there). */
export function taskListHref(statuses: readonly string[]): string {
	const q = emptyQuery();
	q.filters.status = [...statuses];
	return `${TASKS_PATH}${formatQuery(q)}`;
}

/** The units of a row that the unit filter looks at under a role. */
function unitsFor(row: RowKeys, role: UnitRole): string[] {
	return role === 'lead' ? row.unit : role === 'support' ? row.support : [...row.unit, ...row.support];
}

/** True when the row passes every facet (a multi-valued row passes when any of its values is accepted). */
export function rowMatches(row: RowKeys, q: ListQuery): boolean {
	return FILTER_FIELDS.every((f) => {
		const want = q.filters[f];
		if (want.length === 0) return true;
		if (f === 'status') return want.includes(row.status) || row.flags.some((x) => want.includes(x));
		if (f === 'unit') return unitsFor(row, q.role).some((v) => want.includes(v));
		const have = row[f];
		return Array.isArray(have) ? have.some((v) => want.includes(v)) : want.includes(have);
	});
}

/** Comparator for a sort order; ties keep the plan's order. */
export function compareRows(sort: TaskListSortKey): (a: RowKeys, b: RowKeys) => number {
	const key = (r: RowKeys): string | number =>
		sort === 'due' ? r.due : sort === 'last' ? r.last : sort === 'status' ? statusRank(r.status) : r.order;
	return (a, b) => {
		const ka = key(a);
		const kb = key(b);
		if (ka !== kb) {
			// Newest first for the last update; rows with none go last.
			if (sort === 'last') return ka === '' ? 1 : kb === '' ? -1 : ka < kb ? 1 : -1;
			return ka < kb ? -1 : 1;
		}
		return a.order - b.order;
	};
}

/** The label of a single filter value, or of a comma list of them (labels joined with 、). */
export type LabelOf = (field: FilterField, value: string) => string;

/** The label of a facet's selection: each value's label, joined with 、 (unknown values as they are). */
export function selectionLabel(field: FilterField, values: readonly string[], labelOf: LabelOf): string {
	return values.map((v) => labelOf(field, v)).join('、');
}

/** Words for a filter state, for the table caption, the page title and the empty-result message. */
export function describeQuery(q: ListQuery, labelOf: LabelOf): { parts: string[]; text: string } {
	const parts: string[] = [];
	for (const f of FILTER_FIELDS) {
		const v = q.filters[f];
		if (!v.length) continue;
		const label = selectionLabel(f, v, labelOf);
		parts.push(f === 'unit' ? `${label}${UNIT_ROLE_LABELS[q.role]}` : label);
	}
	return { parts, text: parts.join('，') };
}

/** The table caption for a filter state: 全部整改任务（38 项） or 筛选结果：逾期未完成，生态环境厅牵头或配合（2 项，共 38 项）. */
export function listCaption(q: ListQuery, labelOf: LabelOf, shown: number, total: number): string {
	const { text } = describeQuery(q, labelOf);
	return text ? `筛选结果：${text}（${shown} 项，共 ${total} 项）` : `全部整改任务（${total} 项）`;
}

/** The page title (before the site name) for a filter state. */
export function listTitle(q: ListQuery, labelOf: LabelOf, base = '任务清单'): string {
	const { parts } = describeQuery(q, labelOf);
	return parts.length ? `${base}：${parts.join(' · ')}` : base;
}

/** The file name of a filtered download: tasks-<as-of>-<filters>.csv, filters as in the URL (ASCII only). */
export function filteredFileName(q: ListQuery, asOf: string): string {
	const slug = formatQuery({ ...q, sort: 'no' })
		.slice(1)
		.replace(/[^A-Za-z0-9_,=-]+/g, '_')
		.replace(/[=,&]/g, '-');
	return `tasks-${asOf}${slug ? `-${slug}` : ''}.csv`;
}

/** The one line of the folded filter form: what is selected, in words (筛选：逾期未完成 · 排序：按整改时限). */
export function filterSummary(q: ListQuery, labelOf: LabelOf, sortLabel?: string): string {
	const { parts } = describeQuery(q, labelOf);
	const what = `筛选：${parts.length ? parts.join(' · ') : '全部任务'}`;
	return q.sort === 'no' || !sortLabel ? what : `${what}；排序：${sortLabel}`;
}
