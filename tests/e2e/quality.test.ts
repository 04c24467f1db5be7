import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { HEADER_ONLY_DIRECTIVES, headerPolicy, parsePolicy } from '#src/lib/publish/csp.ts';
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, securityHeaders } from '#scripts/lib/nginx-conf.ts';
import { launch, url } from './browser.ts';
import { startNginx, type RunningNginx } from './nginx.ts';
import { PAGE_TYPES } from './page-types.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => browser?.close());

/** Opens `path` recording CSP violations, console errors and every request the page makes. */
async function visit(path: string, after?: (page: import('playwright-core').Page) => Promise<void>) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
	// Registered before any page script runs, so no violation can happen unseen.
	await context.addInitScript(() => {
		const w = window as unknown as { __csp: string[] };
		w.__csp = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
		);
	});
	const page = await context.newPage();
	const errors: string[] = [];
	const requests: string[] = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(`${m.text()} @ ${m.location().url}`));
	page.on('pageerror', (e) => errors.push(String(e)));
	page.on('request', (r) => requests.push(r.url()));
	const response = await page.goto(url(path), { waitUntil: 'load' });
	// Scroll to the end so scripts that load on visibility (charts) run too, then let the network settle.
	await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
	await page.waitForLoadState('networkidle');
	if (after) await after(page);
	const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
	await context.close();
	return { status: response?.status(), errors, requests, violations };
}

const origin = () => new URL(url('/')).origin;
/** True when a request stays on the site: same origin, or data the page already holds (data:, blob: of the origin). */
const staysHome = (u: string) =>
	u.startsWith('data:') || new URL(u.startsWith('blob:') ? u.slice(5) : u).origin === origin();

describe('every page type in Chromium, served by nginx', () => {
	for (const t of PAGE_TYPES) {
		it(`${t.name} ${t.path}: no CSP violation, no console error, no request leaves the origin`, async () => {
			const { status, errors, requests, violations } = await visit(t.path);
			expect(status).toBe(t.status ?? 200);
			expect(violations).toEqual([]);
			// Chromium reports the document's own 404 status as a console error; that one is expected here.
			const unexpected =
				t.status === 404 ? errors.filter((e) => !/status of 404/.test(e) || !e.includes(t.path)) : errors;
			expect(unexpected).toEqual([]);
			expect(requests.length).toBeGreaterThan(1); // the page and at least its stylesheet
			expect(requests.filter((r) => !staysHome(r))).toEqual([]);
		});
	}

	it('the violation listener works: an injected inline script is blocked and reported', async () => {
		const { violations, errors } = await visit('/', async (page) => {
			await page.addScriptTag({ content: 'window.injected = 1;' }).catch(() => undefined);
			// The violation event is queued as a task: wait for it (if it never comes, the assertions below fail).
			await page
				.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length > 0, undefined, {
					timeout: 10_000,
				})
				.catch(() => undefined);
		});
		expect(violations.join('\n')).toMatch(/script-src/);
		expect(errors.join('\n')).toMatch(/Content Security Policy/);
	});
});

describe('HTTP headers from nginx with ops/nginx.conf', () => {
	const get = (path: string, headers: Record<string, string> = {}) =>
		fetch(url(path), { redirect: 'manual', headers: { 'accept-encoding': 'gzip', ...headers } });

	it('HTML pages carry the CSP and the security headers, revalidate on every visit, and are compressed', async () => {
		const res = await get('/tasks/');
		expect(res.status).toBe(200);
		for (const [name, value] of securityHeaders()) expect(res.headers.get(name), name).toBe(value);
		expect(res.headers.get('content-security-policy')).toBe(headerPolicy());
		expect(res.headers.get('cache-control')).toBe(CACHE_REVALIDATE);
		expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(res.headers.get('content-encoding')).toBe('gzip');
		expect(res.headers.get('server')).toBe('nginx'); // no version (server_tokens off)
	});

	it('the header CSP and the page <meta> CSP are the same policy, apart from hashes and header-only directives', async () => {
		const html = await (await get('/')).text();
		const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
		expect(meta).toBeDefined();
		const strip = (p: Map<string, string[]>) =>
			new Map([...p].map(([k, v]) => [k, v.filter((s) => !s.startsWith("'sha")).join(' ')]));
		const header = strip(parsePolicy(headerPolicy()));
		for (const d of HEADER_ONLY_DIRECTIVES) header.delete(d.split(' ')[0]!);
		expect(strip(parsePolicy(meta!.replaceAll('&#39;', "'")))).toEqual(header);
		expect(headerPolicy()).not.toMatch(/unsafe-inline/);
	});

	it('hashed assets under /_astro/ are cached for a year', async () => {
		const html = await (await get('/')).text();
		const css = /href="(\/_astro\/[^"]+\.css)"/.exec(html)?.[1];
		expect(css).toBeDefined();
		const res = await get(css!);
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe(CACHE_IMMUTABLE);
		expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
		expect(res.headers.get('content-security-policy')).toBe(headerPolicy());
	});

	it("a missing URL, at any depth, returns 404 with the site's own 404 page and the headers", async () => {
		for (const path of ['/no-such-page/', '/tasks/no-such-task/', '/_astro/missing.js']) {
			const res = await get(path);
			expect(res.status, path).toBe(404);
			expect(res.headers.get('content-security-policy')).toBe(headerPolicy());
			expect(res.headers.get('cache-control')).toBe(CACHE_REVALIDATE);
			const body = await res.text();
			expect(body).toContain('<h1>页面不存在</h1>');
			expect(body).toContain('<link rel="canonical" href="https://zhenggai.example.gov.cn/404.html">');
		}
	});

	it('a directory without its trailing slash redirects to it, relative to the host the reader used', async () => {
		const res = await get('/tasks');
		expect(res.status).toBe(301);
		expect(res.headers.get('location')).toBe('/tasks/');
	});
});

