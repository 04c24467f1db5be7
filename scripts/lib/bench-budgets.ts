// The budgets of issue #7, checked against the figures `npm run bench` measured. Printed and written to the
// bench's JSON; never asserted in a test run (they are figures of a machine, not properties of the code).
// Usage for an earlier run: node scripts/lib/bench-budgets.ts [bench-results/bench.json]
import { readFileSync } from 'node:fs';

/** The figures of one size that the budgets read (a subset of a bench row). */
export interface BenchFigures {
	tasks: number;
	buildSeconds: number;
	baselineSeconds: number;
	peakRssMb: number;
	peakTreeRssMb: number;
	homeKbGzipBeforeCharts: number;
	homeKbGzipAfterCharts: number;
	taskPageKbGzip: number;
	firstQueryKb: number;
	firstQueryMs: number;
	lighthouse?: Record<string, unknown>;
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

/** Every budget of issue #7 against the bench results (sizes not run leave their budgets unmeasured). */
export function checkBudgets(results: readonly BenchFigures[]): BudgetResult[] {
	const large = results.find((r) => r.tasks === LARGE);
	const small = results.find((r) => r.tasks === SMALL);
	const out: BudgetResult[] = [];
	const add = (budget: string, measured: string | undefined, met: boolean | undefined) =>
		out.push({ budget, measured: measured ?? 'not measured', met: measured === undefined ? undefined : met });
	const worst = (pick: (r: BenchFigures) => number) => (results.length ? Math.max(...results.map(pick)) : undefined);

	add('10,000 tasks: build ≤ 60 s wall', large && `${large.buildSeconds} s`, large && large.buildSeconds <= 60);
	add(
		'10,000 tasks: build ≤ 3× bare Astro',
		large &&
			`${(large.buildSeconds / large.baselineSeconds).toFixed(2)}× (${large.buildSeconds} / ${large.baselineSeconds} s)`,
		large && large.buildSeconds <= 3 * large.baselineSeconds,
	);
	add(
		'10,000 tasks: peak RSS ≤ 2 GB',
		large && `${large.peakRssMb} MB largest process, ${large.peakTreeRssMb} MB all at once`,
		large && large.peakRssMb <= 2048,
	);
	add(
		'build time 1,000 → 10,000 tasks ≤ 11×',
		large && small && `${(large.buildSeconds / small.buildSeconds).toFixed(2)}×`,
		large && small && large.buildSeconds <= 11 * small.buildSeconds,
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
	const queried = large && Number.isFinite(large.firstQueryKb);
	add(
		'10,000 tasks: first query ≤ 150 KB',
		queried ? `${large.firstQueryKb} KB` : undefined,
		queried && large.firstQueryKb <= 150,
	);
	add(
		'10,000 tasks: first query ≤ 300 ms',
		queried ? `${large.firstQueryMs} ms` : undefined,
		queried && large.firstQueryMs <= 300,
	);
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
		'Lighthouse mobile: performance ≥ 98, accessibility 100 (home, task, search)',
		scored.length
			? low.length
				? low
						.map(({ tasks, page, s }) => `${page}@${tasks} ${s ? `${s.performance}/${s.accessibility}` : 'no score'}`)
						.join(', ')
				: `all ${scores.length} at or above (sizes ${scored.map((r) => r.tasks).join(', ')})`
			: undefined,
		low.length === 0,
	);
	return out;
}

/** The budgets as lines for the terminal: ✓ met, ✗ not met, – not measured. */
export function formatBudgets(budgets: readonly BudgetResult[]): string {
	return [
		'budgets (issue #7):',
		...budgets.map((b) => `  ${b.met === undefined ? '–' : b.met ? '✓' : '✗'} ${b.budget}: ${b.measured}`),
	].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const file = process.argv[2] ?? 'bench-results/bench.json';
	const { results } = JSON.parse(readFileSync(file, 'utf8')) as { results: BenchFigures[] };
	console.log(formatBudgets(checkBudgets(results)));
}
