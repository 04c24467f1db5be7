// The release build's side of the ledger (see src/lib/content/published.ts): before building, the content is checked
// against the previous published site; after a successful build, what it published is registered in
// content/ledger.json and written into the site as /data/ledger.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { contentDirOf } from '#src/lib/content/layout.ts';
import { formatProblems } from '#src/lib/content/problems.ts';
import { exit } from './cli.ts';
import { CONTENT_LAYOUT } from '#src/lib/content/layout.ts';
import { extendLedger, LEDGER_FILE, ledgerText, readLedger, type Ledger } from '#src/lib/content/ledger.ts';
import type { Problem } from '#src/lib/content/problems.ts';
import {
	parsePublishedLedger,
	previousReleaseProblems,
	PUBLISHED_LEDGER,
	publishedLedgerText,
	type PublishedLedger,
} from '#src/lib/content/published.ts';
import { validateContent } from '#src/lib/content/validate.ts';
import { previousVersions, versionRefusal } from './release-versions.ts';
import { readSiteText } from './site-files.ts';

/** Reads the published ledger of a site given as a folder or an http(s) address; undefined when it has none. */
export async function readPublishedLedger(where: string): Promise<PublishedLedger | undefined> {
	const text = await readSiteText(where, PUBLISHED_LEDGER);
	return text === undefined ? undefined : parsePublishedLedger(text);
}

/**
 * The problems that stop a release: every record the previous release published that the content or the ledger no
 * longer holds as it was. The previous site is the folder or address given, else the output folder (where the last
 * release was built); with none found, only a site never released before (an empty ledger) may go ahead. The build
 * reaches the network only when given an address.
 */
export async function releaseLedgerProblems(o: {
	contentDir: string;
	root: string;
	asOf: string;
	/** The previous site given (--previous or PREVIOUS_SITE), else undefined. */
	previous: string | undefined;
	/** The output folder of this build: it holds the previous release when the last build was one. */
	out: string;
}): Promise<{ problems: Problem[]; source?: string }> {
	const base = relative(o.root, o.contentDir) || '.';
	const { content, problems } = validateContent(o.contentDir, o.asOf, o.root);
	if (problems.length) return { problems };
	const now: Ledger | undefined = readLedger(o.contentDir);
	const tried: string[] = [];
	const explicit = o.previous !== undefined;
	const candidates = explicit ? [o.previous!] : [o.out];
	for (const where of candidates) {
		let previous: PublishedLedger | undefined;
		try {
			previous = await readPublishedLedger(where);
		} catch (e) {
			if (explicit)
				return {
					problems: [
						{
							file: where,
							message: `读不到上次发布的网站的账本（${PUBLISHED_LEDGER}）：${(e as Error).message} / the previous site's ledger is not readable`,
							hint: '确认 --previous 给的是上次正式发布的网站文件夹（如 dist）或网址。',
						},
					],
				};
			tried.push(`${where}（${(e as Error).message}）`);
			continue;
		}
		if (!previous) {
			tried.push(`${where}（没有 ${PUBLISHED_LEDGER}）`);
			continue;
		}
		return { problems: previousReleaseProblems(previous, where, content, now, base), source: where };
	}
	const published = Object.keys(now.updates).length + Object.keys(now.tasks).length;
	if (published === 0) return { problems: [] }; // the first release of a new site
	return {
		problems: [
			{
				file: `${base}/${LEDGER_FILE}`,
				message: `账本登记了 ${published} 条已发布记录，却找不到上次发布的网站来核对 / no previous release to check against`,
				hint: `已尝试：${tried.join('；')}。加上 --previous <上次发布的网站文件夹或网址>，如 npm run build:release -- --previous https://站点地址/`,
			},
		],
	};
}

/**
 * Registers what a release build published: extends content/ledger.json and writes the site's /data/ledger.json
 * (fingerprints and the text of each published update) into the built output `siteDir`; `commit` then writes the
 * ledger once the site is in place.
 */
export function registerRelease(
	contentDir: string,
	root: string,
	asOf: string,
	siteDir: string,
): { added: string[]; commit: () => void } {
	const { content } = validateContent(contentDir, asOf, root);
	const { ledger, added } = extendLedger(readLedger(contentDir), content, asOf);
	const files: Record<string, string> = {};
	for (const id of Object.keys(ledger.updates)) {
		const path = join(contentDir, CONTENT_LAYOUT.updates, `${id}.md`);
		if (existsSync(path)) files[id] = readFileSync(path, 'utf8');
	}
	const out = join(siteDir, PUBLISHED_LEDGER);
	mkdirSync(dirname(out), { recursive: true });
	writeFileSync(out, publishedLedgerText(ledger, files, asOf));
	// Registered in content/ only once the site is in place (commit, after the output folder was swapped).
	return { added, commit: () => added.length && writeFileSync(join(contentDir, LEDGER_FILE), ledgerText(ledger)) };
}

