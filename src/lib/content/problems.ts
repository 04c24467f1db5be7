import { FIELD_TYPES } from '#src/lib/model/field-types.ts';
import { shownText } from '#src/lib/model/text-policy.ts';
/** A content problem: where it is, what is wrong, and how to fix it (Chinese first, English beside). */
export interface Problem {
	/** Path of the file relative to the project root, e.g. content/tasks/hkk-02.json. */
	file: string;
	/** 1-based line, when known. */
	line?: number;
	/** Dotted field path inside the record, e.g. closure.notice.end. */
	field?: string;
	/** What is wrong. */
	message: string;
	/** How to fix it. */
	hint?: string;
}

/** The parts of a zod issue the editor message is made from (structural, so this file imports no zod). */
export interface SchemaIssue {
	code: string;
	path: readonly PropertyKey[];
	message: string;
	expected?: string;
	minimum?: number | bigint;
	maximum?: number | bigint;
	origin?: string;
	values?: readonly unknown[];
	keys?: readonly string[];
	format?: string;
}

// zod's names of JSON types in Chinese; the numeric and date ones are the field types' own (FIELD_TYPES).
const TYPE_ZH: Record<string, string> = {
	string: '文字（用双引号括起来）',
	number: FIELD_TYPES.number.label,
	int: FIELD_TYPES.int.label,
	boolean: 'true 或 false',
	array: '列表（[ … ]）',
	object: '对象（{ … }）',
	null: 'null',
	date: FIELD_TYPES.date.label,
};

const HAS_CJK = /[\u3400-\u9fff]/;

// How to fix what the schemas' own messages describe, by the words they use (one place for the fix texts).
const HINTS: [RegExp, string][] = [
	[/日期/, '日期写成带引号的半角 "YYYY-MM-DD"，如 "2020-12-31"。'],
	[/链接|url/i, '只填 http:// 或 https:// 开头的完整网址；没有网址就删掉 url 这一行。'],
	[/编号/, '只用小写英文字母、数字和连字符，如 hkk-02；同时检查引用它的文件。'],
	[/状态/, '照 docs/editing.md 的状态表填写英文状态键，如 on_track、completed。'],
	[
		/来源性质|数据性质|provenance|未核实/,
		'provenance.kind 填 official、partial 或 sample；非 official 要写 note，partial 要列 unsourced。',
	],
	[/不可见|不能为空/, '填入实际的文字；零宽空格、全角空格等看不见的字符不算内容。'],
	[/公示|验收|销号/, '按 docs/editing.md“销号”一节的顺序：验收 → 销号公示 → 已销号。'],
	[/占位/, '写明 placeholder: true，或填入真实值。'],
];

/** The fix for a schema's own message. */
function hintFor(message: string): string {
	return HINTS.find(([re]) => re.test(message))?.[1] ?? '按说明改正该字段；各字段的写法和示例见 docs/editing.md。';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
	let v: unknown = input;
	for (const k of path) {
		if (v === null || typeof v !== 'object' || !(k in (v as object))) return { found: false, value: undefined };
		v = (v as Record<PropertyKey, unknown>)[k];
	}
	return { found: true, value: v };
}

function describe(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return '列表';
	if (typeof v === 'string') return `文字“${v.slice(0, 20)}”`;
	// A cell that is not a number reaches the schema as NaN in some readers: say so, not "数字 NaN".
	if (typeof v === 'number') return Number.isNaN(v) ? '不是数字的值（NaN）' : `数字 ${v}`;
	if (typeof v === 'boolean') return String(v);
	if (typeof v === 'object') return '对象';
	return typeof v;
}

/** A field name as a message shows it: a long one cut to its start and its length, never echoed whole. */
function shortKey(key: string): string {
	return key.length > 40 ? `${key.slice(0, 20)}…（共 ${key.length} 字）` : key;
}

/**
 * The one editor message for a schema issue, in Chinese with English beside it: a missing field, a wrong
 * type, a value out of range… Messages the schemas wrote themselves are kept; zod's English defaults never pass.
 * `input` is the record that was checked (to tell a missing field from a wrong one).
 */
export function schemaIssueText(
	issue: SchemaIssue,
	input: unknown,
): { message: string; hint?: string; missing: boolean } {
	const { found, value } = valueAt(input, issue.path);
	if (issue.code === 'unrecognized_keys')
		return {
			message: `未知字段 ${(issue.keys ?? []).map(shortKey).join('、')} / unknown field(s)`,
			hint: '检查拼写；字段名见 docs/editing.md。',
			missing: false,
		};
	if (!found || value === undefined) {
		// A superRefine issue may point at a path that is absent on purpose (closure.closedDate); its own text says more.
		if (issue.code === 'custom' && HAS_CJK.test(issue.message))
			return { message: issue.message, hint: hintFor(issue.message), missing: true };
		return {
			message: '缺少必填字段 / missing required field',
			hint: '补上该字段；各字段的写法见 docs/editing.md。',
			missing: true,
		};
	}
	if (HAS_CJK.test(issue.message)) return { message: issue.message, hint: hintFor(issue.message), missing: false };
	switch (issue.code) {
		case 'invalid_type':
			return {
				message: `类型不对：应为${TYPE_ZH[issue.expected ?? ''] ?? issue.expected}，现在是${describe(value)} / wrong type`,
				hint: '照 docs/editing.md 中的示例改写该字段。',
				missing: false,
			};
		case 'too_small':
			return issue.origin === 'string'
				? { message: '不能为空 / must not be empty', hint: hintFor('不能为空'), missing: false }
				: {
						message: `至少需要 ${issue.minimum}${issue.origin === 'array' ? ' 项' : ''} / too small`,
						hint: '补足条目；每项的写法见 docs/editing.md。',
						missing: false,
					};
		case 'too_big':
			return {
				message: `最多 ${issue.maximum}${issue.origin === 'array' ? ' 项' : issue.origin === 'string' ? ' 个字' : ''} / too big`,
				hint: '删减到上限以内。',
				missing: false,
			};
		case 'invalid_value':
			return {
				message: `取值只能是 ${(issue.values ?? []).map(String).join('、')} 之一 / invalid value`,
				hint: '从列出的取值中选一个，照抄英文编号。',
				missing: false,
			};
		case 'invalid_format':
			return {
				message: `格式不对（${issue.format ?? '格式'}）/ invalid format`,
				hint: '照 docs/editing.md 中的示例改写该字段。',
				missing: false,
			};
		default:
			return {
				message: '取值不符合要求 / invalid value',
				hint: '照 docs/editing.md 中的示例改写该字段。',
				missing: false,
			};
	}
}

/** The 1-based line of a character offset in a text (for problem reports). */
export function lineAt(text: string, offset: number): number {
	let line = 1;
	for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
	return line;
}

/** Formats one problem as a single line for terminals and build logs. */
export function formatProblem(p: Problem): string {
	const where = p.line ? `${p.file}:${p.line}` : p.file;
	const field = p.field ? ` [${p.field}]` : '';
	const hint = p.hint ? `\n    → ${p.hint}` : '';
	// A name echoed from a file (a sheet, a path) is printed with its refused characters spelled out.
	return shownText(`${where}${field}: ${p.message}${hint}`);
}

/** Formats a list of problems with a count header, for the build error and `npm run check`. */
export function formatProblems(problems: readonly Problem[]): string {
	return [
		`发现 ${problems.length} 个内容问题 / ${problems.length} content problem(s):`,
		...problems.map((p) => '  ' + formatProblem(p)),
	].join('\n');
}
