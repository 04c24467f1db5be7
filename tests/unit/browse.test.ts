import { describe, expect, it } from 'vitest';
import {
	groupsOf,
	measuresOf,
	previousStatuses,
	publishedUpdates,
	stateFlags,
	tasksUnder,
} from '#src/lib/model/browse.ts';
import { ROLLUP_KEYS } from '#src/lib/model/rollups.ts';
import { statesAt } from '#src/lib/model/status.ts';
import { makeTask, makeUpdate } from './fixtures.ts';

const tasks = [makeTask('s-01', { cities: ['c1', 'c2'] }), makeTask('s-02', { cities: ['c2'] })];
const updates = [
	makeUpdate('s-01/a', { factDate: '2019-10-01', publishedDate: '2019-10-05' }),
	makeUpdate('s-02/a', { factDate: '2019-09-01', publishedDate: '2019-10-05' }),
	makeUpdate('s-02/b', { factDate: '2019-11-01', publishedDate: '2019-11-03' }),
	makeUpdate('s-02/c', { factDate: '2019-11-01', publishedDate: '2019-11-04', corrects: 's-02/b' }),
	makeUpdate('s-01/later', { factDate: '2020-02-01', publishedDate: '2020-02-02' }),
];

describe('browsing helpers', () => {
	it('finds the tasks under a key with the rollup key functions', () => {
		expect(tasksUnder(tasks, ROLLUP_KEYS.city, 'c2').map((t) => t.id)).toEqual(['s-01', 's-02']);
		expect(tasksUnder(tasks, ROLLUP_KEYS.city, 'c1').map((t) => t.id)).toEqual(['s-01']);
	});
	it('lists the updates published by the as-of date, newest first, the corrected one kept beside its correction', () => {
		const states = statesAt(tasks, updates, '2020-01-15');
		expect(publishedUpdates(states).map((u) => u.id)).toEqual(['s-02/c', 's-02/b', 's-01/a', 's-02/a']);
		expect(states.get('s-02')!.correctedBy.get('s-02/b')).toBe('s-02/c');
		// The status still rests on the updates in force only.
		expect(states.get('s-02')!.known.map((u) => u.id)).toEqual(['s-02/a', 's-02/c']);
	});
	it('gives each update the status reported before it', () => {
		const known = statesAt(tasks, updates, '2020-03-01').get('s-02')!.known;
		const u = [
			makeUpdate('s-02/x', { status: 'on_track' }),
			makeUpdate('s-02/y', { status: 'behind' }),
			makeUpdate('s-02/z', { status: 'behind' }),
		];
		expect([...previousStatuses(u).values()]).toEqual([undefined, 'on_track', 'behind']);
		expect(previousStatuses(known).get(known[0]!.id)).toBeUndefined();
	});
	it('names the derived flags of a state', () => {
		const t = makeTask('s-07', { dueDate: '2019-12-31' });
		const late = [
			makeUpdate('s-07/a', {
				status: 'completed',
				factDate: '2020-01-05',
				publishedDate: '2020-01-06',
				closure: { notice: { start: '2020-01-10', end: '2020-01-20', contact: '电话' } },
			}),
		];
		// Each flag that judges a task says what it rests on (the fixtures are samples).
		expect(stateFlags(t, statesAt([t], late, '2020-01-15').get('s-07')!)).toEqual([
			'逾期后完成（示例）',
			'正处于销号公示期',
		]);
		expect(stateFlags(t, statesAt([t], [], '2020-01-15').get('s-07')!)).toEqual([
			'已过整改时限仍未完成，已逾期 15 天（示例）',
		]);
		const moved = [makeUpdate('s-07/b', { dueDateChange: { to: '2020-06-30', reason: '理由' } })];
		expect(stateFlags(t, statesAt([t], moved, '2020-01-15').get('s-07')!)).toEqual(['整改时限已调整']);
		expect(stateFlags(t, statesAt([t], [], '2019-06-01').get('s-07')!)).toEqual([]);
	});
});

describe('groupsOf and measuresOf', () => {
	it("list a plan's groups and a group's measures in the plan's order, and nothing of another plan or group", () => {
		const g = (id: string, plan: string, no: number) => ({ id, plan, no }) as never;
		const m = (id: string, group: string, no: number) => ({ id, group, no }) as never;
		const site = {
			groups: new Map([g('g2', 'p', 2), g('g1', 'p', 1), g('x1', 'q', 1)].map((x: { id: string }) => [x.id, x])),
			measures: new Map([m('m2', 'g1', 2), m('m1', 'g1', 1), m('m3', 'g2', 1)].map((x: { id: string }) => [x.id, x])),
		} as never;
		expect(groupsOf(site, 'p').map((x) => x.id)).toEqual(['g1', 'g2']);
		expect(measuresOf(site, 'g1').map((x) => x.id)).toEqual(['m1', 'm2']);
	});
});
