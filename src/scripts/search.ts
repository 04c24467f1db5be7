// The /search/ page: Pagefind's JS API behind our own accessible form. Query, facets and order live in the URL.
// Rendering uses DOM nodes and textContent only (no innerHTML), so nothing from the index can inject markup,
// and it needs no inline script or style: it runs under a strict Content-Security-Policy.
import { FACETS, type FacetKey } from '#src/lib/search/facets.ts';
import {
	excerptParts,
	excerptText,
	mergeResults,
	planQueries,
	queryTerms,
	rankPhraseHits,
	titleFirst,
} from '#src/lib/search/query.ts';
import {
	facetFilterName,
	hasFilters,
	pagefindOptions,
	sameState,
	stateFromParams,
	stateToSearch,
	withoutFacet,
	type SearchState,
} from '#src/lib/search/url.ts';

interface PagefindSubResult {
	title: string;
	url: string;
	excerpt: string;
	anchor?: { id: string };
}
interface PagefindData {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	sub_results: PagefindSubResult[];
}
interface PagefindResult {
	id: string;
	data(): Promise<PagefindData>;
}
interface PagefindResponse {
	results: PagefindResult[];
	filters: Record<string, Record<string, number>>;
}
interface Pagefind {
	options(o: Record<string, unknown>): Promise<void>;
	search(q: string | null, o?: object): Promise<PagefindResponse | null>;
	filters(): Promise<Record<string, Record<string, number>>>;
}

const PAGE_SIZE = 20;
const TYPING_DELAY = 250;
/** Sub-results shown under a result (the page's best sections: updates, plan chapters). */
const MAX_SUB = 3;
/** Closest tasks offered when a term is found nowhere. */
const MAX_CLOSEST = 5;

const form = document.getElementById('search-form') as HTMLFormElement | null;
if (form) init(form);

