import { describe, expect, it } from 'vitest';
import { isDone, knownUpdates, statesAt, taskStateAt } from '#src/lib/model/status.ts';
import { makeTask, makeUpdate } from './fixtures.ts';

const task = makeTask('s-01'); // due 2019-12-31

describe('taskStateAt', () => {
	it('is not_reported before any update and before the due date', () => {
		expect(taskStateAt(task, [], '2019-06-30').status).toBe('not_reported');
	});
	it('is overdue when the due date has passed with no report', () => {
		const s = taskStateAt(task, [], '2020-01-01');
		expect(s.status).toBe('overdue');
		expect(s.overdue).toBe(true);
		expect(s.daysOverdue).toBe(1);
		expect(taskStateAt(task, [], '2020-03-01').daysOverdue).toBe(61);
	});
	it('is not overdue on the due date itself', () => {
		expect(taskStateAt(task, [], '2019-12-31').status).toBe('not_reported');
	});
	it('takes the latest update published on or before the as-of date', () => {
		const u = [
			makeUpdate('s-01/a', { status: 'on_track', factDate: '2019-08-01', publishedDate: '2019-08-05' }),
			makeUpdate('s-01/b', { status: 'behind', factDate: '2019-10-01', publishedDate: '2019-10-20' }),
		];
		expect(taskStateAt(task, u, '2019-10-19').status).toBe('on_track');
		expect(taskStateAt(task, u, '2019-10-20').status).toBe('behind');
	});
	it('turns a behind task overdue after its due date', () => {
		const u = [makeUpdate('s-01/a', { status: 'behind', factDate: '2019-10-01', publishedDate: '2019-10-02' })];
		expect(taskStateAt(task, u, '2020-03-01').status).toBe('overdue');
	});
	it('never makes a completed task overdue, and records late completion', () => {
		const u = [makeUpdate('s-01/a', { status: 'completed', factDate: '2020-02-01', publishedDate: '2020-02-03' })];
		const s = taskStateAt(task, u, '2020-06-01');
		expect(s.status).toBe('completed');
		expect(s.completedDate).toBe('2020-02-01');
		expect(s.completedLate).toBe(true);
	});
	it('derives 销号公示中 inside the notice window only', () => {
		const u = [
			makeUpdate('s-01/a', {
				status: 'completed',
				factDate: '2019-11-01',
				publishedDate: '2019-11-02',
				closure: {
					acceptance: { date: '2019-11-01', by: '省生态环境厅' },
					notice: { start: '2019-11-05', end: '2019-11-20', contact: '电话' },
				},
			}),
		];
		expect(taskStateAt(task, u, '2019-11-04').status).toBe('completed');
		expect(taskStateAt(task, u, '2019-11-05').status).toBe('in_notice');
		expect(taskStateAt(task, u, '2019-11-20').status).toBe('in_notice');
		const after = taskStateAt(task, u, '2019-11-21');
		expect(after.status).toBe('notice_lapsed');
		expect(after.daysSinceNotice).toBe(1);
		expect(taskStateAt(task, u, '2020-01-20').daysSinceNotice).toBe(61);
	});
	it('counts closed apart from completed', () => {
		const u = [
			makeUpdate('s-01/a', {
				status: 'completed',
				factDate: '2019-11-01',
				publishedDate: '2019-11-02',
				closure: { notice: { start: '2019-11-05', end: '2019-11-20', contact: '电话' } },
			}),
			makeUpdate('s-01/b', {
				status: 'closed',
				factDate: '2019-11-25',
				publishedDate: '2019-11-26',
				closure: { closedDate: '2019-11-25' },
			}),
		];
		const s = taskStateAt(task, u, '2019-12-01');
		expect(s.status).toBe('closed');
		expect(s.closedDate).toBe('2019-11-25');
		expect(s.completedDate).toBe('2019-11-01');
	});
	it('applies a deadline change from the date it is published', () => {
		const u = [
			makeUpdate('s-01/a', {
				status: 'behind',
				factDate: '2019-12-01',
				publishedDate: '2019-12-05',
				dueDateChange: { to: '2020-06-30', reason: '受疫情影响' },
			}),
		];
		expect(taskStateAt(task, u, '2020-03-01').status).toBe('behind');
		expect(taskStateAt(task, u, '2020-03-01').dueDate).toBe('2020-06-30');
		expect(taskStateAt(task, u, '2020-07-01').status).toBe('overdue');
	});
	it('keeps long-term tasks out of overdue', () => {
		const u = [makeUpdate('s-01/a', { status: 'long_term', factDate: '2019-12-01', publishedDate: '2019-12-02' })];
		expect(taskStateAt(task, u, '2021-01-01').status).toBe('long_term');
	});
	it('reopens a task reported done then not done', () => {
		const u = [
			makeUpdate('s-01/a', { status: 'completed', factDate: '2019-09-01', publishedDate: '2019-09-02' }),
			makeUpdate('s-01/b', { status: 'behind', factDate: '2019-10-01', publishedDate: '2019-10-02' }),
		];
		const s = taskStateAt(task, u, '2019-10-10');
		expect(s.status).toBe('behind');
		expect(s.completedDate).toBeUndefined();
	});
});

