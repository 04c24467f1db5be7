import { describe, expect, it } from 'vitest';
import {
	hasFilters,
	pagefindOptions,
	sameState,
	stateFromParams,
	stateToSearch,
	withoutFacet,
} from '../../src/lib/search/url.ts';

const parse = (s: string) => stateFromParams(new URLSearchParams(s));

describe('search state <-> URL', () => {
	it('reads query, repeated facet values and sort; ignores unknown keys and sorts', () => {
		expect(parse('q=%E7%84%A6%E5%8C%96&status=已完成&status=逾期未完成&city=太原市&sort=due&foo=1')).toEqual({
			q: '焦化',
			filters: { status: ['已完成', '逾期未完成'], city: ['太原市'] },
			sort: 'due',
		});
		expect(parse('sort=nonsense').sort).toBe('relevance');
	});
	it('drops blanks and duplicates', () => {
		expect(parse('q=+&status=&status=已完成&status=已完成')).toEqual({
			q: '',
			filters: { status: ['已完成'] },
			sort: 'relevance',
		});
	});
	it('writes a stable, minimal query string that reads back to the same state', () => {
		const state = parse('sort=updated&unit=省生态环境厅&q=散煤&status=已销号');
		const search = stateToSearch(state);
		expect(search).toBe(
			`?q=${encodeURIComponent('散煤')}&status=${encodeURIComponent('已销号')}&unit=${encodeURIComponent('省生态环境厅')}&sort=updated`,
		);
		expect(parse(search.slice(1))).toEqual(state);
		expect(stateToSearch(parse(''))).toBe('');
	});
	it('compares states by their URL', () => {
		expect(sameState(parse('q=a&status=x'), parse('status=x&q=a&sort=relevance'))).toBe(true);
		expect(sameState(parse('q=a'), parse('q=b'))).toBe(false);
	});
});

describe('pagefindOptions', () => {
	it('ORs values within a facet and ANDs facets; maps the sort to its Pagefind key', () => {
		expect(pagefindOptions(parse('status=已完成&status=已销号&city=太原市&sort=updated'))).toEqual({
			filters: { status: { any: ['已完成', '已销号'] }, city: { any: ['太原市'] } },
			sort: { updated: 'desc' },
		});
		expect(pagefindOptions(parse('q=x'))).toEqual({ filters: {} });
	});
	it('lifts one facet for its own counts', () => {
		const s = parse('status=已完成&city=太原市');
		expect(withoutFacet(s, 'status').filters).toEqual({ city: ['太原市'] });
		expect(hasFilters(withoutFacet(withoutFacet(s, 'status'), 'city'))).toBe(false);
		expect(s.filters.status).toEqual(['已完成']);
	});
});
