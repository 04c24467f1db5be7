import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { contextUnderSiteCsp, launch, openPage, url } from './browser.ts';
import { SUMMARY_ROWS } from '#src/lib/view/charts.ts';

/** One page of each type the public pages issue owns, plus home, plan, task list and task page. */
const PAGES = [
	'/',
	'/plans/shanxi-2019/',
	'/tasks/',
	'/tasks/hkk-02/',
	'/units/',
	'/units/zjt/',
	'/measures/',
	'/measures/m01/',
	'/measures/groups/g1/',
	'/areas/',
	'/areas/a1/',
	'/cities/',
	'/cities/taiyuan/',
	'/updates/',
	'/updates/2/',
];

/** Headline figures checked per test, and how many such tests. */
const FIGURES_PER_GROUP = 3;
const FIGURE_GROUPS = 4;

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => browser?.close());

/** Opens a page with stored reading preferences (as a returning visitor would have them). */
async function openWith(
	path: string,
	opts: { width?: number; prefs?: object; reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<{ page: Page; errors: string[] }> {
	const context = await browser.newContext({
		viewport: { width: opts.width ?? 1280, height: 900 },
		locale: 'zh-CN',
		reducedMotion: opts.reducedMotion,
	});
	if (opts.prefs) await context.addInitScript((p) => localStorage.setItem('zg-prefs', p), JSON.stringify(opts.prefs));
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(String(e)));
	const res = await page.goto(url(path), { waitUntil: 'load' });
	expect(res?.status(), path).toBe(200);
	return { page, errors };
}

/** Scrolls every chart into view and waits until each canvas has its chart. */
async function drawAllCharts(page: Page): Promise<number> {
	const n = await page.locator('figure.chart').count();
	for (let i = 0; i < n; i++) await page.locator('figure.chart').nth(i).scrollIntoViewIfNeeded();
	await page.waitForFunction(
		(count) => [...document.querySelectorAll('figure.chart canvas')].filter((c) => (c as any).chart).length === count,
		n,
	);
	return n;
}

describe('dashboard charts', () => {
	it('each chart draws exactly the figures of its table, with a generated label and no colour-only legend', async () => {
		const { page, errors } = await openWith('/');
		const n = await drawAllCharts(page);
		expect(n).toBe(5);
		const charts = await page.$$eval('figure.chart', (figs) =>
			figs.map((fig) => {
				const canvas = fig.querySelector('canvas') as any;
				const table = fig.querySelector('table')!;
				const keys = [...table.tHead!.querySelectorAll<HTMLElement>('th[data-series]')];
				const rows = [...table.tBodies[0]!.rows];
				return {
					role: canvas.getAttribute('role'),
					kind: canvas.dataset.kind as string,
					// the canvas's name: an aria-label generated from the table's numbers
					label: canvas.getAttribute('aria-label') as string,
					table: {
						// the rows' plain names (the row headers add each row's basis, which the chart says once)
						labels: rows.map((r) => r.dataset.name!),
						series: keys.map((k) => ({
							label: k.textContent!.trim(),
							data: rows.map((r) => Number(r.querySelector(`td[data-series="${k.dataset.series}"]`)!.textContent)),
						})),
					},
					chart: {
						labels: canvas.chart.data.labels,
						series: canvas.chart.data.datasets.map((d: any) => ({ label: d.label, data: d.data })),
					},
					legend: canvas.chart.options.plugins.legend.display !== false,
					font: canvas.chart.options.font.family as string,
				};
			}),
		);
		for (const c of charts) {
			expect(c.role).toBe('img');
			expect(c.chart).toEqual(c.table);
			// the aria-label carries the table's numbers
			if (c.kind === 'line')
				for (const s of c.table.series)
					expect(c.label).toContain(`${s.label}由 ${s.data[0]} 项变为 ${s.data.at(-1)} 项`);
			if (c.kind === 'stacked') {
				// every row, or on a long chart the SUMMARY_ROWS largest and a count of the rest (src/lib/view/charts.ts)
				const named = c.table.labels.filter((row, i) =>
					c.label.includes(`${row} 共 ${c.table.series.reduce((n, s) => n + s.data[i]!, 0)} 项`),
				);
				expect(named.length).toBe(Math.min(c.table.labels.length, SUMMARY_ROWS));
				if (c.table.labels.length > SUMMARY_ROWS)
					expect(c.label).toContain(`其余 ${c.table.labels.length - SUMMARY_ROWS} 个`);
				c.table.labels.forEach((row, i) => {
					if (named.includes(row))
						for (const s of c.table.series) if (s.data[i]) expect(c.label).toContain(`${s.label} ${s.data[i]}`);
				});
			}
			// several series → a legend with their names
			if (c.table.series.length > 1) expect(c.legend).toBe(true);
			expect(c.font).toContain('Noto Sans CJK SC');
		}
		// and that sentence is the accessible name of the image
		expect(await page.getByRole('img', { name: charts[0]!.label }).count()).toBe(1);
		// the status chart's label names every status with its count, as its table does
		const status = charts[0]!;
		status.table.labels.forEach((l, i) => expect(status.label).toContain(`${l} ${status.table.series[0]!.data[i]} 项`));
		expect(errors).toEqual([]);
	});

	it('turns animation off under prefers-reduced-motion, and loads Chart.js only when charts are near', async () => {
		const { page } = await openWith('/', { reducedMotion: 'reduce' });
		await drawAllCharts(page);
		expect(await page.$eval('figure.chart canvas', (c: any) => c.chart.options.animation)).toBe(false);
		const { page: list } = await openWith('/tasks/');
		const scripts = await list.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
		expect(scripts.some((s) => s.includes('chart-draw'))).toBe(false);
	});
});

describe('task list filters', () => {
	const visible = (page: Page) =>
		page.$$eval('#task-list tbody tr', (rows) =>
			rows.filter((r) => !(r as HTMLElement).hidden).map((r) => (r as HTMLElement).dataset),
		);

	it('filters change the list and the URL, and the back button restores the list', async () => {
		const { page, errors } = await openWith('/tasks/');
		expect(await visible(page)).toHaveLength(38);
		await page.click('.filter-fold > summary'); // the filters are folded into one line
		await page.selectOption('#f-status', 'overdue');
		await page.waitForURL(/status=overdue/);
		let rows = await visible(page);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((r) => r.status === 'overdue')).toBe(true);
		expect(await page.textContent('.filter-count')).toContain(`显示 ${rows.length} 项任务`);
		const overdue = rows.length;

		await page.selectOption('#f-status', '');
		const unit = (await page.$$eval('#f-unit option', (o) => o.map((x) => (x as HTMLOptionElement).value)))[1]!;
		await page.selectOption('#f-unit', unit);
		await page.waitForURL(new RegExp(`unit=${unit}`));
		rows = await visible(page);
		expect(rows.every((r) => r.unit!.split(' ').includes(unit))).toBe(true);
		expect(rows.length).toBeLessThan(38);

		await page.selectOption('#f-sort', 'due');
		await page.waitForURL(/sort=due/);
		const dues = (await visible(page)).map((r) => r.due!);
		expect(dues).toEqual([...dues].sort());

		await page.goBack();
		await page.waitForURL((u) => !u.search.includes('sort='));
		expect(await page.inputValue('#f-sort')).toBe('no');
		await page.goBack();
		await page.goBack();
		await page.waitForURL(/status=overdue/);
		expect(await visible(page)).toHaveLength(overdue);
		expect(await page.inputValue('#f-status')).toBe('overdue');
		await page.goBack();
		await page.waitForURL((u) => u.search === '');
		expect(await visible(page)).toHaveLength(38);
		expect(errors).toEqual([]);
	});

	// A few figures per test, each group with its own timeout; the first group also checks none is left out.
	for (let g = 0; g < FIGURE_GROUPS; g++)
		it(`every headline figure on the home page links to a list of exactly that many tasks (group ${g + 1})`, async () => {
			const { page } = await openWith('/');
			const links = await page.$$eval('.figures a', (as) =>
				as.map((a) => ({ href: a.getAttribute('href')!, n: Number(a.querySelector('.n')!.textContent) })),
			);
			expect(links.length).toBeGreaterThanOrEqual(7);
			expect(links.length, 'more figures than the groups cover: raise FIGURE_GROUPS').toBeLessThanOrEqual(
				FIGURE_GROUPS * FIGURES_PER_GROUP,
			);
			for (const l of links.slice(g * FIGURES_PER_GROUP, (g + 1) * FIGURES_PER_GROUP)) {
				await page.goto(url(l.href));
				expect((await visible(page)).length, l.href).toBe(l.n);
			}
		});
});

