// Issue 27, the public round two: what a citizen meets first on a 360 × 740 phone, in standard text and in 特大.
// One page visit per test, so a busy machine cannot time a whole loop out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launch, url } from './browser.ts';
import { PAGE_TYPES } from './page-types.ts';

const PHONE = { width: 360, height: 740 };

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => browser?.close());

async function open(path: string, text: 'normal' | 'xlarge', status = 200): Promise<Page> {
	const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
	await context.addInitScript((t) => {
		if (!sessionStorage.getItem('seeded')) localStorage.setItem('zg-prefs', JSON.stringify({ text: t }));
		sessionStorage.setItem('seeded', '1');
	}, text);
	const page = await context.newPage();
	const res = await page.goto(url(path), { waitUntil: 'load' });
	expect(res?.status(), path).toBe(status);
	return page;
}

/** Top and bottom of the first element matching `selector`, in page coordinates. */
const span = (page: Page, selector: string) =>
	page
		.locator(selector)
		.first()
		.evaluate((el) => {
			const r = el.getBoundingClientRect();
			return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
		});

describe('the answer is in the first screen', () => {
	for (const text of ['normal', 'xlarge'] as const) {
		it(`/tasks/ filtered to overdue: the count and the first card with its status, text ${text}`, async () => {
			const page = await open('/tasks/?status=overdue', text);
			await page.waitForSelector('.filter-count:not(:empty)');
			expect(await page.textContent('.filter-summary')).toBe('筛选：逾期未完成');
			const count = await span(page, '.filter-count');
			const card = await span(page, '#task-list tbody tr:not([hidden])');
			const badge = await span(page, '#task-list tbody tr:not([hidden]) td:nth-child(3) .badge');
			expect(count.bottom).toBeLessThanOrEqual(PHONE.height);
			expect(card.top).toBeLessThan(PHONE.height);
			expect(badge.bottom, 'the first card’s status').toBeLessThanOrEqual(PHONE.height);
			expect(await page.textContent('#task-list tbody tr:not([hidden]) td:nth-child(3) .badge')).toContain(
				'逾期未完成',
			);
			await page.context().close();
		});

		it(`a task page: the status right under the H1, text ${text}`, async () => {
			// hkk-03 has a long title and a sample notice: the hardest case of the bundled tasks.
			const page = await open('/tasks/hkk-03/', text);
			const h1 = await span(page, 'main h1');
			const status = await span(page, 'main h1 + section .badge');
			expect(status.top).toBeGreaterThan(h1.bottom);
			expect(status.bottom).toBeLessThanOrEqual(PHONE.height);
			await page.context().close();
		});
	}

	it('a whole task card opens the task, and 我要监督 beside an overdue task leads to what one can do', async () => {
		const page = await open('/tasks/?status=overdue', 'normal');
		const row = page.locator('#task-list tbody tr:not([hidden])').first();
		const id = await row.getAttribute('data-id');
		const supervise = row.locator('a.supervise');
		expect(await supervise.getAttribute('href')).toBe(`/tasks/${id}/#act`);
		// a tap on the title cell, not on the number's link (the link's box covers the card, so tap by position)
		const title = (await row.locator('td:nth-child(2)').boundingBox())!;
		await page.mouse.click(title.x + title.width / 2, title.y + title.height / 2);
		await page.waitForURL(`**/tasks/${id}/`);
		await page.context().close();
	});

	it('the home headline names the plan from its record, and each overdue task has 我要监督', async () => {
		const page = await open('/', 'normal');
		const h1 = (await page.textContent('main h1'))!;
		expect(h1).toContain('山西省');
		expect(h1).toContain('督察');
		expect(h1).toContain('2019年');
		expect(await page.title()).toContain(h1.trim());
		const items = page.locator('.overdue-list li');
		expect(await items.count()).toBeGreaterThan(0);
		expect(await items.locator('a.supervise').count()).toBe(await items.count());
		expect((await span(page, '.story-sentence')).bottom).toBeLessThanOrEqual(PHONE.height);
		await page.context().close();
	});
});

describe('长者模式 in the header', () => {
	it('switches to 特大, closes the menu, and persists to the next page', async () => {
		const page = await open('/', 'normal');
		await page.click('details.menu > summary');
		expect(await page.locator('details.menu').getAttribute('open')).not.toBeNull();
		const toggle = page.locator('header [data-elder-toggle]');
		await toggle.click();
		expect(await page.getAttribute('html', 'data-text')).toBe('xlarge');
		expect(await toggle.getAttribute('aria-pressed')).toBe('true');
		expect(await page.locator('details.menu').getAttribute('open')).toBeNull();
		await page.goto(url('/tasks/'));
		expect(await page.getAttribute('html', 'data-text')).toBe('xlarge');
		await page.locator('header [data-elder-toggle]').click();
		expect(await page.getAttribute('html', 'data-text')).toBeNull();
		await page.context().close();
	});

	it('the menu’s 字号 buttons close the menu too', async () => {
		const page = await open('/', 'normal');
		await page.click('details.menu > summary');
		await page.click('.a11y-controls [data-text-step="large"]');
		expect(await page.getAttribute('html', 'data-text')).toBe('large');
		expect(await page.locator('details.menu').getAttribute('open')).toBeNull();
		await page.context().close();
	});
});

/** Elements whose text overflows their box (cut off or spilling out) and that do not scroll it themselves. */
const narrowerThanText = (page: Page) =>
	page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('body *')]
			.filter((el) => {
				if (el.closest('[hidden], details:not([open]) > :not(summary), .sr-only, svg, canvas, script, style, pre'))
					return false;
				// visually hidden for screen readers only (a card list's header row): clipped to a 1 px box
				for (let a: HTMLElement | null = el; a; a = a.parentElement)
					if (a.getBoundingClientRect().width <= 1 || getComputedStyle(a).clip.startsWith('rect(0')) return false;
				const s = getComputedStyle(el);
				if (s.display === 'none' || s.visibility === 'hidden' || /auto|scroll/.test(s.overflowX)) return false;
				return el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0;
			})
			.map((el) => `${el.tagName.toLowerCase()}.${el.className} “${(el.textContent ?? '').trim().slice(0, 30)}”`),
	);

describe('every page type at 360 px', () => {
	for (const p of PAGE_TYPES) {
		it(`${p.name}: 长者模式 in the header, and axe clean (scrollable regions focusable)`, async () => {
			const page = await open(p.path, 'normal', p.status);
			const toggle = page.locator('header.site [data-elder-toggle]');
			expect(await toggle.isVisible()).toBe(true);
			expect((await toggle.textContent())?.trim()).toBe('长者模式');
			const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
			const scrollable = await new AxeBuilder({ page }).withRules(['scrollable-region-focusable']).analyze();
			expect(
				[...r.violations, ...scrollable.violations].map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`),
			).toEqual([]);
			await page.context().close();
		});

		it(`${p.name}: in 特大 no element is narrower than its text, nothing wider than the screen`, async () => {
			const page = await open(p.path, 'xlarge', p.status);
			expect(await narrowerThanText(page)).toEqual([]);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
			await page.context().close();
		});
	}
});
