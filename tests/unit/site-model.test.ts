import { describe, expect, it } from 'vitest';
import { areaLabel, batchOptions, classificationLabel, comparePlanNo, countSamples } from '#src/lib/model/names.ts';
import { makeContent, makeTask } from './fixtures.ts';

describe('batchOptions', () => {
	it('lists each batch id once across plans, in plan order, labelled by the first plan that has it', () => {
		const [p1] = makeContent().plans;
		// p2 lists its batches out of order: its 'extra' (order 0) comes before the shared 'end-2019' there.
		const p2 = {
			...p1!,
			id: 'p2',
			batches: [
				{ ...p1!.batches[0]!, label: '另一方案的名称' },
				{ id: 'extra', label: '追加批次', order: 0, dueDate: '2022-12-31' },
			],
		} as typeof p1;
		const options = batchOptions([p1!, p2!]);
		expect(options.map((o) => o.id)).toEqual(['end-2019', 'end-2020', 'extra']);
		expect(options[0]!.label).toBe('2019年底前');
		expect(batchOptions([p2!, p1!]).map((o) => o.id)).toEqual(['extra', 'end-2019', 'end-2020']);
		expect(new Set(options.map((o) => o.id)).size).toBe(options.length);
	});
});

describe('comparePlanNo', () => {
	it('orders by plan, then by number within the plan', () => {
		const rows = [
			{ plan: 'b', no: 1 },
			{ plan: 'a', no: 2 },
			{ plan: 'a', no: 1 },
		];
		expect([...rows].sort(comparePlanNo)).toEqual([
			{ plan: 'a', no: 1 },
			{ plan: 'a', no: 2 },
			{ plan: 'b', no: 1 },
		]);
	});
});

describe('countSamples', () => {
	it('counts sample records', () => {
		expect(countSamples([makeTask('s-01'), makeTask('s-02', { provenance: { kind: 'official' } })])).toBe(1);
	});
});

describe('areaLabel', () => {
	it('names the plan only when the site has several, and falls back to the id', () => {
		const area = { id: 'a1', plan: 'p1', title: '大气污染' };
		const one = { plans: new Map([['p1', { shortTitle: '山西方案' }]]), areas: new Map([['a1', area]]) } as never;
		const two = {
			plans: new Map([
				['p1', { shortTitle: '山西方案' }],
				['p2', { shortTitle: '另一方案' }],
			]),
			areas: new Map([['a1', area]]),
		} as never;
		expect(areaLabel(one, 'a1')).toBe('大气污染');
		expect(areaLabel(two, 'a1')).toBe('山西方案 · 大气污染');
		expect(areaLabel(two, 'zz')).toBe('zz');
	});
});

describe('classificationLabel', () => {
	it("marks a filter of problem areas as this site's own only when a plan says the grouping is", () => {
		const [plan] = makeContent().plans;
		const own = { ...plan!, ownClassifications: { problemAreas: '问题方面是本站的归纳' } };
		const plain = { ...plan!, ownClassifications: {} };
		expect(classificationLabel({ plans: new Map([[own.id, own]]) }, 'problemAreas', '问题方面')).toBe(
			'问题方面（本站归纳）',
		);
		expect(classificationLabel({ plans: new Map([[plain.id, plain]]) }, 'problemAreas', '问题方面')).toBe('问题方面');
		expect(classificationLabel({ plans: new Map([[own.id, own]]) }, 'measures', '整改措施')).toBe('整改措施');
	});
});
