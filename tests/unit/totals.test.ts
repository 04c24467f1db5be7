import { describe, expect, it } from 'vitest';
import { declaredTaskTotal } from '#src/lib/model/totals.ts';

describe('declaredTaskTotal', () => {
	it('sums the tasks every plan declares (home and snapshots show the same figure)', () => {
		expect(declaredTaskTotal([{ declaredTotals: { tasks: 38 } }, { declaredTotals: { tasks: 12 } }])).toBe(50);
		expect(declaredTaskTotal([])).toBe(0);
	});
});
