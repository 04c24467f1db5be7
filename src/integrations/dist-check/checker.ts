// The dist check's engine: what one built file allows on its own (page facts, leaks, judgment marks), then links
// across pages. scripts/check-dist.ts is its CLI; the build runs that CLI beside the rendering (../dist-check.ts).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { HtmlValidate } from 'html-validate';
import { metaPolicy, parsePolicy } from '#src/lib/publish/csp.ts';
import { pageFacts, type PageFacts } from './html-facts.ts';
import { STRAY_FILE, TEXT_FILE, findLeaks, secretEnvLiterals, type ForbiddenLiteral } from './leaks.ts';
import { judgmentMarkProblems } from './judgment-marks.ts';
import { searchTextFindings, subjectsOfSite, textGateFindings, unmarkedUnitsOf, type TextUnit } from './text-gate.ts';
import { resolveLink, targetOf, urlPathOf } from './links.ts';
import { workbookUnits } from './workbook-text.ts';
import { oversizedPages, VALIDATE_MAX_BYTES, validationSample } from './validation-sample.ts';

/** A problem in the output: the file (relative to the checked directory) and what is wrong. */
export interface DistProblem {
	file: string;
	message: string;
}

/** What was checked, for the summary line. */
export interface DistStats {
	files: number;
	pages: number;
	internalLinks: number;
	fragments: number;
	externalLinks: number;
	textFilesScanned: number;
	forbiddenLiterals: number;
	validated: string[];
	/** Pages over the html-validate size cap (structural checks only). */
	tooLargeToValidate: string[];
	/** The text gate (text-gate.ts): units of text read (lines, rows, feed items, search sentences) and its findings. */
	textUnits: number;
	textFindings: number;
	ms: number;
}

/** Options of a check; the defaults fit a build of this repository. */
export interface CheckOptions {
	/** Literal strings that must appear in no file (editor names, machine paths, secret values). */
	forbidden?: ForbiddenLiteral[];
	/** Run html-validate on the sampled pages (default true). */
	validate?: boolean;
	/** html-validate configuration (default: .htmlvalidate.json of the current directory). */
	htmlValidateConfig?: Record<string, unknown>;
	/** Top-level directories left out (the build checks pagefind/ separately, once Pagefind has written it). */
	skipDirs?: string[];
	/**
	 * Files written after the check starts (the build starts it as soon as the pages are generated; the sitemap
	 * integration writes sitemap-index.xml later): links to them count as resolved, and the build checks that they
	 * exist once it is done.
	 */
	laterFiles?: string[];
	/** What the text gate's findings are (text-gate.ts): problems that fail the check (default), or report lines. */
	textGate?: 'fail' | 'report';
}

function listFiles(dir: string, skipDirs: readonly string[] = []): string[] {
	const out: string[] = [];
	const walk = (d: string) => {
		for (const entry of readdirSync(d, { withFileTypes: true })) {
			const p = join(d, entry.name);
			if (entry.isDirectory()) {
				if (d !== dir || !skipDirs.includes(entry.name)) walk(p);
			} else out.push(relative(dir, p).split('\\').join('/'));
		}
	};
	walk(dir);
	return out.sort();
}

/** The leaks in one file's text, as problems of that file. */
function leakProblems(file: string, text: string, forbidden: ForbiddenLiteral[]): DistProblem[] {
	return findLeaks(text, forbidden).map((leak) => ({
		file,
		message: `line ${leak.line}: ${leak.kind}: ${leak.excerpt}`,
	}));
}

/**
 * Stray files and leaks in a list of files under `root`; pushes problems, returns how many text files were scanned.
 * `alreadyRead` holds the leaks of files scanned while they were read for another check (each file is read once).
 */
function scanFiles(
	root: string,
	files: readonly string[],
	forbidden: ForbiddenLiteral[],
	problems: DistProblem[],
	alreadyRead = new Map<string, DistProblem[]>(),
): number {
	let scanned = 0;
	for (const f of files) {
		if (STRAY_FILE.test(f)) problems.push({ file: f, message: 'stray editor or system file' });
		if (!TEXT_FILE.test(f)) continue;
		scanned += 1;
		problems.push(...(alreadyRead.get(f) ?? leakProblems(f, readFileSync(join(root, f), 'utf8'), forbidden)));
	}
	return scanned;
}

/** The stray-file and leak checks over one top-level directory of a built site (its search index, say). */
export function checkLeaksUnder(
	dir: string,
	sub: string,
	forbidden: ForbiddenLiteral[] = defaultForbidden(),
): { problems: DistProblem[]; textFilesScanned: number } {
	const root = resolve(dir);
	const problems: DistProblem[] = [];
	const files = listFiles(join(root, sub)).map((f) => `${sub}/${f}`);
	return { problems, textFilesScanned: scanFiles(root, files, forbidden, problems) };
}

