import { describe, expect, it } from 'vitest';
import { outputFileOf, searchablePart, StreamingIndexer } from '#src/integrations/pagefind.ts';
import { searchableFirst } from '#src/lib/search/routes.ts';

/** A stand-in for Pagefind's index that records what it was given, in order. */
function fakeIndex(errorFor?: string) {
	const added: string[] = [];
	let written = '';
	const index = {
		addHTMLFile: async ({ url }: { url: string }) => {
			added.push(url);
			await new Promise((r) => setTimeout(r, 1));
			return { errors: url === errorFor ? ['bad page'] : [], file: { uniqueWords: 1, url, meta: {} } };
		},
		writeFiles: async ({ outputPath }: { outputPath: string }) => {
			written = outputPath;
			return { errors: [], outputPath };
		},
	};
	const create = async () => ({ errors: [], index }) as never;
	return { added, create, written: () => written };
}
const quiet = { error: () => undefined };

describe('StreamingIndexer', () => {
	it('adds pages in the order their renders began, whatever order they finish in', async () => {
		const f = fakeIndex();
		const ix = new StreamingIndexer(quiet, f.create);
		const [a, b, c, d] = [ix.turn(), ix.turn(), ix.turn(), ix.turn()];
		await ix.add(c, '/c/', '<html>');
		ix.skip(c);
		ix.skip(b); // b was not an indexed page
		expect(f.added).toEqual([]); // a has not finished: nothing may go ahead of it
		await ix.add(d, '/d/', '<html>');
		await ix.add(a, '/a/', '<html>');
		ix.skip(a);
		ix.skip(d);
		expect(await ix.finish('/out/')).toBe(3);
		expect(f.added).toEqual(['/a/', '/c/', '/d/']);
		expect(f.written()).toBe('/out/');
	});

	it('fails the build when Pagefind reports an error for a page, naming it', async () => {
		const f = fakeIndex('/b/');
		const ix = new StreamingIndexer(quiet, f.create);
		for (const url of ['/a/', '/b/']) {
			const t = ix.turn();
			await ix.add(t, url, '<html>');
			ix.skip(t);
		}
		await expect(ix.finish('/out/')).rejects.toThrow(/Pagefind failed: \/b\/: bad page/);
		expect(f.written()).toBe('');
	});

	it('writes the index once the turns given to writeAfter are done, before the later pages finish', async () => {
		const f = fakeIndex();
		const ix = new StreamingIndexer(quiet, f.create);
		ix.writeAfter(2, '/early/');
		const [a, b, c] = [ix.turn(), ix.turn(), ix.turn()];
		await ix.add(a, '/a/', '<html>');
		ix.skip(a);
		expect(f.written()).toBe('');
		await ix.add(b, '/b/', '<html>');
		ix.skip(b);
		await new Promise((r) => setTimeout(r, 20));
		expect(f.written()).toBe('/early/'); // c (a page that is not searchable) is still rendering
		ix.skip(c);
		expect(await ix.finish('/late/')).toBe(2);
		expect(ix.writtenEarly).toBe(true);
		expect(f.written()).toBe('/early/');
	});

	it('fails the build when a searchable page comes after the index was written, naming it', async () => {
		const f = fakeIndex();
		const ix = new StreamingIndexer(quiet, f.create);
		ix.writeAfter(1, '/early/');
		const [a, b] = [ix.turn(), ix.turn()];
		await ix.add(a, '/tasks/a/', '<html>');
		ix.skip(a);
		await ix.add(b, '/areas/b/', '<html>');
		ix.skip(b);
		await expect(ix.finish('/out/')).rejects.toThrow(/SEARCHABLE_ROUTES.*\/areas\/b\//);
		expect(f.added).toEqual(['/tasks/a/']);
	});

	it('refuses to write an empty index', async () => {
		const f = fakeIndex();
		const ix = new StreamingIndexer(quiet, f.create);
		ix.skip(ix.turn());
		await expect(ix.finish('/out/')).rejects.toThrow(/indexed no page/);
	});
});

describe('searchableFirst', () => {
	const path = (pathname: string, route: string) => ({ pathname, route: { route } });
	it('puts the searchable routes first and keeps the order within each group', () => {
		const paths = [
			path('/areas/1/', '/areas/[id]'),
			path('/plans/p/', '/plans/[plan]'),
			path('/feeds/x.xml', '/feeds/[x]'),
			path('/tasks/b/', '/tasks/[id]'),
			path('/tasks/a/', '/tasks/[id]'),
		];
		const { ordered, searchable } = searchableFirst(paths);
		expect(ordered.map((p) => p.pathname)).toEqual([
			'/plans/p/',
			'/tasks/b/',
			'/tasks/a/',
			'/areas/1/',
			'/feeds/x.xml',
		]);
		expect(searchable).toBe(3);
	});
	it('counts no searchable path when no route is listed', () => {
		expect(searchableFirst([path('/a/', '/a')], []).searchable).toBe(0);
	});
});

describe('searchablePart', () => {
	it('keeps <html lang>, <title> and <main>, and drops head and header', () => {
		const page =
			'<!DOCTYPE html><html lang="zh-CN"><head><meta http-equiv="content-security-policy" content="x"><title>任务 - 整改公开</title><script type="application/ld+json">{}</script></head><body><header><nav>导航</nav></header><main id="main" data-pagefind-body><h1>任务</h1><p>正文</p></main><footer>页脚</footer></body></html>';
		expect(searchablePart(page)).toBe(
			'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>任务 - 整改公开</title></head><body><main id="main" data-pagefind-body><h1>任务</h1><p>正文</p></main></body></html>',
		);
	});
	it('passes a page without <main> through unchanged', () => {
		const page = '<html lang="zh-CN"><body><p>x</p></body></html>';
		expect(searchablePart(page)).toBe(page);
	});
});

describe('outputFileOf', () => {
	it('names the file Astro writes for a route (build.format directory), decoded as it is on disk', () => {
		expect(outputFileOf('/')).toBe('index.html');
		expect(outputFileOf('/tasks/hkk-02/')).toBe('tasks/hkk-02/index.html');
		expect(outputFileOf('/data/tasks.csv')).toBe('data/tasks.csv');
		expect(outputFileOf('/units/%E7%9C%81%E5%8E%85/')).toBe('units/省厅/index.html');
	});
});
