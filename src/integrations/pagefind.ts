import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { INDEXED_PAGES_GLOB } from '../lib/search-facets.ts';

interface PagefindResponse {
	errors: string[];
}

/**
 * Builds the Pagefind index of dist/ with Pagefind's Node API after every build (as Starlight does).
 * What gets indexed is decided by the pages' data-pagefind-* attributes (see src/lib/search-facets.ts).
 * Any error Pagefind reports fails the build: a site whose search silently broke must not ship.
 */
export function pagefindIndex(): AstroIntegration {
	return {
		name: 'zhenggai:pagefind',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				try {
					// Only the indexed page types are read (at 10,000 tasks the other half of dist/ cost Pagefind as much again).
					// The CJK segmenter only runs for pages whose <html lang> is Chinese; Base.astro sets zh-CN on every page.
					const { index } = check(await pagefind.createIndex({}), logger);
					if (!index) throw new Error('Pagefind returned no index');
					const { page_count } = check(await index.addDirectory({ path: fileURLToPath(dir), glob: INDEXED_PAGES_GLOB }), logger);
					if (page_count === 0) throw new Error('Pagefind indexed no page: is data-pagefind-body missing?');
					check(await index.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', dir)) }), logger);
					logger.info(`indexed ${page_count} pages in ${Math.round(performance.now() - started)} ms`);
				} finally {
					await pagefind.close();
				}
			},
		},
	};
}

function check<T extends PagefindResponse>(response: T, logger: AstroIntegrationLogger): T {
	if (response.errors.length > 0) {
		for (const e of response.errors) logger.error(`Pagefind: ${e}`);
		throw new Error(`搜索索引生成失败，构建终止 / Pagefind failed: ${response.errors.join('; ')}`);
	}
	return response;
}
