import type { APIRoute } from 'astro';
import { getSite } from '#src/data/site.ts';
import { siteUrlOf } from '#src/data/site-url.ts';
import { allUpdatesFeed, atomXml } from '#src/lib/publish/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
	const model = await getSite();
	return new Response(atomXml(allUpdatesFeed(model, siteUrlOf(site))), {
		headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
	});
};
