#!/usr/bin/env node
// npm run build — all or nothing: `astro build` into a staging directory next to the output (the build
// checks its own output with scripts/check-dist.ts, see src/integrations/dist-check.ts), and only then
// the staging directory replaces dist/. A content error or a failed check leaves the previous dist/
// exactly as it was and no staging directory.
// Usage: node scripts/build.ts [--out DIR] [--incremental] [astro build flags, e.g. --force]
// AS_OF, CONTENT_DIR and SITE_URL pass through to Astro unchanged. --incremental (or INCREMENTAL_BUILD=1) turns on
// Astro's incremental build: task pages and feeds whose cache key and code are unchanged since the last incremental
// build of the same content directory are restored from Astro's cache instead of rendered (docs/scale.md).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { asOfFromEnv, exit } from './lib/cli.ts';
import { contentCacheDir, incrementalBuild, incrementalCacheFiles } from '#src/integrations/content-cache.ts';
import { isReleaseBuild } from '#src/lib/content/release.ts';
import { keepPublishedLedger, releaseGate } from './lib/release-ledger.ts';

const started = performance.now();
const args = process.argv.slice(2);
const incrementalAt = args.indexOf('--incremental');
if (incrementalAt >= 0) args.splice(incrementalAt, 1);
const incremental = incrementalAt >= 0 || incrementalBuild();
let out = 'dist';
const outAt = args.indexOf('--out');
if (outAt >= 0) {
	out = args[outAt + 1] ?? '';
	args.splice(outAt, 2);
}
if (!out || args.some((a) => a.startsWith('--outDir'))) {
	console.error('usage: node scripts/build.ts [--out DIR] [astro build flags] (use --out, not --outDir)');
	exit(2);
}
const target = resolve(out);
if (!existsSync(dirname(target)) || !statSync(dirname(target)).isDirectory()) {
	console.error(
		`[build] 输出目录的上级文件夹不存在：${dirname(target)} / the parent folder of --out does not exist\n    → 先创建它（mkdir -p ${dirname(target)}），或换一个输出目录。`,
	);
	exit(2);
}
// Resolved once here, before anything is written, so the whole build (and a build that runs past midnight) uses one
// date.
const asOf = asOfFromEnv('[build] ');
// A release build is the act of publication: checked against the previous published site first (--previous).
const release = isReleaseBuild() ? await releaseGate(args, target, asOf) : undefined;
// Same parent as the target, so the final rename stays on one filesystem.
const staging = mkdtempSync(join(dirname(target), `.${basename(target)}.staging-`));
const cleanup = () => rmSync(staging, { recursive: true, force: true });
const fail = (code: number, message: string): never => {
	cleanup();
	console.error(message);
	exit(code);
};
// An incremental build that did not succeed may have left page copies in Astro's cache that its old keys would
// restore: until this one succeeds a marker says so, and the next incremental build then starts from no cache.
const incrementalCache = incrementalCacheFiles(resolve(contentCacheDir()));
if (incremental) {
	if (existsSync(incrementalCache.pending)) rmSync(incrementalCache.manifest, { force: true });
	mkdirSync(dirname(incrementalCache.pending), { recursive: true });
	writeFileSync(incrementalCache.pending, `incremental build started ${new Date().toISOString()}\n`);
}
// Asynchronous, so an interrupt reaches this process while Astro runs (a synchronous child held the
// signal until the build had finished and been swapped in): Astro is stopped and nothing is published.
const astro = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', staging, ...args], {
	stdio: 'inherit',
	env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env, AS_OF: asOf, INCREMENTAL_BUILD: incremental ? '1' : '0' },
});
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
	process.on(signal, () => {
		interrupted = true;
		astro.kill(signal);
	});
const status = await new Promise<number | null>((done) => astro.on('close', (code) => done(code)));
if (interrupted) fail(130, `[build] interrupted; ${out}/ unchanged`);
if (status !== 0) fail(status ?? 1, `[build] the build or its checks failed; ${out}/ unchanged`);
if (incremental) rmSync(incrementalCache.pending, { force: true });
const refusal = release?.refusal(staging);
if (refusal) fail(1, refusal);
const registered = release ? release.register(staging) : keepPublishedLedger(target, staging);

// Swap: move the old output aside, move the checked build in, then delete the old one.
const old = existsSync(target) ? mkdtempSync(join(dirname(target), `.${basename(target)}.old-`)) : undefined;
if (old) renameSync(target, join(old, 'site'));
try {
	renameSync(staging, target);
} catch (e) {
	if (old) renameSync(join(old, 'site'), target);
	fail(1, `[build] could not move the build into ${out}/: ${String(e)}`);
}
if (old) rmSync(old, { recursive: true, force: true });
registered?.commit();
console.log(
	`[build] ${out}/ replaced: as of ${asOf}${incremental ? ', incremental' : ''}, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
