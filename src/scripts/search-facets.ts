// The facet panel of the search page: each value's count for the current search, written beside its checkbox.
import { FACETS, type FacetKey } from '#src/lib/search/facets.ts';
import { facetFilterName, pagefindOptions, withoutFacet, type SearchState } from '#src/lib/search/url.ts';
import type { Pagefind, PagefindResponse } from './search-pagefind.ts';

/** Per facet, the number of results each value would give. */
export type FacetCounts = Partial<Record<FacetKey, Record<string, number>>>;

/**
 * Each facet's counts for a search, from the loose query's response (`loosest`, whose results contain the phrase
 * results, so its counts hold for the merged list). A selected facet's values are alternatives, so each is counted
 * as if the facet's own selection were lifted (one more search per selected facet, index chunks cached).
 */
export async function facetCounts(
	pf: Pagefind,
	state: SearchState,
	looseQuery: string | null,
	loosest: PagefindResponse,
): Promise<FacetCounts> {
	const counts: FacetCounts = {};
	await Promise.all(
		FACETS.map(async (f) => {
			const name = facetFilterName(state, f.key);
			if (!state.filters[f.key]?.length) counts[f.key] = loosest.filters[name] ?? {};
			else {
				const other = await pf.search(looseQuery, pagefindOptions(withoutFacet(state, f.key)));
				counts[f.key] = other?.filters[name] ?? {};
			}
		}),
	);
	return counts;
}

/** Writes each count beside its checkbox as （n）, and greys out values that would give nothing. */
export function showCounts(form: HTMLFormElement, counts: FacetCounts): void {
	for (const fieldset of form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-facet]')) {
		const key = fieldset.dataset.facet as FacetKey;
		for (const box of fieldset.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
			const n = counts[key]?.[box.value] ?? 0;
			const span = box.parentElement?.querySelector('[data-count]');
			if (span) span.textContent = `（${n}）`;
			box.closest('li')?.classList.toggle('zero', n === 0 && !box.checked);
		}
	}
}
