import type { APIRoute } from 'astro';
import { getSite } from '#src/data/site.ts';
import { siteUrlOf } from '#src/data/site-url.ts';
import { atomXml, unitFeed } from '#src/lib/publish/feeds.ts';

export async function getStaticPaths() {
	const model = await getSite();
	return [...model.units.keys()].map((id) => ({ params: { id } }));
}

export const GET: APIRoute = async ({ params, site }) => {
	const model = await getSite();
	const xml = atomXml(unitFeed(model, siteUrlOf(site), params.id!));
	return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