/** The meta policy the build must emit (src/lib/publish/csp.ts). */
function expectedMetaPolicy(): Map<string, string[]> {
	return parsePolicy(metaPolicy());
}

/** The directives where `actual` differs from `expected`, as "name: actual ≠ expected" (empty when equal). */
function policyDiff(actual: Map<string, string[]>, expected: Map<string, string[]>): string[] {
	const names = [...new Set([...actual.keys(), ...expected.keys()])].sort();
	const show = (v: string[] | undefined) => (v ? `"${v.join(' ')}"` : '(absent)');
	return names
		.filter((k) => actual.get(k)?.join(' ') !== expected.get(k)?.join(' '))
		.map((k) => `${k}: ${show(actual.get(k))} ≠ ${show(expected.get(k))}`);
}

// Hosting services commit merges in their own name; those are not people.
const SERVICE_IDENTITY = /^(?:GitHub|GitLab|Gitee|Bitbucket|Forgejo|Gitea|web-flow|noreply@github\.com|.*\[bot\].*)$/i;

/** Names and e-mails of everyone who committed to this checkout, and of the git user building it. */
export function editorIdentities(cwd = process.cwd()): ForbiddenLiteral[] {
	const run = (args: string[]) => {
		try {
			return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
		} catch {
			return '';
		}
	};
	const values = new Set(
		[
			...run(['log', '--format=%an%n%ae%n%cn%n%ce']).split('\n'),
			run(['config', 'user.name']),
			run(['config', 'user.email']),
		]
			.map((s) => s.trim())
			.filter((s) => s.length >= 2 && !SERVICE_IDENTITY.test(s)),
	);
	// Latin names match as whole words only ("Ann" must not flag "Annual"); CJK names as written.
	return [...values].sort().map((value) => ({ label: 'editor name', value, word: /^[\x20-\x7e]+$/.test(value) }));
}

/** The forbidden literals of a build on this machine: editor identities, the checkout's path, secret env values. */
export function defaultForbidden(cwd = process.cwd()): ForbiddenLiteral[] {
	const root = resolve(cwd);
	return [
		...editorIdentities(cwd),
		...(root.length > 1 ? [{ label: 'path of the checkout', value: root }] : []),
		...secretEnvLiterals(process.env),
	];
}

function checkPage(file: string, facts: PageFacts, origin: string, problems: DistProblem[]) {
	const path = urlPathOf(file);
	const add = (message: string) => problems.push({ file, message });
	if (!facts.lang?.trim()) add('<html> has no lang attribute');
	if (facts.titles.length !== 1 || !facts.titles[0])
		add(
			`needs exactly one non-empty <title>, found ${facts.titles.length === 1 ? 'an empty one' : facts.titles.length}`,
		);
	if (facts.h1Count !== 1) add(`needs exactly one <h1>, found ${facts.h1Count}`);
	if (facts.canonicals.length !== 1) add(`needs exactly one <link rel="canonical">, found ${facts.canonicals.length}`);
	else {
		const want = origin + path;
		if (facts.canonicals[0] !== want) add(`canonical URL is "${facts.canonicals[0]}", expected "${want}"`);
	}
	if (facts.cspMetas.length !== 1)
		add(`needs exactly one Content-Security-Policy <meta>, found ${facts.cspMetas.length}`);
	else {
		const diff = policyDiff(parsePolicy(facts.cspMetas[0]!), expectedMetaPolicy());
		if (diff.length)
			add(`Content-Security-Policy <meta> differs from src/lib/publish/csp.ts (page ≠ expected): ${diff.join('; ')}`);
	}
	if (facts.inlineScripts)
		add(`${facts.inlineScripts} inline <script> element(s): the CSP header allows only bundled scripts`);
	if (facts.inlineStyles) add(`${facts.inlineStyles} <style> element(s): the CSP header allows only stylesheets`);
	if (facts.styleAttrs) add(`${facts.styleAttrs} style="" attribute(s): blocked by the CSP (use a class)`);
	for (const h of facts.handlerAttrs) add(`event-handler attribute ${h}: blocked by the CSP (use a bundled script)`);
	for (const id of new Set(facts.duplicateIds)) add(`duplicate id="${id}"`);
	// A judgment about a sample never without its visible mark (scripts/lib/dist-check/judgment-marks.ts).
	for (const m of judgmentMarkProblems(facts)) add(m);
}

