import { describe, expect, it } from 'vitest';
import {
	scorecard,
	warningLevel,
	warningText,
	UNRATED_LABELS,
	WARNING_LABELS,
	WARNING_RULE,
} from '#src/lib/model/scorecard.ts';
import { statesAt } from '#src/lib/model/status.ts';
import { makeTask, makeUpdate } from './fixtures.ts';

// Official records: only these may rate a real body.
const official = { provenance: { kind: 'official' } };
const tasks = [
	makeTask('s-01', { dueDate: '2019-12-31', ...official }),
	makeTask('s-02', { dueDate: '2019-10-31', ...official }),
	makeTask('s-03', { dueDate: '2020-12-31', ...official }),
	makeTask('s-04', { dueDate: '2019-12-31', ...official }),
	makeTask('s-05', { dueDate: '2020-12-31', ...official }),
];
const updates = [
	// on time, then closed
	makeUpdate('s-01/a', { ...official, status: 'completed', factDate: '2019-11-01', publishedDate: '2019-11-02' }),
	makeUpdate('s-01/b', {
		...official,
		status: 'closed',
		factDate: '2019-12-20',
		publishedDate: '2019-12-21',
		closure: { closedDate: '2019-12-20' },
	}),
	// completed after its due date
	makeUpdate('s-02/a', { ...official, status: 'completed', factDate: '2019-11-15', publishedDate: '2019-11-20' }),
	makeUpdate('s-03/a', { ...official, status: 'behind', factDate: '2019-12-01', publishedDate: '2019-12-05' }),
	// s-04: nothing reported and due passed → overdue
	makeUpdate('s-05/a', { ...official, status: 'on_track', factDate: '2019-12-01', publishedDate: '2020-01-03' }),
];
const asOf = '2020-01-15';
const states = statesAt(tasks, updates, asOf);

describe('unit scorecard', () => {
	it('counts on-time and late completion, overdue, behind and closed, and the last update', () => {
		expect(scorecard(tasks, states)).toMatchObject({
			owned: 5,
			completedOnTime: 1,
			completedLate: 1,
			overdue: 1,
			behind: 1,
			closed: 1,
			lastUpdate: '2020-01-03',
			warning: 'red',
			excluded: [],
		});
	});
	it('has no last update when nothing was published', () => {
		expect(scorecard([tasks[3]!], states).lastUpdate).toBeUndefined();
	});
	it('applies the red/yellow/blue rule', () => {
		expect(warningLevel(['overdue'])).toBe('red');
		expect(warningLevel(['behind', 'overdue', 'completedLate'])).toBe('red');
		expect(warningLevel(['behind'])).toBe('yellow');
		expect(warningLevel(['completedLate'])).toBe('yellow');
		expect(warningLevel([])).toBe('blue');
		expect(warningLevel(['on_track', 'completed'])).toBe('blue');
		expect(scorecard([tasks[1]!], states).warning).toBe('yellow');
		expect(scorecard([tasks[0]!, tasks[4]!], states).warning).toBe('blue');
		expect(scorecard([], states)).toMatchObject({ warning: null, unrated: 'no_tasks' });
		expect(warningText(scorecard([], states))).toBe(UNRATED_LABELS.no_tasks);
		expect(UNRATED_LABELS.no_tasks).toBe('无牵头任务');
	});
	it('names the tasks that cause the level', () => {
		expect(scorecard(tasks, states).causes).toEqual([{ task: 's-04', judgment: 'overdue' }]);
		expect(scorecard([tasks[1]!, tasks[2]!, tasks[0]!], states).causes).toEqual([
			{ task: 's-02', judgment: 'completedLate' },
			{ task: 's-03', judgment: 'behind' },
		]);
		expect(scorecard([tasks[0]!], states)).toMatchObject({ warning: 'blue', causes: [] });
	});
	it('never rates a unit from samples: the counts say 示例, the level is not given', () => {
		const sample = [makeTask('s-04', { dueDate: '2019-12-31' }), makeTask('s-02', { dueDate: '2019-10-31' })];
		const sampleUpdates = [
			makeUpdate('s-02/a', { status: 'completed', factDate: '2019-11-15', publishedDate: '2019-11-20' }),
		];
		const card = scorecard(sample, statesAt(sample, sampleUpdates, asOf));
		expect(card).toMatchObject({ overdue: 1, completedLate: 1, warning: null, unrated: 'no_sourced', causes: [] });
		expect(card.excluded.map((x) => [x.task, x.basis.kind])).toEqual([
			['s-04', 'sample'],
			['s-02', 'sample'],
		]);
		expect(card.basis.overdue).toEqual({ total: 1, sample: 1, partial: 0, unsourced: [] });
		// Mixed: the sourced task alone sets the level; the sample's overdue does not make it red.
		const mixed = [sample[0]!, tasks[0]!];
		const mixedStates = statesAt(mixed, updates, asOf);
		expect(scorecard(mixed, mixedStates)).toMatchObject({ overdue: 1, warning: 'blue', causes: [] });
	});
	it('leaves out a judgment resting on an unsourced due date (an inferred deadline never makes a unit red)', () => {
		const inferred = makeTask('s-04', {
			dueDate: '2019-12-31',
			provenance: { kind: 'partial', note: '时限推断', unsourced: ['dueDate'] },
		});
		const card = scorecard([inferred], statesAt([inferred], [], asOf));
		expect(card).toMatchObject({ overdue: 1, warning: null, unrated: 'no_sourced' });
		expect(card.excluded).toEqual([{ task: 's-04', basis: { kind: 'partial', unsourced: ['dueDate'] } }]);
		expect(card.basis.overdue).toEqual({ total: 1, sample: 0, partial: 1, unsourced: ['dueDate'] });
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
