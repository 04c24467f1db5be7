import { describe, expect, it } from 'vitest';
import {
	CHANGE_SECTIONS,
	changeCounts,
	changesBetween,
	correctionText,
	dueDateMovedText,
	historyDates,
	previousMonthEnd,
	sectionCount,
	sectionHeading,
} from '#src/lib/model/changes.ts';
import { makeTask, makeUpdate } from './fixtures.ts';

const tasks = [
	makeTask('s-01', { dueDate: '2019-12-31' }),
	makeTask('s-02', { dueDate: '2019-12-31' }),
	makeTask('s-03', { dueDate: '2020-06-30' }),
	makeTask('s-04', { dueDate: '2020-06-30' }),
];
const updates = [
	makeUpdate('s-01/a', { status: 'on_track', factDate: '2019-09-30', publishedDate: '2019-10-10' }),
	makeUpdate('s-01/b', { status: 'completed', factDate: '2019-12-20', publishedDate: '2020-01-05' }),
	makeUpdate('s-02/a', { status: 'behind', factDate: '2019-11-30', publishedDate: '2019-12-05' }),
	makeUpdate('s-03/a', { status: 'completed', factDate: '2019-11-30', publishedDate: '2019-12-05' }),
	makeUpdate('s-03/b', { status: 'behind', factDate: '2020-01-10', publishedDate: '2020-01-15' }),
	makeUpdate('s-04/a', {
		status: 'behind',
		factDate: '2020-01-10',
		publishedDate: '2020-01-12',
		dueDateChange: { to: '2020-12-31', reason: '受疫情影响' },
	}),
	makeUpdate('s-04/b', {
		status: 'completed',
		factDate: '2020-12-20',
		publishedDate: '2021-01-04',
		closure: {
			acceptance: { date: '2021-01-05', by: '省生态环境厅' },
			notice: { start: '2021-01-06', end: '2021-01-12', contact: '0351-0000000' },
			closedDate: '2021-01-15',
		},
	}),
	makeUpdate('s-04/c', {
		status: 'closed',
		factDate: '2021-01-15',
		publishedDate: '2021-01-16',
		closure: { closedDate: '2021-01-15' },
	}),
];