/** What one file gave when it was read: its length in bytes, its leaks and, for a page, its facts. */
interface FileSeen {
	bytes: number;
	leaks: DistProblem[];
	facts?: PageFacts;
	/** Units of text read by the text gate, and those stating a verdict without a mark. */
	text: { read: number; unmarked: TextUnit[] };
}

/** url(...) in stylesheets must resolve too (fonts, images), and stay on the site's origin. */
function checkStylesheets(
	root: string,
	files: readonly string[],
	origin: string,
	fileSet: ReadonlySet<string>,
	problems: DistProblem[],
): void {
	for (const f of files.filter((x) => x.endsWith('.css'))) {
		const css = readFileSync(join(root, f), 'utf8');
		for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
			const r = resolveLink(m[2]!, urlPathOf(f), origin);
			if (r.kind === 'external')
				problems.push({ file: f, message: `loads a resource from another origin: url(${m[2]})` });
			else if (r.kind === 'internal' && !targetOf(r.path, fileSet).ok)
				problems.push({ file: f, message: `broken link url(${m[2]})` });
		}
	}
}

/** html-validate over a sample of the pages; the sample and the pages too large for it go into the stats. */
async function validateHtml(
	root: string,
	htmlFiles: readonly string[],
	sizes: ReadonlyMap<string, number>,
	options: CheckOptions,
	problems: DistProblem[],
	stats: DistStats,
): Promise<void> {
	const config = options.htmlValidateConfig ?? JSON.parse(readFileSync('.htmlvalidate.json', 'utf8'));
	const validator = new HtmlValidate(config);
	const byPath = new Map(htmlFiles.map((f) => [urlPathOf(f), f]));
	const sized = htmlFiles.map((f) => ({ path: urlPathOf(f), size: sizes.get(f)! }));
	stats.validated = validationSample(sized);
	stats.tooLargeToValidate = oversizedPages(sized);
	for (const path of stats.validated) {
		const file = byPath.get(path)!;
		const report = await validator.validateString(readFileSync(join(root, file), 'utf8'), file);
		for (const r of report.results)
			for (const m of r.messages)
				problems.push({ file, message: `html-validate ${m.ruleId} (line ${m.line}:${m.column}): ${m.message}` });
	}
}

/**
 * The check of a built site, fed file by file: `addFromDisk` checks what can be checked of one file alone as soon as
 * the build has written it (so pages are checked on the other core while later pages still render); `finish` lists
 * what is on disk, reads every file that was not added or whose size differs from what was added (what is published
 * is what is checked), and then checks what needs the whole site: links and fragments, stylesheets, stray files and
 * the html-validate sample.
 */
export class DistChecker {
	private seen = new Map<string, FileSeen>();
	private forbidden: ForbiddenLiteral[];
	private options: CheckOptions;
	private started = performance.now();
	/** Files whose text was added and matched what is on disk (the rest were read from disk). */
	streamed = 0;

	constructor(options: CheckOptions = {}) {
		this.options = options;
		this.forbidden = options.forbidden ?? defaultForbidden();
	}

	/**
	 * Reads one file of the site under `dir` (path relative to it, '/'-separated) and checks what can be checked of it
	 * alone; a file not there yet is left to `finish`.
	 */
	addFromDisk(dir: string, file: string): void {
		if (file.endsWith('.xlsx')) return this.addWorkbook(dir, file);
		if (!TEXT_FILE.test(file)) return;
		let text: string;
		try {
			text = readFileSync(join(dir, file), 'utf8');
		} catch {
			return;
		}
		this.add(file, text);
	}

	/** Takes one file of the site (path relative to its root, '/'-separated) with its text; binary files are ignored. */
	private add(file: string, text: string): void {
		if (!TEXT_FILE.test(file)) return;
		this.seen.set(file, {
			bytes: Buffer.byteLength(text),
			leaks: leakProblems(file, text, this.forbidden),
			...(file.endsWith('.html') ? { facts: pageFacts(text) } : {}),
			text: unmarkedUnitsOf(file, text),
		});
	}

	/** The site's workbooks (.xlsx) as read, by size: their rows read by the text gate, and those without a mark. */
	private books = new Map<string, { size: number; units: ReturnType<typeof workbookUnits> }>();

	/** Starts reading a workbook's rows (a zip, read off the rendering thread's way while later pages render). */
	private addWorkbook(dir: string, file: string): void {
		try {
			const units = workbookUnits(join(dir, file));
			units.catch(() => undefined); // awaited in finish()
			this.books.set(file, { size: statSync(join(dir, file)).size, units });
		} catch {
			// Not on disk yet: finish() reads it.
		}
	}

