import { describe, expect, it } from 'vitest';
import { pagerItems, type PagerItem } from '#src/lib/view/pager.ts';

const show = (items: PagerItem[]) => items.map((i) => ('gap' in i ? '…' : String(i.page))).join(' ');

describe('pagerItems', () => {
	it('lists every page when there are few', () => {
		expect(show(pagerItems(1, 5))).toBe('1 2 3 4 5');
		expect(show(pagerItems(3, 3))).toBe('1 2 3');
		expect(show(pagerItems(1, 1))).toBe('1');
	});
	it('keeps the first and last page and a window around the current one', () => {
		expect(show(pagerItems(1, 2500))).toBe('1 2 3 … 2500');
		expect(show(pagerItems(1250, 2500))).toBe('1 … 1248 1249 1250 1251 1252 … 2500');
		expect(show(pagerItems(2500, 2500))).toBe('1 … 2498 2499 2500');
	});
	it('shows a single skipped number instead of a gap', () => {
		expect(show(pagerItems(5, 10))).toBe('1 2 3 4 5 6 7 … 10');
		expect(show(pagerItems(4, 10))).toBe('1 2 3 4 5 6 … 10');
	});
	it('stays small however many pages there are', () => {
		expect(pagerItems(5000, 10000).length).toBeLessThanOrEqual(9);
	});
});
