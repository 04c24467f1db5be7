// Issue 27, item 7: the home page's charts as a reader meets them — one mark of what they count, axis titles,
// told-apart colours, the largest rows on a phone, text that grows in 特大, the overdue share in forced colours.
// One page visit per test, so a busy machine cannot time a whole loop out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { differenceCiede2000 } from 'culori';
import { launch, url } from './browser.ts';
import { MIN_STATUS_DIFFERENCE } from '#src/lib/model/statuses.ts';
import { PHONE_ROWS } from '#src/lib/view/charts.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => browser?.close());

/** Opens the home page at a width, with a text size stored as a returning reader has it. */
async function open(width: number, text: 'normal' | 'xlarge' = 'normal'): Promise<Page> {
	const context = await browser.newContext({ viewport: { width, height: 740 }, locale: 'zh-CN' });
	await context.addInitScript((t) => localStorage.setItem('zg-prefs', JSON.stringify({ text: t })), text);
	const page = await context.newPage();
	const res = await page.goto(url('/'), { waitUntil: 'load' });
	expect(res?.status()).toBe(200);
	return page;
}

/** Scrolls the charts into view and waits until every canvas has its chart. */
async function drawAll(page: Page): Promise<number> {
	const figures = page.locator('figure.chart');
	const n = await figures.count();
	for (let i = 0; i < n; i++) await figures.nth(i).scrollIntoViewIfNeeded();
	await page.waitForFunction(
		(count) => [...document.querySelectorAll('figure.chart canvas')].filter((c) => (c as any).chart).length === count,
		n,
	);
	return n;
}

describe('home page charts', () => {
	it('say once per chart what they count (the samples), not on every label', async () => {
		const page = await open(1280);
		expect(await drawAll(page)).toBe(5);
		const charts = await page.$$eval('figure.chart', (figs) =>
			figs.map((fig) => {
				const chart = (fig.querySelector('canvas') as any).chart;
				return {
					marks: [...fig.querySelectorAll('.chart-mark')].map((m) => m.textContent!.trim()),
					labels: (chart.data.labels as string[]).join('|'),
					spoken: fig.querySelector('canvas')!.getAttribute('aria-label')!,
					rows: [...fig.querySelectorAll('tbody th')].map((th) => th.textContent!.trim()),
				};
			}),
		);
		for (const c of charts) {
			// the bundled tasks are samples: one mark above the chart, none on its axis, one in its spoken text
			expect(c.marks).toEqual([expect.stringMatching(/^图中 \d+ 项任务（含示例 \d+ 项）$/)]);
			expect(c.labels).not.toContain('示例');
			expect(c.spoken.match(/示例/g)).toHaveLength(1);
		}
		// while each row of a table still says what it counts (a row copied alone keeps its basis)
		expect(charts[0]!.rows.filter((r) => r.includes('示例')).length).toBeGreaterThan(0);
	});

	it('have axis titles: what the categories are and what the bars count', async () => {
		const page = await open(1280);
		await drawAll(page);
		const titles = await page.$$eval('figure.chart canvas', (cs) =>
			cs.map((c: any) =>
				['x', 'y'].map((axis) => {
					const t = c.chart.options.scales[axis].title;
					return t.display ? String(t.text) : '';
				}),
			),
		);
		expect(titles).toHaveLength(5);
		for (const pair of titles) {
			expect(pair.every((t) => t !== '')).toBe(true);
			expect(pair).toContain('任务数（项）');
		}
		expect(titles.flat()).toContain('牵头单位');
	});

	it('tell every pair of statuses in a chart apart (CIEDE2000 at least MIN_STATUS_DIFFERENCE)', async () => {
		const page = await open(1280);
		await drawAll(page);
		// The colours each chart drew: its series' (stacked, lines) or its bars' (one series across statuses).
		const palettes = await page.$$eval('figure.chart canvas', (cs) =>
			cs.map((c: any) => {
				const sets = c.chart.data.datasets as { borderColor: string | string[] }[];
				return sets.length === 1 && Array.isArray(sets[0]!.borderColor)
					? sets[0]!.borderColor
					: sets.map((d) => d.borderColor as string);
			}),
		);
		const difference = differenceCiede2000();
		const close: string[] = [];
		for (const colours of palettes) {
			const distinct = [...new Set(colours)];
			for (const [i, a] of distinct.entries())
				for (const b of distinct.slice(i + 1)) if (difference(a, b) < MIN_STATUS_DIFFERENCE) close.push(`${a}/${b}`);
		}
		expect(palettes.flat().length).toBeGreaterThan(10);
		expect(close).toEqual([]);
	});

	it('on a phone draw the largest rows of a long chart, with a link that opens the full table', async () => {
		const page = await open(360);
		await drawAll(page);
		const unit = page.locator('#chart-all-unit');
		const drawn = await unit.locator('canvas').evaluate((c: any) => c.chart.data.labels.length);
		const rows = await unit.locator('tbody tr').count();
		expect(rows).toBeGreaterThan(PHONE_ROWS);
		expect(drawn).toBe(PHONE_ROWS);
		const more = unit.locator('.chart-more');
		await expect.poll(() => more.isVisible()).toBe(true);
		expect(await more.textContent()).toContain(`全部 ${rows} 个见数据表`);
		await more.locator('a').click();
		expect(await unit.locator('details.chart-table').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
		expect(await unit.locator('table').isVisible()).toBe(true);
	});

	it('grow their text in 特大 with the page', async () => {
		const page = await open(360, 'xlarge');
		await drawAll(page);
		const sizes = await page.evaluate(() => ({
			body: parseFloat(getComputedStyle(document.body).fontSize),
			charts: [...document.querySelectorAll('figure.chart canvas')].map((c: any) => c.chart.options.font.size),
		}));
		// 特大 is 1.45 × 16 px; chart text follows it (0.85 of the page's) instead of staying at about 12 px
		expect(sizes.body).toBeGreaterThan(22);
		for (const s of sizes.charts) expect(s).toBeGreaterThanOrEqual(Math.round(sizes.body * 0.85));
	});

	it('keep the overdue share of the bar and its legend apart in forced colours (Windows high contrast)', async () => {
		const page = await open(360);
		await page.emulateMedia({ forcedColors: 'active' });
		const colours = await page.evaluate(() => {
			const fill = (s: string) => getComputedStyle(document.querySelector(s)!).fill;
			const mark = (s: string) => getComputedStyle(document.querySelector(s)!, '::first-letter').color;
			return {
				done: fill('.bar-done'),
				overdue: fill('.bar-overdue'),
				rest: fill('.bar-rest'),
				doneMark: mark('.bar-legend .k-done'),
				overdueMark: mark('.bar-legend .k-overdue'),
			};
		});
		expect(new Set([colours.done, colours.overdue, colours.rest]).size).toBe(3);
		// the legend's marks are the bar's colours, so the overdue share is named by its colour too
		expect(colours.overdueMark).toBe(colours.overdue);
		expect(colours.doneMark).toBe(colours.done);
		expect(colours.overdueMark).not.toBe(colours.doneMark);
	});
});