describe('knownUpdates', () => {
	it('replaces a corrected update by its correction once the correction is published', () => {
		const a = makeUpdate('s-01/a', { status: 'completed', factDate: '2019-09-01', publishedDate: '2019-09-02' });
		const b = makeUpdate('s-01/b', {
			status: 'behind',
			factDate: '2019-09-01',
			publishedDate: '2019-09-20',
			corrects: 's-01/a',
		});
		expect(knownUpdates([a, b], '2019-09-10').map((u) => u.id)).toEqual(['s-01/a']);
		expect(knownUpdates([a, b], '2019-09-20').map((u) => u.id)).toEqual(['s-01/b']);
	});
});

describe('statesAt and isDone', () => {
	it('computes every task and ignores other tasks’ updates', () => {
		const t2 = makeTask('s-02');
		const states = statesAt([task, t2], [makeUpdate('s-02/a', { status: 'completed' })], '2019-10-31');
		expect(states.get('s-01')!.status).toBe('not_reported');
		expect(states.get('s-02')!.status).toBe('completed');
	});
	it('treats completed, in_notice, closed and long_term as done, nothing else', () => {
		expect(['completed', 'in_notice', 'closed', 'long_term'].every((s) => isDone(s as never))).toBe(true);
		expect(['overdue', 'behind', 'on_track', 'not_reported'].some((s) => isDone(s as never))).toBe(false);
	});
});

describe('the 销号 lifecycle and lateness (口径说明)', () => {
	const notice = { start: '2019-11-05', end: '2019-11-20', contact: '电话' };
	const completed = makeUpdate('s-01/a', {
		status: 'completed',
		factDate: '2019-11-01',
		publishedDate: '2019-11-02',
		closure: { notice },
	});
	it('shows a closure reported inside the window as 销号公示中 until its closedDate, then 已销号', () => {
		const closed = makeUpdate('s-01/b', {
			status: 'closed',
			factDate: '2019-11-10',
			publishedDate: '2019-11-10',
			closure: { closedDate: '2019-11-25' },
		});
		for (const d of ['2019-11-10', '2019-11-20', '2019-11-24']) {
			const s = taskStateAt(task, [completed, closed], d);
			expect(s.status, d).toBe('in_notice');
			expect(s.closedDate, d).toBeUndefined();
		}
		const s = taskStateAt(task, [completed, closed], '2019-11-25');
		expect(s.status).toBe('closed');
		expect(s.closedDate).toBe('2019-11-25');
	});
	it('keeps the lateness of a deadline extended after it had lapsed (逾期后延期)', () => {
		const ext = makeUpdate('s-01/a', {
			status: 'behind',
			factDate: '2020-01-10',
			publishedDate: '2020-01-20',
			dueDateChange: { to: '2020-06-30', reason: '理由' },
		});
		const s = taskStateAt(task, [ext], '2020-03-01');
		expect(s.status).toBe('extended_late');
		expect(s.overdue).toBe(false);
		expect(s.lateExtension).toEqual({ lapsedDue: '2019-12-31', publishedDate: '2020-01-20', daysLate: 20 });
		// Completed before the new deadline, it still counts as completed late (after the lapsed one).
		const done = makeUpdate('s-01/b', { status: 'completed', factDate: '2020-05-01', publishedDate: '2020-05-02' });
		const d = taskStateAt(task, [ext, done], '2020-06-01');
		expect(d.status).toBe('completed');
		expect(d.completedLate).toBe(true);
		// Past the new deadline too: overdue again, counted from the new deadline.
		expect(taskStateAt(task, [ext], '2020-07-10')).toMatchObject({ status: 'overdue', daysOverdue: 10 });
	});
	it('does not call an extension published before the deadline late', () => {
		const ext = makeUpdate('s-01/a', {
			status: 'behind',
			factDate: '2019-12-01',
			publishedDate: '2019-12-20',
			dueDateChange: { to: '2020-06-30', reason: '理由' },
		});
		const s = taskStateAt(task, [ext], '2020-03-01');
		expect(s.status).toBe('behind');
		expect(s.lateExtension).toBeUndefined();
	});
	it('marks 长期坚持 reported after the deadline as late', () => {
		const lt = makeUpdate('s-01/a', { status: 'long_term', factDate: '2020-01-10', publishedDate: '2020-01-15' });
		expect(taskStateAt(task, [lt], '2020-02-01')).toMatchObject({ status: 'long_term', completedLate: true });
		const early = makeUpdate('s-01/a', { status: 'long_term', factDate: '2019-12-10', publishedDate: '2019-12-15' });
		expect(taskStateAt(task, [early], '2020-02-01')).toMatchObject({ status: 'long_term', completedLate: false });
	});
});
