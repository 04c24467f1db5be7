import type { APIRoute } from 'astro';
import { getSite } from '#src/data/site.ts';
import { siteUrlOf } from '#src/data/site-url.ts';
import { taskPaths } from '#src/data/cache-keys.ts';
import { atomXml, taskFeed } from '#src/lib/publish/feeds.ts';

// With cache keys in an incremental build (src/data/cache-keys.ts): the feed shows nothing of another task.
export const getStaticPaths = taskPaths;

export const GET: APIRoute = async ({ params, site }) => {
	const model = await getSite();
	const task = model.tasks.get(params.id!)!;
	return new Response(atomXml(taskFeed(model, siteUrlOf(site), task)), {
		headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
	});
};
