// Debian's Chromium with the flags this machine needs, for the browser tests, the benchmarks and the
// screenshot script alike (no test tool may download its own browser here).
import type { Browser } from 'playwright-core';

/** The Chromium binary (CHROMIUM_PATH overrides Debian's). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, no sandbox (root in a container), and no background traffic that would leave the machine. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--no-first-run',
];

/** Launches that Chromium through playwright-core. */
export async function launchChromium(): Promise<Browser> {
	const { chromium } = await import('playwright-core');
	return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
