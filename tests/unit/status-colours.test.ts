import { describe, expect, it } from 'vitest';
import { differenceCiede2000, wcagContrast } from 'culori';
import { MIN_STATUS_DIFFERENCE, STATUS_LABELS, STATUS_TABLE, TASK_STATUSES } from '#src/lib/model/statuses.ts';

const difference = differenceCiede2000();

describe('status colours', () => {
	it('every pair of statuses differs by at least MIN_STATUS_DIFFERENCE (CIEDE2000)', () => {
		const close: string[] = [];
		for (const [i, a] of TASK_STATUSES.entries())
			for (const b of TASK_STATUSES.slice(i + 1)) {
				const d = difference(STATUS_TABLE[a].color, STATUS_TABLE[b].color);
				if (d < MIN_STATUS_DIFFERENCE) close.push(`${STATUS_LABELS[a]}/${STATUS_LABELS[b]} ΔE ${d.toFixed(1)}`);
			}
		expect(close).toEqual([]);
	});

	it('the difference function tells the old greens of 已销号 and 已完成 apart from the threshold', () => {
		// The two greens of session 6: under the threshold, so the check above can fail.
		expect(difference('#1f5f1f', '#1f6f1f')).toBeLessThan(MIN_STATUS_DIFFERENCE);
		// A known value: black and white are 100 apart.
		expect(difference('#000', '#fff')).toBeCloseTo(100, 0);
	});

	it('every status colour is readable as badge text on white (at least 4.5:1)', () => {
		const faint = TASK_STATUSES.filter((s) => wcagContrast(STATUS_TABLE[s].color, '#fff') < 4.5);
		expect(faint.map((s) => STATUS_LABELS[s])).toEqual([]);
	});
});
