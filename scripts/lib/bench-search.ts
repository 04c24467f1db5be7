// The first Pagefind query, measured for issue #7 ("first search query on 10,000 tasks: at most 150 KB transferred,
// results in at most 300 ms"). Used by scripts/bench.ts; also runnable alone against a built dist:
//   node scripts/lib/bench-search.ts DIST [--query 整改] [--runs 5] [--json] [--page] [--list: the journalist queries,
// median and p95]
//
// Bytes are counted at the server, not in the browser: Pagefind 1.6 fetches its wasm, meta, index chunks and
// fragments from a Web Worker, which a CDP session attached to the page never sees.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { readFileSync, statSync } from 'node:fs';
import { serveDir } from '#scripts/serve.ts';
import { crossOriginHeaders, wireBytes } from './nginx-conf.ts';
import { launchChromium } from './chromium.ts';
import { percentile, type QueryListFigures } from './bench-budgets.ts';
import { splitFixed } from './bench-bytes.ts';
import { exit } from './cli.ts';

/**
 * What journalists type, chosen for the synthetic content (scripts/lib/synthetic.ts: its subjects and title endings,
 * the bundled units and cities, task numbers as the plan writes them) before any index was measured, and not tuned
 * to it (issue #18): titles, task numbers, units, cities, 2- to 4-character terms, two-word queries. `整改`, on
 * every page, is measured apart and reported, not budgeted.
 */
export const JOURNALIST_QUERIES: readonly string[] = [
	// titles
	'焦化企业专项整治',
	'燃煤锅炉污染治理',
	'建筑工地扬尘排查整治',
	'汾河流域断面问题整改',
	'加油站油气回收专项整治',
	// task numbers and an id from a URL
	'回头看第02号',
	'回头看第17号',
	'大气专项第03号',
	'p0042-dq-07',
	// units
	'省生态环境厅',
	'山西省能源局',
	'省住房城乡建设厅',
	'省公安厅',
	'太原市人民政府',
	// cities
	'大同市',
	'临汾',
	'运城市',
	'晋城',
	'忻州',
	// 2- to 4-character terms
	'焦化',
	'扬尘',
	'散煤',
	'锅炉',
	'柴油车',
	'危险废物',
	'饮用水',
	'露天矿山',
	'超标排放',
	'挂牌督办',
	'在线监测',
	// two words
	'焦化 验收',
	'扬尘 太原',
	'散煤 清洁取暖',
	'锅炉 逾期',
	'汾河 断面',
	'危险废物 长治',
];

/** The common term on every page: reported, never budgeted. */
export const COMMON_QUERY = '整改';

/** What one file costs on the wire in production. */
export interface Fetched {
	path: string;
	kind: 'entry' | 'js' | 'wasm' | 'meta' | 'index' | 'filter' | 'fragment' | 'other';
	/** Body bytes scripts/serve.ts sent (it never compresses). */
	servedBytes: number;
	/**
	 * Body bytes ops/nginx.conf would send: gzip level 6 for its gzip_types (pagefind*.js, the entry JSON), the file
	 * as is for Pagefind's .pf_* and .pagefind files (already gzip inside, served as application/octet-stream).
	 */
	wireBytes: number;
}

export interface FirstQueryRun {
	ms: number;
	count: number;
	files: Fetched[];
	wireBytes: number;
	servedBytes: number;
	/**
	 * Requests Playwright saw for /pagefind/ (page and worker); must equal files.length, a cross-check of the count.
	 */
	browserSeen: number;
	error?: string;
}

export interface FirstQuery {
	query: string;
	runs: number;
	/** Median over the runs; each run is a fresh browser (cold HTTP cache, no compiled wasm). */
	ms: number;
	msAll: number[];
	count: number;
	/** Identical in every run (checked), else the largest. */
	wireBytes: number;
	servedBytes: number;
	byKind: Record<string, { files: number; wireBytes: number }>;
	files: Fetched[];
	deterministic: boolean;
}

function kindOf(path: string): Fetched['kind'] {
	if (path.endsWith('pagefind-entry.json')) return 'entry';
	if (path.endsWith('.js')) return 'js';
	if (path.endsWith('.pagefind')) return 'wasm';
	if (path.endsWith('.pf_meta')) return 'meta';
	if (path.endsWith('.pf_index')) return 'index';
	if (path.endsWith('.pf_filter')) return 'filter';
	if (path.endsWith('.pf_fragment')) return 'fragment';
	return 'other';
}

