#!/usr/bin/env node
// npm run bench -- --tasks 38,1000,10000 [--seed 1] [--lighthouse] [--out bench-results/bench.json]
//                  [--portal-sites 3] [--portal-tasks N (default: the largest size; 0 skips the portal)]
// Builds the real site at each size (the bundled content for 38, synthetic content otherwise), then the
// floor a user of the same stack would get (bare Astro with the same page count, Pagefind's CLI alone over
// the same searchable pages, Hugo when installed), measures pages and the journalist queries in Chromium,
// and at the largest size composes a national portal over several synthetic provincial sites.
// --bytes-only (a busy machine): builds and measures bytes (output per task by page type, pages, queries) and skips
// the floor, Lighthouse and the rebuilds; its times are printed but every time budget stays "not measured".
// --no-rebuild: skips the three rebuilds after one update at the largest size (an hour's work on a busy machine).
import { spawn, spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { writeSynthetic } from './generate-content.ts';
import { parseCli } from './lib/cli.ts';
import { serveDir } from './serve.ts';
import { wireBytes } from './lib/nginx-conf.ts';
import { CHROMIUM, CHROMIUM_ARGS, launchChromium } from './lib/chromium.ts';
import { COMMON_QUERY, JOURNALIST_QUERIES, countingServer, firstQuery, median, queryList } from './lib/bench-search.ts';
import {
	checkBudgets,
	formatBudgets,
	reportedFigures,
	type BenchFigures,
	type PortalFigures,
	type PortalScope,
	type PortalScopeFigures,
} from './lib/bench-budgets.ts';
import { portalQueryList } from './lib/bench-portal.ts';
import { SEARCHABLE_ROUTES } from '#src/lib/search/routes.ts';
import { bytesByFileKind, bytesByPageType, FILE_KINDS, kbPerTask, kbTable, PAGE_TYPES } from './lib/bench-bytes.ts';
import { contentCacheDir, incrementalCacheFiles } from '#src/integrations/content-cache.ts';

const USAGE = `usage: npm run bench -- [--tasks 38,1000,10000] [--seed 1] [--lighthouse] [--as-of 2021-06-30]
                      [--out bench-results/bench.json] [--portal-sites 3] [--portal-tasks N (0 skips the portal)]
                      [--bytes-only] [--no-rebuild]`;
const { values } = parseCli(
	{
		options: {
			tasks: { type: 'string', default: '38,1000,10000' },
			seed: { type: 'string', default: '1' },
			lighthouse: { type: 'boolean', default: false },
			out: { type: 'string', default: 'bench-results/bench.json' },
			'as-of': { type: 'string', default: '2021-06-30' },
			'portal-sites': { type: 'string', default: '3' },
			'portal-tasks': { type: 'string' },
			'bytes-only': { type: 'boolean', default: false },
			'no-rebuild': { type: 'boolean', default: false },
		},
	},
	USAGE,
);
const ROOT = process.cwd();
const AS_OF = values['as-of'];
const sizes = values.tasks.split(',').map((s) => Number(s.trim()));
const bytesOnly = values['bytes-only'];
const work = mkdtempSync(join(tmpdir(), 'zg-bench-'));
const t0 = performance.now();
const log = (msg: string) => console.log(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${msg}`);

/**
 * Peak RSS in MB per kind of process (astro, pagefind, check, hugo, other), the largest single process of each kind.
 */
type RoleRss = Record<string, number>;
interface Timed {
	wallMs: number;
	peakRssMb: number;
	peakTreeRssMb: number;
	peakByRoleMb: RoleRss;
	ok: boolean;
	output: string;
}

/** A process of the tree as the sampler knows it: its kind and how many samples have seen it. */
interface Sighting {
	role: string;
	seen: number;
}

/** The kind of a process from its command line: Astro's build, Pagefind's indexer, the dist check, Hugo, or other. */
function roleOf(pid: number): string {
	let cmd: string;
	try {
		cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
	} catch {
		return 'other';
	}
	if (/pagefind_extended|pagefind\b/.test(cmd.split(' ')[0] ?? '') || /\/pagefind(_extended)?( |$)/.test(cmd))
		return 'pagefind';
	if (cmd.includes('astro.mjs')) return 'astro';
	if (cmd.includes('check-dist')) return 'check';
	if (/(^|\/)hugo( |$)/.test(cmd)) return 'hugo';
	return 'other';
}

/** RSS in bytes of every live process under `root` (itself included), from /proc. */
function treeRss(
	root: number,
	roles?: Map<number, Sighting>,
): { max: number; sum: number; byPid: Map<number, number> } {
	const parent = new Map<number, number>();
	const rss = new Map<number, number>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			// Fields after the parenthesised command: state ppid … ; field 24 (rss) is in pages.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			parent.set(Number(name), Number(fields[1]));
			rss.set(Number(name), Number(fields[21]) * 4096);
		} catch {
			// The process ended while we looked.
		}
	}
	let max = 0;
	let sum = 0;
	const byPid = new Map<number, number>();
	for (const [pid, bytes] of rss) {
		let p: number | undefined = pid;
		while (p !== undefined && p > 1 && p !== root) p = parent.get(p);
		if (p !== root) continue;
		max = Math.max(max, bytes);
		sum += bytes;
		byPid.set(pid, bytes);
		if (roles) {
			// Read again on the first sightings: a child seen between fork and exec has its parent's command line
			// (or none), and would be attributed to the wrong kind for good.
			const seen = roles.get(pid) ?? { role: 'other', seen: 0 };
			seen.seen++;
			if (seen.seen <= 3) seen.role = roleOf(pid);
			roles.set(pid, seen);
		}
	}
	return { max, sum, byPid };
}

/**
 * Runs a command, sampling the RSS of its whole process tree every 100 ms: the largest single process
 * and the largest sum at one moment (Pagefind runs as a separate process beside Astro, and GNU time's
 * %M misses it because Node never waits for it).
 */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd = ROOT, progress?: RegExp): Promise<Timed> {
	const start = performance.now();
	const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const take = (d: Buffer) => {
		output += d;
		if (progress)
			for (const line of String(d).split('\n'))
				if (progress.test(line)) log(`  ${line.replace(/^\d\d:\d\d:\d\d /, '').trim()}`);
	};
	child.stdout.on('data', take);
	child.stderr.on('data', take);
	let peak = 0;
	let peakTree = 0;
	const roles = new Map<number, Sighting>();
	const byRole: RoleRss = {};
	const sample = () => {
		const r = treeRss(child.pid!, roles);
		peak = Math.max(peak, r.max);
		peakTree = Math.max(peakTree, r.sum);
		for (const [pid, bytes] of r.byPid) {
			const seen = roles.get(pid);
			// The first sighting may be a fork not yet exec'd, sharing its parent's pages: not attributed.
			if (!seen || seen.seen < 2) continue;
			byRole[seen.role] = Math.max(byRole[seen.role] ?? 0, Math.round(bytes / 1048576));
		}
	};
	const timer = setInterval(sample, 100);
	return new Promise((resolvePromise) => {
		child.on('close', (code) => {
			clearInterval(timer);
			resolvePromise({
				wallMs: performance.now() - start,
				peakRssMb: peak / 1048576,
				peakTreeRssMb: peakTree / 1048576,
				peakByRoleMb: byRole,
				ok: code === 0,
				output,
			});
		});
	});
}

function walk(dir: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) out.push(...walk(p));
		else out.push(p);
	}
	return out;
}
const sizeOf = (files: string[]) => files.reduce((n, f) => n + statSync(f).size, 0);
// Bytes as nginx sends them (ops/nginx.conf: gzip level 6 for text types).
const gz = (file: string) => wireBytes(file, readFileSync(file));

/** Builds the production site for a content tree into outDir. */
/** `npm run build` of `contentDir` into `outDir`; `incremental` turns on Astro's incremental build (--incremental). */
function buildSite(contentDir: string, outDir: string, incremental = false): Promise<Timed> {
	const wrapper = join(ROOT, 'scripts/build.ts');
	const args = existsSync(wrapper)
		? [wrapper, '--out', outDir]
		: [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir];
	// The build's phase lines are echoed so a 10,000-task run shows where it is.
	return timed(
		process.execPath,
		args,
		{ CONTENT_DIR: contentDir, AS_OF, ASTRO_TELEMETRY_DISABLED: '1', INCREMENTAL_BUILD: incremental ? '1' : '0' },
		ROOT,
		/content OK|Completed in|indexed \d+ pages|check-dist (OK|failed)|replaced/,
	);
}

/** What an editor does between two builds: one new update through `npm run update`, then the same build again. */
async function rebuildAfterOneUpdate(contentDir: string, dist: string, incremental = false): Promise<Timed> {
	// The first task the update script accepts a new on-track report for (a closed task, say, refuses one).
	for (const file of readdirSync(join(contentDir, 'tasks')).sort()) {
		const task = file.replace(/\.json$/, '');
		const r = spawnSync(
			process.execPath,
			[
				join(ROOT, 'scripts/update.ts'),
				'--content-dir',
				contentDir,
				'--task',
				task,
				'--status',
				'on_track',
				'--fact-date',
				AS_OF,
				'--published-date',
				AS_OF,
				'--title',
				'基准测试追加的一条进展',
				'--text',
				'仅用于计时的合成进展。',
				'--provenance',
				'sample',
				'--note',
				'合成基准数据：由 scripts/bench.ts 追加，仅用于性能测试。',
			],
			{ cwd: ROOT, encoding: 'utf8', env: { ...process.env, AS_OF } },
		);
		if (r.status === 0) return buildSite(contentDir, dist, incremental);
	}
	throw new Error('npm run update accepted no new update for any task');
}

/** A bare Astro project rendering `pages` trivial pages: the baseline for the build-time ratio. */
function buildBaseline(pages: number, dir: string): Promise<Timed> {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(join(dir, 'src/pages'), { recursive: true });
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'baseline', type: 'module', private: true }));
	writeFileSync(
		join(dir, 'astro.config.mjs'),
		"import { defineConfig } from 'astro/config';\nexport default defineConfig({ cacheDir: './.cache' });\n",
	);
	writeFileSync(join(dir, 'src/ids.json'), JSON.stringify(Array.from({ length: pages }, (_, i) => String(i))));
	writeFileSync(
		join(dir, 'src/pages/[id].astro'),
		'---\nimport ids from \'../ids.json\';\nexport function getStaticPaths() { return ids.map((id) => ({ params: { id } })); }\nconst { id } = Astro.params;\n---\n<html lang="zh-CN"><head><title>第{id}页</title></head><body><h1>第{id}页</h1></body></html>\n',
	);
	return timed(
		process.execPath,
		[join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'],
		{ ASTRO_TELEMETRY_DISABLED: '1' },
		dir,
	);
}

/** The searchable pages as a Pagefind glob, from SEARCHABLE_ROUTES (e.g. /tasks/[id] → tasks/*\/index.html). */
export function searchableGlob(routes: readonly string[] = SEARCHABLE_ROUTES): string {
	const globs = routes.map((r) => r.replace(/^\//, '').replace(/\[[^\]]+\]/g, '*') + '/index.html');
	return globs.length === 1 ? globs[0]! : `{${globs.join(',')}}`;
}

/**
 * Pagefind's CLI alone over the searchable pages of a finished site (its own output elsewhere): the search half of the
 * floor.
 */
function pagefindCli(dist: string, out: string): Promise<Timed> {
	rmSync(out, { recursive: true, force: true });
	return timed(
		process.execPath,
		[
			join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'),
			'--site',
			dist,
			'--glob',
			searchableGlob(),
			'--output-path',
			out,
		],
		{},
	);
}

/** Whether Debian's hugo is installed (the second floor is measured only then). */
function hugoPath(): string | undefined {
	const r = spawnSync('sh', ['-c', 'command -v hugo'], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Hugo building `pages` trivial pages (the same page count as the site): the second floor's page half. */
function buildHugo(hugo: string, pages: number, dir: string): Promise<Timed> {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(join(dir, 'content/p'), { recursive: true });
	mkdirSync(join(dir, 'layouts/_default'), { recursive: true });
	writeFileSync(
		join(dir, 'config.toml'),
		'baseURL = "/"\nlanguageCode = "zh-CN"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
	);
	const page =
		'<!doctype html><html lang="zh-CN"><head><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1></main></body></html>\n';
	writeFileSync(join(dir, 'layouts/_default/single.html'), page);
	writeFileSync(join(dir, 'layouts/_default/list.html'), page);
	writeFileSync(join(dir, 'layouts/index.html'), page);
	for (let i = 0; i < pages; i++) writeFileSync(join(dir, 'content/p', `${i}.md`), `---\ntitle: "第${i}页"\n---\n`);
	return timed(hugo, ['--quiet', '--source', dir, '--destination', join(dir, 'public')], {}, dir);
}

/** Bytes (gzip) of what the browser fetched for a page, before and after scrolling to its end. */
async function pageBytes(base: string, dist: string, path: string) {
	const browser = await launchChromium();
	const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
	const fetched = new Set<string>();
	page.on('response', (r) => {
		const u = new URL(r.url());
		if (u.origin === new URL(base).origin) fetched.add(u.pathname);
	});
	await page.goto(base + path, { waitUntil: 'networkidle' });
	const sum = () =>
		[...fetched].reduce((n, p) => {
			const f = join(dist, p.endsWith('/') ? p + 'index.html' : p);
			return existsSync(f) ? n + gz(f) : n;
		}, 0);
	const before = sum();
	const domElements = await page.evaluate(() => document.getElementsByTagName('*').length);
	await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
	await page.waitForTimeout(1500);
	await page.waitForLoadState('networkidle');
	const after = sum();
	await browser.close();
	return { before, after, domElements };
}

/**
 * Lighthouse 12.2.3 (the pinned version the budget names): npx fetches it from the npm registry into its cache once;
 * later runs start the cached CLI.
 */
let lighthouseCli: Promise<string> | undefined;

/**
 * Lighthouse mobile (its default: Moto G Power emulation, simulated slow 4G and 4× CPU) with Debian's Chromium, `runs`
 * times
 * (scores move by a few points between runs, more so when other work shares the CPU): every run's scores and the
 * median.
 * Asynchronous on purpose: a synchronous child would block this process, which may be the one serving the pages.
 */
async function lighthouse(base: string, path: string, runs = 3) {
	const { execFile } = await import('node:child_process');
	const { promisify } = await import('node:util');
	const run = promisify(execFile);
	lighthouseCli ??= run('npx', ['-y', '-p', 'lighthouse@12.2.3', '-c', 'command -v lighthouse'], {
		encoding: 'utf8',
	}).then((r) => r.stdout.trim());
	const cli = await lighthouseCli;
	const flags = CHROMIUM_ARGS.join(' ');
	const scores: { performance: number; accessibility: number }[] = [];
	const errors: string[] = [];
	for (let i = 0; i < runs; i++) {
		try {
			const r = await run(
				cli,
				[
					base + path,
					'--quiet',
					'--output=json',
					'--only-categories=performance,accessibility',
					`--chrome-flags=${flags}`,
				],
				{
					env: { ...process.env, CHROME_PATH: CHROMIUM },
					encoding: 'utf8',
					maxBuffer: 256 * 1024 * 1024,
				},
			);
			const j = JSON.parse(r.stdout);
			if (j.runtimeError) throw new Error(`${j.runtimeError.code}: ${j.runtimeError.message}`);
			scores.push({
				performance: Math.round(j.categories.performance.score * 100),
				accessibility: Math.round(j.categories.accessibility.score * 100),
			});
		} catch (e) {
			const err = e as { stderr?: string; message?: string };
			errors.push((err.stderr || err.message || String(e)).trim().split('\n').slice(-3).join(' '));
		}
	}
	return {
		performance: median(scores.map((s) => s.performance)),
		accessibility: median(scores.map((s) => s.accessibility)),
		runs: scores.map((s) => `${s.performance}/${s.accessibility}`).join(' '),
		...(errors.length ? { errors } : {}),
	};
}

/** Synthetic provinces of the portal step: clearly made-up names, so no figure reads as a real province's. */
const PROVINCES = ['合成甲省', '合成乙省', '合成丙省', '合成丁省', '合成戊省', '合成己省'];

/**
 * The national portal over `count` synthetic provincial sites of `tasks` tasks each (seeds seed, seed+1, …; the
 * bench's largest site is the first when it has that size), each served by its own counting server with the CORS
 * headers of ops/nginx.conf: the portal's build time and memory (`npm run portal`, reading each site's /data/ over
 * HTTP), and the journalist queries over the merged indexes.
 */
async function benchPortal(
	count: number,
	tasks: number,
	firstDist: string | undefined,
): Promise<PortalFigures & Record<string, unknown>> {
	const dists: string[] = [];
	const builds: number[] = [];
	for (let i = 0; i < count; i++) {
		if (i === 0 && firstDist) {
			dists.push(firstDist);
			continue;
		}
		const dir = join(work, `province-${i}`);
		const content = join(work, `province-content-${i}`);
		writeSynthetic(content, tasks, Number(values.seed) + i, { siteName: `${PROVINCES[i % PROVINCES.length]}整改公开` });
		log(`portal: building provincial site ${i + 1}/${count} (${tasks} tasks) …`);
		const b = await buildSite(content, dir);
		if (!b.ok) throw new Error(`provincial site ${i + 1} failed: ${b.output.slice(-2000)}`);
		builds.push(+(b.wallMs / 1000).toFixed(2));
		rmSync(content, { recursive: true, force: true });
		dists.push(dir);
	}
	const servers = await Promise.all(dists.map((d) => countingServer(d)));
	const labels = dists.map((_, i) => PROVINCES[i % PROVINCES.length]!);
	const out = join(work, 'portal');
	log(`portal: npm run portal over ${count} sites (read over HTTP) …`);
	const built = await timed(
		process.execPath,
		[
			join(ROOT, 'scripts/portal.ts'),
			'--out',
			out,
			...servers.flatMap((s, i) => ['--site', `${labels[i]}=${s.base}/`]),
		],
		{ AS_OF },
	);
	if (!built.ok) throw new Error(`portal build failed: ${built.output.slice(-2000)}`);
	log(
		`portal: built in ${(built.wallMs / 1000).toFixed(1)} s; ${JOURNALIST_QUERIES.length} journalist queries per scope …`,
	);
	// Through the portal page, as a reader searches: the default scope (titles and numbers) and 所有站点全文.
	const portalServer = await countingServer(out);
	const scopes: Partial<Record<PortalScope, PortalScopeFigures>> = {};
	const scopesEach: Record<string, unknown> = {};
	for (const scope of ['titles', 'all'] as const) {
		const { each, ...figures } = await portalQueryList(portalServer, servers, JOURNALIST_QUERIES, scope, log);
		scopes[scope] = figures;
		scopesEach[scope] = each;
	}
	portalServer.close();
	for (const s of servers) s.close();
	for (const d of dists) if (d !== firstDist) rmSync(d, { recursive: true, force: true });
	return {
		sites: count,
		tasksPerSite: tasks,
		siteBuildSeconds: builds,
		buildSeconds: +(built.wallMs / 1000).toFixed(2),
		peakRssMb: Math.round(built.peakRssMb),
		peakRssByProcessMb: built.peakByRoleMb,
		portalMb: +(sizeOf(walk(out)) / 1048576).toFixed(2),
		scopes,
		scopesEach,
	};
}

/** The journalist query list's figures without its per-query rows (those are reported apart, as queryListEach). */
function listSummary(list: Awaited<ReturnType<typeof queryList>>) {
	const { each: _each, ...summary } = list;
	return summary;
}

const results: (BenchFigures & Record<string, unknown>)[] = [];
/** The floor's stand-in in a bytes-only run: not built, so no time. */
const NOT_TIMED: Timed = { wallMs: NaN, peakRssMb: NaN, peakTreeRssMb: NaN, peakByRoleMb: {}, ok: true, output: '' };

/**
 * Writes the results so far (partial: the run is still going, so a long run that is cut short keeps what it measured).
 */
function save(partial: boolean): void {
	mkdirSync(dirname(resolve(values.out)), { recursive: true });
	const doc = {
		date: new Date().toISOString(),
		partial,
		asOf: AS_OF,
		cpus: cpus().length,
		loadAverage: loadavg(),
		queries: JOURNALIST_QUERIES,
		results,
		budgets: checkBudgets(results),
	};
	writeFileSync(values.out, JSON.stringify(doc, null, 2) + '\n');
}
for (const n of sizes) {
	log(`size ${n}: preparing content`);
	let contentDir = join(ROOT, 'content');
	if (n !== 38) {
		contentDir = join(work, `content-${n}`);
		writeSynthetic(contentDir, n, Number(values.seed));
	}
	const updates = existsSync(join(contentDir, 'updates')) ? walk(join(contentDir, 'updates')).length : 0;
	const dist = join(work, `dist-${n}`);
	log(`size ${n}: production build (${n} tasks, ${updates} updates) …`);
	const site = await buildSite(contentDir, dist);
	if (!site.ok) {
		console.error(site.output.slice(-4000));
		throw new Error(`build failed at ${n} tasks`);
	}
	// The check runs beside the rendering (src/integrations/dist-check.ts): what it adds is its time after the last page.
	const checkMs = Number(/check-dist finished (\d+) ms after the last page/.exec(site.output)?.[1] ?? NaN);
	const files = walk(dist);
	const distBytes = sizeOf(files);
	const pages = files.filter((f) => f.endsWith('.html')).length;
	const pagefindDir = join(dist, 'pagefind');
	const indexBytes = existsSync(pagefindDir) ? sizeOf(walk(pagefindDir)) : 0;
	const sized = files.map((f) => ({ rel: relative(dist, f), bytes: statSync(f).size }));
	const byType = bytesByPageType(sized);
	const outputKbPerTask = kbPerTask(byType, n);
	const outputKbPerTaskByKind = kbPerTask(bytesByFileKind(sized), n);
	log(`size ${n}: output KB per task by page type ${JSON.stringify(outputKbPerTask)}`);
	log(`size ${n}: output KB per task by file kind ${JSON.stringify(outputKbPerTaskByKind)}`);
	log(
		`size ${n}: built ${pages} pages in ${(site.wallMs / 1000).toFixed(1)} s (peak RSS by process: ${JSON.stringify(site.peakByRoleMb)}); the floor: bare Astro with ${pages} trivial pages …`,
	);
	// The floor, each part timed by itself after the build (nothing else of the bench runs meanwhile).
	const baseline = bytesOnly ? NOT_TIMED : await buildBaseline(pages, join(work, `baseline-${n}`));
	if (!baseline.ok) throw new Error(`baseline build failed: ${baseline.output.slice(-2000)}`);
	rmSync(join(work, `baseline-${n}`), { recursive: true, force: true });
	log(
		`size ${n}: bare Astro ${(baseline.wallMs / 1000).toFixed(1)} s; Pagefind's CLI alone over ${searchableGlob()} …`,
	);
	const cli =
		existsSync(pagefindDir) && !bytesOnly ? await pagefindCli(dist, join(work, `pagefind-cli-${n}`)) : undefined;
	if (cli && !cli.ok) throw new Error(`pagefind CLI failed: ${cli.output.slice(-2000)}`);
	rmSync(join(work, `pagefind-cli-${n}`), { recursive: true, force: true });
	const cliPages = Number(/Indexed (\d+) pages?/i.exec(cli?.output ?? '')?.[1] ?? NaN);
	const hugo = bytesOnly ? undefined : hugoPath();
	let hugoRun: Timed | undefined;
	if (hugo) {
		log(
			`size ${n}: Pagefind CLI ${cli ? (cli.wallMs / 1000).toFixed(1) : '–'} s (${cliPages} pages); Hugo (${hugo}) with ${pages} trivial pages …`,
		);
		hugoRun = await buildHugo(hugo, pages, join(work, `hugo-${n}`));
		if (!hugoRun.ok) log(`size ${n}: hugo failed: ${hugoRun.output.slice(-500)}`);
		rmSync(join(work, `hugo-${n}`), { recursive: true, force: true });
	}
	log(`size ${n}: measuring pages in Chromium …`);
	const server = await serveDir(dist, 0);
	const addr = server.address();
	const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
	const taskPath =
		'/tasks/' +
		readdirSync(join(dist, 'tasks'))
			.filter((d) => statSync(join(dist, 'tasks', d)).isDirectory())
			.sort()[0] +
		'/';
	const home = await pageBytes(base, dist, '/');
	const task = await pageBytes(base, dist, taskPath);
	const query = existsSync(pagefindDir) ? await firstQuery(dist, COMMON_QUERY, 3) : undefined;
	const isLargest = n === Math.max(...sizes);
	let list: Awaited<ReturnType<typeof queryList>> | undefined;
	if (existsSync(pagefindDir) && isLargest) {
		log(`size ${n}: ${JOURNALIST_QUERIES.length} journalist queries, one cold browser each …`);
		list = await queryList(dist, JOURNALIST_QUERIES, [], log);
	}
	let lh: Record<string, unknown> | undefined;
	if (values.lighthouse && !bytesOnly) {
		// Served as in production: Debian's nginx with ops/nginx.conf (gzip, cache headers), as the e2e tests run it;
		// without nginx, this process's plain server (no compression) and the figures say so.
		let nginx: { baseUrl: string; stop(): Promise<void> } | undefined;
		try {
			nginx = await (await import('#tests/e2e/nginx.ts')).startNginx(dist);
		} catch (e) {
			log(`size ${n}: nginx unavailable (${String(e).split('\n')[0]}); lighthouse against the node server`);
		}
		const lhBase = nginx?.baseUrl ?? base;
		log(`size ${n}: lighthouse 12.2.3 mobile, 3 runs per page, ${nginx ? 'nginx' : 'node server'} …`);
		lh = {
			server: nginx ? 'nginx (ops/nginx.conf)' : 'node scripts/serve.ts',
			home: await lighthouse(lhBase, '/'),
			task: await lighthouse(lhBase, taskPath),
			search: await lighthouse(lhBase, '/search/'),
		};
		await nginx?.stop();
	}
	server.close();
	let rebuild: Timed | undefined;
	let incrementalFirst: Timed | undefined;
	let incrementalRebuild: Timed | undefined;
	if (isLargest && n !== 38 && !bytesOnly && !values['no-rebuild']) {
		log(`size ${n}: adding one update with npm run update, then building again …`);
		rebuild = await rebuildAfterOneUpdate(contentDir, dist);
		// The opt-in incremental build (docs/scale.md): a first build that fills Astro's cache, then one more update.
		log(`size ${n}: incremental build (--incremental) that fills the cache, then one more update and again …`);
		incrementalFirst = await buildSite(contentDir, dist, true);
		if (incrementalFirst.ok) incrementalRebuild = await rebuildAfterOneUpdate(contentDir, dist, true);
		// Astro's copies of every task page and feed (about 0.5 GB at 10,000 tasks) are of no use once measured.
		const cache = resolve(contentCacheDir(contentDir));
		for (const f of [join(cache, 'dist'), ...Object.values(incrementalCacheFiles(cache))])
			rmSync(f, { recursive: true, force: true });
	}
	const seconds = (t?: Timed) => (t?.ok ? +(t.wallMs / 1000).toFixed(2) : undefined);
	const row: BenchFigures & Record<string, unknown> = {
		tasks: n,
		updates,
		pages,
		buildSeconds: +(site.wallMs / 1000).toFixed(2),
		checkAfterPagesSeconds: +(checkMs / 1000).toFixed(2),
		baselineSeconds: +(baseline.wallMs / 1000).toFixed(2),
		ratio: +(site.wallMs / baseline.wallMs).toFixed(2),
		pagefindCliSeconds: cli ? +(cli.wallMs / 1000).toFixed(2) : undefined,
		pagefindCliPages: cliPages,
		hugoSeconds: hugoRun?.ok ? +(hugoRun.wallMs / 1000).toFixed(2) : undefined,
		hugoVersion: hugo ? spawnSync(hugo, ['version'], { encoding: 'utf8' }).stdout.trim() : undefined,
		peakRssMb: Math.round(site.peakRssMb),
		peakTreeRssMb: Math.round(site.peakTreeRssMb),
		peakRssByProcessMb: site.peakByRoleMb,
		astroRssMb: site.peakByRoleMb.astro,
		pagefindRssMb: site.peakByRoleMb.pagefind,
		pagefindCliRssMb: cli?.peakByRoleMb.pagefind,
		distMb: +(distBytes / 1048576).toFixed(1),
		searchIndexMb: +(indexBytes / 1048576).toFixed(2),
		homeKbGzipBeforeCharts: +(home.before / 1024).toFixed(1),
		homeKbGzipAfterCharts: +(home.after / 1024).toFixed(1),
		homeDomElements: home.domElements,
		// The largest CSV as nginx sends it (issue #16: gzip missed text/csv; charset=utf-8).
		updatesCsvKb: existsSync(join(dist, 'data/updates.csv'))
			? +(statSync(join(dist, 'data/updates.csv')).size / 1024).toFixed(1)
			: undefined,
		updatesCsvKbWire: existsSync(join(dist, 'data/updates.csv'))
			? +(gz(join(dist, 'data/updates.csv')) / 1024).toFixed(1)
			: undefined,
		taskPageKbGzip: +(task.before / 1024).toFixed(1),
		// Compressed bytes as production nginx sends them, page and worker (see scripts/lib/bench-search.ts); median of
		// 3
		// cold runs.
		firstQueryKb: query ? +(query.wireBytes / 1024).toFixed(1) : NaN,
		firstQueryMs: query?.ms ?? NaN,
		firstQueryResults: query?.count ?? -1,
		firstQueryKbByKind:
			query && Object.fromEntries(Object.entries(query.byKind).map(([k, v]) => [k, +(v.wireBytes / 1024).toFixed(1)])),
		queryList: list && listSummary(list),
		queryListEach: list?.each,
		lighthouse: lh,
		outputKbPerTask,
		outputBytesByType: byType,
		outputKbPerTaskByKind,
		timed: !bytesOnly,
		rebuildAfterOneUpdateSeconds: rebuild ? +(rebuild.wallMs / 1000).toFixed(2) : undefined,
		incrementalFirstBuildSeconds: seconds(incrementalFirst),
		incrementalRebuildAfterOneUpdateSeconds: seconds(incrementalRebuild),
		incrementalRebuildRssMb: incrementalRebuild?.ok ? Math.round(incrementalRebuild.peakRssMb) : undefined,
	};
	results.push(row);
	log(`size ${n}: ${JSON.stringify(row)}`);
	save(true);
	// The portal step last: its failure is reported and leaves the site's figures above intact.
	const portalTasks = values['portal-tasks'] === undefined ? n : Number(values['portal-tasks']);
	if (isLargest && portalTasks > 0 && Number(values['portal-sites']) > 0) {
		try {
			row.portal = await benchPortal(Number(values['portal-sites']), portalTasks, portalTasks === n ? dist : undefined);
		} catch (e) {
			log(`portal step failed: ${String(e).slice(0, 2000)}`);
			row.portalError = String(e).slice(0, 2000);
		}
		save(true);
	}
	if (n !== 38) rmSync(contentDir, { recursive: true, force: true });
	rmSync(dist, { recursive: true, force: true });
}

