import { describe, expect, it } from 'vitest';
import {
	decodeEntities,
	excerptParts,
	hasCjk,
	mergeResults,
	normalizeQuery,
	planQueries,
} from '../../src/lib/search/query.ts';

describe('planQueries', () => {
	it('searches a run of three or more CJK characters as a phrase first, then loosely', () => {
		expect(planQueries('清洁取暖')).toEqual(['"清洁取暖"', '清洁取暖']);
		expect(planQueries('责任单位')).toEqual(['"责任单位"', '责任单位']);
		expect(planQueries('满意率')).toEqual(['"满意率"', '满意率']);
	});
	it('leaves one- and two-character terms and non-CJK queries as they are', () => {
		expect(planQueries('焦化')).toEqual(['焦化']);
		expect(planQueries('散煤 太原')).toEqual(['散煤 太原']);
		expect(planQueries('PM2.5')).toEqual(['PM2.5']);
	});
	it('quotes only the long runs of a mixed query', () => {
		expect(planQueries('太原 清洁取暖')).toEqual(['太原 "清洁取暖"', '太原 清洁取暖']);
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
