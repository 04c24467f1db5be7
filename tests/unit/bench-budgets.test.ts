import { describe, expect, it } from 'vitest';
import {
	HOME_DOM_BUDGET,
	checkBudgets,
	floorSeconds,
	formatBudgets,
	percentile,
	reportedFigures,
	type BenchFigures,
} from '#scripts/lib/bench-budgets.ts';

const row = (tasks: number, over: Partial<BenchFigures> = {}): BenchFigures => ({
	tasks,
	buildSeconds: 10,
	baselineSeconds: 5,
	pagefindCliSeconds: 6,
	peakRssMb: 900,
	peakTreeRssMb: 1500,
	astroRssMb: 900,
	pagefindRssMb: 500,
	pagefindCliRssMb: 600,
	homeKbGzipBeforeCharts: 20,
	homeKbGzipAfterCharts: 80,
	homeDomElements: 1200,
	taskPageKbGzip: 9,
	firstQueryKb: 700,
	firstQueryMs: 700,
	queryList: {
		queries: 36,
		medianKb: 300,
		medianMs: 200,
		p95Kb: 450,
		p95Ms: 400,
		fixedKb: 220,
		medianAboveFixedKb: 80,
		p95AboveFixedKb: 230,
	},
	outputKbPerTask: { task: 20, 'search index': 5, all: 39 },
	...over,
});
const lh = (performance: number, accessibility = 100) => ({
	home: { performance, accessibility },
	task: { performance, accessibility },
	search: { performance, accessibility },
});
const verdict = (results: BenchFigures[]) => Object.fromEntries(checkBudgets(results).map((b) => [b.budget, b.met]));
const B = {
	floor: '10,000 tasks: full build ≤ 1.0× the floor (bare Astro + Pagefind CLI alone)',
	astro: '10,000 tasks: Astro’s process ≤ 2 GB',
	pagefind: '10,000 tasks: Pagefind’s indexer ≤ its CLI alone',
	output: '10,000 tasks: output ≤ 40 KB per task, search index included',
	qMedianKb: '10,000 tasks: first query above Pagefind’s fixed part, median ≤ 100 KB (journalist queries)',
	qMedianMs: '10,000 tasks: first query median ≤ 300 ms',
	qP95: '10,000 tasks: first query above Pagefind’s fixed part, p95 ≤ 250 KB',
	dom: 'home ≤ 3,000 DOM elements (every size)',
	growth: 'build time 1,000 → 10,000 tasks ≤ 11× (issue #7)',
	lighthouse: 'Lighthouse mobile: performance ≥ 98, accessibility 100 (home, task, search; issue #7)',
};

describe('percentile and floor', () => {
	it('takes the nearest rank', () => {
		const xs = Array.from({ length: 36 }, (_, i) => i + 1); // 1..36, shuffled below
		expect(percentile([...xs].reverse(), 95)).toBe(35); // ceil(0.95 × 36) = 35th
		expect(percentile([3, 1, 2], 50)).toBe(2);
		expect(percentile([7], 95)).toBe(7);
		expect(percentile([], 95)).toBeNaN();
	});

	it('is bare Astro plus Pagefind’s CLI, and unknown without the CLI figure', () => {
		expect(floorSeconds({ baselineSeconds: 12.5, pagefindCliSeconds: 28.9 })).toBe(41.4);
		expect(floorSeconds({ baselineSeconds: 12.5 })).toBeUndefined();
		expect(floorSeconds({ baselineSeconds: 12.5, pagefindCliSeconds: NaN })).toBeUndefined();
	});
});