/** Takes `--previous <folder|URL>` out of the build's arguments (or PREVIOUS_SITE); undefined when not given. */
export function takePreviousFlag(args: string[]): string | undefined {
	const at = args.indexOf('--previous');
	if (at < 0) return process.env.PREVIOUS_SITE || undefined;
	const value = args[at + 1];
	args.splice(at, 2);
	return value;
}

/**
 * For scripts/build.ts in a release: checks the content against the previous published site (exits 1 naming every
 * problem, the output untouched), then gives the steps that register the release once the site is built.
 */
export async function releaseGate(
	args: string[],
	out: string,
	asOf: string,
): Promise<{
	register: (siteDir: string) => { commit: () => void };
	/** Why the built site may not be published (it rewrites a published version), or undefined. */
	refusal: (siteDir: string) => string | undefined;
}> {
	const root = process.cwd();
	const contentDir = contentDirOf(undefined, root);
	const previous = takePreviousFlag(args);
	const ledger = await releaseLedgerProblems({ contentDir, root, asOf, previous, out });
	const { source } = ledger;
	const versions = source ? await previousVersions(source) : { problems: [] };
	const problems = [...ledger.problems, ...versions.problems];
	if (problems.length) {
		console.error(formatProblems(problems));
		console.error('\n[build] 正式发布前的核对未通过，没有构建，网站文件夹没有改动 / release refused');
		exit(1);
	}
	console.log(source ? `[build] 已对照上次发布的网站 ${source} 核对已发布的记录。` : '[build] 首次正式发布。');
	return {
		refusal: (siteDir) => versionRefusal(versions.listed, source ?? '', siteDir),
		register: (siteDir) => {
			const { added, commit } = registerRelease(contentDir, root, asOf, siteDir);
			return {
				commit: () => {
					commit();
					console.log(`[build] 发布记录账本新登记 ${added.length} 条；这些记录此后只能更正，不能修改。`);
				},
			};
		},
	};
}

/**
 * npm run ledger -- --restore <id> | --restore-ledger: puts back, from the previous published site, an update's text as
 * it was published, or the whole ledger. Returns the exit code.
 */
export async function restoreFromSite(o: {
	contentDir: string;
	root: string;
	previous: string;
	update?: string;
}): Promise<number> {
	let site: PublishedLedger | undefined;
	try {
		site = await readPublishedLedger(o.previous);
	} catch (e) {
		console.error(`读不到 ${o.previous} 的 ${PUBLISHED_LEDGER}：${(e as Error).message}`);
		return 1;
	}
	if (!site) {
		console.error(
			`${o.previous} 中没有 ${PUBLISHED_LEDGER}：它不是正式发布（npm run build:release）生成的网站。\n    → 用 --previous 指定上次正式发布的网站文件夹或网址。`,
		);
		return 1;
	}
	const rel = (p: string) => relative(o.root, p) || p;
	if (o.update === undefined) {
		const path = join(o.contentDir, LEDGER_FILE);
		writeFileSync(path, ledgerText({ updates: site.updates, tasks: site.tasks }));
		console.log(`已从 ${o.previous}（${site.asOf} 发布）恢复 ${rel(path)}。运行 npm run check 核对内容。`);
		return 0;
	}
	const text = site.files[o.update];
	if (text === undefined) {
		console.error(
			`${o.previous}（${site.asOf} 发布）没有发布过进展“${o.update}”：它还没有发布，可以直接修改或用 npm run update -- --undo 删除。`,
		);
		return 1;
	}
	const path = join(o.contentDir, CONTENT_LAYOUT.updates, `${o.update}.md`);
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, text);
	console.log(
		`已把 ${rel(path)} 恢复为 ${site.asOf} 发布时的原文。要改正其中的内容，另写一条更正：npm run update -- --task ${o.update.split('/')[0]} --corrects ${o.update}`,
	);
	return 0;
}

/**
 * A preview build (not a release) that replaces a released site keeps that site's ledger, so the next release still
 * finds what was last published in the output folder. Nothing to commit afterwards.
 */
export function keepPublishedLedger(out: string, siteDir: string): { commit: () => void } {
	const previous = join(out, PUBLISHED_LEDGER);
	if (existsSync(previous)) {
		mkdirSync(dirname(join(siteDir, PUBLISHED_LEDGER)), { recursive: true });
		writeFileSync(join(siteDir, PUBLISHED_LEDGER), readFileSync(previous));
	}
	return { commit: () => undefined };
}
