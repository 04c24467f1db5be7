// The /search/ page: Pagefind's JS API behind our own accessible form. Query, facets and order live in the URL
// (search-url-state.ts); results are built from DOM nodes (search-render.ts); facet counts follow the results
// (search-facets.ts). It needs no inline script or style: it runs under a strict Content-Security-Policy.
import { mergeResults, planQueries, queryTerms, rankPhraseHits, titleFirst } from '#src/lib/search/query.ts';
import { hasFilters, pagefindOptions, type SearchState } from '#src/lib/search/url.ts';
import { areaFacet, facetCounts, showCounts } from './search-facets.ts';
import { pagefindLoader, type Pagefind, type PagefindResponse, type PagefindResult } from './search-pagefind.ts';
import { renderClosest, renderResult, summary } from './search-render.ts';
import { urlState, type UrlState } from './search-url-state.ts';

const PAGE_SIZE = 20;
const TYPING_DELAY = 250;
/** Closest tasks offered when a term is found nowhere. */
const MAX_CLOSEST = 5;

/** The parts of the page the script fills in. */
interface SearchPage {
	form: HTMLFormElement;
	input: HTMLInputElement;
	status: HTMLElement;
	list: HTMLOListElement;
	more: HTMLButtonElement;
	clear: HTMLButtonElement;
	closest: HTMLElement;
	facets: HTMLDetailsElement | null;
}

const form = document.getElementById('search-form') as HTMLFormElement | null;
if (form) init(form);

function init(form: HTMLFormElement) {
	const page: SearchPage = {
		form,
		input: form.querySelector<HTMLInputElement>('#q')!,
		status: document.getElementById('search-status')!,
		list: document.getElementById('search-results') as HTMLOListElement,
		more: document.getElementById('more-results') as HTMLButtonElement,
		clear: document.getElementById('clear-filters') as HTMLButtonElement,
		closest: document.getElementById('search-closest') as HTMLElement,
		facets: document.getElementById('facets') as HTMLDetailsElement | null,
	};
	document.getElementById('search-nojs')?.remove();
	// On phones the facet panel starts folded so results come first; without JS it stays open.
	if (page.facets && window.matchMedia('(max-width: 48rem)').matches) page.facets.open = false;
	// From here on the panel shows what its open state says (search.css folds it on phones until now).
	page.facets?.setAttribute('data-enhanced', '');
	const loadPagefind = pagefindLoader();
	const url = urlState(form);
	const clearFilters = () => {
		const state = { ...url.readForm(), filters: {} };
		url.writeForm(state);
		commitAndRun(state, 'push');
		page.input.focus();
	};
	const search = searcher(page, loadPagefind, clearFilters);
	const commitAndRun = (state: SearchState, mode: 'push' | 'replace') => {
		url.commit(state, mode);
		void search.run(state);
	};
	wire(page, url, commitAndRun, clearFilters);
	page.input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
	page.more.addEventListener('click', () => void search.showMore(true));
	window.addEventListener('popstate', () => {
		const state = url.fromUrl();
		url.writeForm(state);
		void search.run(state);
	});
	const initial = url.fromUrl();
	url.writeForm(initial);
	void search.run(initial);
}

/** Form events: submitting and ticking push a history entry, typing replaces it after a pause. */
function wire(
	page: SearchPage,
	url: UrlState,
	commitAndRun: (state: SearchState, mode: 'push' | 'replace') => void,
	clearFilters: () => void,
) {
	let typingTimer: ReturnType<typeof setTimeout> | undefined;
	page.form.addEventListener('submit', (e) => {
		e.preventDefault();
		clearTimeout(typingTimer);
		commitAndRun(url.readForm(), 'push');
	});
	page.input.addEventListener('input', () => {
		clearTimeout(typingTimer);
		typingTimer = setTimeout(() => commitAndRun(url.readForm(), 'replace'), TYPING_DELAY);
	});
	page.form.addEventListener('change', (e) => {
		if (e.target !== page.input) commitAndRun(url.readForm(), 'push');
	});
	page.clear.addEventListener('click', clearFilters);
}

