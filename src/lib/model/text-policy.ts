// The one text policy for everything the site publishes, from content/, a spreadsheet, the update command or
// another site read by the portal: characters no reader can see or that change how the text around them reads
// are refused (never silently removed, which would change a quoted official text), and text is normalised to NFC.
// Browser-safe (the portal's search script uses it too): no Node module.

/** Why a character is refused. */
export type ForbiddenKind = 'control' | 'nul' | 'surrogate' | 'noncharacter' | 'bidi';

/** One refused character in a text: where it is (UTF-16 offset), its code point and why it is refused. */
export interface TextViolation {
	index: number;
	codePoint: number;
	kind: ForbiddenKind;
}

// NUL; C0 controls but tab and newline; DEL; C1 controls; unpaired surrogates; noncharacters (U+FDD0–U+FDEF and
// the last two of each plane); bidi controls (ALM, LRM, RLM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI).
const FORBIDDEN =
	// eslint-disable-next-line no-control-regex -- control characters are what the policy refuses
	/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\u{1fffe}\u{1ffff}\u{2fffe}\u{2ffff}\u{3fffe}\u{3ffff}\u{4fffe}\u{4ffff}\u{5fffe}\u{5ffff}\u{6fffe}\u{6ffff}\u{7fffe}\u{7ffff}\u{8fffe}\u{8ffff}\u{9fffe}\u{9ffff}\u{afffe}\u{affff}\u{bfffe}\u{bffff}\u{cfffe}\u{cffff}\u{dfffe}\u{dffff}\u{efffe}\u{effff}\u{ffffe}\u{fffff}\u{10fffe}\u{10ffff}]|\p{Cs}/gu;

const NAMES: Record<number, string> = {
	0x0: 'NULL，空字符',
	0x9: 'TAB',
	0xd: 'CARRIAGE RETURN，回车符',
	0x1b: 'ESCAPE，转义控制符',
	0x7f: 'DELETE，删除控制符',
	0x61c: 'ARABIC LETTER MARK，双向控制字符',
	0x200e: 'LEFT-TO-RIGHT MARK，双向控制字符',
	0x200f: 'RIGHT-TO-LEFT MARK，双向控制字符',
	0x202a: 'LEFT-TO-RIGHT EMBEDDING，双向控制字符',
	0x202b: 'RIGHT-TO-LEFT EMBEDDING，双向控制字符',
	0x202c: 'POP DIRECTIONAL FORMATTING，双向控制字符',
	0x202d: 'LEFT-TO-RIGHT OVERRIDE，双向控制字符',
	0x202e: 'RIGHT-TO-LEFT OVERRIDE，双向控制字符',
	0x2066: 'LEFT-TO-RIGHT ISOLATE，双向控制字符',
	0x2067: 'RIGHT-TO-LEFT ISOLATE，双向控制字符',
	0x2068: 'FIRST STRONG ISOLATE，双向控制字符',
	0x2069: 'POP DIRECTIONAL ISOLATE，双向控制字符',
};

const KIND_ZH: Record<ForbiddenKind, string> = {
	nul: '空字符',
	control: '控制字符',
	surrogate: '不成对的代理项（损坏的字符）',
	noncharacter: 'Unicode 非字符',
	bidi: '双向控制字符',
};

function kindOf(cp: number): ForbiddenKind {
	if (cp === 0) return 'nul';
	if (cp >= 0xd800 && cp <= 0xdfff) return 'surrogate';
	if (cp < 0xa0) return 'control';
	if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return 'noncharacter';
	return 'bidi';
}

/** Every character of `text` the policy refuses, in order. */
export function textViolations(text: string): TextViolation[] {
	const out: TextViolation[] = [];
	for (const m of text.matchAll(FORBIDDEN)) {
		const codePoint = m[0].codePointAt(0)!;
		out.push({ index: m.index, codePoint, kind: kindOf(codePoint) });
	}
	return out;
}

/** True when `text` holds a character the policy refuses (the fast test before `textViolations`). */
export function hasForbiddenText(text: string): boolean {
	FORBIDDEN.lastIndex = 0;
	const found = FORBIDDEN.test(text);
	FORBIDDEN.lastIndex = 0;
	return found;
}

