import { describe, expect, it } from 'vitest';
import { sitemapPaths } from '../../src/lib/publish/sitemap.ts';
import { pageParams } from '../../src/lib/model/browse.ts';

describe('sitemap of the browsing pages', () => {
	it('names pages as paginate() does', () => {
		expect(pageParams(0, 20)).toEqual(['']);
		expect(pageParams(20, 20)).toEqual(['']);
		expect(pageParams(41, 20)).toEqual(['', '2', '3']);
	});
	it('fills a rest route, page 1 at the base path', () => {
		const r = sitemapPaths(['./updates/[...page].astro', './measures/groups/[id].astro'], {
			'updates/[...page]': pageParams(41, 20),
			'measures/groups/[id]': ['g1'],
		});
		expect(r.paths).toEqual(['/measures/groups/g1/', '/updates/', '/updates/2/', '/updates/3/']);
		expect(r.unknown).toEqual([]);
	});
});
