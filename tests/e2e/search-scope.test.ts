// Pagefind reads only INDEXED_PAGES_GLOB; every page that asks to be indexed must fall under it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDEXED_PAGES_GLOB } from '../../src/lib/search-facets.ts';
import { indexedPages } from './search-truth.ts';

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

// Boilerplate repeated on every task page made each query for a common word (整改) fetch and score every page's
// copy of it: at 10,000 tasks it was a third of the indexed words (docs/search.md). Each phrase below is template text.
describe('search index content', () => {
	const BOILERPLATE: (string | RegExp)[] = [
		'《政府信息公开条例》', // status history: the legal sentence …
		'公开时效', // … and its table
		'订阅本任务的进展', // feed link
		'数据性质：', // provenance label
		/形成日期 ?\d{4}-\d\d-\d\d，发布日期/, // per-update date labels (narratives may say 形成日期 themselves)
		'状态变更：',
		'示例数据提示', // sample notice
		'引用本任务', // cite block
	];
	it('keeps template boilerplate out of every task page, and keeps the content in', () => {
		const tasks = [...indexedPages('dist')].filter(([url]) => url.startsWith('/tasks/'));
		expect(tasks.length).toBeGreaterThanOrEqual(38);
		for (const [url, text] of tasks) {
			for (const phrase of BOILERPLATE) expect(text, `${url} indexes ${phrase}`).not.toMatch(phrase);
			for (const kept of ['整改进展', '反馈问题', '具体整改措施']) expect(text, `${url} lost “${kept}”`).toContain(kept);
		}
		// The sources (document titles) stay searchable; only the provenance label and note are out.
		expect(tasks.some(([, text]) => text.includes('《'))).toBe(true);
	});
});
