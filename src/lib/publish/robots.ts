/**
 * robots.txt: everything may be crawled except the search index's files (fetched by the search page, not pages of
 * their own), and the sitemap index (@astrojs/sitemap) is named with its absolute URL.
 */
export function robotsTxt(siteUrl: string): string {
	return [
		'User-agent: *',
		'Allow: /',
		'Disallow: /pagefind/',
		'',
		`Sitemap: ${new URL('/sitemap-index.xml', siteUrl).href}`,
		'',
	].join('\n');
}