function cost(dist: string, path: string, servedBytes: number): Fetched {
	const file = join(dist, decodeURIComponent(path));
	return { path, kind: kindOf(path), servedBytes, wireBytes: wireBytes(path, readFileSync(file)) };
}

/** A served dist that logs every request and its body bytes (what countingServer returns). */
export type CountingServer = Awaited<ReturnType<typeof countingServer>>;

/**
 * serve.ts on dist, with a log of every request it answers and the body bytes it sent for each. It sends the CORS
 * and CORP headers ops/nginx.conf sends (crossOriginHeaders), so a portal on another port can merge its index.
 */
export async function countingServer(dist: string) {
	const server = await serveDir(dist, 0);
	let log: { path: string; bytes: number; at: number }[] | undefined;
	// Registered before serve.ts's own handler, so every body byte it writes for a logged request is seen.
	server.prependListener('request', (req, res) => {
		for (const [k, v] of Object.entries(crossOriginHeaders(new URL(req.url ?? '/', 'http://x').pathname)))
			res.setHeader(k, v);
		if (!log) return;
		const entry = { path: new URL(req.url ?? '/', 'http://x').pathname, bytes: 0, at: Date.now() };
		log.push(entry);
		const write = res.write.bind(res) as (...a: unknown[]) => boolean;
		const end = res.end.bind(res) as (...a: unknown[]) => typeof res;
		const add = (chunk: unknown) => {
			if (typeof chunk === 'string') entry.bytes += Buffer.byteLength(chunk);
			else if (chunk instanceof Uint8Array) entry.bytes += chunk.length;
		};
		res.write = ((chunk: unknown, ...rest: unknown[]) => (add(chunk), write(chunk, ...rest))) as typeof res.write;
		res.end = ((chunk?: unknown, ...rest: unknown[]) => (
			typeof chunk !== 'function' && add(chunk),
			end(chunk, ...rest)
		)) as typeof res.end;
	});
	return {
		base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		/** Starts a fresh log. */
		start: () => void (log = []),
		/**
		 * What was fetched since start() (the log keeps running until stop()); `until`: requested no later than
		 * (Date.now()).
		 */
		dist,
		fetched: (until = Infinity): Fetched[] =>
			(log ?? [])
				.filter((e) => e.at <= until)
				.map((e) => cost(dist, e.path, e.bytes))
				.sort((a, b) => a.path.localeCompare(b.path)),
		stop: () => void (log = undefined),
		close: () => server.close(),
	};
}

/** Another site's index merged into the first query (the portal), served by its own counting server. */
export interface MergedSite {
	server: CountingServer;
	label: string;
}

/** The median of some figures (the mean of the middle two for an even count; NaN for none). */
export const median = (xs: number[]): number => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** One run of the first query on a fresh Chromium, after the warm-up that firstQuery describes. */
async function firstQueryRun(
	server: CountingServer,
	servers: readonly CountingServer[],
	query: string,
	merges: readonly { url: string; label: string }[],
): Promise<FirstQueryRun> {
	const browser = await launchChromium();
	try {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(server.base + '/', { waitUntil: 'networkidle' });
		let browserSeen = 0;
		// Playwright attaches to dedicated workers; their requests reach the context's events.
		context.on('requestfinished', (r) => void (new URL(r.url()).pathname.startsWith('/pagefind/') && browserSeen++));
		for (const s of servers) s.start();
		const result = await page
			.evaluate(
				async ({ q, merges }) => {
					const start = performance.now();
					const pf = await import('/pagefind/pagefind.js' as string);
					// As the portal's search does (src/scripts/portal-search.ts): each site's index merged,
					// labelled by a filter.
					for (const m of merges) await pf.mergeIndex(m.url, { mergeFilter: { 站点: m.label } });
					await pf.init();
					const r = await pf.search(q);
					await Promise.all(r.results.slice(0, 10).map((x: { data: () => Promise<unknown> }) => x.data()));
					return { ms: performance.now() - start, count: r.results.length as number };
				},
				{ q: query, merges },
			)
			.catch((e) => ({ ms: NaN, count: -1, error: String(e) }));
		await page.waitForTimeout(300);
		// Only Pagefind's files: Chromium may ask for /favicon.svg at any moment, which is not the query's
		// cost.
		const files = servers.flatMap((s) => s.fetched().filter((f) => f.path.startsWith('/pagefind/')));
		for (const s of servers) s.stop();
		return {
			...result,
			files,
			wireBytes: files.reduce((n, f) => n + f.wireBytes, 0),
			servedBytes: files.reduce((n, f) => n + f.servedBytes, 0),
			browserSeen,
		};
	} finally {
		await browser.close();
	}
}

