import type { APIRoute } from 'astro';
import { getSite } from '../../../data/site.ts';
import { siteUrlOf } from '../../../data/site-url.ts';
import { atomXml, tasksByUnit, unitFeed } from '../../../lib/feeds.ts';

export async function getStaticPaths() {
	const model = await getSite();
	// Grouped once here and handed to each page, so the unit feeds stay linear in the number of tasks.
	const byUnit = tasksByUnit(model);
	return [...model.units.keys()].map((id) => ({ params: { id }, props: { taskIds: byUnit.get(id) ?? [] } }));
}

export const GET: APIRoute = async ({ params, props, site }) => {
	const model = await getSite();
	const xml = atomXml(unitFeed(model, siteUrlOf(site, model), params.id!, props.taskIds as string[]));
	return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
