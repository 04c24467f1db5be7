// The budgets of issue #18 (and those of issue #7 it kept), checked against the figures `npm run bench` measured.
// Printed and written to the bench's JSON; never asserted in a test run (they are figures of a machine, not
// properties of the code). Usage for an earlier run: node scripts/lib/bench-budgets.ts [bench-results/bench.json]
import { readFileSync } from 'node:fs';

/** The journalist queries' first-query figures at one size: one cold run per query (scripts/lib/bench-search.ts). */
export interface QueryListFigures {
	/** How many queries ran (the list in scripts/lib/bench-search.ts, JOURNALIST_QUERIES). */
	queries: number;
	medianKb: number;
	medianMs: number;
	p95Kb: number;
	p95Ms: number;
	/** Pagefind's fixed part of a first query (entry, script, worker, wasm, meta; median over the queries). */
	fixedKb?: number;
	/** The bytes above the fixed part (index chunks, filters, fragments): what our pages and records decide. */
	medianAboveFixedKb?: number;
	p95AboveFixedKb?: number;
}

/** What the portal step of the bench measured (reported, no budget). */
export interface PortalFigures {
	sites: number;
	tasksPerSite: number;
	buildSeconds: number;
	peakRssMb: number;
	queryList?: QueryListFigures;
}

/** The figures of one size that the budgets read (a subset of a bench row). */
export interface BenchFigures {
	tasks: number;
	/** The whole `npm run build`: pages, data, feeds, search index, checks. */
	buildSeconds: number;
	/** Bare Astro with the same page count (trivial pages). */
	baselineSeconds: number;
	/** Pagefind's CLI alone over the same searchable pages of the finished site. */
	pagefindCliSeconds?: number;
	/** Hugo with the same page count (trivial pages), when Debian's hugo is installed. */
	hugoSeconds?: number;
	peakRssMb: number;
	peakTreeRssMb: number;
	/** Peak RSS of Astro's process during the build. */
	astroRssMb?: number;
	/** Peak RSS of the build's Pagefind indexer. */
	pagefindRssMb?: number;
	/** Peak RSS of Pagefind's CLI alone over the same pages. */
	pagefindCliRssMb?: number;
	homeKbGzipBeforeCharts: number;
	homeKbGzipAfterCharts: number;
	/** document.getElementsByTagName('*').length on the home page once loaded. */
	homeDomElements?: number;
	taskPageKbGzip: number;
	/** The query `整改` (on every page): reported, not budgeted. */
	firstQueryKb: number;
	firstQueryMs: number;
	queryList?: QueryListFigures;
	rebuildAfterOneUpdateSeconds?: number;
	/** The opt-in incremental build (--incremental): the build that fills Astro's cache, and the rebuild after it. */
	incrementalFirstBuildSeconds?: number;
	incrementalRebuildAfterOneUpdateSeconds?: number;
	portal?: PortalFigures;
	lighthouse?: Record<string, unknown>;
	/** Output KB per task by page type (scripts/lib/bench-bytes.ts), `all` the whole site, search index included. */
	outputKbPerTask?: Record<string, number>;
	/** The same total by file kind (html, atom, csv, json, xlsx, search index, …). */
	outputKbPerTaskByKind?: Record<string, number>;
	/** False when the run measured bytes only (--bytes-only, a busy machine): its times are not budget figures. */
	timed?: boolean;
}

/** One budget: what it asks, what was measured, and whether it holds (undefined: not measured in this run). */
export interface BudgetResult {
	budget: string;
	measured: string;
	met: boolean | undefined;
}

const LARGE = 10_000;
const SMALL = 1_000;
const LIGHTHOUSE_PAGES = ['home', 'task', 'search'] as const;
/** Output per task at 10,000 tasks, search index included (issue #28). */
export const OUTPUT_KB_PER_TASK = 40;
/** The home page's element budget (issue #18), at every size. */
export const HOME_DOM_BUDGET = 3000;

