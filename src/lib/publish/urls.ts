/** Paths and absolute URLs of the site's pages, shared by pages, data files, feeds and citations. */

/** The permalink path of a task page. */
export function taskPath(id: string): string {
	return `/tasks/${id}/`;
}

/** The fragment id of an update on its task page (the timeline's `id`). */
export function updateAnchor(updateId: string): string {
	return `u-${updateId.replaceAll('/', '-')}`;
}

/** An absolute URL on the site. */
export function absoluteUrl(siteUrl: string, path: string): string {
	return new URL(path, siteUrl).href;
}

/** The 口径说明 page: every status and warning rule with a worked example. */
export const RULES_PATH = '/about/rules/';

/** The page of a responsible unit. */
export function unitPath(id: string): string {
	return `/units/${id}/`;
}

/** The page of a city. */
export function cityPath(id: string): string {
	return `/cities/${id}/`;
}

/** The page of a problem area. */
export function areaPath(id: string): string {
	return `/areas/${id}/`;
}

/** The page of a plan measure. */
export function measurePath(id: string): string {
	return `/measures/${id}/`;
}

/** The page of a plan (its text, measures and tasks). */
export function planPath(id: string): string {
	return `/plans/${id}/`;
}

/** The month-end snapshot of the whole site at a date (/as-of/<date>/). */
export function snapshotPath(date: string): string {
	return `/as-of/${date}/`;
}

/** What changed in the month up to a month end (/changes/<date>/). */
export function changesPath(date: string): string {
	return `/changes/${date}/`;
}

/** A downloadable data file (/data/<file name>). */
export function dataPath(file: string): string {
	return `${DATA_PATH}${file}`;
}

/** The page of a measure group (方面). */
export function measureGroupPath(id: string): string {
	return `/measures/groups/${id}/`;
}

// The fixed routes. A page links a section by its constant, never by writing '/tasks/' again.

/** The home page (the dashboard). */
export const HOME_PATH = '/';
/** The list of plans (a site of one plan links the plan itself). */
export const PLANS_PATH = '/plans/';
/** The task list (任务清单); `taskListHref` adds filters to it. */
export const TASKS_PATH = '/tasks/';
/** The responsible units (责任单位) with their warning levels. */
export const UNITS_PATH = '/units/';
/** The plan's measure groups and measures (整改措施). */
export const MEASURES_PATH = '/measures/';
/** The problem areas (问题方面). */
export const AREAS_PATH = '/areas/';
/** The cities. */
export const CITIES_PATH = '/cities/';
/** The published updates, newest first (最新进展), paged. */
export const UPDATES_PATH = '/updates/';
/** The monthly changes and the compare form (变化). */
export const CHANGES_PATH = '/changes/';
/** The month-end snapshots (历史快照). */
export const SNAPSHOTS_PATH = '/as-of/';
/** The open-data page; `dataPath` names a file under it. */
export const DATA_PATH = '/data/';
/** The search page (the header's search link opens it; its form submits there). */
export const SEARCH_PATH = '/search/';
/** The 网站地图 page. */
export const SITEMAP_PATH = '/sitemap/';
/** The XML sitemap for search engines (written by @astrojs/sitemap). */
export const SITEMAP_XML_PATH = '/sitemap-index.xml';
/** 关于本站 and its pages, after the guidelines for government websites (政府网站发展指引). */
export const ABOUT_PATH = '/about/';
/** 联系我们. */
export const CONTACT_PATH = '/about/contact/';
/** 找错: how to report a mistake on the site. */
export const ERRORS_PATH = '/about/errors/';
/** 长者模式 explained. */
export const ELDER_PATH = '/about/elder/';
/** The search index's folder, written by the build beside the pages (fetched by the search page only). */
export const PAGEFIND_PATH = '/pagefind/';
/** Pagefind's browser module. */
export const PAGEFIND_SCRIPT = `${PAGEFIND_PATH}pagefind.js`;
/** Where the areas of each plan are published for the search page (only on a site of several plans). */
export const AREAS_BY_PLAN_PATH = `${SEARCH_PATH}areas.json`;

/** The file name under /data/ of a data file's path (`/data/2020-12-31/status.csv` → `2020-12-31/status.csv`). */
export function dataFileName(path: string): string {
	if (!path.startsWith(DATA_PATH)) throw new Error(`${path} is not under ${DATA_PATH}`);
	return path.slice(DATA_PATH.length);
}

/** The feeds' folder (/feeds/, the Atom feeds); `feedPath` names a feed in it. */
export const FEEDS_PATH = '/feeds/';

/** An Atom feed (/feeds/<file name>). */
export function feedPath(file: string): string {
	return `${FEEDS_PATH}${file}`;
}

/** The path of the site-wide feed. */
export const ALL_UPDATES_FEED = feedPath('updates.xml');
/** The path of the feed of monthly changes. */
export const CHANGES_FEED = feedPath('changes.xml');

/** The path of a task's feed. */
export function taskFeedPath(id: string): string {
	return feedPath(`tasks/${id}.xml`);
}

/** The path of a unit's feed. */
export function unitFeedPath(id: string): string {
	return feedPath(`units/${id}.xml`);
}

/** The page a server shows for a path the site does not have. */
export const NOT_FOUND_PATH = '/404.html';