	/** The text gate over the files read, and over the search index when it is there. */
	private textGate(
		root: string,
		files: string[],
		books: ReadonlyMap<string, FileSeen['text']>,
		search: boolean,
		problems: DistProblem[],
		stats: DistStats,
	): void {
		const units = new Map([...files.map((f) => [f, this.seen.get(f)!.text] as const), ...books]);
		const found = textGateProblems(root, units, search, stats);
		if (this.options.textGate === 'report') this.textReport = found;
		else problems.push(...found);
	}

	/** The text gate's findings when it only reports them (textGate 'report'). */
	textReport: DistProblem[] = [];

	/** Checks the whole site under `dir` with what was added; returns the problems found and what was checked. */
	async finish(dir: string): Promise<{ problems: DistProblem[]; stats: DistStats }> {
		const options = this.options;
		const root = resolve(dir);
		const problems: DistProblem[] = [];
		const files = listFiles(root, options.skipDirs);
		const fileSet = new Set([...files, ...(options.laterFiles ?? [])]);
		const htmlFiles = files.filter((f) => f.endsWith('.html'));
		const stats: DistStats = {
			files: files.length,
			pages: htmlFiles.length,
			internalLinks: 0,
			fragments: 0,
			externalLinks: 0,
			textFilesScanned: 0,
			forbiddenLiterals: this.forbidden.length,
			validated: [],
			tooLargeToValidate: [],
			textUnits: 0,
			textFindings: 0,
			ms: 0,
		};
		if (!fileSet.has('index.html')) problems.push({ file: 'index.html', message: 'the home page is missing' });
		if (!fileSet.has('404.html')) problems.push({ file: '404.html', message: 'the 404 page is missing' });

		// Each text file once: as it was added, unless the disk holds something else (or it was never added).
		const sizes = new Map<string, number>();
		const textFiles = files.filter((f) => TEXT_FILE.test(f));
		for (const f of textFiles) {
			const size = statSync(join(root, f)).size;
			sizes.set(f, size);
			if (this.seen.get(f)?.bytes === size) this.streamed += 1;
			else this.add(f, readFileSync(join(root, f), 'utf8'));
		}
		const facts = new Map<string, PageFacts>();
		for (const f of htmlFiles) facts.set(f, this.seen.get(f)!.facts!);

		// The site's origin is the one the home page declares; every canonical must share it.
		const homeCanonical =
			facts.get('index.html')?.canonicals[0] ?? [...facts.values()].find((p) => p.canonicals[0])?.canonicals[0];
		let origin = 'https://site.invalid';
		try {
			if (homeCanonical) origin = new URL(homeCanonical).origin;
		} catch {
			problems.push({ file: 'index.html', message: `canonical URL "${homeCanonical}" is not absolute` });
		}

		for (const [file, page] of facts) {
			checkPage(file, page, origin, problems);
			checkLinks(file, page, origin, fileSet, facts, problems, stats);
		}

		// Workbooks are zip files, not text: their rows as read when handed, unless the disk holds something else.
		const books = new Map<string, FileSeen['text']>();
		for (const f of files.filter((x) => x.endsWith('.xlsx'))) {
			if (this.books.get(f)?.size !== statSync(join(root, f)).size) this.addWorkbook(root, f);
			const book = await this.books.get(f)!.units;
			if (book.error) problems.push({ file: f, message: book.error });
			books.set(f, book);
		}
		this.textGate(root, textFiles, books, !options.skipDirs?.includes('pagefind'), problems, stats);

		checkStylesheets(root, files, origin, fileSet, problems);

		// Nothing from the build machine or the editors' desks in any file.
		const leaks = new Map(textFiles.map((f) => [f, this.seen.get(f)!.leaks]));
		stats.textFilesScanned = scanFiles(root, files, this.forbidden, problems, leaks);

		if (options.validate !== false) await validateHtml(root, htmlFiles, sizes, options, problems, stats);
		stats.ms = Math.round(performance.now() - this.started);
		return { problems, stats };
	}
}

