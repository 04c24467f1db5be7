// The national portal (issue #18) end to end: two small synthetic provincial sites built and served by nginx with
// the shipped ops/nginx.conf (CORS for /data/ and /pagefind/), one site that is down and one with a bad manifest,
// `npm run portal` reading the sites over HTTP, and the portal served by nginx with the config it wrote.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import * as pagefind from 'pagefind';
import { writeSynthetic } from '#scripts/generate-content.ts';
import { launchChromium } from '#scripts/lib/chromium.ts';
import { parsePolicy } from '#src/lib/publish/csp.ts';
import { startNginx, type RunningNginx } from './nginx.ts';

const AS_OF = '2021-06-30';
const work = mkdtempSync(join(tmpdir(), 'zhenggai-portal-e2e-'));
const sites: { label: string; dist: string; nginx?: RunningNginx }[] = [
	{ label: '合成甲省', dist: join(work, 'a') },
	{ label: '合成乙省', dist: join(work, 'b') },
];
let portal: RunningNginx;
/** A second portal over hostile search bundles: 合成甲省 and two sites serving its data with a bad index. */
let hostilePortal: RunningNginx;
const hostile: { label: string; dir: string; nginx?: RunningNginx }[] = [
	{ label: '合成戊省', dir: join(work, 'broken') },
	{ label: '合成己省', dir: join(work, 'foreign') },
];
let downUrl: string;
let browser: Browser;

/** A loopback port nothing listens on (taken and released). */
function closedPort(): Promise<number> {
	return new Promise((ok) => {
		const s = createServer().listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => ok(port));
		});
	});
}

// Two complete site builds (about 100 pages each) on a shared 2-core machine: several minutes at worst.
beforeAll(async () => {
	for (const [i, s] of sites.entries()) {
		const content = join(work, `content-${i}`);
		writeSynthetic(content, 30, i + 1, { siteName: `${s.label}整改公开` });
		execFileSync(process.execPath, ['scripts/build.ts', '--out', s.dist], {
			env: { ...process.env, CONTENT_DIR: content, AS_OF, ASTRO_TELEMETRY_DISABLED: '1' },
			stdio: 'ignore',
		});
		s.nginx = await startNginx(s.dist);
	}
	const bad = join(work, 'bad');
	mkdirSync(join(bad, 'data'), { recursive: true });
	writeFileSync(join(bad, 'data/manifest.json'), '{"asOf": "2021-06-30", "siteName": "坏清单", "files": [');
	downUrl = `http://127.0.0.1:${await closedPort()}/`;
	const out = join(work, 'portal');
	const conf = join(work, 'portal.conf');
	execFileSync(
		process.execPath,
		[
			'scripts/portal.ts',
			'--out',
			out,
			'--nginx-conf',
			conf,
			'--title',
			'合成全国汇总',
			...sites.flatMap((s) => ['--site', `${s.label}=${s.nginx!.baseUrl}/`]),
			'--site',
			`合成丙省=${downUrl}`,
			'--site',
			`合成丁省=http://127.0.0.1:${await closedPort()}/@${bad}`,
		],
		{ env: { ...process.env, AS_OF: '2021-07-01' }, stdio: 'ignore' },
	);
	portal = await startNginx(out, conf);
	await composeHostilePortal();
	browser = await launchChromium();
}, 900_000);

/** A site folder with 合成甲省's published data files (so the portal reads it) and the given search bundle. */
function withDataOf(dir: string): void {
	cpSync(join(sites[0]!.dist, 'data'), join(dir, 'data'), { recursive: true });
}

/**
 * The hostile portal: 合成戊省's bundle is 合成甲省's with its index metadata overwritten (Pagefind then fails with
 * "WASM Error (No pointer)" or cannot load it); 合成己省's index has one result on its own origin and two on another.
 */
