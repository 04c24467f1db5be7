// Plans of other shapes (issue #22): two fixture plans — an audit list of four items with only the problem and one
// status sentence, and a one-series 省序 plan with a mixed-status 进展清单 — each built whole (the build runs the dist
// check) and served by nginx with the shipped config. Every page of each is read for gaps (an empty column, 无,
// undefined); a few pages are opened in Chromium for axe, with JavaScript off, and for what the shape must show.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '#scripts/lib/chromium.ts';
import { pageGaps } from '#tests/support/page-gaps.ts';
import { startNginx, type RunningNginx } from './nginx.ts';

const FIXTURES = {
	audit: { content: 'tests/fixtures/plans/audit-4', asOf: '2023-12-31', plan: 'audit-sample', task: 'wt-2' },
	provincial: {
		content: 'tests/fixtures/plans/provincial-series',
		asOf: '2021-06-30',
		plan: 'province-sample',
		task: 'sx-18',
	},
} as const;
type Fixture = keyof typeof FIXTURES;

const work = mkdtempSync(join(tmpdir(), 'zhenggai-other-plans-'));
const servers = new Map<Fixture, RunningNginx>();
let browser: Browser;

// Two small builds (about 40 pages each) on a shared 2-core machine.
beforeAll(async () => {
	for (const [name, f] of Object.entries(FIXTURES) as [Fixture, (typeof FIXTURES)[Fixture]][]) {
		const dist = join(work, name);
		execFileSync(process.execPath, ['scripts/build.ts', '--out', dist], {
			env: { ...process.env, CONTENT_DIR: f.content, AS_OF: f.asOf, ASTRO_TELEMETRY_DISABLED: '1' },
			stdio: 'ignore',
		});
		servers.set(name, await startNginx(dist));
	}
	browser = await launchChromium();
}, 900_000);

afterAll(async () => {
	await browser?.close();
	for (const s of servers.values()) await s.stop();
	rmSync(work, { recursive: true, force: true });
});

function* htmlFiles(dir: string): Generator<string> {
	for (const f of readdirSync(dir)) {
		const p = join(dir, f);
		if (statSync(p).isDirectory()) yield* htmlFiles(p);
		else if (p.endsWith('.html')) yield p;
	}
}

/** A page of a fixture site in Chromium (JavaScript on unless told), failing on any console error. */
async function open(fixture: Fixture, path: string, javaScript = true) {
	const context = await browser.newContext({
		javaScriptEnabled: javaScript,
		locale: 'zh-CN',
		viewport: { width: 360, height: 800 },
	});
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(String(e)));
	const res = await page.goto(servers.get(fixture)!.baseUrl + path, { waitUntil: 'load' });
	expect(res?.status(), path).toBe(200);
	return { page, errors, close: () => context.close() };
}

describe.each(Object.keys(FIXTURES) as Fixture[])('the %s fixture plan', (fixture) => {
	it('has no empty column, 无 or undefined on any page, and every page says its records are samples', () => {
		const dist = join(work, fixture);
		const found: string[] = [];
		let pages = 0;
		for (const file of htmlFiles(dist)) {
			pages++;
			const html = readFileSync(file, 'utf8');
			for (const gap of pageGaps(html)) found.push(`${file.slice(dist.length)}: ${gap}`);
			if (/\/tasks\/[^/]+\/index\.html$/.test(file) && !html.includes('示例'))
				found.push(`${file.slice(dist.length)}: 没有示例标记`);
		}
		expect(pages).toBeGreaterThan(20);
		expect(found).toEqual([]);
	});

	const { plan, task } = FIXTURES[fixture];
	it.each(['/', '/tasks/', `/plans/${plan}/`, `/tasks/${task}/`])(
		'passes axe (WCAG 2.1 A/AA) on %s at 360 px',
		async (path) => {
			const { page, errors, close } = await open(fixture, path);
			const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
			expect(r.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
			expect(errors).toEqual([]);
			await close();
		},
	);
});

describe('the audit list (four items: problem and status sentence only)', () => {
	it('lists all four items with JavaScript off, with no batch, deadline or unit column', async () => {
		const { page, close } = await open('audit', '/tasks/', false);
		expect(await page.locator('table.tasks tbody tr').count()).toBe(4);
		const heads = await page.locator('table.tasks thead th').allTextContents();
		expect(heads).not.toContain('整改时限批次');
		expect(heads).not.toContain('现行整改时限');
		expect(heads).not.toContain('牵头单位');
		await close();
	});
	it("shows the office's own status sentence beside our status, numbered 1…N, with no empty 责任 list", async () => {
		const { page, close } = await open('audit', '/tasks/wt-2/', false);
		expect(await page.locator('h1').textContent()).toMatch(/^2：/);
		const status = await page.locator('#st + p').textContent();
		expect(status).toContain('达到序时进度');
		expect(status).toContain('（报告原文：持续整改跟踪中）');
		expect(await page.locator('h2', { hasText: '整改目标' }).count()).toBe(0);
		expect(await page.locator('h2', { hasText: /^责任$/ }).count()).toBe(0);
		await close();
	});
	it('leaves groupings the list does not have out of the menu', async () => {
		const { page, close } = await open('audit', '/', false);
		const menu = await page.locator('header nav a').allTextContents();
		expect(menu.join(' ')).not.toMatch(/责任单位|问题方面|城市|整改措施/);
		await close();
	});
});

describe('the 省序 plan (one series, mixed-status 进展清单)', () => {
	it('numbers tasks 省序N and shows 已经完成,长期坚持 as 长期坚持 with its wording', async () => {
		const { page, close } = await open('provincial', '/tasks/sx-3/', false);
		expect(await page.locator('h1').textContent()).toMatch(/^省序3：/);
		expect(await page.locator('#st + p').textContent()).toMatch(/长期坚持[\s\S]*（报告原文：已经完成,长期坚持）/);
		await close();
	});
	it('names a contact instead of a person, and the implementing unit apart from the accepting ones', async () => {
		const contact = await open('provincial', '/tasks/sx-12/', false);
		const facts = (await contact.page.locator('dl.facts').allTextContents()).join(' ');
		expect(facts).toContain('联系人');
		expect(facts).toContain('张某（示例）');
		expect(facts).not.toContain('责任人');
		await contact.close();
		const split = await open('provincial', '/tasks/sx-18/', false);
		const roles = (await split.page.locator('dl.facts dt').allTextContents()).join(' ');
		expect(roles).toContain('整改实施主体');
		expect(roles).toContain('牵头验收单位');
		expect(roles).toContain('配合验收单位');
		await split.close();
	});
	it("lists the task an implementing unit carries out on that unit's page", async () => {
		const { page, close } = await open('provincial', '/units/axs/', false);
		expect(await page.locator('#implemented-tasks tr[data-id="sx-18"]').count()).toBe(1);
		await close();
	});
	it('counts a task past its deadline without a report as overdue, and one without a deadline never', async () => {
		const { page, close } = await open('provincial', '/tasks/', false);
		const row = (id: string) => page.locator(`tr[data-id="${id}"]`);
		expect(await row('sx-29').getAttribute('data-status')).toBe('overdue');
		expect(await row('sx-21').getAttribute('data-status')).toBe('on_track');
		await close();
	});
});
