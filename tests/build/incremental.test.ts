// The opt-in incremental build (node scripts/build.ts --incremental, docs/scale.md "Incremental build") gives the
// same bytes as a full build of the same content, Pagefind's index included: after one added update (the way
// `npm run update` writes it), after an edited task, after a site-wide change and at a later as-of date (an earlier
// one would refuse the bundled updates published after it).
// The steps share one content copy and its Astro cache, so they run in order; each builds twice (about 15 s).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentCacheDir, incrementalCacheFiles } from '#src/integrations/content-cache.ts';
import { AS_OF, build, cleanup, contentCopy, tempDir } from './helpers.ts';

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

let content = '';
let tasks: string[] = [];

/** An incremental build and a full build (--force, no incremental cache) of the content as it is now; both pass. */
function buildBoth(step: string, asOf?: string): { incremental: string; full: string; log: string } {
	const parent = tempDir(`incr-${step}`);
	const env = asOf ? { AS_OF: asOf } : undefined;
	const incremental = join(parent, 'incremental');
	const inc = build(incremental, { contentDir: content, args: ['--incremental'], env });
	expect(inc.status, inc.output.slice(-3000)).toBe(0);
	const full = join(parent, 'full');
	const ref = build(full, { contentDir: content, args: ['--force'], env });
	expect(ref.status, ref.output.slice(-3000)).toBe(0);
	return { incremental, full, log: inc.output };
}

/** The per-task files the incremental build took from its cache instead of rendering. */
const restored = (log: string) => [...log.matchAll(/(\/\S+) \(restored\)/g)].map((m) => m[1]!);

beforeAll(() => {
	content = contentCopy();
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
		expect(restored(log)).toEqual([]);
		expect(differences(incremental, full)).toEqual([]);
	});

	it('at a later as-of date: every task page is rendered again, and every file is identical', () => {
		const { incremental, full, log } = buildBoth('as-of', '2021-12-31');
		expect(restored(log)).toEqual([]);
		expect(differences(incremental, full)).toEqual([]);
	});

	it('unchanged content: every task page and feed comes from the cache, and every file is identical', () => {
		// Two builds at the same date in a row: the second restores everything keyed from the first.
		const warm = build(join(tempDir('incr-warm'), 'dist'), { contentDir: content, args: ['--incremental'] });
		expect(warm.status, warm.output.slice(-3000)).toBe(0);
		const { incremental, full, log } = buildBoth('unchanged');
		expect(restored(log)).toHaveLength(2 * tasks.length);
		expect(differences(incremental, full)).toEqual([]);
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
		const stale = buildBoth('stale');
		expect(restored(stale.log)).toContain(`/tasks/${task}/index.html`);
		expect(differences(stale.incremental, stale.full)).toContain(`tasks/${task}/index.html`);
		// With the marker the stopped build leaves (scripts/build.ts), the manifest is dropped and all is rendered again.
		writeFileSync(pending, 'stopped\n');
		const { incremental, full, log } = buildBoth('after-stop');
		expect(restored(log)).toEqual([]);
		expect(existsSync(pending)).toBe(false);
		expect(differences(incremental, full)).toEqual([]);
	});
});