async function composeHostilePortal(): Promise<void> {
	const [broken, foreign] = hostile;
	withDataOf(broken!.dir);
	cpSync(join(sites[0]!.dist, 'pagefind'), join(broken!.dir, 'pagefind'), { recursive: true });
	for (const f of readdirSync(join(broken!.dir, 'pagefind')).filter((n) => n.endsWith('.pf_meta')))
		writeFileSync(join(broken!.dir, 'pagefind', f), Buffer.alloc(64, 0x5a));
	withDataOf(foreign!.dir);
	const { index } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
	const records = [
		['/tasks/own-01/', '本站的整治任务'],
		['https://evil.example/x/', '外站冒充的整治任务一'],
		['//evil.example/y/', '外站冒充的整治任务二'],
	];
	for (const [url, title] of records)
		await index!.addCustomRecord({ url: url!, content: title!, language: 'zh-cn', meta: { title: title! } });
	await index!.writeFiles({ outputPath: join(foreign!.dir, 'pagefind') });
	await pagefind.close();
	for (const h of hostile) h.nginx = await startNginx(h.dir);
	const out = join(work, 'hostile-portal');
	const conf = join(work, 'hostile-portal.conf');
	const flags = [
		{ label: sites[0]!.label, url: sites[0]!.nginx!.baseUrl },
		...hostile.map((h) => ({ label: h.label, url: h.nginx!.baseUrl })),
	];
	execFileSync(
		process.execPath,
		[
			'scripts/portal.ts',
			'--out',
			out,
			'--nginx-conf',
			conf,
			...flags.flatMap((f) => ['--site', `${f.label}=${f.url}/`]),
		],
		{ env: { ...process.env, AS_OF: '2021-07-01' }, stdio: 'ignore' },
	);
	hostilePortal = await startNginx(out, conf);
}

afterAll(async () => {
	await browser?.close();
	await portal?.stop();
	await hostilePortal?.stop();
	for (const h of hostile) await h.nginx?.stop();
	for (const s of sites) await s.nginx?.stop();
	rmSync(work, { recursive: true, force: true });
});

/** A site's published tasks, read straight from its dist (the independent count the portal must match). */
const tasksOf = (dist: string) =>
	JSON.parse(readFileSync(join(dist, 'data/tasks.json'), 'utf8')).records as { status: string; overdue: boolean }[];

