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

/** Bytes and file count per page type, every type present (zero when absent). */
export type BytesByType = Record<PageType, { files: number; bytes: number }>;

/** Sums files (path relative to dist/, size in bytes) by page type. */
export function bytesByPageType(files: Iterable<{ rel: string; bytes: number }>): BytesByType {
	const out = Object.fromEntries(PAGE_TYPES.map((t) => [t, { files: 0, bytes: 0 }])) as BytesByType;
	for (const f of files) {
		const t = out[pageTypeOf(f.rel)];
		t.files++;
		t.bytes += f.bytes;
	}
	return out;
}

/** Output KB per task by page type (1 KB = 1,024 bytes, one decimal), with the total under `all`. */
export function kbPerTask(byType: BytesByType, tasks: number): Record<PageType | 'all', number> {
	const kb = (bytes: number) => +(bytes / 1024 / tasks).toFixed(1);
	const all = Object.values(byType).reduce((n, t) => n + t.bytes, 0);
	return {
		...(Object.fromEntries(PAGE_TYPES.map((t) => [t, kb(byType[t].bytes)])) as Record<PageType, number>),
		all: kb(all),
	};
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
