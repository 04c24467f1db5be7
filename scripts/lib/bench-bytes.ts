// Output bytes by page type, and the search bytes above Pagefind's fixed part (issue #28, items 1 and 2): pure
// functions of file paths and sizes, so the bench's byte figures are deterministic and unit-tested.

/** The page types the bench reports output bytes for, in the order it prints them. */
export const PAGE_TYPES = [
	'task',
	'snapshot',
	'change',
	'measure',
	'unit',
	'feed',
	'data',
	'search index',
	'task list',
	'update list',
	'plan',
	'area',
	'city',
	'assets',
	'other',
] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/** First path segments and the type of what lies under them (index pages of a folder included). */
const BY_FOLDER: Record<string, PageType> = {
	'as-of': 'snapshot',
	changes: 'change',
	measures: 'measure',
	units: 'unit',
	feeds: 'feed',
	data: 'data',
	pagefind: 'search index',
	updates: 'update list',
	plans: 'plan',
	areas: 'area',
	cities: 'city',
	_astro: 'assets',
	styles: 'assets',
};

/** The page type of a file of the built site, by its path relative to dist/ (forward slashes). */
export function pageTypeOf(rel: string): PageType {
	const [first, second] = rel.split('/');
	if (first === 'tasks') return second === 'index.html' ? 'task list' : 'task';
	return BY_FOLDER[first!] ?? 'other';
}

/** Bytes and file count per key (page type or file kind), every key present (zero when absent). */
export type BytesBy<K extends string> = Record<K, { files: number; bytes: number }>;
/** Bytes and file count per page type. */
export type BytesByType = BytesBy<PageType>;

function sumBy<K extends string>(
	files: Iterable<{ rel: string; bytes: number }>,
	keys: readonly K[],
	keyOf: (rel: string) => K,
): BytesBy<K> {
	const out = Object.fromEntries(keys.map((k) => [k, { files: 0, bytes: 0 }])) as BytesBy<K>;
	for (const f of files) {
		const t = out[keyOf(f.rel)];
		t.files++;
		t.bytes += f.bytes;
	}
	return out;
}

/** Sums files (path relative to dist/, size in bytes) by page type. */
export function bytesByPageType(files: Iterable<{ rel: string; bytes: number }>): BytesByType {
	return sumBy(files, PAGE_TYPES, pageTypeOf);
}

/** Output KB per task by page type (1 KB = 1,024 bytes, one decimal), with the total under `all`. */
export function kbPerTask<K extends string>(
	byType: Record<K, { bytes: number }>,
	tasks: number,
): Record<K | 'all', number> {
	const kb = (bytes: number) => +(bytes / 1024 / tasks).toFixed(1);
	const entries = Object.entries(byType) as [K, { bytes: number }][];
	const all = entries.reduce((n, [, t]) => n + t.bytes, 0);
	return { ...(Object.fromEntries(entries.map(([t, v]) => [t, kb(v.bytes)])) as Record<K, number>), all: kb(all) };
}

/** The kinds of file the bench reports output bytes for (issue #28: where the bytes are, by format). */
export const FILE_KINDS = ['html', 'atom', 'csv', 'json', 'xlsx', 'search index', 'js/css', 'other'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

const BY_EXTENSION: Record<string, FileKind> = {
	html: 'html',
	xml: 'atom',
	csv: 'csv',
	json: 'json',
	xlsx: 'xlsx',
	js: 'js/css',
	css: 'js/css',
};

/** The file kind of a file of the built site by its path relative to dist/ (Pagefind's bundle is one kind). */
export function fileKindOf(rel: string): FileKind {
	if (rel.startsWith('pagefind/')) return 'search index';
	// The sitemap is XML too, but not a feed: it is counted with the rest.
	if (rel.endsWith('.xml') && !rel.startsWith('feeds/')) return 'other';
	return BY_EXTENSION[rel.slice(rel.lastIndexOf('.') + 1)] ?? 'other';
}

/** Sums files (path relative to dist/, size in bytes) by file kind. */
export function bytesByFileKind(files: Iterable<{ rel: string; bytes: number }>): BytesBy<FileKind> {
	return sumBy(files, FILE_KINDS, fileKindOf);
}

/**
 * Pagefind's fixed part of a first query: what it loads before any word (entry, script and worker, wasm, meta). The
 * rest (index chunks, filters, fragments) is what our pages and records decide.
 */
export const FIXED_KINDS = ['entry', 'js', 'wasm', 'meta'] as const;

/** A first query's wire bytes split into Pagefind's fixed part and the bytes above it. */
export function splitFixed(byKind: Readonly<Record<string, { wireBytes: number }>>): { fixed: number; above: number } {
	let fixed = 0;
	let above = 0;
	for (const [kind, { wireBytes }] of Object.entries(byKind))
		if ((FIXED_KINDS as readonly string[]).includes(kind)) fixed += wireBytes;
		else above += wireBytes;
	return { fixed, above };
}

/** A text table of KB per task, one row per labelled result, one column per key and `all` (as the bench prints). */
export function kbTable<K extends string>(
	title: string,
	keys: readonly K[],
	rows: readonly { label: string; kb?: Partial<Record<K | 'all', number>> }[],
): string {
	const table = [
		[title, ...keys, 'all'],
		...rows.map((r) => [r.label, ...[...keys, 'all' as const].map((k) => String(r.kb?.[k] ?? '–'))]),
	];
	const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
	return table.map((row) => row.map((c, i) => c.padStart(widths[i]!)).join('  ')).join('\n');
}
