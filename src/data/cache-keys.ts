// Astro-facing side of the incremental build's cache keys (src/lib/publish/cache-keys.ts).
import { taskCacheKey } from '#src/lib/publish/cache-keys.ts';
import { incrementalBuild } from '#src/integrations/content-cache.ts';
import { getSite } from './site.ts';

/**
 * getStaticPaths of the per-task routes (page and feed), in id order, with cache keys in an incremental build
 * (without one, keys are not even computed).
 */
export async function taskPaths(): Promise<{ params: { id: string }; cacheKey?: string }[]> {
	const site = await getSite();
	const keyed = incrementalBuild();
	return site.content.tasks.map((t) => ({
		params: { id: t.id },
		...(keyed ? { cacheKey: taskCacheKey(site, t.id) } : {}),
	}));
}
