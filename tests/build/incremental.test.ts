// The opt-in incremental build (node scripts/build.ts --incremental, docs/scale.md "Incremental build") gives the
// same bytes as a full build of the same content, Pagefind's index included: after one added update (the way
// `npm run update` writes it), after an edited task, after a site-wide change and at a later as-of date (an earlier
// one would refuse the bundled updates published after it).
// The steps share one content tree and its Astro cache, so they run in order; each builds twice, on a small synthetic
// site (SITE_TASKS tasks, every record a sample): the six kinds of change do not need the bundled 38 tasks, and each
// build renders fewer pages on a busy machine.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentCacheDir, incrementalCacheFiles } from '#src/integrations/content-cache.ts';
import { writeSynthetic } from '#scripts/generate-content.ts';
import { AS_OF, build, cleanup, tempDir } from './helpers.ts';

afterAll(cleanup);

/** sha256 of every file under `dir`, by path. */
function hashes(dir: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		out.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
	}
	return out;
}

/** The files that differ between two builds (missing on one side, or other bytes), sorted. */
function differences(a: string, b: string): string[] {
	const ha = hashes(a);
	const hb = hashes(b);
	const names = new Set([...ha.keys(), ...hb.keys()]);
	return [...names].filter((n) => ha.get(n) !== hb.get(n)).sort();
}

/** Tasks of the synthetic site the steps build: enough for a measure and a unit shared by several tasks. */
const SITE_TASKS = 6;

let content = '';
/** The full build after the site-wide change, the reference of the unchanged-content step that follows it. */
let siteFull = '';
let tasks: string[] = [];

/** An incremental build of the content as it is now, into a new temp dir; it passes. */
function buildIncremental(step: string, asOf?: string): { incremental: string; log: string } {
	const incremental = join(tempDir(`incr-${step}`), 'incremental');
	const inc = build(incremental, {
		contentDir: content,
		args: ['--incremental'],
		env: asOf ? { AS_OF: asOf } : undefined,
	});
	expect(inc.status, inc.output.slice(-3000)).toBe(0);
	return { incremental, log: inc.output };
}

/** An incremental build and a full build (--force, no incremental cache) of the content as it is now; both pass. */
function buildBoth(step: string, asOf?: string): { incremental: string; full: string; log: string } {
	const { incremental, log } = buildIncremental(step, asOf);
	const full = join(dirname(incremental), 'full');
	const ref = build(full, { contentDir: content, args: ['--force'], env: asOf ? { AS_OF: asOf } : undefined });
	expect(ref.status, ref.output.slice(-3000)).toBe(0);
	return { incremental, full, log };
}

/** The per-task files the incremental build took from its cache instead of rendering. */
const restored = (log: string) => [...log.matchAll(/(\/\S+) \(restored\)/g)].map((m) => m[1]!);

beforeAll(() => {
	content = join(tempDir('incr-content'), 'content');
	writeSynthetic(content, SITE_TASKS);
	tasks = readdirSync(join(content, 'tasks'))
		.map((f) => f.replace(/\.json$/, ''))
		.sort();
	// The first incremental build of this content directory: it renders everything and fills the cache.
	const first = build(join(tempDir('incr-first'), 'dist'), { contentDir: content, args: ['--incremental'] });
	expect(first.status, first.output.slice(-3000)).toBe(0);
	expect(restored(first.output)).toEqual([]);
}, 180_000);

