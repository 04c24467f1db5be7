import { TASK_STATUSES } from '../model/statuses.ts';

/**
 * The task list's filters and sort order, kept in the URL query (?status=overdue&unit=zjt&sort=due)
 * so a filtered list can be shared and the back button restores it. Pure: the client script and the tests share it.
 */

/** The facets a visitor can filter by, in the order of the form. */
export const FILTER_FIELDS = ['status', 'batch', 'unit', 'area', 'city'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** Sort orders of the list; `no` (the plan's order) is the default and stays out of the URL. */
export const SORT_KEYS = ['no', 'due', 'last', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
/** The field each sort order sorts by (its label, from the field registry, names the order on the page). */
export const SORT_FIELDS = {
	no: 'number',
	due: 'dueDateInForce',
	last: 'lastPublished',
	status: 'statusLabel',
} as const;

/** A filter state: the accepted values per facet (empty = any) and the sort order. */
export interface ListQuery {
	filters: Record<FilterField, string[]>;
	sort: SortKey;
}

/** What the list knows about one row (from its data-* attributes). */
export interface RowKeys {
	status: string;
	batch: string;
	unit: string[];
	area: string;
	city: string[];
	/** Position in the plan's order. */
	order: number;
	due: string;
	/** Last publication date, '' when none. */
	last: string;
}

const statusRank = (s: string) => {
	const i = (TASK_STATUSES as readonly string[]).indexOf(s);
	return i < 0 ? TASK_STATUSES.length : i;
};

/** Normalises a list of values: trimmed, unique, statuses in canonical order, others sorted. */
function normalise(field: FilterField, values: string[]): string[] {
	const set = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
	return field === 'status' ? set.sort((a, b) => statusRank(a) - statusRank(b)) : set.sort();
}

/** Reads a query string (with or without '?'); unknown parameters are ignored. */
export function parseQuery(search: string): ListQuery {
	const p = new URLSearchParams(search);
	const filters = Object.fromEntries(
		FILTER_FIELDS.map((f) => [
			f,
			normalise(
				f,
				p.getAll(f).flatMap((v) => v.split(',')),
			),
		]),
	) as ListQuery['filters'];
	const sort = p.get('sort');
	return { filters, sort: (SORT_KEYS as readonly (string | null)[]).includes(sort) ? (sort as SortKey) : 'no' };
}

/** Writes a filter state as a query string ('' when it is the default, else '?…'). */
export function formatQuery(q: ListQuery): string {
	const p = new URLSearchParams();
	for (const f of FILTER_FIELDS) {
		const v = normalise(f, q.filters[f]);
		if (v.length) p.set(f, v.join(','));
	}
	if (q.sort !== 'no') p.set('sort', q.sort);
	const s = p.toString().replaceAll('%2C', ',');
	return s ? `?${s}` : '';
}

/** The task list filtered to these statuses (the dashboard's figures link there). */
export function taskListHref(statuses: readonly string[]): string {
	const filters = Object.fromEntries(
		FILTER_FIELDS.map((f) => [f, f === 'status' ? [...statuses] : []]),
	) as ListQuery['filters'];
	return `/tasks/${formatQuery({ filters, sort: 'no' })}`;
}

/** True when the row passes every facet (a multi-valued row passes when any of its values is accepted). */
export function rowMatches(row: RowKeys, q: ListQuery): boolean {
	return FILTER_FIELDS.every((f) => {
		const want = q.filters[f];
		if (want.length === 0) return true;
		const have = row[f];
		return Array.isArray(have) ? have.some((v) => want.includes(v)) : want.includes(have);
	});
}

/** Comparator for a sort order; ties keep the plan's order. */
export function compareRows(sort: SortKey): (a: RowKeys, b: RowKeys) => number {
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