describe('the national portal', () => {
	it('shows each site’s headline as its tasks.json has it, and the sum nationally', async () => {
		const page = await browser.newPage();
		await page.goto(portal.baseUrl + '/');
		const cards = page.locator('.site-card');
		expect(await cards.count()).toBe(2);
		let total = 0;
		let overdue = 0;
		for (const [i, s] of sites.entries()) {
			const records = tasksOf(s.dist);
			total += records.length;
			overdue += records.filter((r) => r.overdue).length;
			const card = cards.nth(i);
			await expect.poll(() => card.locator('h3').textContent()).toBe(s.label);
			const figures = await card.locator('dd').allTextContents();
			expect(figures[0]).toBe(String(records.length));
			expect(figures[2]).toBe(String(records.filter((r) => r.overdue).length));
			expect(await card.locator('a', { hasText: '任务列表' }).getAttribute('href')).toBe(`${s.nginx!.baseUrl}/tasks/`);
			expect(await card.textContent()).toContain('示例数据');
		}
		const national = await page.locator('.totals dd').allTextContents();
		expect(national[1]).toBe(String(total));
		expect(national[3]).toBe(String(overdue));
		await page.close();
	});

	it('reports the site that is down and the one with a bad manifest, and builds anyway', async () => {
		const page = await browser.newPage();
		await page.goto(portal.baseUrl + '/');
		const failed = await page.locator('ul.failed li').allTextContents();
		expect(failed).toHaveLength(2);
		expect(failed.find((t) => t.startsWith('合成丙省'))).toMatch(/无法连接/);
		expect(failed.find((t) => t.startsWith('合成丁省'))).toMatch(/manifest\.json 不是有效的 JSON/);
		await page.close();
	});

	it('sends a CSP whose connect-src names exactly the two sites it read', async () => {
		const res = await fetch(portal.baseUrl + '/');
		const connect = parsePolicy(res.headers.get('content-security-policy')!).get('connect-src');
		expect(connect).toEqual(["'self'", ...sites.map((s) => s.nginx!.baseUrl)].sort());
	});

	it('searches both sites’ own indexes, each result labelled with its site and linking into it, without CSP errors', async () => {
		const page = await browser.newPage();
		const errors: string[] = [];
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(String(e)));
		await page.goto(portal.baseUrl + '/?q=' + encodeURIComponent('整治'));
		await page.locator('#portal-search-status', { hasText: '条结果' }).waitFor({ timeout: 30_000 });
		const items = page.locator('#portal-results li');
		const labels = new Set(await items.locator('.site').allTextContents());
		expect([...labels].sort()).toEqual(sites.map((s) => s.label).sort());
		for (let i = 0; i < (await items.count()); i++) {
			const label = await items.nth(i).locator('.site').textContent();
			const href = await items.nth(i).locator('a').getAttribute('href');
			expect(href!.startsWith(sites.find((s) => s.label === label)!.nginx!.baseUrl + '/')).toBe(true);
		}
		expect(errors).toEqual([]);
		await page.close();
	});

	it('one site’s broken search bundle removes only that site, and its status line says so', async () => {
		const page = await browser.newPage();
		await page.goto(hostilePortal.baseUrl + '/?q=' + encodeURIComponent('整治'));
		await page.locator('#portal-search-status', { hasText: '条结果' }).waitFor({ timeout: 30_000 });
		const lines = await page.locator('#portal-search-unavailable li').allTextContents();
		// The error the issue reports, which used to break search for every site.
		expect(lines).toContain('合成戊省：未能搜索，本次结果不含该站点（Pagefind: WASM Error (No pointer)）');
		const labels = await page.locator('#portal-results .site').allTextContents();
		expect(labels).toContain('合成甲省');
		expect(labels).not.toContain('合成戊省');
		expect(await page.locator('#portal-search-status').textContent()).toMatch(/个站点未能完整搜索/);
		await page.close();
	});

	it('drops results whose URL is not on their site’s own origin, and counts them on that site’s line', async () => {
		const page = await browser.newPage();
		await page.goto(hostilePortal.baseUrl + '/?q=' + encodeURIComponent('整治'));
		await page.locator('#portal-search-status', { hasText: '条结果' }).waitFor({ timeout: 30_000 });
		const lines = await page.locator('#portal-search-unavailable li').allTextContents();
		expect(lines).toContain('合成己省：2 条结果指向该站点以外的网址，已略去');
		const items = page.locator('#portal-results li');
		const own = { [sites[0]!.label]: sites[0]!.nginx!.baseUrl, 合成己省: hostile[1]!.nginx!.baseUrl };
		let fromForeignSite = 0;
		for (let i = 0; i < (await items.count()); i++) {
			const label = (await items.nth(i).locator('.site').textContent())!;
			const href = (await items.nth(i).locator('a').getAttribute('href'))!;
			expect(new URL(href).origin).toBe(new URL(own[label]!).origin);
			if (label === '合成己省') fromForeignSite++;
		}
		expect(fromForeignSite).toBe(1);
		await page.close();
	});

	it('when a site goes down after the build, names it and still searches the other', async () => {
		await sites[1]!.nginx!.stop();
		sites[1]!.nginx = undefined;
		const page = await browser.newPage();
		await page.goto(portal.baseUrl + '/?q=' + encodeURIComponent('整治'));
		await page.locator('#portal-search-status', { hasText: '条结果' }).waitFor({ timeout: 30_000 });
		expect(await page.locator('#portal-search-unavailable').textContent()).toContain('合成乙省');
		expect(new Set(await page.locator('#portal-results .site').allTextContents())).toEqual(new Set(['合成甲省']));
		await page.close();
	});
});
