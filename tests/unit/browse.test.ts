import { describe, expect, it } from 'vitest';
import { publishedUpdates, tasksUnder } from '../../src/lib/browse.ts';
import { ROLLUP_KEYS } from '../../src/lib/rollups.ts';
import { statesAt } from '../../src/lib/status.ts';
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
	it('lists the updates known at the as-of date, newest first, corrections applied', () => {
		const states = statesAt(tasks, updates, '2020-01-15');
		expect(publishedUpdates(states).map((u) => u.id)).toEqual(['s-02/c', 's-01/a', 's-02/a']);
	});
});
