import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger, AstroPrerenderer } from 'astro';
import * as pagefind from 'pagefind';
import { isIndexedHtml, searchableFirst } from '#src/lib/search/routes.ts';

interface PagefindResponse {
	errors: string[];
}
type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** Told of each file the build renders, by its path in the output (e.g. `tasks/x/index.html`), before it is written. */
export type RenderedFileObserver = (file: string) => void;

/** The path of a rendered route's file in the output (build.format 'directory'): `/tasks/x/` → `tasks/x/index.html`. */
export function outputFileOf(pathname: string): string {
	const path = decodeURIComponent(pathname).replace(/^\/+/, '');
	return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

// Pages handed to Pagefind and not yet acknowledged; above this, rendering waits for Pagefind
// so a slow indexer cannot pile thousands of pages up in memory.
const MAX_IN_FLIGHT = 64;

/**
 * Builds the Pagefind index with Pagefind's Node API while the pages render: every page whose
 * <main> carries data-pagefind-body (Base sets it on SEARCHABLE_ROUTES) is handed to Pagefind as soon as Astro
 * has rendered it, so Pagefind's own process indexes on the second core instead of re-reading
 * dist/ after the build (at 10,000 tasks that sequential pass took about 55 s). The searchable routes
 * render first and the index is written while the other pages render: at 10,000 tasks writing it
 * takes about 25 s, which otherwise came after the last page.
 * Any error Pagefind reports fails the build: a site whose search silently broke must not ship.
 */
export function pagefindIndex(observers: RenderedFileObserver[] = []): AstroIntegration {
	let indexer: StreamingIndexer | undefined;
	let outputPath = '';
	let config: AstroConfig | undefined;
	return {
		name: 'zhenggai:pagefind',
		hooks: {
			'astro:config:done': ({ config: doneConfig }) => {
				// dist/pagefind/ (the staging directory under npm run build), for the early and the final write alike.
				outputPath = fileURLToPath(new URL('./pagefind/', doneConfig.outDir));
				config = doneConfig;
			},
			'astro:build:start': ({ setPrerenderer, logger }) => {
				indexer = new StreamingIndexer(logger);
				const feed = indexer;
				// Only an incremental build skips pages; without it the prerenderer is the one it always was.
				const skips = config?.experimental.incrementalBuild ? config.outDir : undefined;
				setPrerenderer((astroDefault) => indexingPrerenderer(astroDefault, feed, outputPath, observers, skips));
			},
			'astro:build:done': async ({ logger }) => {
				if (!indexer) throw new Error('Pagefind: astro:build:start did not run');
				try {
					const pages = await indexer.finish(outputPath);
					logger.info(
						`indexed ${pages} pages; the index was written ${indexer.writtenEarly ? 'while the other pages rendered' : 'after the last page'}; ${indexer.waitedMs} ms spent waiting for Pagefind after the last page`,
					);
				} finally {
					indexer = undefined;
					await pagefind.close();
				}
			},
		},
	};
}

/**
 * What Pagefind reads of a page: <html lang>, <title> and <main>. Piping whole pages to Pagefind took
 * 5.5 s of the main thread at 10,000 tasks; head (CSP, JSON-LD, links) and header are a third of each page
 * and carry nothing Pagefind uses (no data-pagefind-* outside <main>; the index is byte-identical).
 */
export function searchablePart(html: string): string {
	const root = /<html\b[^>]*>/.exec(html)?.[0];
	const start = html.search(/<main\b/);
	const end = html.lastIndexOf('</main>');
	if (!root || start < 0 || end < start) return html;
	const title = /<title>[\s\S]*?<\/title>/.exec(html.slice(0, start))?.[0] ?? '';
	return `<!DOCTYPE html>${root}<head><meta charset="utf-8">${title}</head><body>${html.slice(start, end + 7)}</body></html>`;
}

type PathWithRoute = Awaited<ReturnType<AstroPrerenderer['getStaticPaths']>>[number];

const trimSlashes = (p: string) => p.replace(/^\/+|\/+$/g, '');

/** The URL path a skipped path would have been rendered at (build.format 'directory', trailingSlash 'always'). */
function skippedUrl(p: PathWithRoute): string {
	const rel = trimSlashes(p.pathname);
	return new URL(p.route.type === 'page' ? `/${rel ? `${rel}/` : ''}` : `/${rel}`, 'http://x').pathname;
}

/**
 * Astro's own prerenderer, with the searchable routes rendered first, every indexed HTML page also handed
 * to the indexer, the index written once the searchable routes are done, and the observers told of every file.
 * In an incremental build (experimental.incrementalBuild) Astro skips a page with an unchanged cache key and
 * restores last build's copy into outDir without calling render(): such a page takes its turn when the next page
 * renders (or at teardown) and is read back from outDir and handed to the indexer in the background, one after the
 * other, while Astro renders on; the turns keep the order, so the index is the one a full build writes. (Reading 64 at
 * once was measured slower: it takes the main thread from rendering; docs/scale.md, "Incremental build".)
 */
function indexingPrerenderer(
	astroDefault: AstroPrerenderer,
	indexer: StreamingIndexer,
	outputPath: string,
	observers: RenderedFileObserver[],
	outDir?: URL,
): AstroPrerenderer {
	let paths: PathWithRoute[] = [];
	let cursor = 0;
	let reading = Promise.resolve();
	/** Queues the skipped (keyed) paths before the one now rendering (all that are left when `current` is undefined). */
	const catchUp = (current?: { route: unknown; pathname: string }) => {
		if (!outDir) return;
		while (cursor < paths.length) {
			const p = paths[cursor]!;
			if (current && p.route === current.route && trimSlashes(p.pathname) === current.pathname) {
				cursor++;
				return;
			}
			if (p.cacheKey === undefined)
				throw new Error(
					`Pagefind: ${current ? `/${current.pathname}/` : 'the end of the build'} came where ${p.pathname} was expected (the render order is not getStaticPaths' order)`,
				);
			cursor++;
			// Restored already: the dist check takes it now, as it would a rendered file, not after the last page.
			for (const told of observers) told(outputFileOf(skippedUrl(p)));
			const turn = indexer.turn();
			reading = reading.then(() => indexSkipped(indexer, turn, p, outDir)).catch((e: unknown) => indexer.fail(e));
		}
		if (current) throw new Error(`Pagefind: rendered a page not in getStaticPaths: /${current.pathname}/`);
	};
	return {
		name: 'zhenggai:pagefind-indexing',
		setup: async () => astroDefault.setup?.(),
		teardown: async () => {
			await astroDefault.teardown?.();
			// Thrown at astro:build:done (finish): teardown also runs after a failed render, whose error must show.
			try {
				catchUp();
			} catch (e) {
				indexer.fail(e);
			}
		},
		getStaticPaths: async () => {
			const { ordered, searchable } = searchableFirst(await astroDefault.getStaticPaths());
			if (searchable > 0) indexer.writeAfter(searchable, outputPath);
			paths = ordered;
			cursor = 0;
			return ordered;
		},
		collectStaticImages: astroDefault.collectStaticImages && (() => astroDefault.collectStaticImages!()),
		render: async (request, options) => {
			catchUp({ route: options.routeData, pathname: trimSlashes(decodeURI(new URL(request.url).pathname)) });
			// Taken before rendering starts, in Astro's path order, whatever order the pages finish in.
			const turn = indexer.turn();
			try {
				const rendered = await astroDefault.render(request, options);
				const response = rendered instanceof Response ? rendered : rendered.response;
				if (response.status === 200) for (const told of observers) told(outputFileOf(new URL(request.url).pathname));
				if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) return rendered;
				const html = await response.text();
				if (isIndexedHtml(html)) await indexer.add(turn, new URL(request.url).pathname, searchablePart(html));
				const copy = new Response(html, {
					status: response.status,
					statusText: response.statusText,
					headers: response.headers,
				});
				return rendered instanceof Response ? copy : { ...rendered, response: copy };
			} finally {
				indexer.skip(turn);
			}
		},
	};
}

