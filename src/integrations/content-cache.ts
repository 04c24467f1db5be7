import { createHash } from 'node:crypto';
import { contentDirOf } from '../lib/content/layout.ts';

/**
 * Astro's cache folder for this build, keyed on the absolute content directory: the content layer's data
 * store names the files it read, so a build from another tree (a deleted temp copy, CONTENT_DIR) must not
 * reuse it. Inside the checkout, so parallel worktrees sharing node_modules never share a cache.
 */
export function contentCacheDir(dir: string = contentDirOf()): string {
	return `./.cache/astro/${createHash('sha256').update(dir).digest('hex').slice(0, 12)}`;
}
