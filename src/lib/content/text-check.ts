// The text policy (src/lib/model/text-policy.ts) applied to a content file, before it is parsed for the site:
// every refused character is reported with the file, the line, the field (or 正文) and its code point, whether
// it is typed raw or written as an escape (JSON "\u202e", YAML "\x00") that only the parser turns into it.
import { parseDocument } from 'yaml';
import { load as loadYaml, CORE_SCHEMA } from 'js-yaml';
import { pathLine } from '#src/lib/content/load/parse.ts';
import { lineAt, type Problem } from './problems.ts';
import {
	hasForbiddenText,
	TEXT_POLICY_HINT,
	textViolations,
	valueViolations,
	violationMessage,
	type ValueViolation,
} from '#src/lib/model/text-policy.ts';
import { LIMITS, overLimit, overLimitMessage, type LimitKey } from '#src/lib/model/limits.ts';

const FRONTMATTER = /^---\n([\s\S]*?)\n---(?:\n|$)/;

/** A field path as problems write it: `title`, `leadUnits.0`, or `[2].name` in an array file. */
function fieldOf(path: readonly (string | number)[], arrayFile: boolean): string | undefined {
	if (path.length === 0) return undefined;
	if (!arrayFile) return path.map(String).join('.');
	const [i, ...rest] = path;
	return `[${String(i)}]${rest.length ? '.' + rest.map(String).join('.') : ''}`;
}

/** One problem per refused string (its first refused character; the count when there are more). */
function valueProblems(
	file: string,
	found: ValueViolation[],
	lineOf: (path: (string | number)[]) => number | undefined,
	arrayFile: boolean,
): Problem[] {
	const byPath = new Map<string, ValueViolation[]>();
	for (const v of found) {
		const key = JSON.stringify([v.path, v.inKey]);
		byPath.set(key, [...(byPath.get(key) ?? []), v]);
	}
	return [...byPath.values()].map((list) => {
		const v = list[0]!;
		const more = list.length > 1 ? `（该处共 ${list.length} 个）` : '';
		return {
			file,
			line: lineOf(v.path),
			field: fieldOf(v.path, arrayFile),
			message: `${v.inKey ? '字段名' : ''}${violationMessage(v)}${more}`,
			hint: TEXT_POLICY_HINT,
		};
	});
}

/** The field a raw character sits in, guessed from its line (`"title": …` or `title: …`), when parsing failed. */
function fieldOnLine(text: string, index: number): string | undefined {
	const start = text.lastIndexOf('\n', index - 1) + 1;
	const line = text.slice(start, index);
	return /^\s*"([^"]+)"\s*:/.exec(line)?.[1] ?? /^\s*([A-Za-z_][\w.-]*)\s*:/.exec(line)?.[1];
}

/** Raw refused characters in a part of the text, one problem per line. */
function rawProblems(file: string, text: string, from: number, to: number, field?: string): Problem[] {
	const problems: Problem[] = [];
	const seen = new Set<number>();
	for (const v of textViolations(text.slice(from, to))) {
		const line = lineAt(text, from + v.index);
		if (seen.has(line)) continue;
		seen.add(line);
		problems.push({
			file,
			line,
			field: field ?? fieldOnLine(text, from + v.index),
			message: violationMessage(v),
			hint: TEXT_POLICY_HINT,
		});
	}
	return problems;
}

/** Problems of a YAML or JSON text (whole file or frontmatter) whose lines start at `lineOffset` + 1. */
function structuredProblems(file: string, text: string, json: boolean, lineOffset: number): Problem[] {
	let value: unknown;
	try {
		value = json ? JSON.parse(text) : loadYaml(text, { schema: CORE_SCHEMA, json: false });
	} catch {
		// The parser's own error is reported by the loader; here only the raw characters, by line.
		return rawProblems(file, text, 0, text.length).map((p) => ({ ...p, line: (p.line ?? 1) + lineOffset }));
	}
	const found = valueViolations(value);
	if (found.length === 0) return [];
	const doc = parseDocument(text);
	return valueProblems(file, found, (path) => pathLine(doc, text, path, lineOffset), Array.isArray(value));
}

/**
 * Every character of a content file the text policy refuses, as problems naming file, line, field and code
 * point (none for a clean file: one scan, and a parse only when a backslash could hide an escape). CR is left
 * to the loader's line-ending check, which says how to fix a Windows file.
 */
