import { describe, expect, it } from 'vitest';
import { changeMonthZh, formatDateZh, monthEnds, resolveAsOf, todayInShanghai } from '#src/lib/model/dates.ts';

describe('as-of date', () => {
	it('defaults to today in Asia/Shanghai, not UTC', () => {
		// 2019-12-31T17:30Z is already 2020-01-01 01:30 in Shanghai.
		expect(todayInShanghai(new Date('2019-12-31T17:30:00Z'))).toBe('2020-01-01');
		expect(resolveAsOf(undefined, new Date('2019-12-31T15:59:00Z'))).toBe('2019-12-31');
	});
	it('takes an explicit date and rejects an impossible one', () => {
		expect(resolveAsOf('2021-06-30')).toBe('2021-06-30');
		expect(() => resolveAsOf('2021-02-29')).toThrow(/AS_OF/);
	});
});

describe('monthEnds', () => {
	it('lists month ends across a year boundary and caps the last at the end date', () => {
		expect(monthEnds('2019-11-15', '2020-02-10')).toEqual(['2019-11-30', '2019-12-31', '2020-01-31', '2020-02-10']);
		expect(monthEnds('2020-02-01', '2020-02-29')).toEqual(['2020-02-29']);
	});
	it('formats dates in Chinese', () => {
		expect(formatDateZh('2019-05-06')).toBe('2019年5月6日');
	});
});

describe('changeMonthZh', () => {
	it('names a change page by its month, and says so when the page ends mid-month', () => {
		expect(changeMonthZh('2020-01-31')).toBe('2020年1月');
		expect(changeMonthZh('2020-02-29')).toBe('2020年2月');
		expect(changeMonthZh('2019-02-28')).toBe('2019年2月');
		expect(changeMonthZh('2021-06-15')).toBe('2021年6月（至15日）');
		expect(changeMonthZh('2020-02-28')).toBe('2020年2月（至28日）');
	});
});