const table = [
	[
		'tasks',
		'updates',
		'pages',
		'build s',
		'check after last page s',
		'bare Astro s',
		'ratio',
		'Pagefind CLI s',
		'Hugo s',
		'Astro MB',
		'Pagefind MB',
		'CLI MB',
		'tree RSS MB',
		'dist MB',
		'index MB',
		'home KB gz',
		'home+charts KB gz',
		'home elements',
		'task KB gz',
		'整改 KB',
		'整改 ms',
	],
	...results.map((r) =>
		[
			r.tasks,
			r.updates,
			r.pages,
			r.buildSeconds,
			r.checkAfterPagesSeconds,
			r.baselineSeconds,
			r.ratio,
			r.pagefindCliSeconds ?? '–',
			r.hugoSeconds ?? '–',
			r.astroRssMb ?? '–',
			r.pagefindRssMb ?? '–',
			r.pagefindCliRssMb ?? '–',
			r.peakTreeRssMb,
			r.distMb,
			r.searchIndexMb,
			r.homeKbGzipBeforeCharts,
			r.homeKbGzipAfterCharts,
			r.homeDomElements ?? '–',
			r.taskPageKbGzip,
			r.firstQueryKb,
			r.firstQueryMs,
		].map(String),
	),
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
console.log('\n' + table.map((row) => row.map((c, i) => c.padStart(widths[i]!)).join('  ')).join('\n'));
console.log(
	'Astro / Pagefind MB: peak RSS of those processes in the build; CLI MB: Pagefind CLI alone; tree RSS MB: all processes of the build at once.',
);
console.log(
	`machine: ${(await import('node:os')).cpus().length} cores, load average at the end ${(await import('node:os'))
		.loadavg()
		.map((x) => x.toFixed(1))
		.join(' ')}`,
);
console.log(
	'\n' +
		kbTable(
			'output KB per task',
			PAGE_TYPES,
			results.map((r) => ({ label: `@${r.tasks}`, kb: r.outputKbPerTask })),
		),
);
console.log(
	kbTable(
		'by file kind',
		FILE_KINDS,
		results.map((r) => ({ label: `@${r.tasks}`, kb: r.outputKbPerTaskByKind })),
	),
);
for (const r of results)
	if (r.updatesCsvKb !== undefined)
		console.log(`updates.csv @${r.tasks}: ${r.updatesCsvKb} KB, ${r.updatesCsvKbWire} KB as nginx sends it`);
console.log(
	'\nreported (no budget):\n' +
		reportedFigures(results)
			.map((l) => '  ' + l)
			.join('\n'),
);
for (const r of results) if (r.lighthouse) console.log(`lighthouse @${r.tasks}: ${JSON.stringify(r.lighthouse)}`);
const budgets = checkBudgets(results);
console.log('\n' + formatBudgets(budgets));
save(false);
console.log(`\nwritten ${values.out}`);
rmSync(work, { recursive: true, force: true });
