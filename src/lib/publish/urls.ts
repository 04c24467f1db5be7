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
