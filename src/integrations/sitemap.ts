import type { AstroIntegration } from 'astro';
import sitemap from '@astrojs/sitemap';
import { statesAt } from '#src/lib/model/status.ts';
import { taskPath } from '#src/lib/publish/urls.ts';
import { validatedContent } from './validated-loader.ts';

/**
 * The sitemap, written by Astro's official integration (@astrojs/sitemap: sitemap-index.xml and sitemap-0.xml) from
 * the pages the build rendered, so a new route is never missed; it leaves out the 404 page and the endpoints (data
 * files, feeds). A task page carries the publication date of its latest update as <lastmod>.
 */
export function siteSitemap(): AstroIntegration {
	let lastmod: Map<string, string> | undefined;
	const lastmodOf = (path: string) => {
		if (!lastmod) {
			lastmod = new Map();
			const shared = validatedContent();
			if (shared) {
				const { content, asOf } = shared;
				const states = statesAt(content.tasks, content.updates, asOf);
				for (const t of content.tasks) {
					const d = states.get(t.id)?.lastPublished;
					if (d) lastmod.set(taskPath(t.id), d);
				}
			}
		}
		return lastmod.get(path);
	};
	return sitemap({
		serialize: (item) => {
			const d = lastmodOf(new URL(item.url).pathname);
			return d ? { ...item, lastmod: d } : item;
		},
	});
}
