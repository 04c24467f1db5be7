// The text policy (src/lib/model/text-policy.ts) applied to a content file, before it is parsed for the site:
// every refused character is reported with the file, the line, the field (or 正文) and its code point, whether
// it is typed raw or written as an escape (JSON "\u202e", YAML "\x00") that only the parser turns into it.
import { parseDocument } from 'yaml';
import { load as loadYaml, CORE_SCHEMA } from 'js-yaml';
import { pathLine } from './load.ts';
import { lineAt, type Problem } from './problems.ts';
import {
	hasForbiddenText,
	TEXT_POLICY_HINT,
	textViolations,
	valueViolations,
	violationMessage,
	type ValueViolation,
} from '../model/text-policy.ts';

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
