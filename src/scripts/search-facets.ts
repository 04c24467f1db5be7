// The facet panel of the search page: each value's count for the current search, written beside its checkbox.
import { FACETS, type FacetKey } from '#src/lib/search/facets.ts';
import { facetFilterName, pagefindOptions, withoutFacet, type SearchState } from '#src/lib/search/url.ts';
import { plansShown, type AreasByPlan } from '#src/lib/search/area-facet.ts';
import { AREAS_BY_PLAN_PATH } from '#src/lib/publish/urls.ts';
import type { FacetValue } from '#src/lib/search/facets.ts';
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

/** One checkbox of the area facet, as the page renders the other facets' values. */
function areaItem(v: FacetValue): HTMLLIElement {
	const li = document.createElement('li');
	const label = document.createElement('label');
	const box = document.createElement('input');
	box.type = 'checkbox';
	box.name = 'area';
	box.value = v.value;
	const count = document.createElement('span');
	count.className = 'count';
	count.dataset.count = '';
	label.append(box, ` ${v.label}`, count);
	li.append(label);
	return li;
}

/**
 * The area facet of a site of several plans (its fieldset has data-by-plan): shows the areas of the plans a search
 * selects, and of any area it selects, read once from AREAS_BY_PLAN_PATH. On a site of one plan it does nothing.
 */
export function areaFacet(form: HTMLFormElement): (state: SearchState) => Promise<void> {
	const fieldset = form.querySelector<HTMLFieldSetElement>('fieldset[data-facet=area][data-by-plan]');
	if (!fieldset) return async () => {};
	const list = fieldset.querySelector('ul')!;
	const hint = fieldset.querySelector<HTMLElement>('[data-area-hint]');
	let areas: Promise<AreasByPlan> | undefined;
	let shown = '';
	return async (state) => {
		const wanted = state.filters.plan?.length || state.filters.area?.length;
		let plans: string[] = [];
		let data: AreasByPlan = {};
		try {
			if (wanted) {
				data = await (areas ??= fetch(AREAS_BY_PLAN_PATH).then((r) => {
					if (!r.ok) throw new Error(`${AREAS_BY_PLAN_PATH}: HTTP ${r.status}`);
					return r.json() as Promise<AreasByPlan>;
				}));
				plans = plansShown(state, data);
			}
		} catch (e) {
			areas = undefined;
			console.warn(e);
			if (hint) {
				hint.hidden = false;
				hint.textContent = '问题方面列表未能加载，请稍后再试。';
			}
			return;
		}
		if (plans.join() !== shown) list.replaceChildren(...plans.flatMap((p) => (data[p] ?? []).map(areaItem)));
		shown = plans.join();
		const selected = new Set(state.filters.area ?? []);
		for (const box of list.querySelectorAll('input')) box.checked = selected.has(box.value);
		if (hint) hint.hidden = plans.length > 0;
	};
}
