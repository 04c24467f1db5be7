// The problem-area facet of /search/ on a site of several plans. Areas belong to one plan each, so listing every area
// of every plan (1,600 checkboxes at 200 plans) made the search page slow; the page lists the areas of the plans the
// reader selected instead, read from one small JSON file when they are needed.
import type { SiteModel } from '#src/lib/model/site-model.ts';
import { facetValues, type FacetValue } from './facets.ts';
import type { SearchState } from './url.ts';

/** Each plan's problem areas (id and label, in the facet's order), by plan id in the site's plan order. */
export type AreasByPlan = Record<string, FacetValue[]>;

/** Whether the area facet lists areas by the selected plans: on a site of more than one plan. */
export function areasListedByPlan(site: Pick<SiteModel, 'content'>): boolean {
	return site.content.plans.length > 1;
}

/** The areas the facet can offer (those some task names), grouped by their plan. */
export function areasByPlan(site: SiteModel): AreasByPlan {
	const out: AreasByPlan = Object.fromEntries(site.content.plans.map((p) => [p.id, [] as FacetValue[]]));
	for (const v of facetValues(site).area) {
		const plan = site.areas.get(v.value)?.plan;
		if (plan) (out[plan] ??= []).push(v);
	}
	return out;
}

/**
 * The plans whose areas the facet shows for a search: the selected plans, and the plan of any selected area (a shared
 * link may name an area without its plan), in the site's plan order.
 */
export function plansShown(state: Pick<SearchState, 'filters'>, areas: AreasByPlan): string[] {
	const plans = new Set(state.filters.plan ?? []);
	const selected = new Set(state.filters.area ?? []);
	for (const [plan, values] of Object.entries(areas)) if (values.some((v) => selected.has(v.value))) plans.add(plan);
	return Object.keys(areas).filter((p) => plans.has(p));
}
