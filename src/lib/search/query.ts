/**
 * Query planning for Chinese search with Pagefind. Unquoted CJK compounds are loose in Pagefind
 * (生态环境 matches pages with 生态 and 环境 anywhere; measured in ../shared/research/tech.md §2.2, and a term
 * found nowhere, 量子纠缠, matches pages holding 量), so a run of two or more CJK characters is first searched
 * as an exact phrase, then loosely. Pagefind scores every phrase hit alike (1.0, in URL order), so the phrase
 * hits are put in the order the loose query ranks them (rankPhraseHits).
 */

import { decodeEntities } from '#src/lib/model/entities.ts';

// Han ideographs (with extensions and compatibility forms) and 〇; kana/hangul are not in our content.
const CJK = /[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]/u;
const CJK_RUN = /[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]{2,}/gu;

/** The Pagefind queries to run for what the user typed, best first (one or two; none for an empty query). */
export function planQueries(input: string): string[] {
	const q = normalizeQuery(input);
	if (!q) return [];
	// The user already asked for phrases: respect exactly what they wrote.
	if (q.includes('"')) return [q];
	const phrased = q.replace(CJK_RUN, (run) => `"${run}"`);
	return phrased === q ? [q] : [phrased, q];
}

/** Trims and collapses whitespace (including the ideographic space U+3000) and turns full-width quotes into ASCII. */
export function normalizeQuery(input: string): string {
	return input
		.replace(/[“”＂]/g, '"')
		.replace(/[\s\u3000]+/g, ' ')
		.trim();
}

/** True when the text contains at least one CJK ideograph. */
export function hasCjk(text: string): boolean {
	return CJK.test(text);
}

/**
 * Merges result lists in order, keeping the first occurrence of each id:
 * exact-phrase hits first, then the looser ones not already listed.
 */
export function mergeResults<T extends { id: string }>(lists: readonly (readonly T[])[]): T[] {
	const seen = new Set<string>();
	const out: T[] = [];
	for (const list of lists)
		for (const r of list)
			if (!seen.has(r.id)) {
				seen.add(r.id);
				out.push(r);
			}
	return out;
}

/**
 * The phrase hits in the loose query's relevance order (Pagefind gives every phrase hit the same score); hits the
 * loose query did not return keep their order after them.
 */
export function rankPhraseHits<T extends { id: string }>(phrase: readonly T[], loose: readonly T[]): T[] {
	const rank = new Map(loose.map((r, i) => [r.id, i]));
	const at = (r: T) => rank.get(r.id) ?? Number.MAX_SAFE_INTEGER;
	return phrase
		.map((r, i) => ({ r, i }))
		.sort((a, b) => at(a.r) - at(b.r) || a.i - b.i)
		.map((x) => x.r);
}

/** The words of a query (quotes dropped), for telling whether a result's title names them all. */
export function queryTerms(input: string): string[] {
	return normalizeQuery(input).replaceAll('"', ' ').split(' ').filter(Boolean);
}

/** What the title-first order needs to know of a result. */
export interface TitledResult {
	meta: { title?: string; number?: string; provenance_key?: string };
}

const PROVENANCE_RANK: Record<string, number> = { official: 0, partial: 1, sample: 2 };

/**
 * The first page of results with those whose number or title contains every query word first, and among those the
 * ones with official sources before partly sourced ones before samples (illustrations); otherwise Pagefind's order.
 * Pagefind's own scores barely tell a title hit from many mentions (BM25 saturates), and it knows nothing of sources.
 */
export function titleFirst<T extends TitledResult>(results: readonly T[], terms: readonly string[]): T[] {
	if (!terms.length) return [...results];
	const tier = (r: T) => {
		const named = `${r.meta.number ?? ''} ${r.meta.title ?? ''}`;
		if (!terms.every((t) => named.includes(t))) return 3;
		return PROVENANCE_RANK[r.meta.provenance_key ?? ''] ?? 0;
	};
	return results
		.map((r, i) => ({ r, i, t: tier(r) }))
		.sort((a, b) => a.t - b.t || a.i - b.i)
		.map((x) => x.r);
}

/** The plain text of an excerpt (marks dropped, entities decoded), for comparing two excerpts. */
export function excerptText(excerpt: string): string {
	return excerptParts(excerpt)
		.map((p) => p.text)
		.join('')
		.trim();
}

/** A piece of a Pagefind excerpt: plain text, or a highlighted match. */
export interface ExcerptPart {
	text: string;
	mark: boolean;
}

/**
 * Splits a Pagefind excerpt into text and <mark> parts, so it can be rendered with text nodes only:
 * every other tag is treated as text and nothing from the index ever reaches innerHTML.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
	const parts: ExcerptPart[] = [];
	const push = (raw: string, mark: boolean) => {
		const text = decodeEntities(raw);
		if (!text) return;
		const last = parts.at(-1);
		if (last && last.mark === mark) last.text += text;
		else parts.push({ text, mark });
	};
	const re = /<mark>([\s\S]*?)<\/mark>/g;
	let at = 0;
	for (let m = re.exec(excerpt); m; m = re.exec(excerpt)) {
		push(excerpt.slice(at, m.index), false);
		push(m[1] ?? '', true);
		at = m.index + m[0].length;
	}
	push(excerpt.slice(at), false);
	return parts;
}

/**
 * Where a sentence of indexed text ends: after 。 (a space or none follows), or after a full stop and a space (Pagefind
 * ends each block so). Zero-width spaces, which the index puts between words, count as spaces.
 */
const SENTENCE_END = /(?<=。)[\s\u200b]*|(?<=\.)[\s\u200b]+/g;

/** A page's indexed text cut into its sentences: the units the text gate reads, and what an excerpt shows whole. */
export function sentences(text: string): string[] {
	return text.split(SENTENCE_END).filter((s) => s.trim());
}

/**
 * How far an excerpt is widened either side at most (characters, zero-width spaces included): a verdict's mark follows
 * it within a few characters (1 项（均为示例）), while a paragraph of the plan's text may run for hundreds.
 */
const WIDEN_MAX = 120;

/**
 * A Pagefind excerpt widened to the whole sentences it touches in the page's indexed text (`content`), as parts: the
 * excerpt is a window of words, and one that ends in 逾期未完成1 项 must not drop the （均为示例） that follows in the
 * same sentence. Without the content, or when the excerpt is not found in it, the excerpt's own parts.
 */
export function wholeSentenceParts(excerpt: string, content: string | undefined): ExcerptPart[] {
	const parts = excerptParts(excerpt);
	const plain = parts.map((p) => p.text).join('');
	const at = content && plain ? content.indexOf(plain) : -1;
	if (!content || at < 0) return parts;
	let start = 0;
	let end = content.length;
	for (const m of content.matchAll(SENTENCE_END)) {
		if (m.index >= at + plain.length) {
			end = m.index;
			break;
		}
		if (m.index + m[0].length <= at) start = m.index + m[0].length;
	}
	// A long sentence (a paragraph of the plan's text) is cut at WIDEN_MAX characters either side, where … says so.
	const head = content.slice(start, at);
	const tail = content.slice(at + plain.length, end);
	const before = { text: head.length > WIDEN_MAX ? `…${head.slice(-WIDEN_MAX)}` : head, mark: false };
	const after = { text: tail.length > WIDEN_MAX ? `${tail.slice(0, WIDEN_MAX)}…` : tail, mark: false };
	return [before, ...parts, after].filter((p) => p.text);
}