/** The nearest-rank percentile (p in 0–100) of some figures; NaN for none. */
export function percentile(xs: readonly number[], p: number): number {
	if (!xs.length) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length))) - 1]!;
}

/**
 * The floor a user of the same stack would get at this size: bare Astro plus Pagefind's CLI alone (undefined if either
 * is missing).
 */
export function floorSeconds(r: Pick<BenchFigures, 'baselineSeconds' | 'pagefindCliSeconds'>): number | undefined {
	return Number.isFinite(r.baselineSeconds) &&
		r.pagefindCliSeconds !== undefined &&
		Number.isFinite(r.pagefindCliSeconds)
		? +(r.baselineSeconds + r.pagefindCliSeconds).toFixed(2)
		: undefined;
}

const finite = (x: number | undefined): x is number => x !== undefined && Number.isFinite(x);

type AddBudget = (budget: string, measured: string | undefined, met: boolean | undefined) => void;

/** The budgets of the 10,000-task run (issue #18). */
function largeBudgets(large: BenchFigures | undefined, largeTimed: BenchFigures | undefined, add: AddBudget): void {
	const floor = largeTimed && floorSeconds(largeTimed);
	add(
		'10,000 tasks: full build ≤ 1.0× the floor (bare Astro + Pagefind CLI alone)',
		largeTimed && floor !== undefined
			? `${(largeTimed.buildSeconds / floor).toFixed(2)}× (${largeTimed.buildSeconds} s against ${largeTimed.baselineSeconds} + ${largeTimed.pagefindCliSeconds} = ${floor} s)`
			: undefined,
		largeTimed !== undefined && floor !== undefined && largeTimed.buildSeconds <= floor,
	);
	const perTask = large?.outputKbPerTask?.all;
	add(
		`10,000 tasks: output ≤ ${OUTPUT_KB_PER_TASK} KB per task, search index included`,
		finite(perTask) ? `${perTask} KB per task` : undefined,
		finite(perTask) && perTask <= OUTPUT_KB_PER_TASK,
	);
	add(
		'10,000 tasks: Astro’s process ≤ 2 GB',
		large && finite(large.astroRssMb) ? `${large.astroRssMb} MB` : undefined,
		finite(large?.astroRssMb) && large!.astroRssMb! <= 2048,
	);
	add(
		'10,000 tasks: Pagefind’s indexer ≤ its CLI alone',
		large && finite(large.pagefindRssMb) && finite(large.pagefindCliRssMb)
			? `${large.pagefindRssMb} MB in the build, ${large.pagefindCliRssMb} MB CLI alone`
			: undefined,
		finite(large?.pagefindRssMb) &&
			finite(large?.pagefindCliRssMb) &&
			large!.pagefindRssMb! <= large!.pagefindCliRssMb!,
	);
	const q = large?.queryList;
	const above = q && finite(q.medianAboveFixedKb) && finite(q.p95AboveFixedKb) ? q : undefined;
	add(
		'10,000 tasks: first query above Pagefind’s fixed part, median ≤ 100 KB (journalist queries)',
		above ? `${above.medianAboveFixedKb} KB over ${above.queries} queries (fixed part ${above.fixedKb} KB)` : undefined,
		above !== undefined && above.medianAboveFixedKb! <= 100,
	);
	add(
		'10,000 tasks: first query above Pagefind’s fixed part, p95 ≤ 250 KB',
		above ? `${above.p95AboveFixedKb} KB` : undefined,
		above !== undefined && above.p95AboveFixedKb! <= 250,
	);
	const timedQ = largeTimed?.queryList;
	add(
		'10,000 tasks: first query median ≤ 300 ms',
		timedQ && finite(timedQ.medianMs) ? `${timedQ.medianMs} ms` : undefined,
		timedQ !== undefined && timedQ.medianMs <= 300,
	);
}

