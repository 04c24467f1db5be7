import { describe, expect, it } from 'vitest';
import { durationWords } from '#src/lib/view/duration-words.ts';

describe('durationWords', () => {
	it('keeps short spans in days', () => {
		expect(durationWords(0)).toBe('0 天');
		expect(durationWords(59)).toBe('59 天');
	});
	it('says months below a year, with the exact days', () => {
		expect(durationWords(60)).toBe('约 2 个月（60 天）');
		expect(durationWords(244)).toBe('约 8 个月（244 天）');
	});
	it('rounds years the way a reader would, never hiding the exact count', () => {
		expect(durationWords(2534)).toBe('近 7 年（2534 天）');
		expect(durationWords(547)).toBe('约 1 年半（547 天）');
		expect(durationWords(400)).toBe('1 年多（400 天）');
		expect(durationWords(360)).toBe('近 1 年（360 天）');
		expect(durationWords(700)).toBe('近 2 年（700 天）');
	});
});
