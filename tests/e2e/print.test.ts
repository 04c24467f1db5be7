// Printing as a handout (issue 17): the home page, a task page and a snapshot printed to PDF by Chromium, read back
// with pdftotext (poppler-utils, installed by scripts/ensure-system-deps.sh). One page per test.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import { launch, url } from './browser.ts';

const DIR = 'test-results/print';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
	mkdirSync(DIR, { recursive: true });
});
afterAll(async () => browser?.close());

/** The text of each page of a PDF. */
function pagesOf(file: string): string[] {
	const n = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
	return Array.from({ length: n }, (_, i) =>
		execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-'], { encoding: 'utf8' }),
	);
}

const lines = (text: string) =>
	text
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);

/** Prints `path` to A4 and returns each page's text, with the page's headings (h1–h3) and its print header. */
async function print(name: string, path: string) {
	const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
	await page.goto(url(path), { waitUntil: 'load' });
	const headings = await page.$$eval('main h1, main h2, main h3', (hs) => hs.map((h) => h.textContent!.trim()));
	const captions = await page.$$eval('figure.chart caption', (cs) => cs.map((c) => c.textContent!.trim()));
	const head = (await page.getAttribute('html', 'data-print-head'))!;
	const file = `${DIR}/${name}.pdf`;
	await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
	await page.context().close();
	return { pages: pagesOf(file), headings, captions, head };
}

function checkHandout(r: Awaited<ReturnType<typeof print>>, path: string, maxPages: number) {
	const { pages, headings, head } = r;
	expect(pages.length).toBeGreaterThan(0);
	expect(pages.length).toBeLessThanOrEqual(maxPages);
	expect(head).toContain(new URL(path, 'https://x').pathname);
	expect(head).toContain(`数据截至 ${inject('asOf')}`);
	pages.forEach((text, i) => {
		const ls = lines(text);
		// running header (address and date) and page numbers on every page
		expect(ls[0], `page ${i + 1} header`).toBe(head);
		expect(ls.at(-1), `page ${i + 1} number`).toBe(`第 ${i + 1} 页，共 ${pages.length} 页`);
		// no page ends on a heading: the last line above the page number is not one
		const last = ls.at(-2) ?? '';
		expect(headings, `page ${i + 1} ends with a heading: ${last}`).not.toContain(last);
	});
	const all = pages.join('\n');
	// no controls
	for (const control of ['复制引用', '跳到正文', '高对比度', '菜单']) expect(all).not.toContain(control);
	// the last page holds more than the footer: some line that is neither header, footer nor page number
	const footer = /^(主办单位：|数据截至 \d{4}年|第 \d+ 页)/;
	const body = lines(pages.at(-1)!).filter((l) => l !== head && !footer.test(l));
	expect(body.length, 'last page has page content').toBeGreaterThan(0);
	return all;
}

describe('print as a handout (Chromium → PDF → pdftotext)', () => {
	it('home page: the story, the charts as their tables, and the note saying so', async () => {
		const r = await print('home', '/');
		const all = checkHandout(r, '/', 6);
		expect(all.replace(/\s+/g, '')).toMatch(/项任务（含示例\d+项）中\d+项已完成或长期坚持/);
		expect(all).toContain('打印版只印数据表，不印图形');
		for (const c of r.captions) expect(all.replace(/\s+/g, '')).toContain(c.replace(/\s+/g, ''));
	});

	it('task page: status, story and citation; the permalink printed once', async () => {
		const r = await print('task', '/tasks/hkk-02/');
		const all = checkHandout(r, '/tasks/hkk-02/', 5);
		expect(all).toMatch(/截至 \d{4}-\d\d-\d\d：/); // the status line (its heading is for screen readers only)
		expect(all).toContain('您可以做什么');
		// the citation block shows the address as its text; it is not printed again in brackets
		expect(all).not.toContain('(https://zhenggai.example.gov.cn/tasks/hkk-02/)');
	});

	it('a snapshot prints its own date in the running header', async () => {
		const r = await print('snapshot', '/as-of/2020-12-31/');
		expect(r.head).toContain('历史快照，截至 2020-12-31');
		for (const [i, text] of r.pages.entries()) expect(lines(text)[0], `page ${i + 1}`).toBe(r.head);
	});
});