/** The page-weight budgets that hold at every size measured: the worst size counts. */
function everySizeBudgets(results: readonly BenchFigures[], add: AddBudget): void {
	const worst = (pick: (r: BenchFigures) => number | undefined) => {
		const xs = results.map(pick).filter(finite);
		return xs.length ? Math.max(...xs) : undefined;
	};
	const dom = worst((r) => r.homeDomElements);
	add(
		`home ≤ ${HOME_DOM_BUDGET.toLocaleString('en')} DOM elements (every size)`,
		dom === undefined ? undefined : `${dom} at most`,
		dom !== undefined && dom <= HOME_DOM_BUDGET,
	);
	const homeBefore = worst((r) => r.homeKbGzipBeforeCharts);
	const homeAfter = worst((r) => r.homeKbGzipAfterCharts);
	add(
		'home ≤ 60 KB gzip before charts load (every size)',
		homeBefore === undefined ? undefined : `${homeBefore} KB at most`,
		homeBefore !== undefined && homeBefore <= 60,
	);
	add(
		'home ≤ 130 KB gzip once charts load (every size)',
		homeAfter === undefined ? undefined : `${homeAfter} KB at most`,
		homeAfter !== undefined && homeAfter <= 130,
	);
	const task = worst((r) => r.taskPageKbGzip);
	add(
		'task page ≤ 20 KB gzip (every size)',
		task === undefined ? undefined : `${task} KB at most`,
		task !== undefined && task <= 20,
	);
}

/** The Lighthouse mobile budget of issue #7, over every page and size scored. */
function lighthouseBudget(results: readonly BenchFigures[], add: AddBudget): void {
	const scored = results.filter((r) => r.lighthouse);
	const scores = scored.flatMap((r) =>
		LIGHTHOUSE_PAGES.map((p) => ({
			tasks: r.tasks,
			page: p,
			s: r.lighthouse![p] as { performance?: number; accessibility?: number } | undefined,
		})),
	);
	const low = scores.filter(({ s }) => !s || (s.performance ?? 0) < 98 || (s.accessibility ?? 0) < 100);
	add(
		'Lighthouse mobile: performance ≥ 98, accessibility 100 (home, task, search; issue #7)',
		scored.length
			? low.length
				? low
						.map(({ tasks, page, s }) => `${page}@${tasks} ${s ? `${s.performance}/${s.accessibility}` : 'no score'}`)
						.join(', ')
				: `all ${scores.length} at or above (sizes ${scored.map((r) => r.tasks).join(', ')})`
			: undefined,
		low.length === 0,
	);
}

/**
 * Every budget of issue #18 (and the kept ones of #7) against the bench results; sizes or steps not run stay
 * unmeasured.
 */
export function checkBudgets(results: readonly BenchFigures[]): BudgetResult[] {
	const large = results.find((r) => r.tasks === LARGE);
	const small = results.find((r) => r.tasks === SMALL);
	// A run that measured bytes only leaves every time budget unmeasured.
	const largeTimed = large?.timed === false ? undefined : large;
	const smallTimed = small?.timed === false ? undefined : small;
	const out: BudgetResult[] = [];
	const add = (budget: string, measured: string | undefined, met: boolean | undefined) =>
		out.push({ budget, measured: measured ?? 'not measured', met: measured === undefined ? undefined : met });

	largeBudgets(large, largeTimed, add);
	everySizeBudgets(results, add);
	add(
		'build time 1,000 → 10,000 tasks ≤ 11× (issue #7)',
		largeTimed && smallTimed && `${(largeTimed.buildSeconds / smallTimed.buildSeconds).toFixed(2)}×`,
		largeTimed && smallTimed && largeTimed.buildSeconds <= 11 * smallTimed.buildSeconds,
	);
	lighthouseBudget(results, add);
	return out;
}

