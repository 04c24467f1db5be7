// The absolute base URL for feeds, data files and citations: Astro's `site` (astro.config.mjs always sets it).

/** The site URL with a trailing slash. */
export function siteUrlOf(site: URL | undefined): string {
	if (!site) throw new Error('astro.config.mjs sets `site`; without it there are no absolute URLs');
	return site.href;
}