describe('checkBudgets', () => {
	it('passes figures within every budget', () => {
		const v = verdict([
			row(1000, { buildSeconds: 5, lighthouse: lh(100) }),
			row(10000, {
				buildSeconds: 40,
				baselineSeconds: 12,
				pagefindCliSeconds: 29,
				lighthouse: lh(99),
				portal: {
					sites: 3,
					tasksPerSite: 10000,
					buildSeconds: 9,
					peakRssMb: 400,
					scopes: {
						titles: {
							queries: 36,
							medianKb: 150,
							p95Kb: 300,
							medianAboveFixedKb: 60,
							p95AboveFixedKb: 200,
							medianMs: 300,
							p95Ms: 900,
						},
					},
				},
			}),
		]);
		expect(Object.values(v).every((m) => m === true)).toBe(true);
		expect(Object.keys(v)).toHaveLength(14);
	});

	it('fails each budget its figure exceeds, and only those', () => {
		const v = verdict([
			row(1000, { buildSeconds: 5, homeKbGzipBeforeCharts: 61, homeDomElements: HOME_DOM_BUDGET + 1 }),
			row(10000, {
				buildSeconds: 63.3,
				baselineSeconds: 9.97,
				pagefindCliSeconds: 28.9,
				astroRssMb: 2100,
				pagefindRssMb: 4295,
				pagefindCliRssMb: 5700,
				queryList: {
					queries: 36,
					medianKb: 151,
					medianMs: 301,
					p95Kb: 300,
					p95Ms: 900,
					fixedKb: 220,
					medianAboveFixedKb: 100.1,
					p95AboveFixedKb: 250,
				},
				outputKbPerTask: { all: 40.1 },
				taskPageKbGzip: 21,
				lighthouse: lh(97),
			}),
		]);
		expect(v[B.floor]).toBe(false); // 63.3 > 38.87
		expect(v[B.astro]).toBe(false);
		expect(v[B.pagefind]).toBe(true); // 4.3 GB against 5.7 GB alone
		expect(v[B.output]).toBe(false); // 40.1 KB per task
		expect(v[B.qMedianKb]).toBe(false); // 100.1 KB above the fixed part
		expect(v[B.qMedianMs]).toBe(false);
		expect(v[B.qP95]).toBe(true); // at the bound
		expect(v[B.dom]).toBe(false); // the worst size counts
		expect(v['home ≤ 60 KB gzip before charts load (every size)']).toBe(false);
		expect(v['home ≤ 130 KB gzip once charts load (every size)']).toBe(true);
		expect(v['task page ≤ 20 KB gzip (every size)']).toBe(false);
		expect(v[B.growth]).toBe(false); // 63.3 / 5 = 12.7
		expect(v[B.lighthouse]).toBe(false);
	});

	it('holds the build to exactly 1.0× the floor and the indexer to exactly its CLI', () => {
		const at = (buildSeconds: number, pagefindRssMb: number) =>
			verdict([
				row(10000, {
					buildSeconds,
					baselineSeconds: 10,
					pagefindCliSeconds: 30,
					pagefindRssMb,
					pagefindCliRssMb: 5000,
				}),
			]);
		expect(at(40, 5000)[B.floor]).toBe(true);
		expect(at(40.01, 5001)[B.floor]).toBe(false);
		expect(at(40, 5000)[B.pagefind]).toBe(true);
		expect(at(40, 5001)[B.pagefind]).toBe(false);
	});

	it('never budgets 整改: a huge first query on the common term changes no verdict', () => {
		const a = verdict([row(10000, { buildSeconds: 5 })]);
		const b = verdict([row(10000, { buildSeconds: 5, firstQueryKb: 5000, firstQueryMs: 9000 })]);
		expect(b).toEqual(a);
	});

	it('leaves the budgets of sizes or steps not run unmeasured instead of passing them', () => {
		const budgets = checkBudgets([
			row(38),
			row(10000, {
				pagefindCliSeconds: undefined,
				pagefindCliRssMb: undefined,
				queryList: undefined,
				astroRssMb: undefined,
				outputKbPerTask: undefined,
			}),
		]);
		const unmeasured = budgets.filter((b) => b.met === undefined).map((b) => b.budget);
		for (const b of [B.floor, B.astro, B.pagefind, B.output, B.qMedianKb, B.qMedianMs, B.qP95, B.growth, B.lighthouse])
			expect(unmeasured).toContain(b);
		expect(budgets.find((b) => b.budget === B.dom)!.met).toBe(true);
		expect(formatBudgets(budgets)).toContain(`– ${B.floor}: not measured`);
		expect(formatBudgets(budgets)).toContain(`✓ ${B.dom}: 1200 at most`);
	});

	it('leaves every time budget of a bytes-only run unmeasured, and still judges its bytes', () => {
		const slow = { buildSeconds: 900, baselineSeconds: 1, pagefindCliSeconds: 1, timed: false };
		const budgets = checkBudgets([row(1000, { buildSeconds: 1, timed: false }), row(10000, slow)]);
		const met = Object.fromEntries(budgets.map((b) => [b.budget, b.met]));
		for (const b of [B.floor, B.qMedianMs, B.growth]) expect(met[b], b).toBeUndefined();
		expect(met[B.output]).toBe(true);
		expect(met[B.qMedianKb]).toBe(true);
		expect(met[B.qP95]).toBe(true);
		// The same figures from a timed run fail the time budgets.
		const timed = verdict([row(1000, { buildSeconds: 1 }), row(10000, { ...slow, timed: true })]);
		expect(timed[B.floor]).toBe(false);
		expect(timed[B.growth]).toBe(false);
	});

	it('names the Lighthouse pages below the bar', () => {
		const results = [row(10000, { lighthouse: { ...lh(100), task: { performance: 95, accessibility: 100 } } })];
		expect(checkBudgets(results).at(-1)!.measured).toBe('task@10000 95/100');
	});
});

