// Pages reach Pagefind as they render (src/integrations/pagefind.ts): every page marked data-pagefind-body, and only those.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isIndexedHtml } from '../../src/lib/search-facets.ts';

function html(dir: string): string[] {
	return readdirSync(dir).flatMap((n) => {
		const p = join(dir, n);
		return statSync(p).isDirectory() ? html(p) : n.endsWith('.html') ? [p] : [];
	});
}

describe('search index scope', () => {
	it('indexes exactly the pages marked data-pagefind-body', () => {
		const marked = html('dist').filter((f) => readFileSync(f, 'utf8').includes('data-pagefind-body'));
		expect(marked.length).toBeGreaterThan(38);
		expect(marked.filter((f) => !isIndexedHtml(readFileSync(f, 'utf8')))).toEqual([]);
		const entry = JSON.parse(readFileSync('dist/pagefind/pagefind-entry.json', 'utf8')) as { languages: Record<string, { page_count: number }> };
		const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
		expect(indexed).toBe(marked.length);
	});
});
