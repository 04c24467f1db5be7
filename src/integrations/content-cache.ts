import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { contentDirOf } from '#src/lib/content/layout.ts';

/**
 * Astro's cache folder for this build, keyed on the absolute content directory: the content layer's data
 * store names the files it read, so a build from another tree (a deleted temp copy, CONTENT_DIR) must not
 * reuse it. Inside the checkout, so parallel worktrees sharing node_modules never share a cache.
 */
export function contentCacheDir(dir: string = contentDirOf()): string {
	return `./.cache/astro/${createHash('sha256').update(dir).digest('hex').slice(0, 12)}`;
}

/**
 * Whether this build uses Astro's incremental build: INCREMENTAL_BUILD=1, which `node scripts/build.ts --incremental`
 * sets (astro.config.mjs turns `experimental.incrementalBuild` on, the task routes compute their cache keys).
 */
export function incrementalBuild(env: Record<string, string | undefined> = process.env): boolean {
	return env.INCREMENTAL_BUILD === '1';
}

/**
 * Astro's incremental-build manifest in a cache folder (`node scripts/build.ts --incremental`), and the marker that
 * build keeps next to it until it has succeeded: Astro writes each re-rendered page's copy into the cache as it goes
 * but the manifest (the keys) only after the last page, so a build stopped in between leaves copies the old keys would
 * restore. A build that finds the marker discards the manifest and renders everything.
 */
export function incrementalCacheFiles(cacheDir: string): { manifest: string; pending: string } {
	return { manifest: join(cacheDir, 'incremental-build.json'), pending: join(cacheDir, 'incremental-build.pending') };
}