describe('reportedFigures', () => {
	it('prints the absolute time, the bare-Astro ratio, the floors, memory, 整改, the rebuild and the portal', () => {
		const lines = reportedFigures([
			row(10000, {
				buildSeconds: 63.3,
				baselineSeconds: 9.97,
				pagefindCliSeconds: 28.9,
				hugoSeconds: 3.1,
				rebuildAfterOneUpdateSeconds: 63.5,
				incrementalFirstBuildSeconds: 66.1,
				incrementalRebuildAfterOneUpdateSeconds: 44.2,
				portal: { sites: 3, tasksPerSite: 10000, buildSeconds: 4.2, peakRssMb: 210 },
			}),
		]).join('\n');
		expect(lines).toContain('build 63.3 s; 6.35× bare Astro (9.97 s); floor 38.87 s (Pagefind CLI 28.9 s)');
		expect(lines).toContain('second floor Hugo + Pagefind CLI 32 s (Hugo 3.1 s)');
		expect(lines).toContain('整改 (on every page, not budgeted) 700 KB / 700 ms');
		expect(lines).toContain('rebuild after one added update 63.5 s (full build)');
		expect(lines).toContain(
			'rebuild after one added update 44.2 s with --incremental (the build that filled its cache: 66.1 s)',
		);
		expect(reportedFigures([row(10000)]).join('\n')).not.toContain('--incremental');
		expect(lines).toContain('portal over 3 sites of 10000 tasks: build 4.2 s, peak RSS 210 MB');
		expect(reportedFigures([row(10000, { hugoSeconds: undefined })]).join('\n')).not.toContain('Hugo');
		expect(lines).toContain("Pagefind's fixed part 220 KB, above it median 80 KB, p95 230 KB");
		expect(lines).toContain('output KB per task by page type: task 20, search index 5, all 39');
	});
});

describe('the portal’s budget (issue #28 item 4)', () => {
	const scope = (medianAboveFixedKb: number, p95AboveFixedKb: number) => ({
		queries: 36,
		medianKb: medianAboveFixedKb + 94,
		p95Kb: p95AboveFixedKb + 94,
		medianAboveFixedKb,
		p95AboveFixedKb,
		medianMs: 300,
		p95Ms: 900,
	});
	const portal = (titles?: ReturnType<typeof scope>, tasksPerSite = 10000) => ({
		sites: 3,
		tasksPerSite,
		buildSeconds: 9,
		peakRssMb: 400,
		scopes: { ...(titles ? { titles } : {}), all: scope(900, 2000) },
	});
	const verdict = (p: ReturnType<typeof portal>) =>
		checkBudgets([row(10000, { portal: p })]).find((b) => b.budget.startsWith('portal over sites of 10,000 tasks'))!;

	it('holds when the default search’s median and p95 above the fixed part are within one site’s budget', () => {
		expect(verdict(portal(scope(60, 240)))).toEqual({
			budget:
				'portal over sites of 10,000 tasks, default search (titles and numbers): first query above the fixed part, median ≤ 100 KB, p95 ≤ 250 KB',
			measured: 'median 60 KB, p95 240 KB over 36 queries (3 sites)',
			met: true,
		});
	});

	it('fails on either figure, ignores 所有站点全文, and is not measured without the default or at another size', () => {
		expect(verdict(portal(scope(101, 100))).met).toBe(false);
		expect(verdict(portal(scope(50, 251))).met).toBe(false);
		expect(verdict(portal(undefined)).met).toBeUndefined();
		expect(verdict(portal(scope(1, 1), 1000)).met).toBeUndefined();
	});

	it('reports both scopes', () => {
		const lines = reportedFigures([row(10000, { portal: portal(scope(60, 240)) })]).join('\n');
		expect(lines).toContain(
			'default (titles and numbers): first query median 154 KB (above fixed 60) / 300 ms, p95 334 KB (above fixed 240) / 900 ms; all sites full text: first query median 994 KB (above fixed 900) / 300 ms, p95 2094 KB (above fixed 2000) / 900 ms',
		);
	});
});
