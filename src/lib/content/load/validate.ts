import { parseDocument, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { lineAt, schemaIssueText, type Problem, type SchemaIssue } from '#src/lib/content/problems.ts';
import { pathLine, parseFrontmatter } from './parse.ts';
import { narrativeProblems } from '#src/lib/content/narrative.ts';

/** A zod error as problems, each with the field and, when the document is given, the line. */
export function zodProblems(
	file: string,
	error: z.ZodError,
	input: unknown,
	doc: Document | undefined,
	text: string,
	lineOffset = 0,
	basePath: PropertyKey[] = [],
): Problem[] {
	return error.issues.map((issue) => {
		const path = [...basePath, ...issue.path];
		const field = issue.path.map(String).join('.') || undefined;
		const { message, hint } = schemaIssueText(issue as SchemaIssue, input);
		// For an unknown key, point at the key itself rather than the object that holds it.
		const at = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...path, issue.keys[0]] : path;
		return { file, field, line: doc ? pathLine(doc, text, at, lineOffset) : undefined, message, hint };
	});
}

/**
 * The records of an array file that pass `schema`; each that fails adds its problems (fields as `[i].field`) and
 * is named by `failed` (its id, or undefined when it gave none).
 */
export function validateArray<S extends z.ZodType>(
	file: string,
	text: string,
	value: unknown[],
	schema: S,
	problems: Problem[],
	failed: (id: string | undefined) => void,
): z.output<S>[] {
	// Positions are only needed to report a problem, so the YAML/JSON document is built lazily.
	let doc: Document | undefined;
	const docOf = () => (doc ??= parseDocument(text));
	const out: z.output<S>[] = [];
	value.forEach((item, i) => {
		const r = schema.safeParse(item);
		if (r.success) {
			out.push(r.data);
			return;
		}
		const id = (item as { id?: unknown } | null)?.id;
		failed(typeof id === 'string' ? id : undefined);
		problems.push(
			...zodProblems(file, r.error, item, docOf(), text, 0, [i]).map((q) => ({
				...q,
				field: `[${i}]${q.field ? '.' + q.field : ''}`,
			})),
		);
	});
	return out;
}

/** A record of a JSON file that passes `schema`, or undefined after adding its problems. */
export function validateRecord<S extends z.ZodType>(
	file: string,
	text: string,
	value: unknown,
	schema: S,
	problems: Problem[],
): z.output<S> | undefined {
	const r = schema.safeParse(value);
	if (r.success) return r.data;
	problems.push(...zodProblems(file, r.error, value, parseDocument(text), text));
	return undefined;
}

/**
 * An update file's frontmatter against `schema` and its narrative, adding every problem; the frontmatter data when
 * it passes. The narrative is checked even when the frontmatter is wrong, so one run reports both.
 */
export function validateUpdateFile<S extends z.ZodType>(
	file: string,
	text: string,
	schema: S,
	problems: Problem[],
): { data: z.output<S>; body: string } | undefined {
	const fm = parseFrontmatter(file, text);
	problems.push(...fm.problems);
	if (fm.problems.length) return undefined;
	const r = schema.safeParse(fm.data);
	const bodyLine = lineAt(text, text.length - fm.body.length);
	if (fm.body.trim() === '')
		problems.push({
			file,
			line: bodyLine,
			field: '正文',
			message: '进展正文为空 / the update has no narrative',
			hint: '在第二个 --- 之后写一段进展说明。',
		});
	problems.push(...narrativeProblems(file, fm.body, bodyLine));
	if (!r.success) {
		problems.push(
			...zodProblems(file, r.error, fm.data, fm.doc ?? parseDocument(fm.yamlText ?? ''), fm.yamlText ?? '', 1),
		);
		return undefined;
	}
	return { data: r.data, body: fm.body };
}
