// Pages reach Pagefind as they render (src/integrations/pagefind.ts): every page marked data-pagefind-body, and only
// those.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isIndexedHtml } from '#src/lib/search/routes.ts';
import { indexedPages } from './search-truth.ts';
import { resolve } from 'node:path';
import { inject } from 'vitest';
import { validateContent } from '#src/lib/content/validate.ts';

const { content } = validateContent(resolve(process.env.CONTENT_DIR ?? 'content'), inject('asOf'));
const unitNames = new Map(content.units.map((u) => [u.id, u.name]));

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
		const entry = JSON.parse(readFileSync('dist/pagefind/pagefind-entry.json', 'utf8')) as {
			languages: Record<string, { page_count: number }>;
		};
		const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
		expect(indexed).toBe(marked.length);
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
		'记录是示例', // sample notice
		'引用本任务', // cite block
		// The status block's labels and values (status, batch and dates are filters and sorts) and the section labels:
		// excerpts glued them to the task's sentences ("整改状态. 已完成 督察系列…推算标记无…", issue #16).
		'整改状态',
		'推算标记',
		'督察系列',
		'历史状态',
	];
	it('keeps template boilerplate out of every task page, and keeps the content in', () => {
		const tasks = [...indexedPages('dist')].filter(([url]) => url.startsWith('/tasks/'));
		expect(tasks.length).toBeGreaterThanOrEqual(38);
		for (const [url, text] of tasks) {
			for (const phrase of BOILERPLATE) expect(text, `${url} indexes ${phrase}`).not.toMatch(phrase);
			const task = content.tasks.find((t) => `/tasks/${t.id}/` === url)!;
			for (const kept of [
				task.title,
				task.problem,
				task.measures![0]!,
				...task.leadUnits!.map((u) => unitNames.get(u)!),
			])
				expect(text, `${url} lost “${kept}”`).toContain(kept);
		}
		// The sources (document titles) stay searchable; only the provenance label and note are out.
		expect(tasks.some(([, text]) => text.includes('《'))).toBe(true);
	});

	it('keeps the task lists of unit pages out (each task is found on its own page), and the unit in', () => {
		const pages = indexedPages('dist');
		const units = [...pages].filter(([url]) => url.startsWith('/units/'));
		expect(units.length).toBeGreaterThan(0);
		// A task page's indexed text starts with its <h1>, "编号：标题", then 整改状态.
		const taskTitles = [...pages]
			.filter(([url]) => url.startsWith('/tasks/'))
			.map(([, text]) => text.slice(text.indexOf('：') + 1, text.indexOf('整改状态')));
		expect(taskTitles.every((t) => t.length >= 4)).toBe(true);
		for (const [url, text] of units) {
			expect(text, `${url} lost its scorecard`).toContain('记分卡');
			for (const title of taskTitles) expect(text, `${url} indexes the task list (${title})`).not.toContain(title);
		}
	});
});
