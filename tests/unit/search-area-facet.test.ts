import { describe, expect, it } from 'vitest';
import { buildSiteModel } from '#src/lib/model/site-model.ts';
import { areasByPlan, areasListedByPlan, plansShown } from '#src/lib/search/area-facet.ts';
import { makeContent, makeTask } from './fixtures.ts';

const one = makeContent();
const p1 = one.plans[0]!;
// A second plan with two areas, one of which no task names.
const two = makeContent({
	plans: [p1, { ...p1, id: 'p2', shortTitle: '第二轮' }],
	problemAreas: [
		...one.problemAreas,
		{ ...one.problemAreas[0]!, id: 'b1', plan: 'p2', no: 1, title: '第二轮方面一' },
		{ ...one.problemAreas[0]!, id: 'b2', plan: 'p2', no: 2, title: '第二轮方面二' },
	],
	tasks: [makeTask('s-01'), makeTask('t-01', { plan: 'p2', area: 'b1' })],
});

describe('the area facet by plan', () => {
	it('is used on a site of several plans only', () => {
		expect(areasListedByPlan({ content: one })).toBe(false);
		expect(areasListedByPlan({ content: two })).toBe(true);
	});

	it('groups the areas some task names under their plan, every plan present', () => {
		const by = areasByPlan(buildSiteModel(two, '2021-06-30'));
		expect(Object.keys(by)).toEqual(['p1', 'p2']);
		expect(by.p1!.map((v) => v.value)).toEqual(['a1']);
		expect(by.p2!.map((v) => v.value)).toEqual(['b1']);
		expect(by.p2![0]!.label).toContain('第二轮方面一');
	});

	it('shows the selected plans and the plan of a selected area, in plan order, and nothing without either', () => {
		const by = { p1: [{ value: 'a1', label: 'A' }], p2: [{ value: 'b1', label: 'B' }], p3: [] };
		expect(plansShown({ filters: {} }, by)).toEqual([]);
		expect(plansShown({ filters: { plan: ['p2'] } }, by)).toEqual(['p2']);
		expect(plansShown({ filters: { plan: ['p3'], area: ['a1'] } }, by)).toEqual(['p1', 'p3']);
		expect(plansShown({ filters: { plan: ['nope'] } }, by)).toEqual([]);
	});
});
