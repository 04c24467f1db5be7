import { describe, expect, it } from 'vitest';
import { bytesByPageType, kbPerTask, pageTypeOf, splitFixed } from '#scripts/lib/bench-bytes.ts';

describe('pageTypeOf', () => {
	it('tells task pages from the task list, and sorts every folder of the site', () => {
		expect(pageTypeOf('tasks/hkk-02/index.html')).toBe('task');
		expect(pageTypeOf('tasks/index.html')).toBe('task list');
		expect(pageTypeOf('as-of/2021-01-31/index.html')).toBe('snapshot');
		expect(pageTypeOf('changes/2021-01-31/index.html')).toBe('change');
		expect(pageTypeOf('measures/groups/g1/index.html')).toBe('measure');
		expect(pageTypeOf('units/zjt/index.html')).toBe('unit');
		expect(pageTypeOf('feeds/tasks/hkk-02.xml')).toBe('feed');
		expect(pageTypeOf('data/tasks.csv')).toBe('data');
		expect(pageTypeOf('pagefind/index/zh_abc.pf_index')).toBe('search index');
		expect(pageTypeOf('_astro/app.abc.js')).toBe('assets');
		expect(pageTypeOf('index.html')).toBe('other');
		expect(pageTypeOf('search/index.html')).toBe('other');
	});
});

describe('bytes per task', () => {
	it('sums by type, keeps every type, and divides by the tasks', () => {
		const by = bytesByPageType([
			{ rel: 'tasks/a/index.html', bytes: 2048 },
			{ rel: 'tasks/b/index.html', bytes: 2048 },
			{ rel: 'pagefind/x.pf_index', bytes: 1024 },
			{ rel: 'index.html', bytes: 1024 },
		]);
		expect(by.task).toEqual({ files: 2, bytes: 4096 });
		expect(by.snapshot).toEqual({ files: 0, bytes: 0 });
		const kb = kbPerTask(by, 2);
		expect(kb.task).toBe(2);
		expect(kb['search index']).toBe(0.5);
		expect(kb.all).toBe(3);
	});
});

describe('splitFixed', () => {
	it("counts entry, scripts, wasm and meta as Pagefind's fixed part, and index chunks, filters, fragments above it", () => {
		expect(
			splitFixed({
				entry: { wireBytes: 200 },
				js: { wireBytes: 25_000 },
				wasm: { wireBytes: 54_000 },
				meta: { wireBytes: 140_000 },
				index: { wireBytes: 90_000 },
				filter: { wireBytes: 5_000 },
				fragment: { wireBytes: 18_000 },
			}),
		).toEqual({ fixed: 219_200, above: 113_000 });
	});
});
