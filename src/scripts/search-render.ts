// What the search page shows: results, the status line and the closest tasks. DOM nodes and textContent only (no
// innerHTML), so nothing from the index can inject markup.
import { wholeSentenceParts } from '#src/lib/search/query.ts';
import { hasFilters, type SearchState } from '#src/lib/search/url.ts';
import type { PagefindData } from './search-pagefind.ts';
import { TASKS_PATH } from '#src/lib/publish/urls.ts';

/** Sub-results shown under a result (the page's best sections: updates, plan chapters). */
const MAX_SUB = 3;

/** An element holding `content` as text. */
export function text(tag: string, content: string, className?: string): HTMLElement {
	const el = document.createElement(tag);
	el.textContent = content;
	if (className) el.className = className;
	return el;
}

/** A paragraph of an excerpt, widened to whole sentences of the page's `content`: the matched words in `<mark>`. */
function excerpt(html: string, className: string, content: string | undefined): HTMLElement {
	const p = document.createElement('p');
	p.className = className;
	for (const part of wholeSentenceParts(html, content))
		p.append(part.mark ? text('mark', part.text) : document.createTextNode(part.text));
	return p;
}

/** The line under a result's title: status with its basis (or the page kind), lead unit, sample mark. */
function resultFacts(d: PagefindData): HTMLElement {
	const facts = document.createElement('p');
	facts.className = 'result-facts';
	if (d.meta.status && d.meta.status_key)
		facts.append(text('span', d.meta.status, `badge s-${d.meta.status_key}`), document.createTextNode(' '));
	else if (d.meta.kind) facts.append(text('span', d.meta.kind, 'result-kind'), document.createTextNode(' '));
	if (d.meta.unit)
		facts.append(document.createTextNode(`${d.meta.kind === '整改任务' ? '牵头单位：' : ''}${d.meta.unit}`));
	if (d.meta.provenance_key === 'sample')
		facts.append(document.createTextNode(' '), text('span', d.meta.provenance ?? '', 'badge'));
	return facts;
}

/** Sections worth a link of their own: not the page itself, not its title, not the excerpt already shown. */
function resultSections(d: PagefindData): HTMLElement | undefined {
	// Compared as shown: two excerpts that widen to the same sentences are one.
	const shown = (html: string) =>
		wholeSentenceParts(html, d.content)
			.map((p) => p.text)
			.join('')
			.trim();
	const main = shown(d.excerpt);
	const subs = d.sub_results
		.filter(
			(s) =>
				s.anchor &&
				s.url !== d.url &&
				s.title !== d.meta.title &&
				!s.title.endsWith(`：${d.meta.title}`) &&
				shown(s.excerpt) !== main,
		)
		.slice(0, MAX_SUB);
	if (!subs.length) return undefined;
	const ul = document.createElement('ul');
	ul.className = 'result-subs';
	for (const s of subs) {
		const sli = document.createElement('li');
		const sa = text('a', s.title) as HTMLAnchorElement;
		sa.href = s.url;
		sli.append(sa, excerpt(s.excerpt, 'result-excerpt', d.content));
		ul.append(sli);
	}
	return ul;
}

/** One result: number and title as a link, its facts, the excerpt and up to three matching sections. */
export function renderResult(d: PagefindData): HTMLLIElement {
	const li = document.createElement('li');
	li.className = 'result';
	const h = document.createElement('h3');
	const a = document.createElement('a');
	a.href = d.url;
	if (d.meta.number) a.append(text('span', d.meta.number, 'result-number'), document.createTextNode(' '));
	a.append(document.createTextNode(d.meta.title ?? d.url));
	h.append(a);
	li.append(h);
	const facts = resultFacts(d);
	if (facts.childNodes.length) li.append(facts);
	li.append(excerpt(d.excerpt, 'result-excerpt', d.content));
	const sections = resultSections(d);
	if (sections) li.append(sections);
	return li;
}

/**
 * The status line: how many results and how many contain the exact phrase, or, when nothing is found, what to try
 * next (a button that clears the filters, or a link to the task list).
 */
export function summary(
	state: SearchState,
	found: number,
	exact: number,
	phrased: boolean,
	clearFilters: () => void,
): Node[] {
	const nodes: Node[] = [];
	const what = state.q ? `“${state.q}”` : '全部页面';
	if (found === 0) {
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
			a.href = TASKS_PATH;
			nodes.push(a, document.createTextNode('。'));
		}
		return nodes;
	}
	let line = `${what}：找到 ${found} 条结果`;
	if (phrased) line += `，其中 ${exact} 条完整包含该词组，排在前面`;
	if (hasFilters(state)) line += '（已按筛选条件缩小）';
	nodes.push(document.createTextNode(`${line}。`));
	return nodes;
}

/** The tasks closest to a term found nowhere, titled apart from results; hidden when there are none. */
export function renderClosest(container: HTMLElement, data: PagefindData[]): void {
	container.replaceChildren();
	container.hidden = data.length === 0;
	if (!data.length) return;
	container.append(text('h2', '标题相近的任务（不含完整的检索词）'));
	const ul = document.createElement('ul');
	for (const d of data) {
		const li = document.createElement('li');
		const a = text('a', `${d.meta.number ? d.meta.number + ' ' : ''}${d.meta.title ?? d.url}`) as HTMLAnchorElement;
		a.href = d.url;
		li.append(a);
		ul.append(li);
	}
	container.append(ul);
}
