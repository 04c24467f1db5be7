// What every judgment rests on (src/lib/model/basis.ts), computed once in the model and read everywhere.
import { describe, expect, it } from 'vitest';
import {
	basisOf,
	basisSuffix,
	countNote,
	joinBasis,
	judgmentMark,
	SAMPLE,
	SOURCED,
	unsourcedNote,
} from '#src/lib/model/basis.ts';
import { countBasisByStatus, headlineBasis, rollup, ROLLUP_KEYS } from '#src/lib/model/rollups.ts';
import { statesAt, taskStateAt } from '#src/lib/model/status.ts';
import { makeTask, makeUpdate } from './fixtures.ts';

const official = { provenance: { kind: 'official' } };
const inferredDue = { provenance: { kind: 'partial', note: '时限推断', unsourced: ['dueDate', 'measures'] } };
const repostDate = { provenance: { kind: 'partial', note: '发布日期取转载日期', unsourced: ['publishedDate'] } };

describe('basis of a judgment', () => {
	it('is sample for a sample record, partial only for the unsourced fields the judgment reads, else sourced', () => {
		expect(basisOf({ provenance: { kind: 'sample' } }, ['dueDate'])).toBe(SAMPLE);
		expect(basisOf(inferredDue, ['dueDate', 'status'])).toEqual({ kind: 'partial', unsourced: ['dueDate'] });
		expect(basisOf(inferredDue, ['status'])).toBe(SOURCED);
		expect(basisOf(official, ['dueDate'])).toBe(SOURCED);
	});
	it('joins: a sample input makes the judgment a sample one; unsourced inputs add up', () => {
		expect(
			joinBasis(
				SOURCED,
				{ kind: 'partial', unsourced: ['dueDate'] },
				{ kind: 'partial', unsourced: ['publishedDate', 'dueDate'] },
			),
		).toEqual({
			kind: 'partial',
			unsourced: ['dueDate', 'publishedDate'],
		});
		expect(joinBasis({ kind: 'partial', unsourced: ['dueDate'] }, SAMPLE)).toBe(SAMPLE);
		expect(joinBasis()).toEqual(SOURCED);
	});
	it('is shown in words: 示例, or the unsourced inputs named', () => {
		expect(unsourcedNote({ kind: 'partial', unsourced: ['dueDate', 'publishedDate'] })).toBe(
			'（原定整改时限、发布日期未核实）',
		);
		expect(judgmentMark(SAMPLE)).toBe('示例');
		expect(judgmentMark(SOURCED)).toBe('');
		expect(basisSuffix(SAMPLE)).toBe('（示例）');
		expect(countNote({ total: 3, sample: 3, partial: 0, unsourced: [] })).toBe('（均为示例）');
		expect(countNote({ total: 3, sample: 2, partial: 1, unsourced: ['dueDate'] })).toBe(
			'（含示例 2 项；1 项原定整改时限未核实）',
		);
		expect(countNote({ total: 3, sample: 0, partial: 0, unsourced: [] })).toBe('');
	});
});

describe('basis of a task state', () => {
	it('rests on a sample for a sample task, whatever its updates', () => {
		const s = taskStateAt(makeTask('s-01'), [makeUpdate('s-01/a', official)], '2020-06-30');
		expect(s.basis).toBe(SAMPLE);
		expect(s.timingBasis).toBe(SAMPLE);
	});
	it('hkk-02 as of 2021-01-31: 无法判断, resting on the inferred due date and on a completion report with a repost date', () => {
		const task = makeTask('hkk-02', { dueDate: '2020-12-31', ...inferredDue });
		const report = makeUpdate('hkk-02/2020-12-31', {
			status: 'completed',
			factDate: '2020-12-31',
			publishedDate: '2021-06-04',
			...repostDate,
		});
		const before = taskStateAt(task, [report], '2021-01-31');
		// Not 逾期未完成: the completion's fact date is earlier, and when it became public is unknown (issue #23).
		expect(before.status).toBe('undetermined');
		expect(before.basis).toEqual({ kind: 'partial', unsourced: ['dueDate', 'publishedDate'] });
		// Once the report is known the task is completed on sourced words; on time or not rests on the inferred due date.
		const after = taskStateAt(task, [report], '2021-06-30');
		expect(after).toMatchObject({ status: 'completed', completedLate: false, basis: { kind: 'sourced' } });
		expect(after.timingBasis).toEqual({ kind: 'partial', unsourced: ['dueDate'] });
	});
	it('never calls a completion late when its fact date is a stand-in', () => {
		const task = makeTask('s-01', { dueDate: '2020-12-31', ...official });
		const report = makeUpdate('s-01/a', {
			status: 'completed',
			factDate: '2021-06-04',
			publishedDate: '2021-06-04',
			provenance: { kind: 'partial', note: '形成日期取转载日期', unsourced: ['factDate', 'publishedDate'] },
		});
		const s = taskStateAt(task, [report], '2021-06-30');
		expect(s).toMatchObject({ status: 'completed', completedLate: false });
		expect(s.timingBasis).toEqual({ kind: 'partial', unsourced: ['factDate'] });
		// The same report with a sourced date is late.
		expect(
			taskStateAt(
				task,
				[
					makeUpdate('s-01/a', {
						status: 'completed',
						factDate: '2021-06-04',
						publishedDate: '2021-06-04',
						...official,
					}),
				],
				'2021-06-30',
			).completedLate,
		).toBe(true);
	});
	it('takes the basis of a moved due date from the update that moved it', () => {
		const task = makeTask('s-01', { dueDate: '2019-12-31', ...official });
		const move = makeUpdate('s-01/a', {
			status: 'behind',
			factDate: '2019-12-01',
			publishedDate: '2019-12-02',
			dueDateChange: { to: '2020-06-30', reason: '疫情' },
		});
		const s = taskStateAt(task, [move], '2020-07-31');
		expect(s.status).toBe('overdue');
		expect(s.basis).toBe(SAMPLE); // the move (and the report) are samples
	});
});

describe('basis of counts', () => {
	const tasks = [
		makeTask('s-01', { dueDate: '2019-06-30', ...official }),
		makeTask('s-02', { dueDate: '2019-06-30' }),
		makeTask('s-03', { dueDate: '2019-06-30', ...inferredDue, leadUnits: ['u2'] }),
	];
	const states = statesAt(tasks, [], '2019-12-31');
	it('says per status how many counted tasks are samples and which unsourced inputs the rest used', () => {
		const b = countBasisByStatus(tasks, states);
		expect(b.overdue).toEqual({ total: 3, sample: 1, partial: 1, unsourced: ['dueDate'] });
		expect(b.completed.total).toBe(0);
		expect(headlineBasis(tasks, states).overdue).toEqual(b.overdue);
		expect(headlineBasis(tasks, states).tasks.total).toBe(3);
	});
	it('gives every rollup row its basis per status', () => {
		const rows = rollup(tasks, states, ROLLUP_KEYS.leadUnit);
		expect(rows.map((r) => [r.key, r.basis.overdue.sample, r.basis.overdue.partial])).toEqual([
			['u1', 1, 0],
			['u2', 0, 1],
		]);
	});
});
