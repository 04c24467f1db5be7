import type { APIRoute } from 'astro';
import { getSite } from '../data/site.ts';
import { siteUrlOf } from '../data/site-url.ts';
import { historyDates } from '../lib/model/changes.ts';
import { sitemapPaths, sitemapXml } from '../lib/publish/sitemap.ts';
import { pageParams, publishedUpdates, UPDATES_PAGE_SIZE } from '../lib/model/browse.ts';

// Every page file of the site; dynamic routes are filled from the model below.
const PAGE_FILES = Object.keys(import.meta.glob('./**/*.astro'));

export const GET: APIRoute = async ({ site }) => {
	const model = await getSite();
	const dates = historyDates(model.plans.values(), model.asOf);
	const ids = (m: Map<string, unknown>) => [...m.keys()];
	const { paths, unknown } = sitemapPaths(PAGE_FILES, {
		'tasks/[id]': ids(model.tasks),
		'plans/[plan]': ids(model.plans),
		'units/[id]': ids(model.units),
		'measures/[id]': ids(model.measures),
		'measures/groups/[id]': ids(model.groups),
		'areas/[id]': ids(model.areas),
		'cities/[id]': ids(model.cities),
		'updates/[...page]': pageParams(publishedUpdates(model.states).length, UPDATES_PAGE_SIZE),
		'as-of/[date]': dates,
		'changes/[date]': dates,
	});
	if (unknown.length)
		console.warn(`sitemap.xml: no parameter values for ${unknown.join(', ')} — add them in src/pages/sitemap.xml.ts`);
	const lastmod = new Map([...model.tasks.keys()].map((id) => [`/tasks/${id}/`, model.states.get(id)?.lastPublished]));
	const xml = sitemapXml(
		siteUrlOf(site, model),
		paths.map((path) => ({ path, lastmod: lastmod.get(path) })),
	);
	return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