describe('without JavaScript', () => {
	for (const path of PAGES)
		it(`every table on ${path} is complete, and nothing needs a script to be read`, async () => {
			const { page } = await openPage(browser, path, { javaScript: false });
			const tables = await page.$$eval('table', (ts) =>
				ts.map((t) => ({
					rows: t.tBodies[0]?.rows.length ?? 0,
					hidden: [...t.querySelectorAll('tr')].filter((r) => r.hidden || getComputedStyle(r).display === 'none')
						.length,
					visible: t.getClientRects().length > 0,
				})),
			);
			for (const t of tables) expect(t, path).toMatchObject({ hidden: 0, visible: true });
			for (const t of tables) expect(t.rows, path).toBeGreaterThan(0);
			// controls that need a script stay out of the way
			expect(await page.locator('.a11y-controls').isVisible(), path).toBe(false);
			expect(await page.locator('.chart-box:visible').count(), path).toBe(0);
			await page.context().close();
		});
	it('the task list filtered by a query is complete without a script', async () => {
		const { page } = await openPage(browser, '/tasks/?status=overdue', { javaScript: false });
		expect(await page.locator('table.tasks tbody tr:visible').count()).toBe(38);
		expect(await page.locator('form.task-filters').isVisible()).toBe(false);
		const { page: home } = await openPage(browser, '/', { javaScript: false });
		expect(await home.locator('figure.chart table').count()).toBe(5);
	});
});