describe('ops/nginx.conf on files the build will add (Pagefind, WebAssembly, data)', () => {
	let root: string;
	let nginx: RunningNginx;
	const files: Record<string, string | Buffer> = {
		'index.html': '<!doctype html><title>x</title>',
		'404.html': '<!doctype html><title>404</title><h1>页面不存在</h1>',
		'pagefind/pagefind.zh-cn_0a1b2c.pf_meta': 'm',
		'pagefind/index/zh-cn_0a1b2c.pf_index': 'i',
		'pagefind/fragment/zh-cn_0a1b2c.pf_fragment': 'f',
		'pagefind/wasm.zh-cn.pagefind': 'w',
		'pagefind/pagefind.js': 'export {};',
		'pagefind/pagefind-entry.json': '{}',
		'app.wasm': 'w',
		'data/tasks.csv': 'id\nhkk-02\n',
		'data/tasks.json': '[]',
		'app.mjs': 'export {};',
		'plain.txt': 'plain text, not the precompressed one'.repeat(20),
		'plain.txt.gz': gzipSync('from the precompressed file'),
	};
	beforeAll(async () => {
		root = mkdtempSync(join(tmpdir(), 'zhenggai-nginx-root-'));
		for (const [path, body] of Object.entries(files)) {
			mkdirSync(dirname(join(root, path)), { recursive: true });
			writeFileSync(join(root, path), body);
		}
		nginx = await startNginx(root);
	});
	afterAll(async () => {
		await nginx?.stop();
		rmSync(root, { recursive: true, force: true });
	});
	const head = async (path: string) => {
		const res = await fetch(nginx.baseUrl + path, { headers: { 'accept-encoding': 'gzip' } });
		return {
			status: res.status,
			type: res.headers.get('content-type'),
			cache: res.headers.get('cache-control'),
			csp: res.headers.get('content-security-policy'),
			body: await res.text(),
		};
	};

	it.each([
		['/pagefind/pagefind.zh-cn_0a1b2c.pf_meta', 'application/octet-stream', CACHE_IMMUTABLE],
		['/pagefind/index/zh-cn_0a1b2c.pf_index', 'application/octet-stream', CACHE_IMMUTABLE],
		['/pagefind/fragment/zh-cn_0a1b2c.pf_fragment', 'application/octet-stream', CACHE_IMMUTABLE],
		['/pagefind/wasm.zh-cn.pagefind', 'application/octet-stream', CACHE_REVALIDATE],
		['/pagefind/pagefind.js', 'application/javascript; charset=utf-8', CACHE_REVALIDATE],
		['/pagefind/pagefind-entry.json', 'application/json; charset=utf-8', CACHE_REVALIDATE],
		['/app.wasm', 'application/wasm', CACHE_REVALIDATE],
		['/data/tasks.csv', 'text/csv; charset=utf-8', CACHE_REVALIDATE],
		['/data/tasks.json', 'application/json; charset=utf-8', CACHE_REVALIDATE],
		['/app.mjs', 'text/javascript; charset=utf-8', CACHE_REVALIDATE],
	])('%s is served as %s with Cache-Control "%s" and the CSP', async (path, type, cache) => {
		const r = await head(path);
		expect(r.status).toBe(200);
		expect(r.type).toBe(type);
		expect(r.cache).toBe(cache);
		expect(r.csp).toBe(headerPolicy());
	});

	it('a missing Pagefind chunk is a 404 with the site page, not an empty 200', async () => {
		const r = await head('/pagefind/fragment/missing.pf_fragment');
		expect(r.status).toBe(404);
		expect(r.body).toContain('页面不存在');
	});

	it('sends a precompressed file.gz when there is one (gzip_static)', async () => {
		expect((await head('/plain.txt')).body).toBe('from the precompressed file');
	});
});
