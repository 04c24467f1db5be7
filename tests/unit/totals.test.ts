import { describe, expect, it } from 'vitest';
import { declaredTaskTotal } from '#src/lib/model/totals.ts';

describe('declaredTaskTotal', () => {
	it('sums the tasks every plan declares (home and snapshots show the same figure)', () => {
		expect(declaredTaskTotal([{ declaredTotals: { tasks: 38 } }, { declaredTotals: { tasks: 12 } }])).toBe(50);
		// No plan declares a total: no figure, not a declared 0 (issue #22).
		expect(declaredTaskTotal([])).toBeUndefined();
		expect(declaredTaskTotal([{}, { declaredTotals: { tasks: 4 } }])).toBe(4);
	});
});
