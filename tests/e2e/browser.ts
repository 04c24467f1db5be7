import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { headerPolicy } from '#src/lib/publish/csp.ts';
import { inject } from 'vitest';
import { launchChromium } from '#scripts/lib/chromium.ts';

/** Launches headless Chromium with the flags this machine needs (scripts/lib/chromium.ts). */
export function launch(): Promise<Browser> {
	return launchChromium();
}

/** The URL of a path on the test server. */
export function url(path: string): string {
	return inject('baseUrl') + path;
}

/** Opens a page and fails on any console error or page error it raises. */
export async function openPage(
	browser: Browser,
	path: string,
	opts: { javaScript?: boolean; width?: number } = {},
): Promise<{ page: Page; errors: string[] }> {
	const context = await browser.newContext({
		javaScriptEnabled: opts.javaScript ?? true,
		viewport: { width: opts.width ?? 1280, height: 900 },
		locale: 'zh-CN',
	});
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(String(e)));
	const res = await page.goto(url(path), { waitUntil: 'load' });
	if (!res || res.status() !== 200) throw new Error(`${path}: HTTP ${res?.status()}`);
	return { page, errors };
}

/**
 * A browser context in which every response carries the site's own Content-Security-Policy header
 * (src/lib/publish/csp.ts), whatever server is behind it — one policy for the pages, nginx and the tests.
 */
export async function contextUnderSiteCsp(
	browser: Browser,
	options: BrowserContextOptions = {},
): Promise<BrowserContext> {
	const context = await browser.newContext({ locale: 'zh-CN', ...options });
	await context.route('**/*', async (route) => {
		const response = await route.fetch();
		await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': headerPolicy() } });
	});
	return context;
}