/** A code point in the U+XXXX notation. */
function hexOf(codePoint: number): string {
	return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A code point as an editor can search for it: `U+202E（RIGHT-TO-LEFT OVERRIDE，双向控制字符）`. */
export function codePointName(codePoint: number): string {
	return `${hexOf(codePoint)}（${NAMES[codePoint] ?? KIND_ZH[kindOf(codePoint)]}）`;
}

/** The editor message for a refused character (Chinese, code point named, the text itself never echoed). */
export function violationMessage(v: TextViolation): string {
	return `含有不允许的${KIND_ZH[v.kind]} ${codePointName(v.codePoint)} / forbidden character ${hexOf(v.codePoint)}`;
}

/**
 * `text` as a terminal may show it: each refused character written as `<U+202E>`, so a message that names a value
 * from a file (a sheet name, a file name) can neither reverse the line it is printed in nor hide what it holds.
 */
export function shownText(text: string): string {
	return hasForbiddenText(text) ? text.replace(FORBIDDEN, (c) => `<${hexOf(c.codePointAt(0)!)}>`) : text;
}

/** How to fix a refused character. */
export const TEXT_POLICY_HINT =
	'删除该字符：它在页面上看不见，却会改变其后文字的显示方向或让下载文件损坏。在编辑器中用“查找 \\u202e”之类的正则或“显示不可见字符”找到它；常见来源是从网页、PDF 或聊天工具复制的文字。';

/** `text` in Unicode NFC, the one form the site stores and compares (so 한 and 한 are the same word). */
export function normalizeText(text: string): string {
	return text.normalize('NFC');
}

/** One refused string inside a structured value (a parsed JSON/YAML record, a spreadsheet row). */
export interface ValueViolation extends TextViolation {
	/** Path of the string, e.g. ['leadUnits', 0] or ['title']; a key's path ends with the key itself. */
	path: (string | number)[];
	/** True when the character is in an object key, not in a value. */
	inKey: boolean;
}

/** Every refused character in the strings (values and keys) of a structured value, with its path. */
export function valueViolations(value: unknown, path: (string | number)[] = []): ValueViolation[] {
	if (typeof value === 'string') return textViolations(value).map((v) => ({ ...v, path, inKey: false }));
	if (Array.isArray(value)) return value.flatMap((item, i) => valueViolations(item, [...path, i]));
	if (value !== null && typeof value === 'object')
		return Object.entries(value).flatMap(([k, v]) => [
			...textViolations(k).map((t) => ({ ...t, path: [...path, k], inKey: true })),
			...valueViolations(v, [...path, k]),
		]);
	return [];
}

/** Every string (value and key) of a structured value in NFC; other values unchanged. */
export function normalizeValue<T>(value: T): T {
	if (typeof value === 'string') return normalizeText(value) as T;
	if (Array.isArray(value)) return value.map((v) => normalizeValue(v)) as T;
	if (value !== null && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [normalizeText(k), normalizeValue(v)])) as T;
	return value;
}

/** Output formats whose writers check, as a last line, that they can carry a text. */
export type OutputFormat = 'HTML' | 'XML' | 'xlsx' | 'CSV' | 'JSON';

// What each format cannot carry at all: XML 1.0 (feeds, and the xlsx parts, which are XML) forbids C0 but tab,
// newline and CR, unpaired surrogates and U+FFFE/U+FFFF; HTML parsers turn NUL and surrogates into U+FFFD and
// report controls as parse errors; CSV and JSON readers (Excel, Python's json) choke on NUL and lone surrogates.
const CANNOT_CARRY: Record<OutputFormat, RegExp> = {
	// eslint-disable-next-line no-control-regex -- control characters are what these refuse
	XML: /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/u,
	// eslint-disable-next-line no-control-regex -- as above
	xlsx: /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/u,
	// eslint-disable-next-line no-control-regex -- as above
	HTML: /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]|\p{Cs}/u,
	// eslint-disable-next-line no-control-regex -- as above
	CSV: /\u0000|\p{Cs}/u,
	// eslint-disable-next-line no-control-regex -- as above
	JSON: /\u0000|\p{Cs}/u,
};

/** Thrown by an output writer asked to write a character its format cannot carry. */
export class UncarriableTextError extends Error {}

/**
 * The last line of every output writer: throws (naming the format, where and the code point) when `text` holds
 * a character the format cannot carry. Content that passed the text policy never does.
 */
export function assertCarriable(format: OutputFormat, text: string, where: string): string {
	const m = CANNOT_CARRY[format].exec(text);
	if (m)
		throw new UncarriableTextError(
			`${where}：${format} 无法承载字符 ${codePointName(m[0].codePointAt(0)!)}，拒绝写出 / ${format} cannot carry this character`,
		);
	return text;
}