describe('changesBetween', () => {
	it('lists newly completed, slipped (overdue or deadline moved, with reason), reopened and new updates', () => {
		const c = changesBetween(tasks, updates, '2019-12-31', '2020-01-31');
		// On its due date a task is not yet overdue.
		expect(c.newlyCompleted).toMatchObject([{ task: 's-01', from: 'on_track', to: 'completed' }]);
		// Each side of a change carries what its status rests on (the fixtures are samples).
		expect(c.newlyCompleted[0]).toMatchObject({ fromBasis: { kind: 'sample' }, basis: { kind: 'sample' } });
		expect(c.reopened).toMatchObject([{ task: 's-03', from: 'completed', to: 'behind' }]);
		expect(c.slipped).toMatchObject([
			{ task: 's-02', from: 'behind', to: 'overdue', becameOverdue: true },
			{
				task: 's-04',
				from: 'not_reported',
				to: 'behind',
				becameOverdue: false,
				dueDateMoved: { from: '2020-06-30', to: '2020-12-31', reason: '受疫情影响' },
			},
		]);
		expect(c.newUpdates.map((g) => [g.task, g.updates.map((u) => u.id)])).toEqual([
			['s-01', ['s-01/b']],
			['s-03', ['s-03/b']],
			['s-04', ['s-04/a']],
		]);
		expect(changeCounts(c)).toEqual({
			newlyCompleted: 1,
			newlyClosed: 0,
			slipped: 2,
			reopened: 1,
			// s-04's slip line names its new deadline; its status change (未报告 → 未达到序时进度) is listed too.
			otherChanges: 1,
			tasksWithUpdates: 3,
			updates: 3,
		});
	});

	it('counts a task that became overdue as slipped, and one completed and closed in the period under both lists', () => {
		const c = changesBetween(tasks, updates, '2020-06-30', '2021-01-31');
		expect(c.slipped.map((s) => [s.task, s.becameOverdue])).toEqual([['s-03', true]]);
		expect(c.newlyCompleted.map((x) => x.task)).toEqual(['s-04']);
		expect(c.newlyClosed).toMatchObject([{ task: 's-04', from: 'behind', to: 'closed' }]);
	});

	it('is empty for the same date, and takes the earlier date as the start whatever the order', () => {
		expect(changeCounts(changesBetween(tasks, updates, '2020-01-31', '2020-01-31'))).toEqual({
			newlyCompleted: 0,
			newlyClosed: 0,
			slipped: 0,
			reopened: 0,
			otherChanges: 0,
			tasksWithUpdates: 0,
			updates: 0,
		});
		const c = changesBetween(tasks, updates, '2020-01-31', '2019-12-31');
		expect([c.from, c.to]).toEqual(['2019-12-31', '2020-01-31']);
		expect(c.newlyCompleted.map((x) => x.task)).toEqual(['s-01']);
	});

	it('counts an update published on the start date as before the period, one published on the end date as inside', () => {
		expect(changesBetween(tasks, updates, '2020-01-05', '2020-01-31').newUpdates.map((g) => g.task)).toEqual([
			's-03',
			's-04',
		]);
		expect(changesBetween(tasks, updates, '2020-01-04', '2020-01-05').newUpdates.map((g) => g.task)).toEqual(['s-01']);
	});

	it('lists every change of status, those of no other section under 其他状态变化', () => {
		const c = changesBetween(tasks, updates, '2019-12-31', '2020-01-31');
		expect(c.otherChanges).toMatchObject([{ task: 's-04', from: 'not_reported', to: 'behind' }]);
		const later = [
			...updates,
			makeUpdate('s-02/b', { status: 'on_track', factDate: '2020-02-10', publishedDate: '2020-02-12' }),
			makeUpdate('s-01/c', { status: 'long_term', factDate: '2020-02-10', publishedDate: '2020-02-12' }),
		];
		const d = changesBetween(tasks, later, '2020-01-31', '2020-02-29');
		// 逾期未完成 stays (s-02's deadline passed); 已完成 → 长期坚持 is no new completion, but it is a change.
		expect(d.otherChanges.map((x) => [x.task, x.from, x.to])).toEqual([['s-01', 'completed', 'long_term']]);
		expect(d.newlyCompleted).toEqual([]);
	});

	it('lists a corrected update with the correction, each marked, within the period and not before it', () => {
		const corrected = makeUpdate('s-03/c', { status: 'behind', factDate: '2020-02-01', publishedDate: '2020-02-03' });
		const correction = makeUpdate('s-03/d', {
			status: 'behind',
			factDate: '2020-02-05',
			publishedDate: '2020-02-06',
			title: '更正：范围',
			corrects: 's-03/c',
		});
		const all = [...updates, { ...corrected, title: '征求意见' }, correction];
		const c = changesBetween(tasks, all, '2020-01-31', '2020-02-29');
		expect(c.newUpdates.map((g) => g.updates.map((u) => u.id))).toEqual([['s-03/c', 's-03/d']]);
		expect(correctionText(c, 's-03/c')).toBe('已更正：见2020-02-06 发布的“更正：范围”，以更正为准');
		expect(correctionText(c, 's-03/d')).toBe('更正了2020-02-03 发布的“征求意见”');
		// At the end of a period before the correction was published, the update is listed unmarked.
		const early = changesBetween(tasks, all, '2020-01-31', '2020-02-04');
		expect(early.newUpdates.map((g) => g.updates.map((u) => u.id))).toEqual([['s-03/c']]);
		expect(correctionText(early, 's-03/c')).toBe('');
	});
});

describe('history dates', () => {
	it('runs from the month of the first publication to the as-of date', () => {
		expect(historyDates([{ publishedDate: '2020-01-15' }, { publishedDate: '2019-12-30' }], '2020-03-10')).toEqual([
			'2019-12-31',
			'2020-01-31',
			'2020-02-29',
			'2020-03-10',
		]);
		expect(historyDates([{ publishedDate: '2019-12-30' }], '2019-11-01')).toEqual([]);
	});

	it('finds the previous month end across years and leap Februaries', () => {
		expect(previousMonthEnd('2020-01-31')).toBe('2019-12-31');
		expect(previousMonthEnd('2020-03-31')).toBe('2020-02-29');
		expect(previousMonthEnd('2021-03-15')).toBe('2021-02-28');
	});
});

describe('change list sections', () => {
	const slip = { task: 't', from: 'on_track', to: 'overdue', becameOverdue: false } as const;
	const c = {
		from: '2020-01-31',
		to: '2020-02-29',
		newlyCompleted: [],
		newlyClosed: [],
		slipped: [slip, slip],
		reopened: [],
		otherChanges: [],
		newUpdates: [{ task: 't', updates: [{}, {}, {}] }],
	} as never;
	it('counts tasks per section, and updates (not tasks) for new updates, with the unit in the heading', () => {
		const headings = CHANGE_SECTIONS.map((sec) => sectionHeading(sec, sectionCount(c, sec.key)));
		expect(headings).toEqual([
			'新完成（0 项）',
			'新销号（0 项）',
			'进度滞后（2 项）',
			'重新列为未完成（0 项）',
			'其他状态变化（0 项）',
			'新发布的进展（3 条）',
		]);
	});
	it('words a postponed deadline with its reason when there is one', () => {
		expect(dueDateMovedText({ from: '2019-12-31', to: '2020-06-30', reason: '工程量调整' })).toBe(
			'整改时限由 2019-12-31 推迟至 2020-06-30，理由：工程量调整',
		);
		expect(dueDateMovedText({ from: '2019-12-31', to: '2020-06-30' })).toBe('整改时限由 2019-12-31 推迟至 2020-06-30');
	});
});
