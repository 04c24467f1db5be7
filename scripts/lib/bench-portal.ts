// The portal's first query as a reader makes it (issue #28 item 4): on the portal page itself, in a fresh Chromium,
// the query typed into the form with a search scope chosen, counting every search byte the portal's server and the
// sites' servers send until the results are shown. The default scope (all sites' titles and numbers, the portal's own
// index) is budgeted like one site's search; 所有站点全文 (every site's index) is reported beside it.
import { launchChromium } from './chromium.ts';
import { splitFixed } from './bench-bytes.ts';
import { median, type CountingServer, type Fetched } from './bench-search.ts';
import { percentile, type PortalScope, type PortalScopeFigures } from './bench-budgets.ts';

/** One query's cost through the portal page. */
interface PortalQuery {
	query: string;
	kb: number;
	aboveFixedKb: number;
	ms: number;
	/** The figure the page states (共 N 条结果), or 0 for 未找到. */
	results: number;
}

/** Search files only (Pagefind's, under /pagefind/ or the portal's /pagefind-sites/), not the page itself. */
const isSearchFile = (f: Fetched) => f.path.startsWith('/pagefind');

/** One query on a fresh browser: the page loaded (not counted), then the query submitted and counted to its results. */
async function portalQuery(
	portal: CountingServer,
	sites: readonly CountingServer[],
	query: string,
	scope: PortalScope,
): Promise<PortalQuery> {
	const servers = [portal, ...sites];
	const browser = await launchChromium();
	try {
		const page = await browser.newPage();
		await page.goto(`${portal.base}/?scope=${scope}`, { waitUntil: 'networkidle' });
		for (const s of servers) s.start();
		const start = Date.now();
		await page.fill('#q', query);
		await page.press('#q', 'Enter');
		const status = page.locator('#portal-search-status', { hasText: /条结果|未找到/ });
		await status.waitFor({ timeout: 120_000 });
		const ms = Date.now() - start;
		await page.waitForTimeout(300);
		const files = servers.flatMap((s) => s.fetched().filter(isSearchFile));
		for (const s of servers) s.stop();
		const byKind: Record<string, { wireBytes: number }> = {};
		for (const f of files) (byKind[f.kind] ??= { wireBytes: 0 }).wireBytes += f.wireBytes;
		const { above } = splitFixed(byKind);
		const wire = files.reduce((n, f) => n + f.wireBytes, 0);
		const stated = /共 (\d+) 条结果/.exec((await status.textContent()) ?? '');
		return {
			query,
			kb: +(wire / 1024).toFixed(1),
			aboveFixedKb: +(above / 1024).toFixed(1),
			ms,
			results: stated ? Number(stated[1]) : 0,
		};
	} finally {
		await browser.close();
	}
}

/** Median and p95 of the first query's bytes and time over a list of queries, for one scope of the portal. */
export async function portalQueryList(
	portal: CountingServer,
	sites: readonly CountingServer[],
	queries: readonly string[],
	scope: PortalScope,
	log: (m: string) => void = () => {},
): Promise<PortalScopeFigures & { each: PortalQuery[] }> {
	const each: PortalQuery[] = [];
	for (const q of queries) {
		each.push(await portalQuery(portal, sites, q, scope));
		const e = each.at(-1)!;
		log(
			`  portal ${scope} ${q}: ${e.kb} KB (${e.aboveFixedKb} KB above the fixed part), ${e.ms} ms, ${e.results} results`,
		);
	}
	const kb = each.map((e) => e.kb);
	const ms = each.map((e) => e.ms);
	return {
		queries: each.length,
		medianKb: +median(kb).toFixed(1),
		p95Kb: percentile(kb, 95),
		medianAboveFixedKb: +median(each.map((e) => e.aboveFixedKb)).toFixed(1),
		p95AboveFixedKb: percentile(
			each.map((e) => e.aboveFixedKb),
			95,
		),
		medianMs: Math.round(median(ms)),
		p95Ms: percentile(ms, 95),
		each,
	};
}