/**
 * A page Astro skipped (incremental build) in its turn: its restored file read back from outDir and handed to the
 * indexer as render() would have (only `directory`-format pages can be HTML; an endpoint's turn is given up).
 */
async function indexSkipped(indexer: StreamingIndexer, turn: number, p: PathWithRoute, outDir: URL): Promise<void> {
	try {
		if (p.route.type !== 'page') return;
		const url = skippedUrl(p);
		const file = new URL(outputFileOf(url), outDir);
		if (!existsSync(file)) throw new Error(`Pagefind: skipped page ${p.pathname} is not in outDir (${file.href})`);
		const html = await readFile(file, 'utf8');
		if (isIndexedHtml(html)) await indexer.add(turn, url, searchablePart(html));
	} finally {
		indexer.skip(turn);
	}
}

/**
 * One Pagefind index fed page by page; errors are kept and reported when the index is written.
 * Pagefind's output depends on the order pages are added (measured: the same 300 pages added in
 * reverse gave 87 different files), so pages are added strictly in the order their renders began,
 * even if Astro renders several at once (build.concurrency): the index stays byte-for-byte reproducible.
 */
export class StreamingIndexer {
	private index: Promise<PagefindIndex>;
	private inFlight = new Set<Promise<void>>();
	private issued = 0;
	private next = 0;
	private ready = new Map<number, { url: string; html: string } | null>();
	private drained: (() => void)[] = [];
	private errors: string[] = [];
	private pages = 0;
	private logger: Pick<AstroIntegrationLogger, 'error'>;
	private writeAt?: { turns: number; outputPath: string };
	private writing?: Promise<void>;
	private late: string[] = [];
	waitedMs = 0;
	writtenEarly = false;

