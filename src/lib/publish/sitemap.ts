/** sitemap.xml (sitemaps.org 0.9) from a list of site paths. */
import { escapeXml } from './feeds.ts';

/** One sitemap URL with an optional last-modified date. */
export interface SitemapEntry {
	path: string;
	lastmod?: string;
}

/** The sitemap XML; paths become absolute on the site URL, in the order given, duplicates dropped. */
export function sitemapXml(siteUrl: string, entries: readonly SitemapEntry[]): string {
	const seen = new Set<string>();
	const lines = [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
	];
	for (const e of entries) {
		const loc = new URL(e.path, siteUrl).href;
		if (seen.has(loc)) continue;
		seen.add(loc);
		lines.push(
			`<url><loc>${escapeXml(loc)}</loc>${e.lastmod ? `<lastmod>${escapeXml(e.lastmod)}</lastmod>` : ''}</url>`,
		);
	}
	lines.push('</urlset>', '');
	return lines.join('\n');
}

/**
 * Site paths from the page files under src/pages (as import.meta.glob lists them, e.g. './tasks/[id]/index.astro')
 * and the values of each dynamic route's parameter (keyed by the route, e.g. 'tasks/[id]'). Returns the paths and
 * the dynamic routes it could not fill, so a new route is noticed instead of silently missing.
 */
export function sitemapPaths(
	pageFiles: readonly string[],
	params: Readonly<Record<string, readonly string[]>>,
): { paths: string[]; unknown: string[] } {
	const paths: string[] = [];
	const unknown: string[] = [];
	for (const file of [...pageFiles].sort()) {
		const route = file
			.replace(/^\.\//, '')
			.replace(/(^|\/)index\.astro$/, '')
			.replace(/\.astro$/, '')
			.replace(/\/$/, '');
		if (/^_|\/_|^404$|^500$/.test(route)) continue;
		const dyn = /\[([^\]]+)\]/.exec(route);
		if (!dyn) {
			paths.push(route ? `/${route}/` : '/');
			continue;
		}
		const values = params[route];
		if (!values || /\[[^\]]+\].*\[/.test(route)) {
			unknown.push(route);
			continue;
		}
		// A rest parameter may be '' (e.g. page 1 of /updates/[...page] is /updates/).
		for (const v of values) paths.push(`/${route.replace(dyn[0], v).replace(/\/+$/, '')}/`);
	}
	return { paths, unknown };
}