export function contentTextProblems(file: string, rawText: string): Problem[] {
	const text = rawText.replaceAll('\r', ' ');
	if (!hasForbiddenText(text) && !text.includes('\\')) return [];
	if (file.endsWith('.json')) return structuredProblems(file, text, true, 0);
	if (!/\.mdx?$/.test(file)) return rawProblems(file, text, 0, text.length);
	const m = FRONTMATTER.exec(text);
	const bodyStart = m ? m[0].length : 0;
	const head = m ? structuredProblems(file, m[1]!, false, 1) : [];
	return [...head, ...rawProblems(file, text, bodyStart, text.length, '正文')];
}

/** The size limit of a content file, by its place in content/. */
export function contentFileLimit(file: string): LimitKey {
	if (/(^|\/)updates\/[^/]+\/[^/]+\.md$/.test(file)) return 'updateFile';
	if (/(^|\/)tasks\/[^/]+\.json$/.test(file)) return 'taskFile';
	if (/(^|\/)plans\/[^/]+\.json$/.test(file)) return 'planFile';
	if (file.endsWith('.mdx')) return 'planText';
	if (file.endsWith(LEDGER_NAME)) return 'ledgerFile';
	return 'listFile';
}

const LEDGER_NAME = 'ledger.json';

const SIZE_HINT: Partial<Record<LimitKey, string>> = {
	updateFile: '把内容拆成几条进展（各写一个文件），长篇材料放到政府网站上，在 evidence 中给出链接。',
	field: '删减该字段；长篇材料放到政府网站上，在 sources 或 evidence 中给出链接。',
	fieldName: '字段名只能是 docs/editing.md 中列出的名字。',
};

/** The problem of a content file over its size limit (checked on its size on disk, before it is read). */
export function contentSizeProblem(file: string, bytes: number): Problem | undefined {
	const key = contentFileLimit(file);
	const message = overLimit(key, bytes);
	return message
		? { file, message, hint: SIZE_HINT[key] ?? '删减内容到上限以内；各项上限见 docs/editing.md“大小上限”。' }
		: undefined;
}

/** Strings and keys of a parsed value longer than the per-field limits, with their paths. */
function longStrings(
	value: unknown,
	path: (string | number)[] = [],
): { path: (string | number)[]; key: LimitKey; size: number }[] {
	if (typeof value === 'string')
		return value.length > LIMITS.field.max ? [{ path, key: 'field', size: value.length }] : [];
	if (Array.isArray(value)) return value.flatMap((v, i) => longStrings(v, [...path, i]));
	if (value !== null && typeof value === 'object')
		return Object.entries(value).flatMap(([k, v]) =>
			k.length > LIMITS.fieldName.max
				? [{ path, key: 'fieldName' as const, size: k.length }]
				: longStrings(v, [...path, k]),
		);
	return [];
}

/**
 * Fields (and field names) of a content file over the per-field limits, named by path and line with the size
 * found, never echoing the value. Only a file longer than the field limit can hold such a field, so smaller files
 * are not parsed here.
 */
export function fieldSizeProblems(file: string, text: string): Problem[] {
	if (text.length <= Math.min(LIMITS.field.max, LIMITS.fieldName.max)) return [];
	const json = file.endsWith('.json');
	const m = json ? undefined : FRONTMATTER.exec(text);
	const source = json ? text : m?.[1];
	if (source === undefined) return [];
	let value: unknown;
	try {
		value = json ? JSON.parse(source) : loadYaml(source, { schema: CORE_SCHEMA, json: false });
	} catch {
		return []; // the loader reports the syntax error
	}
	const found = longStrings(value);
	if (!found.length) return [];
	const doc = parseDocument(source);
	return found.map(({ path, key, size }) => ({
		file,
		line: pathLine(doc, source, path, json ? 0 : 1),
		field: fieldOf(path, Array.isArray(value)),
		message: overLimitMessage(key, size),
		hint: SIZE_HINT[key]!,
	}));
}

/** Limits over the whole content (per build): no task may carry more updates than `updatesPerTask`. */
export function buildLimitProblems(updates: readonly { task: string }[], base: string): Problem[] {
	const perTask = new Map<string, number>();
	for (const u of updates) perTask.set(u.task, (perTask.get(u.task) ?? 0) + 1);
	return [...perTask]
		.filter(([, n]) => n > LIMITS.updatesPerTask.max)
		.map(([task, n]) => ({
			file: `${base}/updates/${task}`,
			message: overLimitMessage('updatesPerTask', n),
			hint: '一项任务的进展按月报送即可；把同一天的多条进展合并为一条，或把重复提交的文件删掉。',
		}));
}

/** Refused characters in a narrative given on its own (the update command's --text or --text-file), by line. */
export function narrativeTextProblems(file: string, text: string): Problem[] {
	return rawProblems(file, text, 0, text.length, '正文');
}