	/** `createIndex` is Pagefind's own unless a test passes a stand-in. */
	constructor(
		logger: Pick<AstroIntegrationLogger, 'error'>,
		createIndex: () => ReturnType<typeof pagefind.createIndex> = defaultIndex,
	) {
		this.logger = logger;
		this.index = createIndex().then((r) => {
			this.check(r);
			if (!r.index) throw new Error('Pagefind returned no index');
			return r.index;
		});
		// A failed start is reported by add() or finish(), whichever awaits it first; never as an unhandled rejection.
		this.index.catch(() => undefined);
	}

	/** A place in the indexing order, taken when a page starts rendering. */
	turn(): number {
		return this.issued++;
	}

	/** Gives up a turn without a page (not HTML, not indexed, or failed); a no-op once the turn is used. */
	skip(turn: number): void {
		if (turn >= this.next && !this.ready.has(turn)) this.ready.set(turn, null);
		void this.flush();
	}

	/**
	 * Writes the index as soon as the first `turns` turns are done, while later pages still render; a
	 * searchable page in a later turn then fails the build (its route is missing from SEARCHABLE_ROUTES).
	 */
	writeAfter(turns: number, outputPath: string): void {
		this.writeAt = { turns, outputPath };
		void this.flush();
	}

	/** Hands one rendered page to Pagefind in its turn; waits when too many pages are still being indexed. */
	async add(turn: number, url: string, html: string): Promise<void> {
		if (this.writeAt && turn >= this.writeAt.turns) {
			this.late.push(url);
			return;
		}
		await this.index;
		while (this.inFlight.size >= MAX_IN_FLIGHT) await Promise.race(this.inFlight);
		this.ready.set(turn, { url, html });
		await this.flush();
	}

	private flushing = false;

