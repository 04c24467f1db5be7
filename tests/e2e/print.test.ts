// Printing as a handout (issues 17 and 27): the home page, a task page and a snapshot printed to PDF by Chromium, read
// back with pdftotext and rendered with pdftoppm (poppler-utils, installed by scripts/ensure-system-deps.sh). One
// page per test.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

/** Pixels of page `n` (1-based) rendered at 50 dpi that are clearly coloured (not white, grey or black). */
function colouredPixels(file: string, n: number): number {
	const ppm = execFileSync('pdftoppm', ['-f', String(n), '-l', String(n), '-r', '50', '-singlefile', file]);
	const head = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 32).toString('latin1'))!;
	let coloured = 0;
	for (let i = head[0].length; i + 2 < ppm.length; i += 3) {
		const [r, g, b] = [ppm[i]!, ppm[i + 1]!, ppm[i + 2]!];
		if (Math.max(r, g, b) - Math.min(r, g, b) > 80) coloured++;
	}
	return coloured;
}

const lines = (text: string) =>
	text
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);

/**
 * Prints `path` to A4 and returns each page's text, with the page's headings (h1–h3), its charts' titles and its
 * print header. `before` acts on the loaded page first (e.g. presses a button).
 */
async function print(name: string, path: string, before?: (page: Page) => Promise<void>) {
	const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
	await page.goto(url(path), { waitUntil: 'load' });
	// Charts print once their print hook is loaded (when the page is idle: src/scripts/charts.ts).
	if (await page.locator('figure.chart').count())
		await page.waitForSelector('html[data-charts-print]', { state: 'attached' });
	await before?.(page);
	const headings = await page.$$eval('main h1, main h2, main h3', (hs) => hs.map((h) => h.textContent!.trim()));
	const captions = await page.$$eval('figure.chart figcaption', (cs) => cs.map((c) => c.textContent!.trim()));
	const head = (await page.getAttribute('html', 'data-print-head'))!;
	const file = `${DIR}/${name}.pdf`;
	await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
	await page.context().close();
	return { file, pages: pagesOf(file), headings, captions, head };
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
	// no controls: buttons, the citation's date picker, the ▶ of a fold
	for (const control of ['复制引用', '跳到正文', '高对比度', '菜单', '打印申请书', '引用哪一天', '▶'])
		expect(all).not.toContain(control);
	// who runs the site, its contacts and 监督举报 close the last page
	for (const label of ['主办单位：', '联系方式：', '监督举报：']) expect(pages.at(-1)).toContain(label);
	// the last page holds more than the footer: some line that is neither header, footer nor page number
	const footer = /^(主办单位：|联系方式：|监督举报：|第 \d+ 页)/;
	const body = lines(pages.at(-1)!).filter((l) => l !== head && !footer.test(l));
	expect(body.length, 'last page has page content').toBeGreaterThan(0);
	return all;
}

describe('print as a handout (Chromium → PDF → pdftotext)', () => {
	it('home page: the story, the charts as pictures under their titles, and the note saying so', async () => {
		const r = await print('home', '/');
		const all = checkHandout(r, '/', 6);
		const flat = (t: string) => t.replace(/\s+/g, '');
		expect(flat(all)).toMatch(/项任务（含示例\d+项）中\d+项已完成或长期坚持/);
		expect(flat(all)).toContain('打印版印出各图');
		expect(all).not.toContain('点开即可查看');
		expect(r.captions.length).toBeGreaterThan(0);
		// each chart's title is printed, and the page that carries it shows the chart's colours (a drawn chart; the
		// pages of the text alone have none)
		for (const c of r.captions) {
			const n = r.pages.findIndex((p) => flat(p).includes(flat(c)));
			expect(n, `chart “${c}” printed`).toBeGreaterThanOrEqual(0);
			expect(colouredPixels(r.file, n + 1), `chart “${c}” drawn on page ${n + 1}`).toBeGreaterThan(200);
		}
	});

	it('task page: status, story and citation; the permalink printed once', async () => {
		const r = await print('task', '/tasks/hkk-02/');
		const all = checkHandout(r, '/tasks/hkk-02/', 5);
		expect(all).toMatch(/截至 \d{4}-\d\d-\d\d：/); // the status line (its heading is for screen readers only)
		expect(all).toContain('您可以做什么');
		// the citation block shows the address as its text; it is not printed again in brackets
		expect(all).not.toContain('(https://zhenggai.example.gov.cn/tasks/hkk-02/)');
	});

	it('打印申请书 prints the request letter alone, on its own page', async () => {
		const r = await print('letter', '/tasks/hkk-02/', async (page) => {
			// The browser's print dialog cannot open headless: the button's own print() is replaced, the rest is its.
			await page.evaluate(() => (window.print = () => undefined));
			await page.click('[data-letter-print]');
		});
		expect(r.pages).toHaveLength(1);
		const text = lines(r.pages[0]!).join('\n');
		expect(text).toContain('政府信息公开申请');
		for (const other of ['您可以做什么', '反馈问题', '引用本任务', '主办单位：', '打印申请书', '查看申请书全文'])
			expect(text).not.toContain(other);
	});

	it('a snapshot prints its own date in the running header', async () => {
		const r = await print('snapshot', '/as-of/2020-12-31/');
		expect(r.head).toContain('历史快照，截至 2020-12-31');
		for (const [i, text] of r.pages.entries()) expect(lines(text)[0], `page ${i + 1}`).toBe(r.head);
	});
});
