import { HOME_PATH, PAGEFIND_PATH, SITEMAP_XML_PATH } from './urls.ts';

/**
 * robots.txt: everything may be crawled except the search index's files (fetched by the search page, not pages of
 * their own), and the sitemap index (@astrojs/sitemap) is named with its absolute URL.
 */
export function robotsTxt(siteUrl: string): string {
	return [
		'User-agent: *',
		`Allow: ${HOME_PATH}`,
		`Disallow: ${PAGEFIND_PATH}`,
		'',
		`Sitemap: ${new URL(SITEMAP_XML_PATH, siteUrl).href}`,
		'',
	].join('\n');
}
