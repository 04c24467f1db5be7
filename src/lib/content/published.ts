// What was published, as the published site itself records it. A release build (npm run build:release) is the act of
// publication: it registers the records it puts on the site in content/ledger.json and writes the same fingerprints,
// with the text of every published update, into the site as /data/ledger.json. The next release is checked against
// that file of the previous site, so a ledger emptied, reshaped or deleted in content/ cannot unlock what the public
// has already seen, and an edited update can be put back from the site without git.
import { LEDGER_FILE, ledgerProblems, parseLedger, type Ledger } from './ledger.ts';
import type { Content } from '#src/lib/model/content.ts';
import type { Problem } from './problems.ts';

/** Where the published site holds its ledger. */
export const PUBLISHED_LEDGER = 'data/ledger.json';

/** The fix for a ledger that cannot be read: put it back, never start a new one. */
export const LEDGER_RESTORE_HINT =
	'从上次正式发布的网站恢复：npm run ledger -- --restore-ledger（默认读取 dist/，也可加 --previous <文件夹或网址>）；用 git 的也可以 git checkout -- content/ledger.json。不要手工编辑或删除它。';

/** The problem of a content directory without a ledger. */
export function missingLedgerProblem(base: string): Problem {
	return {
		file: `${base}/${LEDGER_FILE}`,
		message: '缺少发布记录账本 ledger.json / the ledger of published records is missing',
		hint: `${LEDGER_RESTORE_HINT} 从未正式发布过的新网站：npm run new 会写一个空账本。`,
	};
}

/** The ledger of a published site: the fingerprints plus the text of each published update file. */
export interface PublishedLedger extends Ledger {
	asOf: string;
	/** Update id → the file text as published. */
	files: Record<string, string>;
}

/** The published site's ledger as file text. */
export function publishedLedgerText(ledger: Ledger, files: Record<string, string>, asOf: string): string {
	const kept = Object.fromEntries(Object.keys(ledger.updates).flatMap((id) => (id in files ? [[id, files[id]!]] : [])));
	return JSON.stringify({ asOf, updates: ledger.updates, tasks: ledger.tasks, files: kept }) + '\n';
}

/** Parses a published site's ledger; throws with a Chinese message when it is not one. */
export function parsePublishedLedger(text: string): PublishedLedger {
	const ledger = parseLedger(text);
	const v = JSON.parse(text) as { asOf?: unknown; files?: unknown };
	if (typeof v.asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v.asOf))
		throw new Error(`${PUBLISHED_LEDGER} 缺少发布日期 asOf`);
	const files = v.files && typeof v.files === 'object' && !Array.isArray(v.files) ? v.files : {};
	return { ...ledger, asOf: v.asOf, files: files as Record<string, string> };
}

/**
 * Every record the previous release published that this content or ledger no longer holds as it was: the content is
 * compared with the previous site's fingerprints (so an emptied ledger changes nothing), and each of its entries must
 * still be in the ledger.
 */
export function previousReleaseProblems(
	previous: Ledger,
	source: string,
	content: Content,
	now: Ledger | undefined,
	base: string,
): Problem[] {
	const problems = ledgerProblems(previous, content, base).map((p) => ({
		...p,
		message: `${p.message}（对照上次发布的网站 ${source}）`,
	}));
	for (const kind of ['updates', 'tasks'] as const)
		for (const [id, fp] of Object.entries(previous[kind]))
			if (JSON.stringify(now?.[kind][id]) !== JSON.stringify(fp))
				problems.push({
					file: `${base}/${LEDGER_FILE}`,
					field: `${kind}.${id}`,
					message: `账本中缺少或改动了上次发布的网站（${source}）已登记的“${id}” / the ledger lost a published record`,
					hint: LEDGER_RESTORE_HINT,
				});
	return problems;
}
