import { describe, expect, it } from 'vitest';
import { scorecard, warningLevel, WARNING_LABELS, WARNING_RULE } from '../../src/lib/model/scorecard.ts';
import { statesAt } from '../../src/lib/model/status.ts';
import { makeTask, makeUpdate } from './fixtures.ts';

const tasks = [
	makeTask('s-01', { dueDate: '2019-12-31' }),
	makeTask('s-02', { dueDate: '2019-10-31' }),
	makeTask('s-03', { dueDate: '2020-12-31' }),
	makeTask('s-04', { dueDate: '2019-12-31' }),
	makeTask('s-05', { dueDate: '2020-12-31' }),
];
const updates = [
	// on time, then closed
	makeUpdate('s-01/a', { status: 'completed', factDate: '2019-11-01', publishedDate: '2019-11-02' }),
	makeUpdate('s-01/b', {
		status: 'closed',
		factDate: '2019-12-20',
		publishedDate: '2019-12-21',
		closure: { closedDate: '2019-12-20' },
	}),
	// completed after its due date
	makeUpdate('s-02/a', { status: 'completed', factDate: '2019-11-15', publishedDate: '2019-11-20' }),
	makeUpdate('s-03/a', { status: 'behind', factDate: '2019-12-01', publishedDate: '2019-12-05' }),
	// s-04: nothing reported and due passed → overdue
	makeUpdate('s-05/a', { status: 'on_track', factDate: '2019-12-01', publishedDate: '2020-01-03' }),
];
const asOf = '2020-01-15';
const states = statesAt(tasks, updates, asOf);

describe('unit scorecard', () => {
	it('counts on-time and late completion, overdue, behind and closed, and the last update', () => {
		expect(scorecard(tasks, states)).toEqual({
			owned: 5,
			completedOnTime: 1,
			completedLate: 1,
			overdue: 1,
			behind: 1,
			closed: 1,
			lastUpdate: '2020-01-03',
			warning: 'red',
		});
	});
	it('has no last update when nothing was published', () => {
		expect(scorecard([tasks[3]!], states).lastUpdate).toBeUndefined();
	});
	it('applies the red/yellow/blue rule', () => {
		expect(warningLevel({ overdue: 1, behind: 0, completedLate: 0 })).toBe('red');
		expect(warningLevel({ overdue: 1, behind: 3, completedLate: 2 })).toBe('red');
		expect(warningLevel({ overdue: 0, behind: 1, completedLate: 0 })).toBe('yellow');
		expect(warningLevel({ overdue: 0, behind: 0, completedLate: 1 })).toBe('yellow');
		expect(warningLevel({ overdue: 0, behind: 0, completedLate: 0 })).toBe('blue');
		expect(scorecard([tasks[1]!], states).warning).toBe('yellow');
		expect(scorecard([tasks[0]!, tasks[4]!], states).warning).toBe('blue');
		expect(scorecard([], states).warning).toBe('blue');
	});
	it('states the rule and names each level in words', () => {
		expect(Object.keys(WARNING_RULE)).toEqual(['red', 'yellow', 'blue']);
		expect(WARNING_LABELS.red).toContain('红');
		expect(WARNING_LABELS.yellow).toContain('黄');
		expect(WARNING_LABELS.blue).toContain('蓝');
	});
	it('refuses a task without a state', () => {
		expect(() => scorecard([makeTask('s-09')], states)).toThrow(/s-09/);
	});
});
