import { describe, expect, it } from 'vitest';
import { batchOptions, comparePlanNo } from '../../src/lib/site-model.ts';
import { makeContent } from './fixtures.ts';

describe('batchOptions', () => {
	it('lists each batch id once across plans, in plan order, labelled by the first plan that has it', () => {
		const [p1] = makeContent().plans;
		const p2 = { ...p1!, id: 'p2', batches: [{ ...p1!.batches[0]!, label: '另一方案的名称' }, { id: 'extra', label: '追加批次', order: 9, dueDate: '2022-12-31' }] } as typeof p1;
		const options = batchOptions([p1!, p2!]);
		expect(options.map((o) => o.id)).toEqual([...[...p1!.batches].sort((a, b) => a.order - b.order).map((b) => b.id), 'extra']);
		expect(options[0]!.label).toBe([...p1!.batches].sort((a, b) => a.order - b.order)[0]!.label);
		expect(new Set(options.map((o) => o.id)).size).toBe(options.length);
	});
});

describe('comparePlanNo', () => {
	it('orders by plan, then by number within the plan', () => {
		const rows = [{ plan: 'b', no: 1 }, { plan: 'a', no: 2 }, { plan: 'a', no: 1 }];
		expect([...rows].sort(comparePlanNo)).toEqual([{ plan: 'a', no: 1 }, { plan: 'a', no: 2 }, { plan: 'b', no: 1 }]);
	});
});
