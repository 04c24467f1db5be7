import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => browser?.close());

describe('built site in Chromium', () => {
	it('home page shows the as-of date, headline figures equal to the declared totals, and the sample notice', async () => {
		const { page, errors } = await openPage(browser, '/');
		expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
		expect(await page.textContent('.asof')).toContain('2021年6月30日');
		const figures = await page.locator('.figures li').allTextContents();
		expect(figures[0]).toMatch(/^38整改任务（方案声明 38 项）/);
		// the status table adds up to the task count
		expect(await page.locator('tfoot td').first().textContent()).toBe('38');
		expect(await page.locator('.notice-sample').count()).toBeGreaterThan(0);
		expect(errors).toEqual([]);
	});

	it('a task page shows its number, status, timeline and sources', async () => {
		const { page, errors } = await openPage(browser, '/tasks/hkk-02/');
		expect(await page.locator('h1').textContent()).toContain('回头看第02号');
		expect(await page.locator('.badge').first().textContent()).toMatch(/已完成|已销号|销号公示中/);
		const timeline = await page.locator('ol.timeline').textContent();
		expect(timeline).toContain('14660');
		expect(await page.locator('.sources').first().textContent()).toContain('山西省工业和信息化厅');
		expect(errors).toEqual([]);
	});

	it('the task list is server-rendered with every task', async () => {
		const { page } = await openPage(browser, '/tasks/', { javaScript: false });
		expect(await page.locator('table.tasks tbody tr').count()).toBe(38);
	});
});