function init(form: HTMLFormElement) {
	const input = form.querySelector<HTMLInputElement>('#q')!;
	const sortSelect = form.querySelector<HTMLSelectElement>('#sort')!;
	const status = document.getElementById('search-status')!;
	const list = document.getElementById('search-results') as HTMLOListElement;
	const more = document.getElementById('more-results') as HTMLButtonElement;
	const clear = document.getElementById('clear-filters') as HTMLButtonElement;
	const closest = document.getElementById('search-closest') as HTMLElement;
	document.getElementById('search-nojs')?.remove();
	// On phones the facet panel starts folded so results come first; without JS it stays open.
	const facets = document.getElementById('facets') as HTMLDetailsElement | null;
	if (facets && window.matchMedia('(max-width: 48rem)').matches) facets.open = false;
	// From here on the panel shows what its open state says (search.css folds it on phones until now).
	facets?.setAttribute('data-enhanced', '');

	let pagefind: Promise<Pagefind> | undefined;
	/** Every facet's filter file (one per facet), fetched once, after the first results are on screen. */
	let allFilters: Promise<void> | undefined;
	let filtersLoaded = false;
	let generation = 0;
	let results: PagefindResult[] = [];
	let shown = 0;
	let typingTimer: ReturnType<typeof setTimeout> | undefined;

	const loadPagefind = () =>
		(pagefind ??= (async () => {
			// A runtime URL keeps Vite from bundling the index's own script; it is fetched from this origin only.
			const url = new URL('/pagefind/pagefind.js', location.origin).href;
			const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
			await pf.options({ excerptLength: 36 });
			return pf;
		})());

	const readForm = (): SearchState => {
		const params = new URLSearchParams();
		params.set('q', input.value);
		for (const box of form.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked'))
			params.append(box.name, box.value);
		params.set('sort', sortSelect.value);
		// The unit role is not on the form: it comes with a shared link (?unit=…&role=any) and is kept while the unit
		// facet is.
		const role = new URLSearchParams(location.search).get('role');
		if (role) params.set('role', role);
		return stateFromParams(params);
	};

	const writeForm = (state: SearchState) => {
		input.value = state.q;
		sortSelect.value = state.sort;
		for (const box of form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
			box.checked = (state.filters[box.name as FacetKey] ?? []).includes(box.value);
		}
	};

	const urlState = () => stateFromParams(new URLSearchParams(location.search));

	const commit = (state: SearchState, mode: 'push' | 'replace') => {
		if (sameState(state, urlState())) return;
		const url = location.pathname + stateToSearch(state);
		if (mode === 'push') history.pushState(null, '', url);
		else history.replaceState(null, '', url);
	};

	async function run(state: SearchState) {
		const gen = ++generation;
		list.setAttribute('aria-busy', 'true');
		let pf: Pagefind;
		try {
			pf = await loadPagefind();
		} catch (e) {
			status.textContent = '搜索暂时无法使用（索引未能加载）。可以浏览整改任务清单。';
			console.warn(e);
			return;
		}
		const queries = planQueries(state.q);
		const options = pagefindOptions(state);
		facets?.setAttribute('aria-busy', 'true');
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
		list.replaceChildren();
		shown = 0;
		await showMore(gen, false, state.sort === 'relevance' ? queryTerms(state.q) : []);
		if (gen !== generation) return;
		await showClosest(notFound ? loose.slice(0, MAX_CLOSEST) : [], gen);
		if (gen !== generation) return;
		clear.hidden = !hasFilters(state);
		status.replaceChildren(...summary(state, phraseHits.length, phrased));
		list.removeAttribute('aria-busy');
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
		// The loose query's results contain the phrase results (same words, any position), so its counts hold for the
		// merged list.
		const counts: Partial<Record<FacetKey, Record<string, number>>> = {};
		await Promise.all(
			FACETS.map(async (f) => {
				const name = facetFilterName(state, f.key);
				if (!state.filters[f.key]?.length) counts[f.key] = loosest.filters[name] ?? {};
				else {
					// A selected facet's values are alternatives, so count each as if the facet's own selection were lifted.
					const other = await pf.search(looseQuery, pagefindOptions(withoutFacet(state, f.key)));
					counts[f.key] = other?.filters[name] ?? {};
				}
			}),
		);
		if (gen !== generation) return;
		showCounts(counts);
		facets?.removeAttribute('aria-busy');
	}

	function summary(state: SearchState, exact: number, phrased: boolean): Node[] {
		const nodes: Node[] = [];
		const what = state.q ? `“${state.q}”` : '全部页面';
		if (results.length === 0) {
			nodes.push(document.createTextNode(state.q ? `未找到包含${what}的结果。` : `没有找到与${what}相符的结果。`));
			if (hasFilters(state)) {
				nodes.push(document.createTextNode('可以尝试去掉部分筛选条件，'));
				const b = document.createElement('button');
				b.type = 'button';
				b.textContent = '清除全部筛选';
				b.addEventListener('click', clearFilters);
				nodes.push(b);
			} else {
				nodes.push(document.createTextNode('可以换一个较短的词、检查错别字，或'));
				const a = text('a', '浏览整改任务清单') as HTMLAnchorElement;
				a.href = '/tasks/';
				nodes.push(a, document.createTextNode('。'));
			}
			return nodes;
		}
		let line = `${what}：找到 ${results.length} 条结果`;
		if (phrased) line += `，其中 ${exact} 条完整包含该词组，排在前面`;
		if (hasFilters(state)) line += '（已按筛选条件缩小）';
		nodes.push(document.createTextNode(`${line}。`));
		return nodes;
	}

	/** The tasks closest to a term found nowhere (its loose matches), titled apart from results; hidden otherwise. */
	async function showClosest(candidates: PagefindResult[], gen: number) {
		const data = await Promise.all(candidates.map((r) => r.data()));
		if (gen !== generation) return;
		closest.replaceChildren();
		closest.hidden = data.length === 0;
		if (!data.length) return;
		closest.append(text('h2', '标题相近的任务（不含完整的检索词）'));
		const ul = document.createElement('ul');
		for (const d of data) {
			const li = document.createElement('li');
			const a = text('a', `${d.meta.number ? d.meta.number + ' ' : ''}${d.meta.title ?? d.url}`) as HTMLAnchorElement;
			a.href = d.url;
			li.append(a);
			ul.append(li);
		}
		closest.append(ul);
	}

	function showCounts(counts: Partial<Record<FacetKey, Record<string, number>>>) {
		for (const fieldset of form!.querySelectorAll<HTMLFieldSetElement>('fieldset[data-facet]')) {
			const key = fieldset.dataset.facet as FacetKey;
			for (const box of fieldset.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
				const n = counts[key]?.[box.value] ?? 0;
				const span = box.parentElement?.querySelector('[data-count]');
				if (span) span.textContent = `（${n}）`;
				box.closest('li')?.classList.toggle('zero', n === 0 && !box.checked);
			}
		}
	}

	/** Renders the next page of results; the first page of a relevance search puts tasks named by the words first. */
	async function showMore(gen: number, focusFirst: boolean, titleTerms: string[] = []) {
		const page = results.slice(shown, shown + PAGE_SIZE);
		const data = await Promise.all(page.map((r) => r.data()));
		if (gen !== generation) return;
		const items = titleFirst(data, titleTerms).map(renderResult);
		list.append(...items);
		shown += page.length;
		more.hidden = shown >= results.length;
		if (focusFirst) items[0]?.querySelector('a')?.focus();
	}

	function text(tag: string, content: string, className?: string): HTMLElement {
		const el = document.createElement(tag);
		el.textContent = content;
		if (className) el.className = className;
		return el;
	}

	function excerpt(html: string, className: string): HTMLElement {
		const p = document.createElement('p');
		p.className = className;
		for (const part of excerptParts(html))
			p.append(part.mark ? text('mark', part.text) : document.createTextNode(part.text));
		return p;
	}

	function renderResult(d: PagefindData): HTMLLIElement {
		const li = document.createElement('li');
		li.className = 'result';
		const h = document.createElement('h3');
		const a = document.createElement('a');
		a.href = d.url;
		if (d.meta.number) a.append(text('span', d.meta.number, 'result-number'), document.createTextNode(' '));
		a.append(document.createTextNode(d.meta.title ?? d.url));
		h.append(a);
		li.append(h);
		const facts = document.createElement('p');
		facts.className = 'result-facts';
		if (d.meta.status && d.meta.status_key)
			facts.append(text('span', d.meta.status, `badge s-${d.meta.status_key}`), document.createTextNode(' '));
		else if (d.meta.kind) facts.append(text('span', d.meta.kind, 'result-kind'), document.createTextNode(' '));
		if (d.meta.unit)
			facts.append(document.createTextNode(`${d.meta.kind === '整改任务' ? '牵头单位：' : ''}${d.meta.unit}`));
		if (d.meta.provenance_key === 'sample')
			facts.append(document.createTextNode(' '), text('span', d.meta.provenance ?? '', 'badge'));
		if (facts.childNodes.length) li.append(facts);
		li.append(excerpt(d.excerpt, 'result-excerpt'));
		// Sections worth a link of their own: not the page itself, not its title, not the excerpt already shown.
		const main = excerptText(d.excerpt);
		const subs = d.sub_results
			.filter(
				(s) =>
					s.anchor &&
					s.url !== d.url &&
					s.title !== d.meta.title &&
					!s.title.endsWith(`：${d.meta.title}`) &&
					excerptText(s.excerpt) !== main,
			)
			.slice(0, MAX_SUB);
		if (subs.length) {
			const ul = document.createElement('ul');
			ul.className = 'result-subs';
			for (const s of subs) {
				const sli = document.createElement('li');
				const sa = text('a', s.title) as HTMLAnchorElement;
				sa.href = s.url;
				sli.append(sa, excerpt(s.excerpt, 'result-excerpt'));
				ul.append(sli);
			}
			li.append(ul);
		}
		return li;
	}

	function clearFilters() {
		const state = { ...readForm(), filters: {} };
		writeForm(state);
		commit(state, 'push');
		void run(state);
		input.focus();
	}

	form.addEventListener('submit', (e) => {
		e.preventDefault();
		clearTimeout(typingTimer);
		const state = readForm();
		commit(state, 'push');
		void run(state);
	});
	input.addEventListener('input', () => {
		clearTimeout(typingTimer);
		typingTimer = setTimeout(() => {
			const state = readForm();
			commit(state, 'replace');
			void run(state);
		}, TYPING_DELAY);
	});
	input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
	form.addEventListener('change', (e) => {
		if (e.target === input) return;
		const state = readForm();
		commit(state, 'push');
		void run(state);
	});
	clear.addEventListener('click', clearFilters);
	more.addEventListener('click', () => void showMore(generation, true));
	window.addEventListener('popstate', () => {
		const state = urlState();
		writeForm(state);
		void run(state);
	});

	const initial = urlState();
	writeForm(initial);
	void run(initial);
}
