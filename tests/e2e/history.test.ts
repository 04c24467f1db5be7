// In Chromium: task page citation, JSON-LD, status history with timeliness; /changes/ comparison; /as-of/ snapshot;
// feeds parse as XML.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launch, openPage } from './browser.ts';
import { validateContent } from '#src/lib/content/validate.ts';
import { buildSiteModel } from '#src/lib/model/site-model.ts';
import {
	changeCounts,
	changesBetween,
	CHANGE_SECTIONS,
	sectionBasis,
	sectionCount,
	sectionHeading,
} from '#src/lib/model/changes.ts';
import { headline } from '#src/lib/model/rollups.ts';
import { statesAt } from '#src/lib/model/status.ts';

const asOf = inject('asOf');
const { content } = validateContent(resolve(process.env.CONTENT_DIR ?? 'content'), asOf);
const model = buildSiteModel(content, asOf);
/** Feeds fetched and parsed per test. */
const FEED_GROUP = 10;

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => browser?.close());

describe('task page: citation, JSON-LD, history', () => {
	it('has a cite block with title, site, as-of date and permalink, and JSON-LD that parses', async () => {
		const { page, errors } = await openPage(browser, '/tasks/hkk-02/');
		// GB/T 7714-2015: 责任者. 题名（with the status at the date)[EB/OL]. (date)[引用日期]. URL pinned to the date.
		const cite = await page.locator('[data-format="gbt"] .cite-text').textContent();
		expect(cite).toMatch(
			/^整改公开\. 回头看第02号：压减焦化总产能：截至2021-06-30状态为已完成\[EB\/OL\]\. \(2021-06-30\)\[\d{4}-\d\d-\d\d\]\. https:\/\/zhenggai\.example\.gov\.cn\/as-of\/2021-06-30\/#t-hkk-02\.$/,
		);
		// The 引用日期 is the reader's today (China time), filled in by the page.
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
		expect(cite).toContain(`[${today}]`);
		const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '');
		expect(ld).toMatchObject({
			'@type': 'CreativeWork',
			url: 'https://zhenggai.example.gov.cn/tasks/hkk-02/',
			creativeWorkStatus: '已完成',
		});
		expect(errors).toEqual([]);
	});

	it('copy falls back to selecting the text, with a visible message, when the clipboard is unavailable', async () => {
		const context = await browser.newContext();
		await context.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
		const page = await context.newPage();
		await page.goto(`${inject('baseUrl')}/tasks/hkk-02/`);
		await page.getByRole('button', { name: '复制 GB/T 7714-2015' }).click();
		await expect.poll(() => page.locator('[data-format="gbt"] .cite-status').textContent()).toContain('已选中');
		expect(await page.evaluate(() => window.getSelection()?.toString())).toContain(
			'https://zhenggai.example.gov.cn/as-of/2021-06-30/#t-hkk-02',
		);
		await context.close();
	});

	it('without JavaScript the citation is on the page and the copy button stays hidden', async () => {
		const { page } = await openPage(browser, '/tasks/hkk-02/', { javaScript: false });
		expect(await page.locator('.cite-text').count()).toBe(4);
		expect(await page.locator('[data-format="gbt"] .cite-text').isVisible()).toBe(true);
		// Without the script the citation is as of the build (its date stands as the 引用日期).
		expect(await page.locator('[data-format="gbt"] .cite-text').textContent()).toContain('(2021-06-30)[2021-06-30]');
		expect(await page.locator('button.cite-copy').first().isVisible()).toBe(false);
	});

	it("does not call hkk-02's update late: its publication date is a repost date, so timeliness cannot be judged", async () => {
		const { page } = await openPage(browser, '/tasks/hkk-02/');
		const row = page.locator('table.history tbody tr').first();
		expect(await row.textContent()).not.toMatch(/超过 20 个工作日/);
		expect(await row.textContent()).toContain('无法判断（原始发布日期未见来源）');
		expect(await row.textContent()).toContain('转载');
		expect(await row.getAttribute('class')).not.toBe('late');
	});

	it('lists a deadline change with its reason in the status history', async () => {
		const task = [...model.tasks.values()].find((t) => model.states.get(t.id)!.known.some((u) => u.dueDateChange))!;
		const change = model.states.get(task.id)!.known.find((u) => u.dueDateChange)!.dueDateChange!;
		const { page } = await openPage(browser, `/tasks/${task.id}/`);
		const text = await page.locator('table.history').textContent();
		expect(text).toContain(change.to);
		expect(text).toContain(change.reason);
	});
});

