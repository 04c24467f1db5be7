import { describe, expect, it } from 'vitest';
import { checkBudgets, formatBudgets, type BenchFigures } from '../../scripts/lib/bench-budgets.ts';

const row = (tasks: number, over: Partial<BenchFigures> = {}): BenchFigures => ({
	tasks,
	buildSeconds: 10,
	baselineSeconds: 5,
	peakRssMb: 900,
	peakTreeRssMb: 1500,
	homeKbGzipBeforeCharts: 20,
	homeKbGzipAfterCharts: 80,
	taskPageKbGzip: 9,
	firstQueryKb: 120,
	firstQueryMs: 200,
	...over,
});
const lh = (performance: number, accessibility = 100) => ({
	home: { performance, accessibility },
	task: { performance, accessibility },
	search: { performance, accessibility },
});
const verdict = (results: BenchFigures[]) => Object.fromEntries(checkBudgets(results).map((b) => [b.budget, b.met]));

describe('checkBudgets', () => {
	it('passes figures within every budget', () => {
		const v = verdict([
			row(1000, { buildSeconds: 5, lighthouse: lh(100) }),
			row(10000, { buildSeconds: 50, baselineSeconds: 20, lighthouse: lh(99) }),
		]);
		expect(Object.values(v).every((m) => m === true)).toBe(true);
		expect(Object.keys(v)).toHaveLength(10);
	});

	it('fails each budget its figure exceeds, and only those', () => {
		const v = verdict([
			row(1000, { buildSeconds: 5, homeKbGzipBeforeCharts: 61 }),
			row(10000, {
				buildSeconds: 72,
				baselineSeconds: 12,
				peakRssMb: 4186,
				firstQueryKb: 705,
				firstQueryMs: 709,
				taskPageKbGzip: 21,
				lighthouse: lh(97),
			}),
		]);
		expect(v['10,000 tasks: build ≤ 60 s wall']).toBe(false);
		expect(v['10,000 tasks: build ≤ 3× bare Astro']).toBe(false);
		expect(v['10,000 tasks: peak RSS ≤ 2 GB']).toBe(false);
		expect(v['build time 1,000 → 10,000 tasks ≤ 11×']).toBe(false); // 72 / 5 = 14.4
		expect(v['home ≤ 60 KB gzip before charts load (every size)']).toBe(false);
		expect(v['home ≤ 130 KB gzip once charts load (every size)']).toBe(true);
		expect(v['task page ≤ 20 KB gzip (every size)']).toBe(false);
		expect(v['10,000 tasks: first query ≤ 150 KB']).toBe(false);
		expect(v['10,000 tasks: first query ≤ 300 ms']).toBe(false);
		expect(v['Lighthouse mobile: performance ≥ 98, accessibility 100 (home, task, search)']).toBe(false);
	});

	it('leaves the budgets of sizes not run unmeasured instead of passing them', () => {
		const budgets = checkBudgets([row(38)]);
		const unmeasured = budgets.filter((b) => b.met === undefined).map((b) => b.budget);
		expect(unmeasured).toContain('10,000 tasks: build ≤ 60 s wall');
		expect(unmeasured).toContain('build time 1,000 → 10,000 tasks ≤ 11×');
		expect(unmeasured).toContain('Lighthouse mobile: performance ≥ 98, accessibility 100 (home, task, search)');
		expect(budgets.find((b) => b.budget.startsWith('task page'))!.met).toBe(true);
		expect(formatBudgets(budgets)).toMatch(/– 10,000 tasks: build ≤ 60 s wall: not measured/);
	});

	it('names the Lighthouse pages below the bar', () => {
		const results = [row(10000, { lighthouse: { ...lh(100), task: { performance: 95, accessibility: 100 } } })];
		expect(checkBudgets(results).at(-1)!.measured).toBe('task@10000 95/100');
	});
});
