// The national portal's search (issue #18), served as /portal-search.js (scripts/portal.ts strips the types; no
// imports, so no bundler). Each provincial site keeps its own Pagefind index. Each site is searched in its own
// Pagefind instance (the portal's same-origin bundle imported once per site, with that site's index merged in), so a
// site whose bundle is broken, down or slow is named in the per-site status lines and left out while the others
// still answer (issue #25). A result whose URL (after resolution) is not on its site's own origin is dropped, and
// that site's status line says how many.
interface SearchSite {
	label: string;
	url: string;
	bundle: string;
}
interface PortalConfig {
	filter: string;
	sites: SearchSite[];
}
interface PagefindResult {
	score: number;
	data(): Promise<{ url: string; excerpt: string; meta: { title?: string }; filters: Record<string, string[]> }>;
}
interface Pagefind {
	mergeIndex(url: string, options: Record<string, unknown>): Promise<void>;
	search(term: string, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
}

const PAGE_SIZE = 20;
const form = document.querySelector<HTMLFormElement>('#portal-search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = document.getElementById('portal-search-status')!;
const list = document.getElementById('portal-results')!;
const unavailable = document.getElementById('portal-search-unavailable')!;

/** How long one site's index may take to answer, load or search before it is left out. */
const SITE_TIMEOUT_MS = 15_000;

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
	return Promise.race([
		p,
		new Promise<T>((_, fail) => setTimeout(() => fail(new Error(`${what}超时`)), SITE_TIMEOUT_MS)),
	]);
}

/** A site's index answers, or the reason it does not (a down site must not break the search of the others). */
async function answers(site: SearchSite): Promise<void> {
	let r: Response;
	try {
		r = await fetch(site.bundle + 'pagefind-entry.json', { signal: AbortSignal.timeout(8000) });
	} catch {
		throw new Error('暂时无法连接');
	}
	if (!r.ok) throw new Error(`搜索索引返回 HTTP ${r.status}`);
}

let config: Promise<PortalConfig> | undefined;
const engines = new Map<string, Promise<Pagefind>>();

/**
 * A site's own Pagefind instance, loaded once: a separate module instance per site (its own worker and WASM
 * memory), so one broken bundle breaks one site's search only.
 */
function engineFor(site: SearchSite, i: number, filter: string): Promise<Pagefind> {
	let engine = engines.get(site.url);
	if (!engine) {
		engine = (async () => {
			await answers(site);
			const pagefind = (await import(`/pagefind/pagefind.js?site=${i}` as string)) as Pagefind;
			const merged = pagefind.mergeIndex(site.bundle, { baseUrl: site.url, mergeFilter: { [filter]: site.label } });
			await withTimeout(merged, '加载搜索索引');
			return pagefind;
		})();
		engines.set(site.url, engine);
	}
	return engine;
}

/** A result and the site whose index gave it. */
interface Found {
	r: PagefindResult;
	site: SearchSite;
}

/** What one site's search gave this time: its results, those dropped for pointing elsewhere, or why it failed. */
interface Outcome {
	found: number;
	foreign: number;
	problem?: string;
}

/** The reason an error gives, short enough for a status line. */
const reason = (e: unknown) => String((e as Error)?.message ?? e).slice(0, 80);

/** One site's results (the filter leaves out the portal's own record, which every instance also holds). */
async function searchSite(site: SearchSite, i: number, filter: string, term: string): Promise<Found[]> {
	const pagefind = await engineFor(site, i, filter);
	const found = await withTimeout(pagefind.search(term, { filters: { [filter]: site.label } }), '搜索');
	return (found?.results ?? []).map((r) => ({ r, site }));
}

/**
 * The first PAGE_SIZE results, best first, whose URL is on their own site's origin; the others met on the way are
 * counted against their site as foreign and dropped (a site's index cannot put links to other hosts under its name).
 */
async function onOwnOrigin(all: readonly Found[], outcomes: Map<string, Outcome>) {
	const kept: { d: Awaited<ReturnType<PagefindResult['data']>>; site: SearchSite }[] = [];
	for (let at = 0; at < all.length && kept.length < PAGE_SIZE; at += PAGE_SIZE) {
		const batch = all.slice(at, at + PAGE_SIZE);
		const data = await Promise.all(batch.map((f) => f.r.data()));
		for (const [k, d] of data.entries()) {
			const site = batch[k]!.site;
			let origin = '';
			try {
				origin = new URL(d.url, location.href).origin;
			} catch {
				// An unparsable URL is as foreign as another host's.
			}
			if (origin !== new URL(site.url).origin) outcomes.get(site.label)!.foreign++;
			else if (kept.length < PAGE_SIZE) kept.push({ d, site });
		}
	}
	return kept;
}

/** The per-site status lines: sites left out and why, results dropped as foreign. */
function showOutcomes(outcomes: Map<string, Outcome>): void {
	const lines = [...outcomes]
		.filter(([, o]) => o.problem || o.foreign)
		.map(([label, o]) =>
			o.problem
				? `${label}：未能搜索，本次结果不含该站点（${o.problem}）`
				: `${label}：${o.foreign} 条结果指向该站点以外的网址，已略去`,
		);
	unavailable.hidden = !lines.length;
	unavailable.replaceChildren(
		...lines.map((t) => {
			const li = document.createElement('li');
			li.textContent = t;
			return li;
		}),
	);
}

/** Pagefind's excerpt as nodes: its text and its <mark> highlights, nothing else. */
function excerptNodes(html: string): Node[] {
	const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
	return [...doc.body.firstChild!.childNodes].map((n) => {
		if (n.nodeName === 'MARK') {
			const m = document.createElement('mark');
			m.textContent = n.textContent;
			return m;
		}
		return document.createTextNode(n.textContent ?? '');
	});
}

/** One result as a list item: its site's label, its title linking to it, its excerpt. */
function resultItem(d: Awaited<ReturnType<PagefindResult['data']>>, label: string): HTMLLIElement {
	const li = document.createElement('li');
	const site = document.createElement('span');
	site.className = 'site';
	site.textContent = label;
	const a = document.createElement('a');
	a.href = d.url;
	a.textContent = d.meta.title ?? d.url;
	const p = document.createElement('p');
	p.append(...excerptNodes(d.excerpt));
	li.append(site, ' ', a, p);
	return li;
}

/** Searches every site in its own instance; a site that fails is reported and the others' results are shown. */
async function run(term: string): Promise<void> {
	list.replaceChildren();
	if (!term.trim()) {
		status.textContent = '';
		return;
	}
	status.textContent = '正在搜索…';
	list.setAttribute('aria-busy', 'true');
	try {
		config ??= fetch('/portal-sites.json').then((r) => r.json() as Promise<PortalConfig>);
		const { filter, sites } = await config;
		const outcomes = new Map(sites.map((s) => [s.label, { found: 0, foreign: 0 } as Outcome]));
		const perSite = await Promise.all(
			sites.map((s, i) =>
				searchSite(s, i, filter, term).catch((e: unknown) => {
					outcomes.get(s.label)!.problem = reason(e);
					return [];
				}),
			),
		);
		// Scores of different indexes are not strictly comparable (the page says so); merged by score all the same.
		const all = perSite.flat().sort((a, b) => b.r.score - a.r.score);
		const shown = await onOwnOrigin(all, outcomes);
		list.append(...shown.map(({ d, site }) => resultItem(d, site.label)));
		showOutcomes(outcomes);
		const dropped = [...outcomes.values()].reduce((n, o) => n + o.foreign, 0);
		const total = all.length - dropped;
		const noted = [...outcomes.values()].filter((o) => o.problem || o.foreign).length;
		status.textContent =
			(total
				? `共 ${total} 条结果${total > PAGE_SIZE ? `，显示前 ${PAGE_SIZE} 条` : ''}。`
				: '未找到。可以换个词，或到各站点的搜索页按条件筛选。') +
			(noted ? `有 ${noted} 个站点未能完整搜索，见上方说明。` : '');
	} catch (e) {
		status.textContent = `搜索出错：${String(e)}`;
	} finally {
		list.removeAttribute('aria-busy');
	}
}

form.addEventListener('submit', (e) => {
	e.preventDefault();
	const url = new URL(location.href);
	url.searchParams.set('q', input.value);
	history.replaceState(null, '', url);
	void run(input.value);
});
const initial = new URL(location.href).searchParams.get('q');
if (initial) {
	input.value = initial;
	void run(initial);
}

// A module (loaded with type="module"): its names stay its own.
export {};