describe('history pages', () => {
	it('the January 2021 snapshot says hkk-02 is 无法判断 with what it rests on, and marks sample judgments 示例', async () => {
		for (const path of ['/as-of/2021-01-31/', '/changes/2021-01-31/']) {
			const { page } = await openPage(browser, path, { javaScript: false });
			const badgeOf = (task: string, status: string) =>
				page
					.locator('tr, li')
					.filter({ has: page.locator(`a[href="/tasks/${task}/"]`) })
					.locator(`.badge.s-${status}`)
					.first();
			// Its completion (fact date 2020-12-31) is known only from a reprint: nobody is called overdue (issue #23).
			// The month's change list names it too (未报告 → 无法判断, under 其他状态变化), never as overdue.
			expect(await badgeOf('hkk-02', 'undetermined').textContent()).toBe('无法判断（原定整改时限、发布日期未核实）');
			expect(await badgeOf('hkk-02', 'overdue').count()).toBe(0);
			expect(await badgeOf('hkk-10', 'overdue').textContent()).toBe('逾期未完成 · 示例');
		}
	});

	it('/changes/ compares any two dates in the browser from the JSON, with the same rule as the build', async () => {
		const { page, errors } = await openPage(browser, '/changes/');
		await page.fill('#cmp-from', '2019-12-31');
		await page.fill('#cmp-to', '2020-12-31');
		await page.getByRole('button', { name: '比较' }).click();
		const result = page.locator('.compare-result');
		await expect.poll(() => result.locator('h3').count()).toBe(CHANGE_SECTIONS.length);
		const c = changesBetween(content.tasks, content.updates, '2019-12-31', '2020-12-31');
		const n = changeCounts(c);
		const headings = await result.locator('h3').allTextContents();
		// Each heading says what its count rests on (（均为示例）…), as the monthly pages do.
		expect(headings).toEqual(
			CHANGE_SECTIONS.map((s) => sectionHeading(s, sectionCount(c, s.key), sectionBasis(c, s.key))),
		);
		expect(headings[0]).toMatch(/^新完成（\d+ 项）（/);
		expect(n.newlyCompleted).toBeGreaterThan(0);
		expect(errors).toEqual([]);
	});

	it('/changes/?from=2020-12-31&to=2021-06-30 lists all 13 status changes, those of no other section too', async () => {
		const { page, errors } = await openPage(browser, '/changes/?from=2020-12-31&to=2021-06-30');
		const result = page.locator('.compare-result');
		await expect.poll(() => result.locator('h3').count()).toBe(CHANGE_SECTIONS.length);
		// Every task whose status differs between the two dates (by the one status rule) is linked from a status section.
		const [a, b] = [
			statesAt(content.tasks, content.updates, '2020-12-31'),
			statesAt(content.tasks, content.updates, '2021-06-30'),
		];
		const changed = content.tasks
			.filter((t) => a.get(t.id)!.status !== b.get(t.id)!.status)
			.map((t) => `/tasks/${t.id}/`);
		expect(changed).toHaveLength(13);
		const linked = await result
			.locator('ul > li > a[href^="/tasks/"]:first-child')
			.evaluateAll((as) =>
				as
					.filter((x) => !x.closest('ul')?.previousElementSibling?.textContent?.startsWith('新发布的进展'))
					.map((x) => x.getAttribute('href')),
			);
		expect(new Set(linked)).toEqual(new Set(changed));
		expect(await result.textContent()).toContain('其他状态变化（3 项）（均为示例）');
		expect(errors).toEqual([]);
	});

	it('the month of a correction lists the corrected update and the correction, each marked, without JavaScript', async () => {
		const { page } = await openPage(browser, '/changes/2020-07-31/', { javaScript: false });
		expect(await page.locator('#ch-updates').textContent()).toBe('新发布的进展（9 条）（均为示例）');
		const items = await page.locator('#ch-updates ~ ul li li').allTextContents();
		expect(items).toHaveLength(9);
		expect(items.filter((t) => /已更正：见2020-07-24 发布的“更正：修订稿征求意见的范围”/.test(t))).toHaveLength(1);
		expect(items.filter((t) => /更正了2020-07-14 发布的“焦化产业布局意见修订稿征求意见”/.test(t))).toHaveLength(1);
	});

	it('a month page is pre-rendered and works without JavaScript', async () => {
		const { page } = await openPage(browser, '/changes/2020-12-31/', { javaScript: false });
		// named by its month, the exact span under it (issue #27 item 8)
		expect(await page.locator('h1').textContent()).toBe('2020年12月的变化');
		expect(await page.title()).toMatch(/^2020年12月的变化/);
		expect(await page.locator('h1 + p').textContent()).toMatch(/^2020年11月30日 之后至 2020年12月31日：/);
		const c = changesBetween(content.tasks, content.updates, '2020-11-30', '2020-12-31');
		for (const key of ['updates', 'completed'] as const)
			expect(await page.locator(`#ch-${key}`).textContent()).toBe(
				sectionHeading(
					CHANGE_SECTIONS.find((s) => s.key === key)!,
					sectionCount(c, key),
					sectionBasis(c, key),
				),
			);
		// the same sections in the same order as the comparison drawn in the browser
		expect(await page.locator('.changes section h3').evaluateAll((hs) => hs.map((h) => h.id))).toEqual(
			CHANGE_SECTIONS.map((sec) => `ch-${sec.key}`),
		);
	});

	it('/as-of/2019-12-31/ shows the dashboard figures of that date, with the date unmistakable', async () => {
		const { page } = await openPage(browser, '/as-of/2019-12-31/', { javaScript: false });
		expect(await page.locator('.asof').textContent()).toContain('历史快照：本页状态截至 2019年12月31日');
		expect(await page.locator('h1').textContent()).toContain('2019年12月31日');
		const h = headline(content.tasks, statesAt(content.tasks, content.updates, '2019-12-31'));
		const figures = await page.locator('.figures li .n').allTextContents();
		// the home page's order: all tasks, done, overdue first among the open ones (then the rest)
		expect(figures.slice(0, 3).map(Number)).toEqual([h.tasks, h.done, h.overdue]);
		expect(figures.map(Number)).toContain(h.closed);
	});

	it('the snapshot of the build date shows the same figures, labels and order as the home page', async () => {
		const read = async (path: string) => {
			const { page } = await openPage(browser, path, { javaScript: false });
			const figures = await page.locator('.figures li').allTextContents();
			const sentence = await page.locator('.story-sentence').textContent();
			await page.context().close();
			return { figures, sentence };
		};
		const home = await read('/');
		expect(home.figures.length).toBeGreaterThan(3);
		expect(await read(`/as-of/${inject('asOf')}/`)).toEqual(home);
	});

	// Small groups, each with its own timeout: a busy machine must not fail the whole list at once.
	const feeds = [
		'/feeds/updates.xml',
		'/sitemap-index.xml',
		'/sitemap-0.xml',
		...[...model.tasks.keys()].map((id) => `/feeds/tasks/${id}.xml`),
		...[...model.units.keys()].map((id) => `/feeds/units/${id}.xml`),
	];
	for (let i = 0; i < feeds.length; i += FEED_GROUP) {
		const group = feeds.slice(i, i + FEED_GROUP);
		it(`feeds and sitemaps ${i + 1}–${i + group.length} of ${feeds.length} parse as XML in the browser`, async () => {
			const { page } = await openPage(browser, '/data/');
			const bad = await page.evaluate(async (list) => {
				const out: string[] = [];
				for (const p of list) {
					const doc = new DOMParser().parseFromString(await (await fetch(p)).text(), 'application/xml');
					if (doc.getElementsByTagName('parsererror').length) out.push(p);
				}
				return out;
			}, group);
			await page.context().close();
			expect(bad).toEqual([]);
		});
	}
});
