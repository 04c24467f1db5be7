// The absolute base URL for feeds, data files and citations: Astro's configured `site`, else content/settings.json.
import type { SiteModel } from '../lib/model/site-model.ts';

/** The site URL with a trailing slash. */
export function siteUrlOf(site: URL | undefined, model: SiteModel): string {
	return (site ?? new URL(model.content.settings.siteUrl)).href;
}