// One test per page and contrast: a busy machine slows each page, and one timeout over all of them failed once.
describe('accessibility (axe, WCAG 2.1 A/AA)', () => {
	for (const contrast of ['normal', 'high'] as const)
		for (const path of PAGES)
			it(`finds no violation on ${path}, ${contrast} contrast`, async () => {
				const { page } = await openWith(path, { prefs: { text: 'normal', contrast } });
				if (contrast === 'high') expect(await page.getAttribute('html', 'data-contrast')).toBe('high');
				if (path === '/') await drawAllCharts(page);
				const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
				await page.context().close();
				expect(r.violations.map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
			});
});

describe('phones and large text', () => {
	/**
	 * Elements whose content sticks out of their own box (outside the tables' scroll regions and visually hidden labels).
	 */
	const clipped = (page: Page) =>
		page.evaluate(() =>
			[...document.body.querySelectorAll<HTMLElement>('header *, main *, footer *')]
				.filter(
					(el) =>
						!el.closest('.table-scroll, .chart-box, .sr-only') &&
						// not rendered (inside a closed <details>, such as the phone menu)
						el.checkVisibility() &&
						el.clientWidth > 0 &&
						el.scrollWidth > el.clientWidth + 1,
				)
				.map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth}>${el.clientWidth}`),
		);

	for (const text of ['normal', 'xlarge'] as const)
		for (const path of PAGES)
			it(`no horizontal scrolling at 360 px and nothing sticks out on ${path}, text size ${text}`, async () => {
				const problems: string[] = [];
				const { page } = await openWith(path, { width: 360, prefs: { text, contrast: 'normal' } });
				if (path === '/') await drawAllCharts(page);
				const width = await page.evaluate(() => document.documentElement.scrollWidth);
				if (width > 360) problems.push(`${path}: scrollWidth ${width}`);
				for (const c of await clipped(page)) problems.push(`${path}: ${c}`);
				await page.context().close();
				expect(problems).toEqual([]);
			});

	it('the text size and contrast controls apply at once and are remembered on the next page', async () => {
		const { page, errors } = await openWith('/');
		const base = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
		await page.click('[data-text-step="xlarge"]');
		expect(await page.getAttribute('html', 'data-text')).toBe('xlarge');
		expect(await page.getAttribute('[data-text-step="xlarge"]', 'aria-pressed')).toBe('true');
		const big = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
		expect(big).toBeGreaterThan(base * 1.4);
		await page.click('[data-contrast-toggle]');
		expect(await page.getAttribute('html', 'data-contrast')).toBe('high');
		// the next page has the choice before any module script runs (the head script applies it)
		await page.goto(url('/tasks/'), { waitUntil: 'commit' });
		await page.waitForSelector('body');
		expect(await page.getAttribute('html', 'data-text')).toBe('xlarge');
		await page.waitForLoadState('load');
		expect(await page.getAttribute('[data-contrast-toggle]', 'aria-pressed')).toBe('true');
		await page.click('[data-text-step="normal"]');
		expect(await page.getAttribute('html', 'data-text')).toBeNull();
		expect(errors).toEqual([]);
	});
});

describe('unit scorecard', () => {
	it('states the warning rule and shows the level in words on the unit page and the list', async () => {
		const { page } = await openWith('/units/zjt/');
		expect(await page.textContent('.warning-rule')).toContain('红色预警');
		// zjt leads only sample tasks: no level is given from them, and the page names the tasks left out.
		expect(await page.textContent('dl.scorecard')).toContain('预警等级不评级（无可核实的牵头任务）');
		expect(await page.textContent('.warning-excluded')).toMatch(/未计入预警的牵头任务（\d+ 项）：.*（示例）/);
		const { page: list } = await openWith('/units/');
		expect(await list.locator('table.scorecards a[href="/units/zjt/"]').count()).toBe(1);
	});

	it('never rates a real body from samples, and says 无牵头任务 for a unit leading none', async () => {
		const { page } = await openWith('/units/');
		// Before: 山西省自然资源厅 and six city governments were 红色预警 on one sample task each.
		expect(await page.locator('table.scorecards .warn.w-red').count()).toBe(0);
		const czt = page.locator('table.scorecards tr', { has: page.locator('a[href="/units/czt/"]') });
		expect(await czt.locator('.warn').textContent()).toBe('无牵头任务');
		// Sample-based counts carry their mark in the cell.
		expect(await page.locator('table.scorecards [data-basis="sample"]').first().textContent()).toContain('示例');
	});
});

describe('under a strict Content-Security-Policy (no inline script or style)', () => {
	it('charts draw, filters work and the stored text size applies', async () => {
		const context = await contextUnderSiteCsp(browser, { viewport: { width: 1280, height: 900 } });
		await context.addInitScript(() =>
			localStorage.setItem('zg-prefs', JSON.stringify({ text: 'large', contrast: 'high' })),
		);
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(String(e)));
		await page.goto(url('/'));
		expect(await page.getAttribute('html', 'data-text')).toBe('large');
		expect(await drawAllCharts(page)).toBe(5);
		await page.goto(url('/tasks/?status=overdue'));
		expect(await page.inputValue('#f-status')).toBe('overdue');
		expect(await page.locator('#task-list tbody tr:visible').count()).toBeLessThan(38);
		expect(errors).toEqual([]);
		await context.close();
	});
});
