import { describe, expect, it } from 'vitest';
import { contentCacheDir } from '#src/integrations/content-cache.ts';

describe('contentCacheDir', () => {
	it('keys Astro’s cache on the absolute content directory, so another tree never reuses stale entries', () => {
		const a = contentCacheDir('/tmp/zg-a/content');
		expect(a).toMatch(/^\.\/\.cache\/astro\/[0-9a-f]{12}$/);
		expect(contentCacheDir('/tmp/zg-a/content')).toBe(a);
		expect(contentCacheDir('/tmp/zg-b/content')).not.toBe(a);
	});
});
