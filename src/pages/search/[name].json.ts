// /search/areas.json: each plan's problem areas for the search page's area facet, on a site of several plans only
// (src/lib/search/area-facet.ts); a site of one plan lists its areas on the page itself and has no such file.
import type { APIRoute } from 'astro';
import { getSite } from '#src/data/site.ts';
import { areasByPlan, areasListedByPlan } from '#src/lib/search/area-facet.ts';
import { AREAS_BY_PLAN_PATH } from '#src/lib/publish/urls.ts';

export async function getStaticPaths() {
	const name = AREAS_BY_PLAN_PATH.split('/')
		.at(-1)!
		.replace(/\.json$/, '');
	return areasListedByPlan(await getSite()) ? [{ params: { name } }] : [];
}

export const GET: APIRoute = async () =>
	new Response(JSON.stringify(areasByPlan(await getSite())), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
