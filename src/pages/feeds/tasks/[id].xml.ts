import type { APIRoute } from 'astro';
import { getSite } from '../../../data/site.ts';
import { siteUrlOf } from '../../../data/site-url.ts';
import { atomXml, taskFeed } from '../../../lib/publish/feeds.ts';

export async function getStaticPaths() {
	const model = await getSite();
	return [...model.tasks.keys()].map((id) => ({ params: { id } }));
}

export const GET: APIRoute = async ({ params, site }) => {
	const model = await getSite();
	const task = model.tasks.get(params.id!)!;
	return new Response(atomXml(taskFeed(model, siteUrlOf(site), task)), {
		headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
	});
};
