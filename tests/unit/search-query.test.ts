import { describe, expect, it } from 'vitest';
import { decodeEntities } from '#src/lib/model/entities.ts';
import {
	excerptParts,
	hasCjk,
	mergeResults,
	normalizeQuery,
	planQueries,
	queryTerms,
	rankPhraseHits,
	titleFirst,
	excerptText,
	sentences,
	wholeSentenceParts,
} from '#src/lib/search/query.ts';

describe('planQueries', () => {
	it('searches a run of two or more CJK characters as a phrase first, then loosely', () => {
		expect(planQueries('焦化')).toEqual(['"焦化"', '焦化']);
		expect(planQueries('量子纠缠')).toEqual(['"量子纠缠"', '量子纠缠']);
		expect(planQueries('清洁取暖')).toEqual(['"清洁取暖"', '清洁取暖']);
		expect(planQueries('责任单位')).toEqual(['"责任单位"', '责任单位']);
		expect(planQueries('满意率')).toEqual(['"满意率"', '满意率']);
	});
	it('leaves one-character terms and non-CJK queries as they are', () => {
		expect(planQueries('煤')).toEqual(['煤']);
		expect(planQueries('散煤 太原')).toEqual(['"散煤" "太原"', '散煤 太原']);
		expect(planQueries('PM2.5')).toEqual(['PM2.5']);
	});
	it('quotes only the runs of two or more CJK characters of a mixed query', () => {
		expect(planQueries('煤 清洁取暖')).toEqual(['煤 "清洁取暖"', '煤 清洁取暖']);
		expect(planQueries('2019年底前')).toEqual(['2019"年底前"', '2019年底前']);
	});
	it('respects quotes the user typed, ASCII or full-width', () => {
		expect(planQueries('"清洁取暖"')).toEqual(['"清洁取暖"']);
		expect(planQueries('“清洁取暖”')).toEqual(['"清洁取暖"']);
	});
	it('returns nothing for an empty or blank query', () => {
		expect(planQueries('')).toEqual([]);
		expect(planQueries(' \u3000 ')).toEqual([]);
	});
});

describe('normalizeQuery and hasCjk', () => {
	it('collapses ideographic and ASCII spaces', () => {
		expect(normalizeQuery('  焦化\u3000\u3000 太原 ')).toBe('焦化 太原');
	});
	it('detects Han ideographs', () => {
		expect(hasCjk('PM2.5 浓度')).toBe(true);
		expect(hasCjk('PM2.5')).toBe(false);
	});
});

describe('mergeResults', () => {
	it('keeps phrase hits first and drops later duplicates', () => {
		const a = [{ id: 'x' }, { id: 'y' }];
		const b = [{ id: 'z' }, { id: 'x' }, { id: 'w' }];
		expect(mergeResults([a, b]).map((r) => r.id)).toEqual(['x', 'y', 'z', 'w']);
	});
});

