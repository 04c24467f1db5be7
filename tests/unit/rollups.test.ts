import { describe, expect, it } from 'vitest';
import { countByStatus, headline, progressOverTime, rollup, ROLLUP_KEYS } from '#src/lib/model/rollups.ts';
import { statesAt } from '#src/lib/model/status.ts';
import { monthEnds } from '#src/lib/model/dates.ts';
import { makeTask, makeUpdate } from './fixtures.ts';

const tasks = [
	makeTask('s-01', { leadUnits: ['u1'], cities: ['c1', 'c2'] }),
	makeTask('s-02', { leadUnits: ['u1', 'u2'], batch: 'end-2020', dueDate: '2020-12-31', measure: 'm2', area: 'a2' }),
	makeTask('s-03', { leadUnits: ['u2'], cities: [] }),
	makeTask('s-04', { leadUnits: ['u2'] }),
];
const updates = [
	makeUpdate('s-01/a', {
		status: 'completed',
		factDate: '2019-11-01',
		publishedDate: '2019-11-02',
		closure: { notice: { start: '2019-11-05', end: '2019-11-20', contact: 'x' } },
	}),
	makeUpdate('s-01/b', {
		status: 'closed',
		factDate: '2019-11-25',
		publishedDate: '2019-11-26',
		closure: { closedDate: '2019-11-25' },
	}),
	makeUpdate('s-02/a', { status: 'on_track', factDate: '2019-11-01', publishedDate: '2019-11-02' }),
	makeUpdate('s-03/a', { status: 'behind', factDate: '2019-11-01', publishedDate: '2019-11-02' }),
	makeUpdate('s-04/a', { status: 'long_term', factDate: '2019-12-01', publishedDate: '2019-12-02' }),
];
const asOf = '2020-01-15';
const states = statesAt(tasks, updates, asOf);

describe('rollups', () => {
	it('counts by status', () => {
		const c = countByStatus(tasks, states);
		expect(c).toMatchObject({ closed: 1, on_track: 1, overdue: 1, long_term: 1, completed: 0, behind: 0 });
	});
	it('builds headline figures with closed counted apart from completed', () => {
		expect(headline(tasks, states)).toEqual({
			tasks: 4,
			done: 2,
			completed: 0,
			inNotice: 0,
			closed: 1,
			longTerm: 1,
			onTrack: 1,
			behind: 0,
			overdue: 1,
			undetermined: 0,
			notReported: 0,
		});
	});
	it('counts a task under each of its lead units, in the given order', () => {
		const rows = rollup(tasks, states, ROLLUP_KEYS.leadUnit, ['u2', 'u1']);
		expect(rows.map((r) => [r.key, r.total])).toEqual([
			['u2', 3],
			['u1', 2],
		]);
		expect(rows[0]!.byStatus.overdue).toBe(1);
	});
	it('lists keys from the order even with no tasks, and unknown keys after them', () => {
		const rows = rollup(tasks, states, ROLLUP_KEYS.city, ['c9']);
		expect(rows.map((r) => [r.key, r.total])).toEqual([
			['c9', 0],
			['c1', 3],
			['c2', 1],
		]);
	});
	it('rolls up by batch, measure and area', () => {
		expect(rollup(tasks, states, ROLLUP_KEYS.batch).map((r) => [r.key, r.total])).toEqual([
			['end-2019', 3],
			['end-2020', 1],
		]);
		expect(rollup(tasks, states, ROLLUP_KEYS.measure).map((r) => r.key)).toEqual(['m1', 'm2']);
		expect(rollup(tasks, states, ROLLUP_KEYS.area).map((r) => r.total)).toEqual([3, 1]);
	});
	it('tracks progress month by month with the same status rule', () => {
		const points = progressOverTime(tasks, updates, monthEnds('2019-10-01', asOf));
		expect(points).toMatchObject([
			{ date: '2019-10-31', done: 0, closed: 0, due: 0 },
			{ date: '2019-11-30', done: 1, closed: 1, due: 0 },
			{ date: '2019-12-31', done: 2, closed: 1, due: 3 },
			{ date: '2020-01-15', done: 2, closed: 1, due: 3 },
		]);
		// Each date says what its figures rest on (the fixtures are samples).
		expect(points.map((p) => p.basis.sample)).toEqual([0, 1, 3, 3]);
	});
});
