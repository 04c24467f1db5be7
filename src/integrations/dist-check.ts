import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Files that integrations write at astro:build:done, after the page check has started (@astrojs/sitemap's index,
 * linked from /sitemap/ and robots.txt). The check counts links to them as resolved; the last hook checks they exist.
 */
const LATER_FILES = ['sitemap-index.xml'];

interface CheckResult {
	problems: { file: string; message: string }[];
	report: string;
}

/** Runs scripts/check-dist.ts in its own process with --json; resolves with what it found. */
function runChecker(script: string, args: string[]): Promise<CheckResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [script, ...args, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let err = '';
		child.stdout.on('data', (d: Buffer) => (out += d));
		child.stderr.on('data', (d: Buffer) => (err += d));
		child.on('error', reject);
		child.on('close', (code) => {
			try {
				if (code !== 0) throw new Error(`exit code ${code}`);
				resolve(JSON.parse(out) as CheckResult);
			} catch (e) {
				reject(new Error(`check-dist did not run: ${String(e)}\n${err.slice(-2000)}`));
			}
		});
	});
}

/**
 * Checks the built site (scripts/check-dist.ts: links, titles, CSP, leaks, html-validate sample) as part
 * of the build. The pages are checked in a second process as soon as they are all written, while Pagefind
 * writes its index (at 10,000 tasks both take tens of seconds, and each keeps one core busy); then
 * Pagefind's text files (scripts, styles, JSON; its .pf_* chunks are binary) are scanned for leaks here.
 * Any problem fails the build, so `npm run build` never publishes it.
 */
export function distCheck(): AstroIntegration {
	let script = '';
	let pages: Promise<CheckResult> | undefined;
	return {
		name: 'zhenggai:dist-check',
		hooks: {
			'astro:config:done': ({ config }) => {
				script = fileURLToPath(new URL('./scripts/check-dist.ts', config.root));
			},
			'astro:build:generated': ({ dir }) => {
				// .prerender/ is Astro's own scratch directory, deleted right after this hook.
				const later = LATER_FILES.flatMap((f) => ['--later-file', f]);
				pages = runChecker(script, [
					fileURLToPath(dir),
					'--skip-dir',
					'pagefind',
					'--skip-dir',
					'.prerender',
					...later,
				]);
				pages.catch(() => undefined); // awaited in astro:build:done
			},
			'astro:build:done': async ({ dir, logger }) => {
				if (!pages) throw new Error('check-dist: astro:build:generated did not run');
				// Imported only now: the checker pulls in html-validate, which the config load does not need.
				const { checkLeaksUnder } = (await import(
					pathToFileURL(script).href
				)) as typeof import('../../scripts/check-dist.ts');
				const started = performance.now();
				const index = checkLeaksUnder(fileURLToPath(dir), 'pagefind');
				const indexReport = `check-dist pagefind/: ${index.textFilesScanned} text files scanned for leaks; ${index.problems.length ? `✗ ${index.problems.length} problem(s)` : 'OK'} in ${Math.round(performance.now() - started)} ms${index.problems.map((p) => `\n  ${p.file}: ${p.message}`).join('')}`;
				// The files the check took on trust because later hooks write them must exist now.
				const unwritten = LATER_FILES.filter((f) => !existsSync(fileURLToPath(new URL(f, dir))));
				const later = {
					problems: unwritten.map((file) => ({ file, message: 'expected after the build, not written' })),
					report: unwritten.map((f) => `✗ ${f}: expected after the build, not written`).join('\n'),
				};
				const results = [await pages, { problems: index.problems, report: indexReport }, later];
				pages = undefined;
				const report = results
					.map((r) => r.report)
					.filter(Boolean)
					.join('\n');
				if (results.some((r) => r.problems.length))
					throw new Error(`${report}\n构建后的网站未通过检查 / the built site failed its checks; nothing is published`);
				for (const line of report.split('\n')) logger.info(line);
			},
		},
	};
}
