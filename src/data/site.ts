// Astro-facing adapter: reads the content collections once per build and hands them to src/lib.
import { getCollection } from 'astro:content';
import type { Content, UpdateRecord } from '#src/lib/model/content.ts';
import { byId } from '#src/lib/model/content.ts';
import { buildAsOf } from '#src/lib/content/as-of.ts';
import { buildSiteModel, type SiteModel } from '#src/lib/model/site-model.ts';

let cached: Promise<SiteModel> | undefined;

async function readContent(): Promise<Content> {
	const [settings, plans, groups, measures, areas, units, cities, tasks, updates, reported] = await Promise.all([
		getCollection('settings'),
		getCollection('plans'),
		getCollection('measureGroups'),
		getCollection('measures'),
		getCollection('problemAreas'),
		getCollection('units'),
		getCollection('cities'),
		getCollection('tasks'),
		getCollection('updates'),
		getCollection('reportedFigures'),
	]);
	const data = <T>(list: { data: T }[]) => list.map((e) => e.data);
	const site = settings[0];
	if (!site) throw new Error('content/settings.json has no record');
	return {
		settings: site.data,
		plans: data(plans).sort(byId),
		measureGroups: data(groups).sort(byId),
		measures: data(measures).sort(byId),
		problemAreas: data(areas).sort(byId),
		units: data(units).sort(byId),
		cities: data(cities).sort(byId),
		tasks: tasks.map((e) => ({ ...e.data, id: e.id })).sort(byId),
		updates: updates.map((e): UpdateRecord => ({ ...e.data, id: e.id, body: e.body ?? '' })).sort(byId),
		reportedFigures: data(reported).sort(byId),
	};
}

/** The site model for this build (memoised: every page shares one). */
export function getSite(): Promise<SiteModel> {
	cached ??= readContent().then((content) => buildSiteModel(content, buildAsOf()));
	return cached;
}

/** getStaticPaths of a page per record of one of the model's maps (units, cities, areas, measures, groups). */
export async function idPaths(pick: (site: SiteModel) => ReadonlyMap<string, unknown>) {
	return [...pick(await getSite()).keys()].map((id) => ({ params: { id } }));
}
