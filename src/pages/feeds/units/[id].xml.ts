import type { APIRoute } from 'astro';
import { getSite } from '../../../data/site.ts';
import { siteUrlOf } from '../../../data/site-url.ts';
import { atomXml, unitFeed } from '../../../lib/feeds.ts';
import { tasksUnder } from '../../../lib/browse.ts';
import { ROLLUP_KEYS } from '../../../lib/rollups.ts';

export async function getStaticPaths() {
	const model = await getSite();
	// tasksUnder groups the tasks once for all units (the same grouping the unit pages count).
	return [...model.units.keys()].map((id) => ({ params: { id }, props: { taskIds: tasksUnder(model.content.tasks, ROLLUP_KEYS.anyUnit, id).map((t) => t.id) } }));
}

export const GET: APIRoute = async ({ params, props, site }) => {
	const model = await getSite();
	const xml = atomXml(unitFeed(model, siteUrlOf(site, model), params.id!, props.taskIds as string[]));
	return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
