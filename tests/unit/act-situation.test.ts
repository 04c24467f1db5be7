import { describe, expect, it } from 'vitest';
import { offersSupervision, situationText, superviseHref } from '#src/lib/view/act.ts';
import { TASK_STATUSES } from '#src/lib/model/statuses.ts';

describe('situationText', () => {
	it('says how long an overdue task is late, with its mark in the same sentence', () => {
		const s = situationText({ status: 'overdue', dueDate: '2019-12-31', daysOverdue: 547, basisNote: '（示例）' })!;
		expect(s).toContain('整改时限是 2019-12-31，已逾期 547 天仍未完成（示例）。');
		expect(s).toContain('监督举报');
	});
	it('says when a 销号 notice ended without a published 销号', () => {
		const s = situationText({
			status: 'notice_lapsed',
			dueDate: '2019-12-31',
			notice: { end: '2016-01-20' },
			daysSinceNotice: 1978,
			basisNote: '',
		})!;
		expect(s).toContain('销号公示已于 2016-01-20 结束，至今 1978 天仍未公布是否销号。');
	});
	it('says nothing special for other statuses', () => {
		expect(situationText({ status: 'completed', dueDate: '2019-12-31', basisNote: '' })).toBeUndefined();
		expect(situationText({ status: 'overdue', dueDate: undefined, basisNote: '' })).toBeUndefined();
	});
	it('我要监督 leads to the task page’s 您可以做什么', () => {
		expect(superviseHref('dq-04')).toBe('/tasks/dq-04/#act');
	});
	it('我要监督 is offered beside overdue tasks only (the task table and the home page read this one rule)', () => {
		expect(TASK_STATUSES.filter((status) => offersSupervision({ status }))).toEqual(['overdue']);
	});
});