/**
 * Runs searches and shows their results. Each run has a generation number: a run overtaken by a newer one (the reader
 * typed on) stops writing to the page.
 */
function searcher(page: SearchPage, loadPagefind: () => Promise<Pagefind>, clearFilters: () => void) {
	/** Every facet's filter file (one per facet), fetched once, after the first results are on screen. */
	let allFilters: Promise<void> | undefined;
	let filtersLoaded = false;
	let generation = 0;
	let results: PagefindResult[] = [];
	let shown = 0;
	const showAreas = areaFacet(page.form);

	async function run(state: SearchState) {
		const gen = ++generation;
		page.list.setAttribute('aria-busy', 'true');
		let pf: Pagefind;
		try {
			pf = await loadPagefind();
		} catch (e) {
			page.status.textContent = '搜索暂时无法使用（索引未能加载）。可以浏览整改任务清单。';
			console.warn(e);
			return;
		}
		page.facets?.setAttribute('aria-busy', 'true');
		await showAreas(state);
		if (gen !== generation) return;
		const queries = planQueries(state.q);
		const options = pagefindOptions(state);
		const countedAll = filtersLoaded;
		const searches = await Promise.all((queries.length ? queries : [null]).map((q) => pf.search(q, options)));
		if (gen !== generation || searches.some((s) => !s)) return;
		const found = searches as PagefindResponse[];
		const phrased = queries.length > 1;
		const phraseHits = found[0]!.results;
		const loose = found.at(-1)!.results;
		// A term with no exact match at all is not found: its loose matches share only single characters with it, and
		// are offered apart as the closest tasks, never as results.
		const notFound = phrased && phraseHits.length === 0;
		if (notFound) results = [];
		else if (phrased && state.sort === 'relevance') results = mergeResults([rankPhraseHits(phraseHits, loose), loose]);
		else results = mergeResults(found.map((s) => s.results));
		page.list.replaceChildren();
		shown = 0;
		await showMore(false, state.sort === 'relevance' ? queryTerms(state.q) : [], gen);
		if (gen !== generation) return;
		const closest = await Promise.all((notFound ? loose.slice(0, MAX_CLOSEST) : []).map((r) => r.data()));
		if (gen !== generation) return;
		renderClosest(page.closest, closest);
		page.clear.hidden = !hasFilters(state);
		page.status.replaceChildren(...summary(state, results.length, phraseHits.length, phrased, clearFilters));
		page.list.removeAttribute('aria-busy');
		await showFacetCounts(pf, state, queries.at(-1) ?? null, countedAll ? found.at(-1)! : undefined, gen);
	}

	/**
	 * Facet counts come after the results. Pagefind counts only the facets whose filter file is loaded, and at 10,000
	 * tasks the eight files weigh more than the rest of a first query (docs/search.md), so the first results do not
	 * wait for them: they are fetched afterwards and the loose query runs once more (index chunks cached) to count.
	 */
	async function showFacetCounts(
		pf: Pagefind,
		state: SearchState,
		looseQuery: string | null,
		counted: PagefindResponse | undefined,
		gen: number,
	) {
		if (!counted) await (allFilters ??= pf.filters().then(() => void (filtersLoaded = true)));
		if (gen !== generation) return;
		const loosest = counted ?? (await pf.search(looseQuery, pagefindOptions(state)));
		if (gen !== generation || !loosest) return;
		const counts = await facetCounts(pf, state, looseQuery, loosest);
		if (gen !== generation) return;
		showCounts(page.form, counts);
		page.facets?.removeAttribute('aria-busy');
	}

	/** Renders the next page of results; the first page of a relevance search puts tasks named by the words first. */
	async function showMore(focusFirst: boolean, titleTerms: string[] = [], gen = generation) {
		const next = results.slice(shown, shown + PAGE_SIZE);
		const data = await Promise.all(next.map((r) => r.data()));
		if (gen !== generation) return;
		const items = titleFirst(data, titleTerms).map(renderResult);
		page.list.append(...items);
		shown += next.length;
		page.more.hidden = shown >= results.length;
		if (focusFirst) items[0]?.querySelector('a')?.focus();
	}

	return { run, showMore };
}