/**
 * The first Pagefind query: time from import('/pagefind/pagefind.js') until the first 10 results' data() have
 * loaded, and every byte fetched meanwhile (page and worker). Warm-up rule: each run launches a fresh Chromium,
 * loads the home page and waits for network idle (none of that is counted); only then does counting start.
 * Requests the query starts after its results are in (none with Pagefind 1.6 defaults) are counted too: the
 * count stops 300 ms after the results. Only requests under /pagefind/ are counted.
 */
export async function firstQuery(
	dist: string,
	query: string,
	runs = 5,
	merge: readonly MergedSite[] = [],
): Promise<FirstQuery> {
	const server = await countingServer(dist);
	const all: FirstQueryRun[] = [];
	const servers = [server, ...merge.map((m) => m.server)];
	const merges = merge.map((m) => ({ url: `${m.server.base}/pagefind/`, label: m.label }));
	try {
		for (let i = 0; i < runs; i++) {
			all.push(await firstQueryRun(server, servers, query, merges));
		}
	} finally {
		server.close();
	}
	for (const r of all) {
		if (r.error) throw new Error(`first query failed: ${r.error}`);
		const counted = r.files.length;
		if (counted !== r.browserSeen && !merge.length)
			console.warn(`firstQuery: server counted ${counted} Pagefind requests, the browser ${r.browserSeen}`);
	}
	const deterministic = all.every((r) => r.wireBytes === all[0]!.wireBytes && r.files.length === all[0]!.files.length);
	if (!deterministic) {
		const first = new Set(all[0]!.files.map((f) => `${f.path} ${f.servedBytes}`));
		for (const r of all.slice(1))
			for (const f of r.files)
				if (!first.has(`${f.path} ${f.servedBytes}`))
					console.warn(`firstQuery: run-dependent fetch ${f.path} (${f.servedBytes} bytes)`);
	}
	const worst = all.reduce((a, b) => (b.wireBytes > a.wireBytes ? b : a));
	const byKind: FirstQuery['byKind'] = {};
	for (const f of worst.files) {
		const k = (byKind[f.kind] ??= { files: 0, wireBytes: 0 });
		k.files++;
		k.wireBytes += f.wireBytes;
	}
	return {
		query,
		runs,
		ms: Math.round(median(all.map((r) => r.ms))),
		msAll: all.map((r) => Math.round(r.ms)),
		count: worst.count,
		wireBytes: worst.wireBytes,
		servedBytes: worst.servedBytes,
		byKind,
		files: worst.files,
		deterministic,
	};
}

/**
 * Every query of a list, each once on a fresh browser (cold cache): per-query figures, median and p95 of bytes and
 * time.
 */
export async function queryList(
	dist: string,
	queries: readonly string[] = JOURNALIST_QUERIES,
	merge: readonly MergedSite[] = [],
	log: (m: string) => void = () => {},
): Promise<
	QueryListFigures & { each: { query: string; kb: number; aboveFixedKb: number; ms: number; results: number }[] }
> {
	const each: { query: string; kb: number; aboveFixedKb: number; fixedKb: number; ms: number; results: number }[] = [];
	for (const q of queries) {
		const r = await firstQuery(dist, q, 1, merge);
		const { fixed, above } = splitFixed(r.byKind);
		each.push({
			query: q,
			kb: +(r.wireBytes / 1024).toFixed(1),
			aboveFixedKb: +(above / 1024).toFixed(1),
			fixedKb: +(fixed / 1024).toFixed(1),
			ms: r.ms,
			results: r.count,
		});
		log(
			`  query ${q}: ${each.at(-1)!.kb} KB (${each.at(-1)!.aboveFixedKb} KB above Pagefind's fixed part), ${r.ms} ms, ${r.count} results`,
		);
	}
	const kb = each.map((e) => e.kb);
	const above = each.map((e) => e.aboveFixedKb);
	const ms = each.map((e) => e.ms);
	return {
		queries: each.length,
		medianKb: +median(kb).toFixed(1),
		medianMs: Math.round(median(ms)),
		p95Kb: percentile(kb, 95),
		p95Ms: percentile(ms, 95),
		fixedKb: +median(each.map((e) => e.fixedKb)).toFixed(1),
		medianAboveFixedKb: +median(above).toFixed(1),
		p95AboveFixedKb: percentile(above, 95),
		each,
	};
}

