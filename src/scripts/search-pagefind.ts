// The part of Pagefind's JS API the search page uses, and its loader. Pagefind's own script is fetched at run time
// from this origin (never bundled), so its types are declared here.
import { PAGEFIND_SCRIPT } from '#src/lib/publish/urls.ts';

/** A section of a result page that matched (an update, a plan chapter). */
export interface PagefindSubResult {
	title: string;
	url: string;
	excerpt: string;
	anchor?: { id: string };
}
/** A result's loaded fragment: its URL, excerpt, metadata and matching sections. */
export interface PagefindData {
	url: string;
	excerpt: string;
	/** The page's indexed text (an excerpt is widened to its whole sentences). */
	content?: string;
	meta: Record<string, string | undefined>;
	sub_results: PagefindSubResult[];
}
/** One result, its fragment loaded on demand. */
export interface PagefindResult {
	id: string;
	data(): Promise<PagefindData>;
}
/** A search's results and, per loaded filter file, the count of each value. */
export interface PagefindResponse {
	results: PagefindResult[];
	filters: Record<string, Record<string, number>>;
}
/** Pagefind's module as the search page calls it. */
export interface Pagefind {
	options(o: Record<string, unknown>): Promise<void>;
	search(q: string | null, o?: object): Promise<PagefindResponse | null>;
	filters(): Promise<Record<string, Record<string, number>>>;
}

/** Imports `/pagefind/pagefind.js` once and sets the excerpt length; later calls share the same promise. */
export function pagefindLoader(): () => Promise<Pagefind> {
	let pagefind: Promise<Pagefind> | undefined;
	return () =>
		(pagefind ??= (async () => {
			// A runtime URL keeps Vite from bundling the index's own script; it is fetched from this origin only.
			const url = new URL(PAGEFIND_SCRIPT, location.origin).href;
			const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
			await pf.options({ excerptLength: 36 });
			return pf;
		})());
}
