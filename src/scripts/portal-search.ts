// The national portal's search (issue #18), served as /portal-search.js (scripts/portal.ts strips the types; no
// imports, so no bundler). Each provincial site keeps its own Pagefind index; this merges them in the browser with
// Pagefind's mergeIndex (each with a site filter), labels each result with its site by URL, after checking each site
// answers. A site that does not is
// named on the page and left out; the others still search.

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
	data(): Promise<{ url: string; excerpt: string; meta: { title?: string }; filters: Record<string, string[]> }>;
}
interface Pagefind {
	mergeIndex(url: string, options: Record<string, unknown>): Promise<void>;
	search(term: string): Promise<{ results: PagefindResult[] } | null>;
}

const PAGE_SIZE = 20;
const form = document.querySelector<HTMLFormElement>('#portal-search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = document.getElementById('portal-search-status')!;
const list = document.getElementById('portal-results')!;
const unavailable = document.getElementById('portal-search-unavailable')!;

/** Whether a site's index answers (a down site must not break the search of the others). */
async function answers(site: SearchSite): Promise<boolean> {
	try {
		const r = await fetch(site.bundle + 'pagefind-entry.json', { signal: AbortSignal.timeout(8000) });
		return r.ok;
	} catch {
		return false;
	}
}

let ready: Promise<{ pagefind: Pagefind; sites: SearchSite[] }> | undefined;

/**
 * The site a result belongs to, by its URL (each merged index is given its site's base URL). Pagefind's mergeFilter
 * labels a merged index for filtering only: a result's data() carries the page's own filters, not the merged one.
 */
function siteOf(url: string, sites: readonly SearchSite[]): string {
	return sites.filter((s) => url.startsWith(s.url)).sort((a, b) => b.url.length - a.url.length)[0]?.label ?? '全国汇总';
}

/** Loads the portal's own bundle and merges every site that answers (once). */
function load(): Promise<{ pagefind: Pagefind; sites: SearchSite[] }> {
	ready ??= (async () => {
		const config = (await (await fetch('/portal-sites.json')).json()) as PortalConfig;
		const pagefind = (await import('/pagefind/pagefind.js' as string)) as Pagefind;
		const up = await Promise.all(config.sites.map(answers));
		const down = config.sites.filter((_, i) => !up[i]);
		if (down.length) {
			unavailable.hidden = false;
			unavailable.textContent = `以下站点暂时无法连接，本次搜索不含其结果：${down.map((s) => s.label).join('、')}。`;
		}
		for (const s of config.sites.filter((_, i) => up[i]))
			await pagefind.mergeIndex(s.bundle, { baseUrl: s.url, mergeFilter: { [config.filter]: s.label } });
		return { pagefind, sites: config.sites };
	})();
	return ready;
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

async function run(term: string): Promise<void> {
	list.replaceChildren();
	if (!term.trim()) {
		status.textContent = '';
		return;
	}
	status.textContent = '正在搜索…';
	list.setAttribute('aria-busy', 'true');
	try {
		const { pagefind, sites } = await load();
		const found = (await pagefind.search(term))?.results ?? [];
		const shown = await Promise.all(found.slice(0, PAGE_SIZE).map((r) => r.data()));
		for (const d of shown) {
			const li = document.createElement('li');
			const site = document.createElement('span');
			site.className = 'site';
			site.textContent = siteOf(d.url, sites);
			const a = document.createElement('a');
			a.href = d.url;
			a.textContent = d.meta.title ?? d.url;
			const p = document.createElement('p');
			p.append(...excerptNodes(d.excerpt));
			li.append(site, ' ', a, p);
			list.append(li);
		}
		status.textContent = found.length
			? `共 ${found.length} 条结果${found.length > PAGE_SIZE ? `，显示前 ${PAGE_SIZE} 条` : ''}。`
			: '未找到。可以换个词，或到各站点的搜索页按条件筛选。';
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