/**
 * The same first query through the search page itself (/search/?q=…, src/scripts/search.ts): bytes and time from
 * navigation until the results are rendered, and until the facet counts are in. Not a budget figure; it shows what the
 * page adds to the bare query (its own script, the filter files for the counts). Fresh browser per run, as above.
 */
async function searchPageQuery(dist: string, query: string, runs = 3) {
	const server = await countingServer(dist);
	const pagefindKb = (until?: number) =>
		+(
			server
				.fetched(until)
				.filter((f) => f.path.startsWith('/pagefind/'))
				.reduce((n, f) => n + f.wireBytes, 0) / 1024
		).toFixed(1);
	const out: { resultsMs: number; countsMs: number; pagefindKbAtResults: number; pagefindKbAtCounts: number }[] = [];
	try {
		for (let i = 0; i < runs; i++) {
			const browser = await launchChromium();
			try {
				const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
				// Date.now() (same machine clock as the server's log) when the results list stops being busy, and when
				// the
				// counts do.
				await page.addInitScript(() => {
					const w = window as unknown as { resultsAt?: number; countsAt?: number };
					new MutationObserver(() => {
						const list = document.getElementById('search-results');
						if (!w.resultsAt && list && !list.hasAttribute('aria-busy') && list.childElementCount > 0)
							w.resultsAt = Date.now();
						if (
							w.resultsAt &&
							!w.countsAt &&
							!document.getElementById('facets')?.hasAttribute('aria-busy') &&
							document.querySelector('[data-count]')?.textContent
						)
							w.countsAt = Date.now();
					}).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
				});
				server.start();
				const start = Date.now();
				await page.goto(`${server.base}/search/?q=${encodeURIComponent(query)}`);
				await page.waitForFunction(() => (window as unknown as { countsAt?: number }).countsAt, undefined, {
					timeout: 60_000,
				});
				const { resultsAt, countsAt } = await page.evaluate(() => {
					const w = window as unknown as { resultsAt: number; countsAt: number };
					return { resultsAt: w.resultsAt, countsAt: w.countsAt };
				});
				out.push({
					resultsMs: resultsAt - start,
					countsMs: countsAt - start,
					pagefindKbAtResults: pagefindKb(resultsAt),
					pagefindKbAtCounts: pagefindKb(countsAt),
				});
				server.stop();
			} finally {
				await browser.close();
			}
		}
	} finally {
		server.close();
	}
	return {
		query,
		runs: out,
		resultsMs: median(out.map((r) => r.resultsMs)),
		countsMs: median(out.map((r) => r.countsMs)),
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { parseArgs } = await import('node:util');
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			query: { type: 'string', default: '整改' },
			runs: { type: 'string', default: '5' },
			json: { type: 'boolean', default: false },
			page: { type: 'boolean', default: false },
			list: { type: 'boolean', default: false },
		},
	});
	const dist = positionals[0] ?? 'dist';
	statSync(join(dist, 'pagefind'));
	if (values.list) {
		const r = await queryList(dist, JOURNALIST_QUERIES, [], console.log);
		console.log(
			`journalist queries (${r.queries}): median ${r.medianKb} KB / ${r.medianMs} ms, p95 ${r.p95Kb} KB / ${r.p95Ms} ms; Pagefind's fixed part ${r.fixedKb} KB, above it median ${r.medianAboveFixedKb} KB, p95 ${r.p95AboveFixedKb} KB`,
		);
		exit(0);
	}
	const r = await firstQuery(dist, values.query, Number(values.runs));
	if (values.json) console.log(JSON.stringify(r, null, 2));
	else {
		console.log(
			`first query ${r.query} on ${dist}: ${(r.wireBytes / 1024).toFixed(1)} KB on the wire (${(r.servedBytes / 1024).toFixed(1)} KB as served uncompressed), median ${r.ms} ms of ${r.msAll.join(' / ')}, ${r.count} results${r.deterministic ? '' : ' (bytes differed between runs!)'}`,
		);
		for (const [k, v] of Object.entries(r.byKind))
			console.log(
				`  ${k.padEnd(8)} ${String(v.files).padStart(3)} files ${(v.wireBytes / 1024).toFixed(1).padStart(7)} KB`,
			);
	}
	if (values.page) console.log(JSON.stringify(await searchPageQuery(dist, values.query, Number(values.runs))));
}
