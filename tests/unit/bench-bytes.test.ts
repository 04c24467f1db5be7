import { describe, expect, it } from 'vitest';
import {
	bytesByFileKind,
	bytesByPageType,
	FILE_KINDS,
	fileKindOf,
	kbPerTask,
	kbTable,
	pageTypeOf,
	splitFixed,
} from '#scripts/lib/bench-bytes.ts';

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

describe('fileKindOf', () => {
	it('sorts files by format: pages, feeds, downloads, the search bundle, scripts and the rest', () => {
		expect(fileKindOf('tasks/hkk-02/index.html')).toBe('html');
		expect(fileKindOf('feeds/tasks/hkk-02.xml')).toBe('atom');
		expect(fileKindOf('sitemap-0.xml')).toBe('other');
		expect(fileKindOf('data/status-history/hkk-02.csv')).toBe('csv');
		expect(fileKindOf('data/tasks.json')).toBe('json');
		expect(fileKindOf('data/zhenggai.xlsx')).toBe('xlsx');
		expect(fileKindOf('pagefind/pagefind-entry.json')).toBe('search index');
		expect(fileKindOf('_astro/app.abc.js')).toBe('js/css');
		expect(fileKindOf('favicon.svg')).toBe('other');
	});
	it('sums by kind with every kind present, and prints a table with the total', () => {
		const by = bytesByFileKind([
			{ rel: 'tasks/a/index.html', bytes: 3072 },
			{ rel: 'data/tasks.csv', bytes: 1024 },
		]);
		expect(by.html).toEqual({ files: 1, bytes: 3072 });
		expect(by.xlsx).toEqual({ files: 0, bytes: 0 });
		const table = kbTable('by file kind', FILE_KINDS, [{ label: '@2', kb: kbPerTask(by, 2) }]);
		expect(table.split('\n')[1]).toMatch(/^\s*@2\s+1\.5\s+0\s+0\.5\s.*\s2$/);
	});
});
