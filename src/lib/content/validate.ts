import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { checkIntegrity, type IntegrityGaps } from './integrity.ts';
import { LEDGER_FILE, ledgerProblems, readLedger } from './ledger.ts';
import { loadContent, pathLine } from './load.ts';
import type { Problem } from './problems.ts';
import type { Content } from '#src/lib/model/content.ts';
import { releaseProblems } from './release.ts';
import { calendarWarnings } from './calendar.ts';
import { correctionChainProblems } from './corrections.ts';
import { LEDGER_RESTORE_HINT, missingLedgerProblem } from './published.ts';
import { buildLimitProblems } from './text-check.ts';

/** A field path as the problems write it (leadUnits[0], closure.notice.end, [3].plan, hkk.plan) as document keys. */
function fieldPath(field: string): (string | number)[] {
	return field
		.replace(/\[(\d+)\]/g, '.$1')
		.split('.')
		.filter((s) => s !== '')
		.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Adds the line of the referring field to problems found across files (a dangling unit, a date against the
 * as-of date), by reading the named file again; only files with such problems are read.
 */
export function locateProblems(problems: Problem[], root: string): void {
	const byFile = new Map<string, Problem[]>();
	for (const p of problems)
		if (p.line === undefined && p.field && /\.(json|md)$/.test(p.file))
			byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
	for (const [file, list] of byFile) {
		const path = resolve(root, file);
		if (!existsSync(path)) continue;
		let text: string;
		try {
			text = readFileSync(path, 'utf8');
		} catch {
			continue;
		}
		let yamlText = text;
		let offset = 0;
		if (file.endsWith('.md')) {
			const m = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(text);
			if (!m) continue;
			yamlText = m[1]!;
			offset = 1;
		}
		const doc = parseDocument(yamlText);
		const data = doc.toJS() as unknown;
		for (const p of list) {
			let path = fieldPath(p.field!);
			// Array files name a record by its id (hkk.plan): find its index.
			if (Array.isArray(data) && typeof path[0] === 'string') {
				const i = data.findIndex((r) => (r as { id?: unknown })?.id === path[0]);
				if (i >= 0) path = [i, ...path.slice(1)];
			}
			p.line = pathLine(doc, yamlText, path, offset);
		}
	}
}

/**
 * The whole-content checks (references, rules, the ledger of published records) on records already loaded:
 * `validateContent` runs them on content/, and `npm run import` on content/ with the imported tasks merged in,
 * so its preview reports exactly what --write would leave.
 */
export function wholeContentProblems(
	content: Content,
	asOf: string,
	contentDir: string,
	root: string = process.cwd(),
	gaps: IntegrityGaps & { tasks: ReadonlySet<string>; updates: ReadonlySet<string> } = {
		tasks: new Set(),
		updates: new Set(),
		records: new Set(),
		lists: new Set(),
	},
): Problem[] {
	const base = relative(root, contentDir) || '.';
	const problems = checkIntegrity(content, asOf, base, gaps);
	problems.push(...correctionChainProblems(content.updates, base));
	problems.push(...buildLimitProblems(content.updates, base));
	if (existsSync(join(contentDir, LEDGER_FILE))) {
		try {
			problems.push(...ledgerProblems(readLedger(contentDir), content, base, gaps));
		} catch (e) {
			problems.push({
				file: `${base}/${LEDGER_FILE}`,
				message: `发布记录账本无法读取：${(e as Error).message} / the ledger is not readable`,
				hint: LEDGER_RESTORE_HINT,
			});
		}
	} else problems.push(missingLedgerProblem(base));
	return problems;
}

/**
 * Loads content/ and checks it as a whole; returns the content, every problem found and warnings (things that
 * will soon go wrong, such as the end of the holiday calendar). With `release` (npm run build:release,
 * npm run check -- --release) valid content must also hold no sample record and no placeholder identity field.
 */
export function validateContent(
	contentDir: string,
	asOf: string,
	root: string = process.cwd(),
	opts: { release?: boolean } = {},
): { content: Content; problems: Problem[]; warnings: Problem[] } {
	const { content, problems, gaps, planTexts } = loadContent(contentDir, root);
	const base = relative(root, contentDir) || '.';
	// Whole-content checks run on whatever loaded, skipping what a failed file would make them misjudge,
	// so one run reports schema, reference and rule problems together.
	problems.push(...wholeContentProblems(content, asOf, contentDir, root, gaps));
	const plans = new Set(content.plans.map((p) => p.id));
	for (const id of planTexts)
		if (!plans.has(id) && !problems.some((p) => p.file === `${base}/plans/${id}.json`))
			problems.push({
				file: `${base}/plans/${id}.mdx`,
				line: 2,
				field: 'plan',
				message: `方案正文“${id}.mdx”没有对应的方案文件 ${id}.json / plan text without a plan`,
				hint: `先创建 ${base}/plans/${id}.json，或把正文改名为已有方案的编号。`,
			});
	locateProblems(problems, root);
	// The release rules only on content that is otherwise valid.
	if (opts.release && problems.length === 0) problems.push(...releaseProblems(content, base));
	return { content, problems, warnings: calendarWarnings(asOf) };
}
