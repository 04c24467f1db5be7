// The public on a phone (issue 17): screenshots of the pages a citizen opens first, at 360 and 1280 px, with
// standard and 特大 text, each written to test-results/screens/ and each asserting what the first screen shows.
// One page visit per test, so a busy machine cannot time a whole loop out.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launch, url } from './browser.ts';

/** Where the screenshots go (ignored by git; the lead and reviewers look at them). */
export const SCREENS_DIR = 'test-results/screens';
/** A common Android phone's CSS viewport. */
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

/** The pages, and the element each must show inside the first screen. */
const PAGES = [
	{ name: 'home', path: '/', first: '.story-sentence' },
	{ name: 'tasks', path: '/tasks/', first: 'main h1' },
	{ name: 'task', path: '/tasks/hkk-02/', first: 'main h1' },
	{ name: 'unit', path: '/units/gxt/', first: 'main h1' },
	{ name: 'search', path: '/search/?q=%E7%84%A6%E5%8C%96', first: '#q' },
] as const;

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
	mkdirSync(SCREENS_DIR, { recursive: true });
});
afterAll(async () => browser?.close());

async function open(path: string, size: { width: number; height: number }, prefs: object, javaScript = true) {
	const context = await browser.newContext({ viewport: size, locale: 'zh-CN', javaScriptEnabled: javaScript });
	await context.addInitScript((p) => localStorage.setItem('zg-prefs', p), JSON.stringify(prefs));
	const page = await context.newPage();
	const res = await page.goto(url(path), { waitUntil: 'load' });
	expect(res?.status(), path).toBe(200);
	return page;
}

/** The element's box, relative to the first screen (no scrolling). */
const box = (page: Page, selector: string) =>
	page
		.locator(selector)
		.first()
		.evaluate((el) => {
			const r = el.getBoundingClientRect();
			return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, left: r.left, right: r.right };
		});

describe('first screen at 360 and 1280 px, standard and 特大 text (screenshots in test-results/screens/)', () => {
	for (const p of PAGES)
		for (const size of [PHONE, DESKTOP])
			for (const text of ['normal', 'xlarge'] as const) {
				// 特大 readers are the ones who also choose high contrast; the standard runs keep the default look.
				const contrast = text === 'xlarge' ? 'high' : 'normal';
				it(`${p.name} at ${size.width} px, text ${text}`, async () => {
					const page = await open(p.path, size, { text, contrast });
					if (p.name === 'search') await page.waitForSelector('#search-results li');
					await page.screenshot({ path: `${SCREENS_DIR}/${p.name}-${size.width}-${text}.png` });
					const first = await box(page, p.first);
					expect(first.top, `${p.first} starts in the first screen`).toBeGreaterThanOrEqual(0);
					expect(first.bottom, `${p.first} ends in the first screen`).toBeLessThanOrEqual(size.height);
					// nothing is off-screen to the right
					expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
					// the header leaves room for the page: at most a fifth of a phone's first screen, a quarter of a desktop's
					const header = await box(page, 'header.site');
					expect(header.bottom).toBeLessThanOrEqual(size.height / (size === PHONE ? 5 : 4));
					await page.context().close();
				});
			}
});

describe('home page story', () => {
	it('names the overdue tasks with their days overdue, and the sentence agrees with the figures', async () => {
		const page = await open('/', PHONE, { text: 'normal', contrast: 'normal' });
		const sentence = (await page.locator('.story-sentence').textContent())!;
		const figure = async (key: string) => Number(await page.locator(`.figures .f-${key} .n`).textContent());
		const [tasks, done, overdue] = [await figure('tasks'), await figure('done'), await figure('overdue')];
		expect(sentence).toMatch(new RegExp(`^${tasks} 项任务（含示例 \\d+ 项）中 ${done} 项已完成或长期坚持`));
		expect(sentence).toContain(`（${Math.floor((done * 100) / tasks)}%）`);
		expect(sentence).toContain(`${overdue} 项逾期未完成`);
		const items = page.locator('.overdue-list li');
		expect(await items.count()).toBe(overdue);
		const days = await items.evaluateAll((lis) =>
			lis.map((li) => Number(li.querySelector('.od-meta strong')!.textContent)),
		);
		expect(days).toEqual([...days].sort((a, b) => b - a));
		expect(sentence).toMatch(new RegExp(`最久的已逾期.*（${days[0]} 天）`));
		// 达到/未达到序时进度 appear only while some task is not yet due
		expect(sentence).toMatch(/项未到整改时限/);
		await page.context().close();
	});

	it('opens its menu without JavaScript on a phone, and the search is one tap away', async () => {
		const page = await open('/', PHONE, { text: 'normal', contrast: 'normal' }, false);
		expect(await page.locator('nav.main').isVisible()).toBe(false);
		await page.locator('details.menu > summary').click();
		expect(await page.locator('nav.main a[href="/tasks/"]').isVisible()).toBe(true);
		expect(await page.locator('header .search-link').getAttribute('href')).toBe('/search/');
		await page.context().close();
	});

	it('status badges are filled and at least 14 px', async () => {
		const page = await open('/tasks/', PHONE, { text: 'normal', contrast: 'normal' });
		const style = await page
			.locator('.badge.s-overdue')
			.first()
			.evaluate((el) => {
				const s = getComputedStyle(el);
				return { size: parseFloat(s.fontSize), bg: s.backgroundColor };
			});
		expect(style.size).toBeGreaterThanOrEqual(14);
		expect(style.bg).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
		await page.context().close();
	});
});

describe('axe (WCAG 2.1 A/AA) on the pages this issue changed', () => {
	for (const path of ['/', '/tasks/hkk-02/', '/sitemap/', '/as-of/2020-12-31/'])
		for (const contrast of ['normal', 'high'] as const)
			it(`${path}, ${contrast} contrast, 360 px`, async () => {
				const page = await open(path, PHONE, { text: 'normal', contrast });
				const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
				expect(r.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
				await page.context().close();
			});
});