/** The figures issue #18 asks to report without a budget, one line each per size measured. */
export function reportedFigures(results: readonly BenchFigures[]): string[] {
	const lines: string[] = [];
	for (const r of results) {
		const floor = floorSeconds(r);
		lines.push(
			`@${r.tasks}: build ${r.buildSeconds} s; ${(r.buildSeconds / r.baselineSeconds).toFixed(2)}× bare Astro (${r.baselineSeconds} s)` +
				(floor !== undefined ? `; floor ${floor} s (Pagefind CLI ${r.pagefindCliSeconds} s)` : ''),
		);
		if (finite(r.hugoSeconds))
			lines.push(
				`@${r.tasks}: second floor Hugo + Pagefind CLI ${+(r.hugoSeconds + (r.pagefindCliSeconds ?? NaN)).toFixed(2)} s (Hugo ${r.hugoSeconds} s); build ${(r.buildSeconds / (r.hugoSeconds + (r.pagefindCliSeconds ?? NaN))).toFixed(2)}× that`,
			);
		if (finite(r.astroRssMb) || finite(r.pagefindRssMb))
			lines.push(
				`@${r.tasks}: peak RSS Astro ${r.astroRssMb ?? '–'} MB, Pagefind in the build ${r.pagefindRssMb ?? '–'} MB, Pagefind CLI alone ${r.pagefindCliRssMb ?? '–'} MB, all at once ${r.peakTreeRssMb} MB`,
			);
		if (Number.isFinite(r.firstQueryKb))
			lines.push(`@${r.tasks}: 整改 (on every page, not budgeted) ${r.firstQueryKb} KB / ${r.firstQueryMs} ms`);
		if (r.queryList)
			lines.push(
				`@${r.tasks}: journalist queries (${r.queryList.queries}) median ${r.queryList.medianKb} KB / ${r.queryList.medianMs} ms, p95 ${r.queryList.p95Kb} KB / ${r.queryList.p95Ms} ms` +
					(finite(r.queryList.fixedKb)
						? `; Pagefind's fixed part ${r.queryList.fixedKb} KB, above it median ${r.queryList.medianAboveFixedKb} KB, p95 ${r.queryList.p95AboveFixedKb} KB`
						: ''),
			);
		if (r.outputKbPerTask)
			lines.push(
				`@${r.tasks}: output KB per task by page type: ${Object.entries(r.outputKbPerTask)
					.filter(([, kb]) => kb > 0)
					.map(([t, kb]) => `${t} ${kb}`)
					.join(', ')}`,
			);
		if (r.timed === false) lines.push(`@${r.tasks}: bytes only (--bytes-only): its times are not budget figures`);
		if (r.rebuildAfterOneUpdateSeconds !== undefined)
			lines.push(`@${r.tasks}: rebuild after one added update ${r.rebuildAfterOneUpdateSeconds} s (full build)`);
		if (r.incrementalRebuildAfterOneUpdateSeconds !== undefined)
			lines.push(
				`@${r.tasks}: rebuild after one added update ${r.incrementalRebuildAfterOneUpdateSeconds} s with --incremental (the build that filled its cache: ${r.incrementalFirstBuildSeconds ?? '–'} s)`,
			);
		const p = r.portal;
		if (p)
			lines.push(
				`portal over ${p.sites} sites of ${p.tasksPerSite} tasks: build ${p.buildSeconds} s, peak RSS ${p.peakRssMb} MB` +
					(p.queryList
						? `, first query median ${p.queryList.medianKb} KB / ${p.queryList.medianMs} ms, p95 ${p.queryList.p95Kb} KB / ${p.queryList.p95Ms} ms`
						: ''),
			);
	}
	return lines;
}

/** The budgets as lines for the terminal: ✓ met, ✗ not met, – not measured. */
export function formatBudgets(budgets: readonly BudgetResult[]): string {
	return [
		'budgets (issue #18, with #7’s kept):',
		...budgets.map((b) => `  ${b.met === undefined ? '–' : b.met ? '✓' : '✗'} ${b.budget}: ${b.measured}`),
	].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const file = process.argv[2] ?? 'bench-results/bench.json';
	const { results } = JSON.parse(readFileSync(file, 'utf8')) as { results: BenchFigures[] };
	console.log(['reported (no budget):', ...reportedFigures(results).map((l) => '  ' + l)].join('\n'));
	console.log(formatBudgets(checkBudgets(results)));
}
