// Runs the real build wrapper (scripts/build.ts) the way `npm run build` does, into temp dirs.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The as-of date of every test build. */
export const AS_OF = '2021-06-30';

const made: string[] = [];

/** A new empty temp dir, removed by cleanup(). */
export function tempDir(prefix: string): string {
	const d = mkdtempSync(join(tmpdir(), `zhenggai-${prefix}-`));
	made.push(d);
	return d;
}

/** Removes every temp dir made so far. */
export function cleanup(): void {
	for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A copy of content/ in a temp dir, to break or decorate in a test. */
export function contentCopy(): string {
	const dir = join(tempDir('content'), 'content');
	cpSync('content', dir, { recursive: true });
	return dir;
}

/** Runs `node scripts/build.ts --out <out> …args` with AS_OF fixed (or as `env` sets it); returns status and output. */
export function build(
	out: string,
	opts: { contentDir?: string; args?: string[]; env?: Record<string, string> } = {},
): { status: number | null; output: string } {
	const env: NodeJS.ProcessEnv = { ...process.env, AS_OF, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...opts.env };
	if (opts.contentDir) env.CONTENT_DIR = opts.contentDir;
	else delete env.CONTENT_DIR;
	// Only --incremental (or opts.env) turns the incremental build on, never the caller's environment.
	if (!opts.env?.INCREMENTAL_BUILD) delete env.INCREMENTAL_BUILD;
	const r = spawnSync(process.execPath, ['scripts/build.ts', '--out', out, ...(opts.args ?? [])], {
		env,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

/** Leftover staging or old-output directories of the build wrapper next to `out`. */
export function leftovers(parent: string): string[] {
	return readdirSync(parent).filter((n) => /\.(staging|old)-/.test(n));
}
