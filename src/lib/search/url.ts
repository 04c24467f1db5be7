import { FACETS, SORTS, UNIT_ROLE_FILTERS, type FacetKey, type SortKey } from './facets.ts';
import { paramValues } from '#src/lib/view/task-filter.ts';
import { UNIT_ROLES, type UnitRole } from '#src/lib/model/task-flags.ts';

/** Everything that decides a search: the query, the selected facet values (ids), the unit role and the order. */
export interface SearchState {
	q: string;
	filters: Partial<Record<FacetKey, string[]>>;
	/** Which tasks of the selected units count (as on /tasks/): those they lead (default), support, or either. */
	role: UnitRole;
	sort: SortKey;
}

const SORT_KEYS: ReadonlySet<string> = new Set(SORTS.map((s) => s.key));

/**
 * Reads a search state from URL parameters (?q=…&status=completed,overdue&unit=sthjt&role=any&sort=due), the
 * vocabulary of /tasks/: ids, comma-separated or repeated; unknown keys are ignored.
 */
export function stateFromParams(params: URLSearchParams): SearchState {
	const filters: SearchState['filters'] = {};
	for (const f of FACETS) {
		const values = [
			...new Set(
				paramValues(params, f.key)
					.map((v) => v.trim())
					.filter(Boolean),
			),
		];
		if (values.length) filters[f.key] = values;
	}
	const sort = params.get('sort') ?? '';
	const role = params.get('role');
	return {
		q: (params.get('q') ?? '').trim(),
		filters,
		role: (UNIT_ROLES as readonly (string | null)[]).includes(role) ? (role as UnitRole) : 'lead',
		sort: SORT_KEYS.has(sort) ? (sort as SortKey) : 'relevance',
	};
}

/**
 * Writes a search state as URL parameters in a stable order (q, facets in FACETS order comma-joined, role, sort);
 * defaults are left out.
 */
export function stateToParams(state: SearchState): URLSearchParams {
	const params = new URLSearchParams();
	if (state.q.trim()) params.set('q', state.q.trim());
	for (const f of FACETS) {
		const v = state.filters[f.key] ?? [];
		if (v.length) params.set(f.key, v.join(','));
	}
	if (state.filters.unit?.length && state.role !== 'lead') params.set('role', state.role);
	if (state.sort !== 'relevance') params.set('sort', state.sort);
	return params;
}

/** The query string of a state, '' or '?…', for history entries and shareable links (commas left readable). */
export function stateToSearch(state: SearchState): string {
	const s = stateToParams(state).toString().replaceAll('%2C', ',');
	return s ? `?${s}` : '';
}

/** True when at least one facet value is selected. */
export function hasFilters(state: SearchState): boolean {
	return Object.values(state.filters).some((v) => v && v.length > 0);
}

/** The same state without one facet's selection (its counts must not be narrowed by itself). */
export function withoutFacet(state: SearchState, key: FacetKey): SearchState {
	const filters = { ...state.filters };
	delete filters[key];
	return { ...state, filters };
}

/**
 * The Pagefind filter behind a facet: its own name, except the unit facet under another role than lead, which reads
 * the hidden filter of that role (UNIT_ROLE_FILTERS). Values of one facet are alternatives (any), facets combine (and).
 */
export function facetFilterName(state: SearchState, key: FacetKey): string {
	return key === 'unit' && state.role !== 'lead' ? UNIT_ROLE_FILTERS[state.role] : key;
}

/** Pagefind search options for a state (see facetFilterName for the unit facet). */
export function pagefindOptions(state: SearchState): {
	filters: Record<string, { any: string[] }>;
	sort?: Record<string, 'asc' | 'desc'>;
} {
	const filters: Record<string, { any: string[] }> = {};
	for (const f of FACETS) {
		const v = state.filters[f.key];
		if (!v || !v.length) continue;
		filters[facetFilterName(state, f.key)] = { any: [...v] };
	}
	const sort = SORTS.find((s) => s.key === state.sort);
	return sort && 'field' in sort ? { filters, sort: { [sort.field]: sort.dir } } : { filters };
}

/** Two states select the same results (used to skip needless history entries). */
export function sameState(a: SearchState, b: SearchState): boolean {
	return stateToSearch(a) === stateToSearch(b);
}
