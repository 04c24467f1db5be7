import { describe, expect, it } from 'vitest';
import {
	hasFilters,
	pagefindOptions,
	sameState,
	stateFromParams,
	stateToSearch,
	withoutFacet,
} from '#src/lib/search/url.ts';

const parse = (s: string) => stateFromParams(new URLSearchParams(s));

describe('search state <-> URL', () => {
	it('reads query, repeated facet values and sort; ignores unknown keys and sorts', () => {
		expect(parse('q=%E7%84%A6%E5%8C%96&status=completed&status=overdue&city=taiyuan&sort=due&foo=1')).toEqual({
			q: '焦化',
			filters: { status: ['completed', 'overdue'], city: ['taiyuan'] },
			role: 'lead',
			sort: 'due',
		});
		// The /tasks/ form of the same state: comma lists.
		expect(parse('q=焦化&status=completed,overdue&city=taiyuan&sort=due')).toEqual(
			parse('q=焦化&status=completed&status=overdue&city=taiyuan&sort=due'),
		);
		expect(parse('sort=nonsense').sort).toBe('relevance');
	});
	it('drops blanks and duplicates', () => {
		expect(parse('q=+&status=&status=completed&status=completed')).toEqual({
			q: '',
			filters: { status: ['completed'] },
			role: 'lead',
			sort: 'relevance',
		});
	});
	it('writes a stable, minimal query string that reads back to the same state', () => {
		const state = parse('sort=updated&unit=sthjt&q=散煤&status=closed,overdue&role=any');
		const search = stateToSearch(state);
		expect(search).toBe(`?q=${encodeURIComponent('散煤')}&status=closed,overdue&unit=sthjt&role=any&sort=updated`);
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
		expect(pagefindOptions(parse('status=completed,closed&city=taiyuan&sort=updated'))).toEqual({
			filters: { status: { any: ['completed', 'closed'] }, city: { any: ['taiyuan'] } },
			sort: { updated: 'desc' },
		});
		// The unit facet under another role reads that role's hidden filter.
		expect(pagefindOptions(parse('unit=sthjt&role=any')).filters).toEqual({ unit_any: { any: ['sthjt'] } });
		expect(pagefindOptions(parse('unit=sthjt&role=support')).filters).toEqual({ unit_support: { any: ['sthjt'] } });
		expect(pagefindOptions(parse('unit=sthjt')).filters).toEqual({ unit: { any: ['sthjt'] } });
		expect(pagefindOptions(parse('q=x'))).toEqual({ filters: {} });
	});
	it('lifts one facet for its own counts', () => {
		const s = parse('status=completed&city=taiyuan');
		expect(withoutFacet(s, 'status').filters).toEqual({ city: ['taiyuan'] });
		expect(hasFilters(withoutFacet(withoutFacet(s, 'status'), 'city'))).toBe(false);
		expect(s.filters.status).toEqual(['completed']);
	});
});
