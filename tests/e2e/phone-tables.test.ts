// Issue 27 item 3: every table of every page type read on a 360 px phone, in standard text and in 特大. A table
// whose rows say the same thing is a list of cards (cards.css, the task cards of global.css) and never needs sideways
// scrolling. Other tables (chart crosstabs, the summary tables of ScrollTable.astro) still scroll in their own
// focusable region. One page visit per test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, url } from './browser.ts';
import { PAGE_TYPES } from './page-types.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => browser?.close());

describe('tables at 360 px', () => {
	for (const p of PAGE_TYPES)
		for (const text of ['normal', 'xlarge'] as const)
			it(`${p.name}, text ${text}: no card list wider than the screen`, async () => {
				const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
				await context.addInitScript((t) => localStorage.setItem('zg-prefs', JSON.stringify({ text: t })), text);
				const page = await context.newPage();
				const res = await page.goto(url(p.path), { waitUntil: 'load' });
				expect(res?.status()).toBe(p.status ?? 200);
				const wide = await page.$$eval('main :is(table.cards, table.tasks, table.history)', (tables) =>
					tables
						.filter((t) => t.getClientRects().length > 0)
						.filter((t) => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
						.map(
							(t) =>
								`${t.className || 'table'} “${(t as HTMLTableElement).caption?.textContent?.trim().slice(0, 30) ?? ''}”`,
						),
				);
				expect(wide).toEqual([]);
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
				await context.close();
			});
});
