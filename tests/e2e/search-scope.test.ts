// Pagefind reads only INDEXED_PAGES_GLOB; every page that asks to be indexed must fall under it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDEXED_PAGES_GLOB } from '../../src/lib/search-facets.ts';

function html(dir: string): string[] {
	return readdirSync(dir).flatMap((n) => {
		const p = join(dir, n);
		return statSync(p).isDirectory() ? html(p) : n.endsWith('.html') ? [p] : [];
	});
}
const globRe = new RegExp('^' + INDEXED_PAGES_GLOB.replace(/\{([^}]+)\}/, (_, alts: string) => `(${alts.split(',').join('|')})`).replace(/\*/g, '[^/]+').replace(/\./g, '\\.') + '$');

describe('search index scope', () => {
	it('covers every page marked data-pagefind-body, and those pages only', () => {
		const marked = html('dist').filter((f) => readFileSync(f, 'utf8').includes('data-pagefind-body')).map((f) => relative('dist', f));
		expect(marked.length).toBeGreaterThan(38);
		expect(marked.filter((f) => !globRe.test(f))).toEqual([]);
		const unmarkedInScope = html('dist').map((f) => relative('dist', f)).filter((f) => globRe.test(f) && !marked.includes(f));
		expect(unmarkedInScope).toEqual([]);
	});
});