	/** Sends every page whose turn has come, in order. */
	private async flush(): Promise<void> {
		if (this.flushing) return;
		this.flushing = true;
		try {
			// A failed start is reported by add() or finish().
			const index = await this.index.catch(() => undefined);
			if (!index) return;
			while (this.ready.has(this.next)) {
				const page = this.ready.get(this.next);
				this.ready.delete(this.next);
				this.next++;
				if (page) this.send(index, page.url, page.html);
			}
		} finally {
			this.flushing = false;
		}
		if (this.writeAt && !this.writing && this.next >= this.writeAt.turns) {
			this.writtenEarly = true;
			this.writing = this.write(this.writeAt.outputPath);
			this.writing.catch(() => undefined); // awaited in finish()
		}
		if (this.next === this.issued) for (const done of this.drained.splice(0)) done();
	}

	private send(index: PagefindIndex, url: string, html: string): void {
		const job = index.addHTMLFile({ url, content: html }).then(
			(r) => {
				if (r.errors.length) this.errors.push(...r.errors.map((e) => `${url}: ${e}`));
				else this.pages++;
			},
			(e: unknown) => void this.errors.push(`${url}: ${String(e)}`),
		);
		const tracked = job.finally(() => this.inFlight.delete(tracked));
		this.inFlight.add(tracked);
	}

	/** Waits for the pages still being indexed, then writes the index; throws on any Pagefind error. */
	private async write(outputPath: string): Promise<void> {
		const index = await this.index;
		await Promise.all(this.inFlight);
		this.check({ errors: this.errors });
		if (this.pages === 0) throw new Error('Pagefind indexed no page: is data-pagefind-body missing?');
		this.check(await index.writeFiles({ outputPath }));
	}

	/**
	 * Once every turn is done: the index written (now, unless writeAfter wrote it already) and the number of
	 * pages in it; throws on any Pagefind error and on searchable pages that came after the index was written.
	 */
	async finish(outputPath: string): Promise<number> {
		if (this.failure !== undefined) throw this.failure;
		await this.index;
		const started = performance.now();
		if (this.next !== this.issued) await new Promise<void>((done) => this.drained.push(done));
		this.writing ??= this.write(outputPath);
		await this.writing;
		this.waitedMs = Math.round(performance.now() - started);
		// A skipped page that failed while the index was written gave up its turn: the index lacks it.
		if (this.failure !== undefined) throw this.failure;
		if (this.late.length)
			throw new Error(
				`searchable pages rendered after the search index was written (add their routes to SEARCHABLE_ROUTES in src/lib/search/facets.ts): ${this.late.slice(0, 5).join(' ')}${this.late.length > 5 ? ` … ${this.late.length} in all` : ''}`,
			);
		return this.pages;
	}

	private failure: unknown;

	/** Records an error found outside add() (a skipped page that could not be read); finish() throws it. */
	fail(error: unknown): void {
		this.failure ??= error;
	}

	private check(response: PagefindResponse): void {
		if (response.errors.length === 0) return;
		for (const e of response.errors) this.logger.error(`Pagefind: ${e}`);
		throw new Error(`搜索索引生成失败，构建终止 / Pagefind failed: ${response.errors.join('; ')}`);
	}
}

/**
 * Pagefind's own index, its process at a lower CPU priority: it indexes and writes on the second core
 * while Astro renders, and Astro's single rendering thread is the build's critical path.
 */
async function defaultIndex(): ReturnType<typeof pagefind.createIndex> {
	const created = await pagefind.createIndex({});
	for (const pid of childPids()) {
		try {
			if (/^pagefind/.test(readFileSync(`/proc/${pid}/comm`, 'utf8'))) setPriority(pid, 10);
		} catch {
			// Not Linux, or the process is gone: the priority is only an optimisation.
		}
	}
	return created;
}

/** The pids of this process's children (Linux; empty elsewhere). */
function childPids(): number[] {
	try {
		return readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8')
			.trim()
			.split(/\s+/)
			.filter(Boolean)
			.map(Number);
	} catch {
		return [];
	}
}