/** Every link of one page resolved against the site's files, and every #fragment against its target's ids. */
function checkLinks(
	file: string,
	page: PageFacts,
	origin: string,
	fileSet: ReadonlySet<string>,
	facts: ReadonlyMap<string, PageFacts>,
	problems: DistProblem[],
	stats: DistStats,
): void {
	const pagePath = urlPathOf(file);
	for (const link of page.links) {
		const shown = `<${link.tag} ${link.attr}="${link.value}">`;
		const r = resolveLink(link.value, pagePath, origin);
		if (r.kind === 'external') {
			stats.externalLinks += 1;
			// Navigation away is fine; loading a resource from elsewhere is not.
			if (link.tag !== 'a' && link.tag !== 'area' && link.tag !== 'form')
				problems.push({ file, message: `loads a resource from another origin: ${shown}` });
			continue;
		}
		if (r.kind === 'other') continue;
		if (r.kind === 'invalid') {
			problems.push({ file, message: `bad link ${shown}: ${r.reason}` });
			continue;
		}
		stats.internalLinks += 1;
		const target = targetOf(r.path, fileSet);
		if (!target.ok) {
			problems.push({ file, message: `broken link ${shown}: ${target.reason}` });
			continue;
		}
		if (r.fragment === undefined) continue;
		stats.fragments += 1;
		if (r.fragment === '') {
			problems.push({ file, message: `broken link ${shown}: empty fragment "#"` });
			continue;
		}
		const targetFacts = facts.get(target.file);
		if (targetFacts && !targetFacts.ids.has(r.fragment))
			problems.push({
				file,
				message: `broken link ${shown}: no element with id "${r.fragment}" on ${urlPathOf(target.file)}`,
			});
	}
}

/** The text gate's findings as problems of the check (or, with textGate 'report', counted in the stats only). */
function textGateProblems(
	root: string,
	units: ReadonlyMap<string, FileSeen['text']>,
	withSearch: boolean,
	stats: DistStats,
): DistProblem[] {
	const subjects = subjectsOfSite(root);
	const out: DistProblem[] = [];
	for (const [f, text] of units) {
		stats.textUnits += text.read;
		for (const message of textGateFindings(f, text.unmarked, subjects)) out.push({ file: f, message });
	}
	if (withSearch) {
		const search = searchTextFindings(root, subjects);
		stats.textUnits += search.read;
		out.push(...search.findings);
	}
	stats.textFindings = out.length;
	return out;
}

/** Checks every file under `dir`, read from disk; returns the problems found and what was checked. */
export function checkDist(
	dir: string,
	options: CheckOptions = {},
): Promise<{ problems: DistProblem[]; stats: DistStats }> {
	return new DistChecker(options).finish(dir);
}

/** The report printed by the CLI: what was checked, how long it took, and every problem. */
export function formatReport(
	dir: string,
	problems: readonly DistProblem[],
	stats: DistStats,
	limit = 200,
	streamed = 0,
): string {
	const lines = [
		`check-dist ${dir}: ${stats.files} files, ${stats.pages} HTML pages` +
			(streamed ? ` (${streamed} text files of them checked while the build was still writing)` : ''),
		`  pages: lang, one <title>, canonical URL, one <h1>, CSP <meta>, no inline script/style, unique ids; every judgment carries data-basis and its 示例/未核实 mark`,
		`  links: ${stats.internalLinks} internal (${stats.fragments} with #fragment) resolved; ${stats.externalLinks} external (not fetched)`,
		`  leaks: ${stats.textFilesScanned} text files scanned for local paths, secrets and ${stats.forbiddenLiterals} forbidden literals (editor names, checkout path, secret env values); stray files`,
		`  text: ${stats.textUnits} lines, rows, feed items and search sentences read; ${stats.textFindings} state a verdict about a sample, a partly-sourced task, a real body or a count without its basis`,
		`  html-validate: ${stats.validated.length} pages (${stats.validated.join(' ')})` +
			(stats.tooLargeToValidate.length
				? `; over ${VALIDATE_MAX_BYTES / 1000} KB, structural checks only: ${stats.tooLargeToValidate.length} (${stats.tooLargeToValidate.slice(0, 5).join(' ')}${stats.tooLargeToValidate.length > 5 ? ' …' : ''})`
				: ''),
	];
	if (problems.length) {
		lines.push(`✗ ${problems.length} problem(s):`);
		for (const p of problems.slice(0, limit)) lines.push(`  ${p.file}: ${p.message}`);
		if (problems.length > limit) lines.push(`  … and ${problems.length - limit} more`);
		lines.push(`check-dist failed in ${stats.ms} ms`);
	} else lines.push(`check-dist OK in ${stats.ms} ms`);
	return lines.join('\n');
}

/**
 * The paths of files as the build writes them, one a line on standard input (src/integrations/dist-check.ts); an
 * empty line ends the input. Calls `take` for each path; resolves when the input is done, and throws when it stops
 * without its empty line (the build died).
 */
export async function readPathStream(input: NodeJS.ReadableStream, take: (file: string) => void): Promise<void> {
	for await (const line of createInterface({ input, crlfDelay: Infinity })) {
		if (line === '') return;
		take(line);
	}
	throw new Error('check-dist --stream: the input stopped before its end (did the build fail?)');
}
