import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { contextUnderSiteCsp, launch, openPage, url } from './browser.ts';
import { SEARCH_TERMS } from './search-terms.ts';
import { indexedPages, pagesContaining } from './search-truth.ts';
import { validateContent } from '#src/lib/content/validate.ts';
import { subjectsOfSite, textFinding } from '#src/integrations/dist-check/text-gate.ts';
import { sentences } from '#src/lib/search/query.ts';
import { statesAt } from '#src/lib/model/status.ts';
import { countByStatus } from '#src/lib/model/rollups.ts';
import { STATUS_LABELS, TASK_STATUSES } from '#src/lib/model/statuses.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => browser?.close());

/** Waits until the search page has rendered the results of the current URL and then their facet counts. */
async function settled(page: Page) {
	await page.waitForFunction(() => {
		const list = document.getElementById('search-results');
		const counting = document.getElementById('facets')?.hasAttribute('aria-busy');
		return (
			list &&
			!list.hasAttribute('aria-busy') &&
			!counting &&
			(document.getElementById('search-status')?.textContent ?? '') !== ''
		);
	});
}

/** Every result URL of the current search, in order (clicks "more" until all are shown). */
async function allResults(page: Page): Promise<string[]> {
	await settled(page);
	while (await page.locator('#more-results').isVisible()) {
		const before = await page.locator('#search-results > li').count();
		await page.click('#more-results');
		await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length > n, before);
	}
	return page.$$eval('#search-results > li > h3 > a', (as) =>
		as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
	);
}

const statusCount = async (page: Page) =>
	Number((await page.textContent('#search-status'))?.match(/找到 (\d+) 条/)?.[1] ?? 0);

// The regression list: one test per term, each with its own timeout (a busy machine must not fail the list as a
// whole); recall and precision@10 over all terms are printed when the list is done.
describe('search in Chromium: the regression list', () => {
	let truthPages: ReturnType<typeof indexedPages>;
	const tally = { must: 0, found: 0, precisionSum: 0, rPrecisionSum: 0, terms: 0 };
	beforeAll(() => {
		truthPages = indexedPages(resolve('dist'));
	});
	afterAll(() => {
		if (!tally.terms) return;
		console.log(
			`[search] ${tally.terms} terms: recall ${(tally.found / tally.must).toFixed(3)} (${tally.found}/${tally.must}), mean precision@10 ${(tally.precisionSum / tally.terms).toFixed(3)}, mean R-precision ${(tally.rPrecisionSum / tally.terms).toFixed(3)}`,
		);
	});

	it('holds at least 25 terms', () => {
		expect(SEARCH_TERMS.length).toBeGreaterThanOrEqual(25);
	});

	for (const { term, pages } of SEARCH_TERMS) {
		it(`finds every listed page for ${term}`, { timeout: 30_000 }, async () => {
			// The list itself must stay true: each listed page still contains the term.
			const truth = pagesContaining(truthPages, term);
			expect(truth, `pages containing ${term}`).toEqual(expect.arrayContaining(pages));
			const { page, errors } = await openPage(browser, `/search/?q=${encodeURIComponent(term)}`);
			const results = await allResults(page);
			await page.context().close();
			// precision@10: share of the first (up to) ten results that contain the term verbatim. When fewer than
			// ten pages contain it, looser matches fill the rest, so also print R-precision (first |truth| results).
			const top = results.slice(0, 10);
			const p10 = top.length ? top.filter((u) => truth.includes(u)).length / top.length : 0;
			const firstR = results.slice(0, Math.min(10, truth.length));
			const rPrec = firstR.length ? firstR.filter((u) => truth.includes(u)).length / firstR.length : 0;
			const missed = pages.filter((p) => !results.includes(p));
			tally.must += pages.length;
			tally.found += pages.length - missed.length;
			tally.precisionSum += p10;
			tally.rPrecisionSum += rPrec;
			tally.terms++;
			console.log(
				`[search] ${term}: ${results.length} results, ${truth.length} contain it, ${pages.length} required, precision@10 ${p10.toFixed(2)}, R-precision ${rPrec.toFixed(2)}`,
			);
			expect(missed.map((p) => `${term} → ${p}`)).toEqual([]);
			expect(errors).toEqual([]);
		});
	}
});

