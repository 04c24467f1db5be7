// The window rule for stand-in publication dates (src/lib/model/status.ts, issue #23 item 2): between the due date and
// the stand-in publication date of a completion whose fact date is earlier, the verdict is 无法判断, not 逾期未完成.
import { describe, expect, it } from 'vitest';
import { standInCompletion, statesAt, taskStateAt } from '#src/lib/model/status.ts';
import { headline, notYetDue } from '#src/lib/model/rollups.ts';
import { headlineSentence } from '#src/lib/view/dashboard.ts';
import { makeTask, makeUpdate } from './fixtures.ts';

// Shaped like 回头看第02号: due 2020-12-31 (inferred), target met "截至2020年12月31日", known only from a reprint of 2021-06-04.
const task = makeTask('h-02', {
	dueDate: '2020-12-31',
	batch: 'end-2020',
	provenance: { kind: 'partial', note: '部分有来源', unsourced: ['dueDate'] },
});
const standIn = { kind: 'partial', note: '发布日期取转载日期', unsourced: ['publishedDate'] };
const done = makeUpdate('h-02/2020-12-31', {
	status: 'completed',
	factDate: '2020-12-31',
	publishedDate: '2021-06-04',
	provenance: standIn,
});

describe('stand-in publication date window', () => {
	it('is 无法判断 between the due date and the stand-in publication date, naming what it rests on', () => {
		const s = taskStateAt(task, [done], '2021-03-31');
		expect(s.status).toBe('undetermined');
		expect(s.overdue).toBe(false);
		expect(s.daysOverdue).toBeUndefined();
		expect(s.basis).toEqual({ kind: 'partial', unsourced: ['dueDate', 'publishedDate'] });
	});
	it('is not before the due date, and is 已完成 once the report is published', () => {
		expect(taskStateAt(task, [done], '2020-12-31').status).toBe('not_reported');
		expect(taskStateAt(task, [done], '2021-06-04').status).toBe('completed');
	});
	it('stays 逾期未完成 when the publication date is sourced (the report was not public yet)', () => {
		const sourced = makeUpdate('h-02/b', {
			status: 'completed',
			factDate: '2020-12-31',
			publishedDate: '2021-06-04',
			provenance: { kind: 'official', note: '有来源' },
		});
		const s = taskStateAt(task, [sourced], '2021-03-31');
		expect(s.status).toBe('overdue');
		expect(s.daysOverdue).toBe(90);
	});
	it('stays 逾期未完成 when the completion happened after the as-of date, or the hidden report is not a completion', () => {
		const base = { status: 'completed', factDate: '2020-12-31', publishedDate: '2021-06-04', provenance: standIn };
		const later = makeUpdate('h-02/c', { ...base, factDate: '2021-04-15' });
		expect(taskStateAt(task, [later], '2021-03-31').status).toBe('overdue');
		const behind = makeUpdate('h-02/d', { ...base, status: 'behind' });
		expect(taskStateAt(task, [behind], '2021-03-31').status).toBe('overdue');
		expect(standInCompletion([behind, later], '2021-03-31')).toBe(false);
		expect(standInCompletion([done], '2021-03-31')).toBe(true);
	});
	it('is never counted as not yet due: its due date has passed (issue #23 item 2)', () => {
		const open = makeTask('h-03', { dueDate: '2021-12-31', batch: 'end-2020' });
		const h = headline([task, open], statesAt([task, open], [done], '2021-03-31'));
		expect(h.undetermined).toBe(1);
		expect(notYetDue(h)).toBe(1);
		expect(headlineSentence(h, [])).toBe(
			'2 项任务中 0 项已完成或长期坚持（0%）；没有逾期未完成的任务；1 项无法判断是否逾期；1 项未到整改时限。',
		);
	});
});
