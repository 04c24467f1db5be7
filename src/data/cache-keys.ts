// Astro-facing side of the incremental build's cache keys (src/lib/publish/cache-keys.ts).
import { taskCacheKey } from '../lib/publish/cache-keys.ts';
import { getSite } from './site.ts';

/**
 * Whether this build uses Astro's incremental build (`node scripts/build.ts --incremental` sets INCREMENTAL_BUILD=1;
 * astro.config.mjs reads the same variable). Off by default: keys are then not even computed.
 */
export function incrementalBuild(env: Record<string, string | undefined> = process.env): boolean {
	return env.INCREMENTAL_BUILD === '1';
}

/** getStaticPaths of the per-task routes (page and feed), in id order, with cache keys in an incremental build. */
export async function taskPaths(): Promise<{ params: { id: string }; cacheKey?: string }[]> {
	const site = await getSite();
	const keyed = incrementalBuild();
	return site.content.tasks.map((t) => ({
		params: { id: t.id },
		...(keyed ? { cacheKey: taskCacheKey(site, t.id) } : {}),
	}));
}
