import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { RenderedFileObserver } from './pagefind.ts';
import { TEXT_FILE } from './dist-check/leaks.ts';

/**
 * Files that integrations write at astro:build:done, after the page check has started (@astrojs/sitemap's index,
 * linked from /sitemap/ and robots.txt). The check counts links to them as resolved; the last hook checks they exist.
 */
const LATER_FILES = ['sitemap-index.xml'];

/**
 * What the text gate's findings do to the build (src/integrations/dist-check/text-gate.ts): 'fail' refuses the build
 * (the bundled content, the hkk-02-only and other-plan fixtures and a 1,000-task synthetic site have none); 'report'
 * only lists how many there are.
 */
const TEXT_GATE: 'fail' | 'report' = 'fail';

interface CheckResult {
	problems: { file: string; message: string }[];
	report: string;
}

/** A check running in its own process: it checks the files named on its standard input, then the whole directory. */
interface RunningCheck {
	/** Names a file the build is writing. */
	rendered(file: string): void;
	/** Ends the input; resolves with what the check found. */
	finish(): Promise<CheckResult>;
}

/**
 * Starts scripts/check-dist.ts --stream --json in its own process at the lowest CPU priority: Astro's rendering thread
 * is the build's critical path, and while the searchable pages render Astro waits for Pagefind (nice 10), so the check
 * takes only the time those two leave. Astro writes a file after rendering it and before rendering the next
 * (build.concurrency 1), so each file is named to the check when the next one has rendered: by then it is on disk. A
 * file the check finds missing or different later is read again when the build is done (DistChecker.finish).
 */
function startChecker(script: string, args: string[]): RunningCheck {
	const child = spawn(process.execPath, [script, ...args, '--stream', '--json'], {
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	try {
		if (child.pid) setPriority(child.pid, 19);
	} catch {
		// Not permitted here: the priority is only an optimisation.
	}
	let out = '';
	let err = '';
	child.stdout.on('data', (d: Buffer) => (out += d));
	child.stderr.on('data', (d: Buffer) => (err += d));
	// A check that died is reported by finish(), with its output; writes to its closed pipe are ignored until then.
	child.stdin.on('error', () => undefined);
	const result = new Promise<CheckResult>((resolve, reject) => {
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
	result.catch(() => undefined); // awaited in finish()
	let previous: string | undefined;
	const send = (line: string) => {
		if (!child.stdin.destroyed) child.stdin.write(`${line}\n`);
	};
	return {
		rendered(file) {
			// Text files, and workbooks (the text gate reads their rows).
			if (!(TEXT_FILE.test(file) || file.endsWith('.xlsx')) || file.includes('\n')) return;
			if (previous) send(previous);
			previous = file;
		},
		finish() {
			if (previous) send(previous);
			// An empty line ends the input: a check whose input ends without it (the build died) checks nothing.
			send('');
			child.stdin.end();
			return result;
		},
	};
}

/**
 * Checks the built site (scripts/check-dist.ts: links, titles, CSP, leaks, html-validate sample) as part
 * of the build. The check runs in a second process from the start of the build: the prerenderer hands it every text
 * file as it renders (`observer`), so pages are checked on the second core while later ones render; once all are
 * written it lists the output, reads what it was not handed (or what differs on disk) and checks the links across
 * pages. Then Pagefind's text files (scripts, styles, JSON; its .pf_* chunks are binary) are scanned for leaks here.
 * Any problem fails the build, so `npm run build` never publishes it.
 */
export function distCheck(): AstroIntegration & { observer: RenderedFileObserver } {
	let script = '';
	let root: URL | undefined;
	let outDir = '';
	let running: RunningCheck | undefined;
	let pages: Promise<CheckResult> | undefined;
	return {
		name: 'zhenggai:dist-check',
		// Handed to the prerenderer (src/integrations/pagefind.ts, see astro.config.mjs): the files as they render.
		observer: (file) => running?.rendered(file),
		hooks: {
			'astro:config:done': ({ config }) => {
				root = config.root;
				script = fileURLToPath(new URL('./scripts/check-dist.ts', config.root));
				outDir = fileURLToPath(config.outDir);
			},
			'astro:build:start': () => {
				// .prerender/ is Astro's own scratch directory, deleted right after astro:build:generated.
				const later = LATER_FILES.flatMap((f) => ['--later-file', f]);
				const gate = ['--text-gate', TEXT_GATE];
				const skip = ['--skip-dir', 'pagefind', '--skip-dir', '.prerender'];
				running = startChecker(script, [outDir, ...skip, ...later, ...gate]);
			},
			'astro:build:generated': () => {
				if (!running) throw new Error('check-dist: astro:build:start did not run');
				// Every page is written: the check now lists the directory and reads what it was not handed.
				const lastPage = performance.now();
				pages = running.finish().then((r) => ({
					...r,
					report: `${r.report}\ncheck-dist finished ${Math.round(performance.now() - lastPage)} ms after the last page`,
				}));
				running = undefined;
				pages.catch(() => undefined); // awaited in astro:build:done
			},
			'astro:build:done': async ({ dir, logger }) => {
				if (!pages) throw new Error('check-dist: astro:build:generated did not run');
				// Imported only now: the checker pulls in html-validate, which the config load does not need.
				const { checkLeaksUnder } = (await import(
					new URL('./src/integrations/dist-check/checker.ts', root).href
				)) as typeof import('./dist-check/checker.ts');
				const started = performance.now();
				const index = checkLeaksUnder(fileURLToPath(dir), 'pagefind');
				// The search sentences Pagefind indexed, through the text gate (written only now).
				const { searchTextFindings, subjectsOfSite } = (await import(
					new URL('./src/integrations/dist-check/text-gate.ts', root).href
				)) as typeof import('./dist-check/text-gate.ts');
				const search = searchTextFindings(fileURLToPath(dir), subjectsOfSite(fileURLToPath(dir)));
				if (TEXT_GATE === 'fail') index.problems.push(...search.findings);
				const indexReport = `check-dist pagefind/: ${index.textFilesScanned} text files scanned for leaks; ${search.read} search sentences read, ${search.findings.length} state a verdict without its basis; ${index.problems.length ? `✗ ${index.problems.length} problem(s)` : 'OK'} in ${Math.round(performance.now() - started)} ms${index.problems.map((p) => `\n  ${p.file}: ${p.message}`).join('')}`;
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