describe('incremental build (--incremental) against a full build', () => {
	it('after one added update: only that task is rendered again, and every file is identical', () => {
		// As the bench does (scripts/bench.ts, rebuildAfterOneUpdate): the first task that accepts a new report.
		const task = tasks.find(
			(t) =>
				spawnSync(
					process.execPath,
					[
						'scripts/update.ts',
						...['--content-dir', content, '--task', t, '--status', 'on_track'],
						...['--fact-date', AS_OF, '--published-date', AS_OF, '--title', '测试追加的一条进展'],
						...['--text', '仅用于增量构建测试。', '--provenance', 'sample', '--note', '测试数据。'],
					],
					{ encoding: 'utf8', env: { ...process.env, AS_OF } },
				).status === 0,
		);
		expect(task).toBeDefined();
		const { incremental, full, log } = buildBoth('update');
		const skipped = restored(log);
		// Every other task's page and feed came from the cache: the comparison below is about restored files.
		expect(skipped).toHaveLength(2 * (tasks.length - 1));
		expect(skipped).not.toContain(`/tasks/${task}/index.html`);
		expect(skipped).not.toContain(`/feeds/tasks/${task}.xml`);
		expect(differences(incremental, full)).toEqual([]);
	});

	it('after an edited task record: the other tasks of its measure and units are unchanged, and every file is identical', () => {
		const task = tasks[1]!;
		const file = join(content, 'tasks', `${task}.json`);
		const record = JSON.parse(readFileSync(file, 'utf8')) as { title: string };
		writeFileSync(file, JSON.stringify({ ...record, title: `${record.title}（增量构建测试改）` }, null, 2) + '\n');
		const { incremental, full, log } = buildBoth('task');
		const skipped = restored(log);
		expect(skipped).toHaveLength(2 * (tasks.length - 1));
		expect(skipped).not.toContain(`/tasks/${task}/index.html`);
		expect(differences(incremental, full)).toEqual([]);
	});

	it('after a site-wide change (a unit renamed): every task page is rendered again, and every file is identical', () => {
		const file = join(content, 'units.json');
		const units = JSON.parse(readFileSync(file, 'utf8')) as { name: string }[];
		units[0]!.name = `${units[0]!.name}（增量构建测试改）`;
		writeFileSync(file, JSON.stringify(units, null, 2) + '\n');
		const { incremental, full, log } = buildBoth('site');
		siteFull = full;
		expect(restored(log)).toEqual([]);
		expect(differences(incremental, full)).toEqual([]);
	});

	it('unchanged content: every task page and feed comes from the cache, and every file is identical', () => {
		// The site step's incremental build filled the cache for this content and date; its full build is the reference.
		const { incremental, log } = buildIncremental('unchanged');
		expect(restored(log)).toHaveLength(2 * tasks.length);
		expect(differences(incremental, siteFull)).toEqual([]);
	});

	it('a build stopped before its end leaves no stale page: the next one starts from no cache', () => {
		// What a build stopped mid-way leaves (measured with SIGINT, docs/scale.md): a newer copy of a page in Astro's
		// cache (here: a changed title) under the manifest's older key.
		const cache = resolve(contentCacheDir(content));
		const { manifest, pending } = incrementalCacheFiles(cache);
		const task = tasks[2]!;
		const copy = join(cache, 'dist', 'tasks', task, 'index.html');
		expect(existsSync(manifest) && existsSync(copy)).toBe(true);
		expect(existsSync(pending)).toBe(false);
		writeFileSync(copy, readFileSync(copy, 'utf8').replace(/<title>/, '<title>未发布的改动 '));
		// Without the marker Astro restores that copy, and the site differs from a full build of the same content.
		// The content is still that of the site step, so its full build is the reference here too.
		const stale = buildIncremental('stale');
		expect(restored(stale.log)).toContain(`/tasks/${task}/index.html`);
		expect(differences(stale.incremental, siteFull)).toContain(`tasks/${task}/index.html`);
		// With the marker the stopped build leaves (scripts/build.ts), the manifest is dropped and all is rendered again.
		writeFileSync(pending, 'stopped\n');
		const { incremental, log } = buildIncremental('after-stop');
		expect(restored(log)).toEqual([]);
		expect(existsSync(pending)).toBe(false);
		expect(differences(incremental, siteFull)).toEqual([]);
	});

	it('at a later as-of date: every task page is rendered again, and every file is identical', () => {
		const { incremental, full, log } = buildBoth('as-of', '2021-12-31');
		expect(restored(log)).toEqual([]);
		expect(differences(incremental, full)).toEqual([]);
	});
});
