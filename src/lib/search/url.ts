import { FACETS, SORTS, type FacetKey, type SortKey } from './facets.ts';

/** Everything that decides a search: the query, the selected facet values and the order. */
export interface SearchState {
	q: string;
	filters: Partial<Record<FacetKey, string[]>>;
	sort: SortKey;
}

const SORT_KEYS: ReadonlySet<string> = new Set(SORTS.map((s) => s.key));

/** Reads a search state from URL parameters (?q=…&status=已完成&status=…&sort=due); unknown keys are ignored. */
export function stateFromParams(params: URLSearchParams): SearchState {
	const filters: SearchState['filters'] = {};
	for (const f of FACETS) {
		const values = [
			...new Set(
				params
					.getAll(f.key)
					.map((v) => v.trim())
					.filter(Boolean),
			),
		];
		if (values.length) filters[f.key] = values;
	}
	const sort = params.get('sort') ?? '';
	return { q: (params.get('q') ?? '').trim(), filters, sort: SORT_KEYS.has(sort) ? (sort as SortKey) : 'relevance' };
}

/**
 * Writes a search state as URL parameters in a stable order (q, facets in FACETS order, sort); defaults are left out.
 */
export function stateToParams(state: SearchState): URLSearchParams {
	const params = new URLSearchParams();
	if (state.q.trim()) params.set('q', state.q.trim());
	for (const f of FACETS) for (const v of state.filters[f.key] ?? []) params.append(f.key, v);
	if (state.sort !== 'relevance') params.set('sort', state.sort);
	return params;
}

/** The query string of a state, '' or '?…', for history entries and shareable links. */
export function stateToSearch(state: SearchState): string {
	const s = stateToParams(state).toString();
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

/** Pagefind search options for a state: values of one facet are alternatives (any), facets combine (and). */
export function pagefindOptions(state: SearchState): {
	filters: Record<string, { any: string[] }>;
	sort?: Record<string, 'asc' | 'desc'>;
} {
	const filters: Record<string, { any: string[] }> = {};
	for (const f of FACETS) {
		const v = state.filters[f.key];
		if (v && v.length) filters[f.key] = { any: [...v] };
	}
	const sort = SORTS.find((s) => s.key === state.sort);
	return sort && 'field' in sort ? { filters, sort: { [sort.field]: sort.dir } } : { filters };
}

/** Two states select the same results (used to skip needless history entries). */
export function sameState(a: SearchState, b: SearchState): boolean {
	return stateToSearch(a) === stateToSearch(b);
}
