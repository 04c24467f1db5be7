// The journalist's four paths (issue #16), each ending in the answer it must give, checked against the model:
// (a) the overdue tasks a unit leads or supports, shared as a link and reopened; (b) 焦化 → the real task first → its
// citation with its status as of 2020-12-31; (c) what changed in January 2020, as a shareable URL; (d) the filtered
// list downloaded and read back by a CSV parser. Each path is its own test (one page flow per timeout).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, url } from './browser.ts';
import { validateContent } from '#src/lib/content/validate.ts';
import { statesAt } from '#src/lib/model/status.ts';
import {
	changeCounts,
	changesBetween,
	CHANGE_SECTIONS,
	sectionBasis,
	sectionCount,
	sectionHeading,
} from '#src/lib/model/changes.ts';
import { compareTasks } from '#src/lib/model/names.ts';
import { buildSiteModel } from '#src/lib/model/site-model.ts';
import { STATUS_LABELS } from '#src/lib/model/statuses.ts';
import { unsourcedNote } from '#src/lib/model/basis.ts';
import { parseCsv } from '#src/lib/publish/csv.ts';

const asOf = inject('asOf');
const { content } = validateContent(resolve(process.env.CONTENT_DIR ?? 'content'), asOf);
const model = buildSiteModel(content, asOf);
const states = statesAt(content.tasks, content.updates, asOf);
const planOrder = [...content.tasks].sort(compareTasks(model.plans)).map((t) => t.id);

/** The unit of path (a): 省生态环境厅, which leads no overdue task but supports some (the case the issue found). */
const UNIT = 'sthjt';
const overdueOfUnit = planOrder.filter((id) => {
	const t = model.tasks.get(id)!;
	return states.get(id)!.status === 'overdue' && [...(t.leadUnits ?? []), ...t.supportUnits].includes(UNIT);
});
const SHARED = `/tasks/?status=overdue&unit=${UNIT}&role=any`;

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => browser?.close());

const visibleRows = (page: Page) =>
	page.$$eval('#task-list tbody tr', (trs) =>
		trs.filter((tr) => !(tr as HTMLElement).hidden).map((tr) => (tr as HTMLElement).dataset.id),
	);

