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
	return `/data/${file}`;
}

/** The page of a measure group (方面). */
export function measureGroupPath(id: string): string {
	return `/measures/groups/${id}/`;
}