describe('search in Chromium', () => {
	it('an empty query browses everything, and each status count equals the dashboard count; a filter narrows', async () => {
		const asOf = inject('asOf');
		const { content, problems } = validateContent(resolve('content'), asOf, resolve('.'));
		expect(problems).toEqual([]);
		const counts = countByStatus(content.tasks, statesAt(content.tasks, content.updates, asOf));
		const { page, errors } = await openPage(browser, '/search/');
		await settled(page);
		const all = await statusCount(page);
		expect(all).toBeGreaterThanOrEqual(content.tasks.length);
		for (const s of TASK_STATUSES) {
			const label = page.locator(`fieldset[data-facet=status] label:has(input[value="${s}"])`);
			expect(await label.locator('[data-count]').textContent(), s).toBe(`（${counts[s]}）`);
		}
		// Pick the status with the most tasks so the narrowing is visible.
		const status = TASK_STATUSES.reduce((a, b) => (counts[b] > counts[a] ? b : a));
		const historyBefore = await page.evaluate(() => history.length);
		await page.check(`fieldset[data-facet=status] input[value="${status}"]`);
		await page.waitForFunction(
			(n) =>
				/找到 (\d+) 条/.test(document.getElementById('search-status')?.textContent ?? '') &&
				!document.getElementById('search-status')!.textContent!.includes(`找到 ${n} 条`),
			all,
		);
		await settled(page);
		expect(await statusCount(page)).toBe(counts[status]);
		expect(counts[status]).toBeLessThan(all);
		// Ids in the URL, as on /tasks/ (one URL vocabulary); labels on the page.
		expect(new URL(page.url()).searchParams.getAll('status')).toEqual([status]);
		expect(await page.evaluate(() => history.length)).toBe(historyBefore + 1);
		const badges = await page.$$eval('#search-results .result-facts .badge[class*="s-"]', (b) =>
			b.map((x) => x.textContent),
		);
		// Each result shows the status with what it rests on: 已完成, or 已完成（示例） for a sample task.
		expect(new Set(badges.map((b) => b?.replace(/（[^（）]*）$/, '')))).toEqual(new Set([STATUS_LABELS[status]]));
		expect(badges.some((b) => b?.endsWith('（示例）'))).toBe(true);
		// The back button restores the unfiltered browse.
		await page.goBack();
		await page.waitForFunction(
			(n) => (document.getElementById('search-status')?.textContent ?? '').includes(`找到 ${n} 条`),
			all,
		);
		expect(await page.isChecked(`fieldset[data-facet=status] input[value="${status}"]`)).toBe(false);
		expect(errors).toEqual([]);
	});

	it('a shared URL restores the same query, filters, order and results', async () => {
		const { page } = await openPage(browser, '/search/');
		await settled(page);
		await page.fill('#q', '焦化企业');
		await page.press('#q', 'Enter');
		await page.waitForURL(/q=/);
		await page.check('fieldset[data-facet=batch] input[value="end-2019"]');
		await page.waitForURL(/batch=/);
		await page.selectOption('#sort', 'due');
		await page.waitForURL(/sort=due/);
		const shared = page.url();
		const first = await allResults(page);
		expect(first.length).toBeGreaterThan(0);
		const { page: other, errors } = await openPage(browser, new URL(shared).pathname + new URL(shared).search);
		expect(await allResults(other)).toEqual(first);
		expect(await other.inputValue('#q')).toBe('焦化企业');
		expect(await other.isChecked('fieldset[data-facet=batch] input[value="end-2019"]')).toBe(true);
		expect(await other.inputValue('#sort')).toBe('due');
		expect(await other.textContent('#search-status')).toBe(await page.textContent('#search-status'));
		expect(errors).toEqual([]);
	});

	it('results show number, title, status badge, unit and a highlighted excerpt, with links into updates', async () => {
		const { page, errors } = await openPage(browser, '/search/?q=' + encodeURIComponent('通过验收'));
		await settled(page);
		const first = page.locator('#search-results > li').first();
		expect(await first.locator('.result-number').textContent()).toMatch(/第\d{2}号$/);
		expect(await first.locator('.badge[class*="s-"]').count()).toBe(1);
		expect(await first.locator('.result-facts').textContent()).toContain('牵头单位：');
		expect(await first.locator('.result-excerpt mark').count()).toBeGreaterThan(0);
		// Excerpts arrive as text nodes: no element other than <mark> inside them.
		expect(
			await page.$$eval('#search-results .result-excerpt *', (els) => els.filter((e) => e.tagName !== 'MARK').length),
		).toBe(0);
		const anchors = await page.$$eval('#search-results .result-subs a', (as) =>
			as.map((a) => (a as HTMLAnchorElement).hash),
		);
		expect(anchors.some((h) => h.startsWith('#u-'))).toBe(true);
		expect(errors).toEqual([]);
	});

	it('says clearly when nothing is found and offers to remove filters', async () => {
		const { page } = await openPage(browser, `/search/?q=${encodeURIComponent('熄焦水')}&status=overdue`);
		await settled(page);
		expect(await page.textContent('#search-status')).toContain('未找到');
		expect(await page.textContent('#search-status')).toContain('去掉部分筛选条件');
		await page.click('#search-status button');
		await page.waitForFunction(() => /找到 \d+ 条/.test(document.getElementById('search-status')?.textContent ?? ''));
		expect(new URL(page.url()).searchParams.has('status')).toBe(false);
		expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
	});

	for (const term of ['量子纠缠', '散乱污']) {
		it(`a term found nowhere (${term}) says 未找到 and offers the closest tasks and the task list, not single-character matches`, async () => {
			const truth = pagesContaining(indexedPages(resolve('dist')), term);
			expect(truth).toEqual([]);
			const { page, errors } = await openPage(browser, `/search/?q=${encodeURIComponent(term)}`);
			await settled(page);
			expect(await page.textContent('#search-status')).toContain(`未找到包含“${term}”的结果`);
			expect(await page.locator('#search-results > li').count()).toBe(0);
			expect(await page.locator('#search-status a[href="/tasks/"]').count()).toBe(1);
			// Offered apart, under a heading that says they do not contain the term.
			const closest = page.locator('#search-closest');
			if (await closest.isVisible()) expect(await closest.locator('h2').textContent()).toContain('不含完整的检索词');
			expect(errors).toEqual([]);
		});
	}

	it("excerpts are the task's own sentences, and sub-results do not repeat them", async () => {
		const { page } = await openPage(browser, `/search/?q=${encodeURIComponent('焦化')}`);
		await settled(page);
		const excerpts = await page.locator('#search-results .result-excerpt').allTextContents();
		expect(excerpts.length).toBeGreaterThan(0);
		for (const e of excerpts) for (const label of ['整改状态', '推算标记', '督察系列']) expect(e).not.toContain(label);
		const items = await page.locator('#search-results > li').all();
		for (const li of items) {
			const main = await li.locator(':scope > .result-excerpt').textContent();
			for (const sub of await li.locator('.result-subs .result-excerpt').allTextContents()) expect(sub).not.toBe(main);
		}
	});

	for (const body of ['山西省自然资源厅', '山西省交通运输厅'])
		it(`excerpts for ${body} carry the mark of every verdict they state (issue #23: （均为示例） was cut off)`, async () => {
			const subjects = subjectsOfSite(resolve('dist'));
			const { page, errors } = await openPage(browser, `/search/?q=${encodeURIComponent(body)}`);
			await settled(page);
			const excerpts = (await page.locator('#search-results .result-excerpt').allTextContents()).map((t) =>
				t.replace(/\u200b/g, ''),
			);
			expect(excerpts.length).toBeGreaterThan(0);
			// The unit page's scorecard excerpt reaches its counts, and with them their mark.
			expect(excerpts.some((e) => /逾期未完成[01] 项/.test(e))).toBe(true);
			// Judged as the text gate judges the index: sentence by sentence (a sentence holds its verdicts' marks).
			const unmarked = excerpts.flatMap((e, i) =>
				sentences(e).flatMap((text, j) => textFinding({ where: `excerpt ${i + 1}.${j + 1}`, text }, subjects) ?? []),
			);
			expect(unmarked).toEqual([]);
			expect(errors).toEqual([]);
		});

	it('is operable by keyboard alone', async () => {
		const { page } = await openPage(browser, '/search/');
		await settled(page);
		await page.focus('#q');
		await page.keyboard.type('汾河');
		await page.keyboard.press('Enter');
		await page.waitForURL(/q=/);
		await settled(page);
		// Tab to the first status checkbox and tick it with the space bar.
		let guard = 0;
		while (
			!(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'checkbox')) &&
			guard++ < 10
		)
			await page.keyboard.press('Tab');
		const name = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
		await page.keyboard.press('Space');
		await page.waitForURL((u) => u.searchParams.has('status'));
		expect(new URL(page.url()).searchParams.get('status')).toBe(name);
		await settled(page);
		expect(await page.locator('#search-status').getAttribute('aria-live')).toBe('polite');
	});

	it('the header search box works without JavaScript', async () => {
		const { page } = await openPage(browser, '/tasks/', { javaScript: false });
		await page.fill('#site-q', '散煤');
		await Promise.all([page.waitForURL(/\/search\/\?q=/), page.press('#site-q', 'Enter')]);
		expect(new URL(page.url()).searchParams.get('q')).toBe('散煤');
		expect(await page.textContent('#search-nojs')).toContain('JavaScript');
	});

	it('works under a strict Content-Security-Policy', async () => {
		const context = await contextUnderSiteCsp(browser);
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(String(e)));
		await page.goto(url(`/search/?q=${encodeURIComponent('清洁取暖')}`));
		await settled(page);
		expect(await statusCount(page)).toBeGreaterThan(0);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('passes axe (WCAG 2.1 A/AA) with results open', async () => {
		const { page } = await openPage(browser, `/search/?q=${encodeURIComponent('焦化')}&status=completed`);
		await settled(page);
		expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
		const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
		expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	});

	it('prints what the first query costs (bytes, time)', async () => {
		const context = await browser.newContext({ locale: 'zh-CN' });
		const page = await context.newPage();
		// Playwright reports the requests of Pagefind's web worker too; sizes() gives bytes on the wire.
		const sizes: Promise<number>[] = [];
		page.on('requestfinished', (req) => {
			if (req.url().includes('/pagefind/'))
				sizes.push(req.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
		});
		const started = Date.now();
		await page.goto(url(`/search/?q=${encodeURIComponent('清洁取暖')}`));
		await settled(page);
		const ms = Date.now() - started;
		const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
		console.log(
			`[search] first query 清洁取暖 (cold cache): ${sizes.length} Pagefind requests, ${bytes} bytes, ${ms} ms from navigation to rendered results`,
		);
		await context.close();
	});
});