describe('wholeSentenceParts (issue #23: an excerpt never drops the mark of its sentence)', () => {
	// /units/zrzyt/ as Pagefind indexed it (zero-width spaces between words), and the excerpt it cut from it.
	const z = (t: string) => [...t].join('\u200b');
	const content = `${z('山西省自然资源厅')}. ${z('牵头任务1 项')}. ${z('逾期未完成1 项（均为示例） 未达到序时进度0 项')}. ${z('预警规则。红色预警：有逾期。')}`;
	const cut = `<mark>${z('山西省自然资源厅')}</mark>. ${z('牵头任务1 项')}. ${z('逾期未完成1 项')}`;
	const shown = (parts: { text: string }[]) =>
		parts
			.map((p) => p.text)
			.join('')
			.replace(/\u200b/g, '');
	it('widens an excerpt that ends inside a sentence to its end, the mark included', () => {
		const parts = wholeSentenceParts(cut, content);
		expect(shown(parts)).toBe('山西省自然资源厅. 牵头任务1 项. 逾期未完成1 项（均为示例） 未达到序时进度0 项.');
		expect(parts.filter((p) => p.mark).map((p) => p.text.replace(/\u200b/g, ''))).toEqual(['山西省自然资源厅']);
	});
	it('widens one that starts inside a sentence to its start, and stops at 。', () => {
		expect(shown(wholeSentenceParts(z('红色预警'), content))).toBe('红色预警：有逾期。');
		expect(shown(wholeSentenceParts(z('任务1'), content))).toBe('牵头任务1 项.');
	});
	it('cuts a long sentence 120 characters either side of the excerpt, with …', () => {
		const long = `${'甲'.repeat(200)}焦化${'乙'.repeat(200)}。`;
		const text = shown(wholeSentenceParts('<mark>焦化</mark>', long));
		expect(text).toBe(`…${'甲'.repeat(120)}焦化${'乙'.repeat(120)}…`);
	});
	it('keeps the excerpt as it is without the content, or when the content does not hold it', () => {
		expect(shown(wholeSentenceParts(cut, undefined))).toBe('山西省自然资源厅. 牵头任务1 项. 逾期未完成1 项');
		expect(shown(wholeSentenceParts('别处', content))).toBe('别处');
	});
	it('cuts the text into the same sentences the text gate reads', () => {
		expect(sentences(content).map((x) => x.replace(/\u200b/g, ''))).toEqual([
			'山西省自然资源厅.',
			'牵头任务1 项.',
			'逾期未完成1 项（均为示例） 未达到序时进度0 项.',
			'预警规则。',
			'红色预警：有逾期。',
		]);
	});
});

describe('excerptParts', () => {
	it('splits marks from text and merges adjacent marks', () => {
		expect(excerptParts('推进<mark>焦化</mark><mark>企业</mark>治理')).toEqual([
			{ text: '推进', mark: false },
			{ text: '焦化企业', mark: true },
			{ text: '治理', mark: false },
		]);
	});
	it('decodes entities into text, so encoded markup never becomes markup', () => {
		const parts = excerptParts('&lt;script&gt;alert(1)&lt;/script&gt; <mark>A&amp;B</mark>');
		expect(parts).toEqual([
			{ text: '<script>alert(1)</script> ', mark: false },
			{ text: 'A&B', mark: true },
		]);
	});
	it('treats any tag other than <mark> as text', () => {
		expect(excerptParts('<b>x</b>')).toEqual([{ text: '<b>x</b>', mark: false }]);
	});
	it('decodes numeric entities and leaves unknown ones alone', () => {
		expect(decodeEntities('&#39;&#x4e2d;&bogus;')).toBe("'中&bogus;");
	});
});

describe('result order', () => {
	const r = (id: string) => ({ id });
	it('puts phrase hits in the loose query ranking (Pagefind scores every phrase hit 1.0)', () => {
		expect(rankPhraseHits([r('a'), r('b'), r('c'), r('x')], [r('c'), r('d'), r('a'), r('b')]).map((x) => x.id)).toEqual(
			['c', 'a', 'b', 'x'],
		);
		expect(rankPhraseHits([], [r('a')])).toEqual([]);
	});
	it('puts tasks named by every word first, official before partly sourced before samples, else keeps the order', () => {
		const res = (title: string, provenance_key?: string, number?: string) => ({
			meta: { title, provenance_key, number },
		});
		const mention = res('推进居民搬迁', 'official');
		const sample1 = res('纠正违规备案的焦化项目', 'sample');
		const sample2 = res('推动焦化企业深度治理', 'sample');
		const real = res('压减焦化总产能', 'official', '回头看第02号');
		const partial = res('焦化治理', 'partial');
		const out = titleFirst([mention, sample1, sample2, real, partial], queryTerms('焦化'));
		expect(out).toEqual([real, partial, sample1, sample2, mention]);
		expect(titleFirst([mention, real], queryTerms('第02号'))).toEqual([real, mention]);
		expect(titleFirst([mention, real], [])).toEqual([mention, real]);
		expect(queryTerms(' "焦化" 企业 ')).toEqual(['焦化', '企业']);
	});
	it('compares excerpts by their text', () => {
		expect(excerptText('压减<mark>焦化</mark>总产能 ')).toBe('压减焦化总产能');
	});
});