describe('journalist paths', () => {
	it('(a) the overdue tasks 省生态环境厅 leads or supports: chosen in the form, shared as a link, reopened', async () => {
		expect(overdueOfUnit.length).toBeGreaterThan(0);
		// It leads none of them: the lead-only filter alone would have shown an empty list.
		expect(overdueOfUnit.some((id) => model.tasks.get(id)!.leadUnits?.includes(UNIT))).toBe(false);
		const { page, errors } = await openPage(browser, '/tasks/');
		await page.click('.filter-fold > summary'); // the filters are folded into one line
		await page.selectOption('#f-status', 'overdue');
		await page.selectOption('#f-unit', UNIT);
		await page.selectOption('#f-role', 'any');
		await page.waitForURL((u) => u.searchParams.get('role') === 'any');
		const shared = new URL(page.url());
		expect(shared.pathname + shared.search).toBe(SHARED);
		expect(await visibleRows(page)).toEqual(overdueOfUnit);
		// Reopened in a fresh browser: the same rows, and the caption and title name the filters in words.
		const { page: other, errors: otherErrors } = await openPage(browser, SHARED);
		expect(await visibleRows(other)).toEqual(overdueOfUnit);
		const unitName = model.units.get(UNIT)!.shortName;
		const caption = await other.locator('#task-list caption').textContent();
		expect(caption).toBe(
			`筛选结果：${STATUS_LABELS.overdue}，${unitName}牵头或配合（${overdueOfUnit.length} 项，共 ${content.tasks.length} 项）`,
		);
		expect(await other.title()).toContain(`任务清单：${STATUS_LABELS.overdue} · ${unitName}牵头或配合`);
		expect(await other.locator('.filter-empty').isHidden()).toBe(true);
		expect(errors).toEqual([]);
		expect(otherErrors).toEqual([]);
	});

	it('(a) the edges: a multi-value link shows labels, an empty result says so with a way back, no JS says so', async () => {
		const units = ['fgw', UNIT];
		const { page } = await openPage(browser, `/tasks/?unit=${units.join(',')}`);
		const names = units.map((u) => model.units.get(u)!.shortName).sort((a, b) => a.localeCompare(b, 'zh-CN'));
		const shownLabel = await page.$eval('#f-unit', (s) => (s as HTMLSelectElement).selectedOptions[0]!.text);
		expect(shownLabel.split('、').sort((a, b) => a.localeCompare(b, 'zh-CN'))).toEqual(names);
		const { page: none } = await openPage(browser, `/tasks/?status=overdue&unit=${UNIT}`);
		expect(await visibleRows(none)).toEqual([]);
		expect(await none.locator('.filter-empty').isVisible()).toBe(true);
		await Promise.all([none.waitForURL((u) => u.search === ''), none.click('.filter-empty a')]);
		expect((await visibleRows(none)).length).toBe(content.tasks.length);
		const { page: nojs } = await openPage(browser, SHARED, { javaScript: false });
		expect(await nojs.locator('.filter-nojs').textContent()).toContain('需要浏览器启用 JavaScript');
	});

	it('(b) 焦化 finds the real task first; its citation gives its status as of 2020-12-31 and a URL pinned to that date', async () => {
		const real = content.tasks
			.filter((t) => t.provenance.kind !== 'sample' && `${t.title}`.includes('焦化'))
			.map((t) => t.id);
		expect(real).toEqual(['hkk-02']);
		const { page, errors } = await openPage(browser, `/search/?q=${encodeURIComponent('焦化')}`);
		await page.waitForFunction(() => /找到 \d+ 条/.test(document.getElementById('search-status')?.textContent ?? ''));
		const first = page.locator('#search-results > li > h3 > a').first();
		expect(new URL(await first.evaluate((a) => (a as HTMLAnchorElement).href)).pathname).toBe('/tasks/hkk-02/');
		await Promise.all([page.waitForURL(/\/tasks\/hkk-02\/$/), first.click()]);
		const date = '2020-12-31';
		const state = statesAt(content.tasks, content.updates, date).get('hkk-02')!;
		// The status carries its unsourced inputs in the same words (issue #23): 未见公开进展（发布日期未核实）.
		const statusText = `${STATUS_LABELS[state.status]}${unsourcedNote(state.basis)}`;
		const status = statusText.replace(/[()（）]/g, '\\$&');
		await page.selectOption('.cite-select', date);
		const gbt = (await page.locator('[data-format="gbt"] .cite-text').textContent()) ?? '';
		const pinned = `/as-of/${date}/#t-hkk-02`;
		expect(gbt).toMatch(
			new RegExp(
				`^整改公开\\. 回头看第02号：压减焦化总产能：截至${date}状态为${status}\\[EB/OL\\]\\. \\(${date}\\)\\[\\d{4}-\\d{2}-\\d{2}\\]\\. https?://[^ ]+${pinned.replace(/[/#]/g, '\\$&')}\\.$`,
			),
		);
		expect(await page.locator('[data-format="bibtex"] .cite-text').textContent()).toContain(
			`截至${date}状态为${statusText}`,
		);
		expect(await page.locator('[data-format="ris"] .cite-text').textContent()).toMatch(/^TY {2}- ELEC/);
		const csl = JSON.parse((await page.locator('[data-format="csl"] .cite-text').textContent()) ?? '[]');
		expect(csl[0]).toMatchObject({ type: 'webpage', issued: { 'date-parts': [[2020, 12, 31]] } });
		// The pinned URL shows that state.
		await page.goto(url(pinned));
		// The badge carries its basis mark after the label (e.g. （发布日期未核实）).
		expect(await page.locator('#t-hkk-02 .badge').first().textContent()).toMatch(new RegExp(`^${status}`));
		expect(errors).toEqual([]);
	});

	it('(c) what changed in January 2020, as a shareable URL that reopens the same answer', async () => {
		const n = changeCounts(changesBetween(content.tasks, content.updates, '2019-12-31', '2020-01-31'));
		const { page, errors } = await openPage(browser, '/changes/');
		// The monthly list comes before the comparison and links January 2020.
		const monthsTop = await page.locator('#months').evaluate((h) => h.getBoundingClientRect().top);
		const compareTop = await page.locator('#cmp').evaluate((h) => h.getBoundingClientRect().top);
		expect(monthsTop).toBeLessThan(compareTop);
		expect(await page.locator('a[href="/changes/2020-01-31/"]').count()).toBe(1);
		await page.fill('#cmp-from', '2019-12-31');
		await page.fill('#cmp-to', '2020-01-31');
		await page.click('.compare-form button[type=submit]');
		await page.waitForURL((u) => u.searchParams.get('to') === '2020-01-31');
		const shared = new URL(page.url());
		expect(shared.search).toBe('?from=2019-12-31&to=2020-01-31');
		const { page: other, errors: otherErrors } = await openPage(browser, shared.pathname + shared.search);
		await other.waitForSelector('.compare-result h3');
		const headings = await other.locator('.compare-result h3').allTextContents();
		const c = changesBetween(content.tasks, content.updates, '2019-12-31', '2020-01-31');
		expect(headings).toEqual(
			CHANGE_SECTIONS.map((s) => sectionHeading(s, sectionCount(c, s.key), sectionBasis(c, s.key))),
		);
		expect(headings[0]).toContain(`新完成（${n.newlyCompleted} 项）`);
		expect(await other.inputValue('#cmp-from')).toBe('2019-12-31');
		expect(errors).toEqual([]);
		expect(otherErrors).toEqual([]);
	});

	it('(d) the filtered list downloads as CSV with the columns of tasks.csv and exactly the rows shown', async () => {
		const context = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN' });
		const page = await context.newPage();
		await page.goto(url(SHARED));
		await page.waitForFunction(() => !document.querySelector('form.task-filters')?.hasAttribute('hidden'));
		await page.click('.filter-fold > summary');
		const [download] = await Promise.all([page.waitForEvent('download'), page.click('.filter-download')]);
		expect(download.suggestedFilename()).toBe(`tasks-${asOf}-status-overdue_unit-${UNIT}_role-any.csv`);
		const text = readFileSync((await download.path())!, 'utf8');
		expect(text.startsWith('\uFEFF')).toBe(true);
		const [header, ...rows] = parseCsv(text);
		const full = parseCsv(readFileSync(resolve('dist/data/tasks.csv'), 'utf8'));
		expect(header).toEqual(full[0]);
		expect(rows.map((r) => r[0])).toEqual(overdueOfUnit);
		// Every cell as in the full file.
		for (const r of rows) expect(r).toEqual(full.find((f) => f[0] === r[0]));
		await context.close();
	});
});
