import { describe, expect, it } from 'vitest';
import {
	compareRows,
	formatQuery,
	parseQuery,
	rowMatches,
	taskListHref,
	type RowKeys,
} from '../../src/lib/view/task-filter.ts';

const row = (over: Partial<RowKeys>): RowKeys => ({
	status: 'on_track',
	batch: 'end-2019',
	unit: ['u1'],
	area: 'a1',
	city: [],
	order: 0,
	due: '2019-12-31',
	last: '',
	...over,
});

describe('task list query', () => {
	it('parses comma lists, puts statuses in canonical order and ignores unknown parameters', () => {
		const q = parseQuery('?status=long_term,closed&unit=b&unit=a&foo=1&sort=due');
		expect(q.filters.status).toEqual(['closed', 'long_term']);
		expect(q.filters.unit).toEqual(['a', 'b']);
		expect(q.filters.city).toEqual([]);
		expect(q.sort).toBe('due');
		expect(parseQuery('sort=nonsense').sort).toBe('no');
	});
	it('round-trips and leaves the default out of the URL', () => {
		expect(formatQuery(parseQuery(''))).toBe('');
		expect(formatQuery(parseQuery('?sort=no'))).toBe('');
		const s = '?status=in_notice,completed&batch=end-2020&sort=last';
		expect(formatQuery(parseQuery(s))).toBe(s);
		expect(formatQuery(parseQuery('?status=completed,in_notice'))).toBe('?status=in_notice,completed');
	});
	it('matches rows on every facet, any of a multi-valued row', () => {
		const q = parseQuery('?status=overdue,behind&city=c2');
		expect(rowMatches(row({ status: 'overdue', city: ['c1', 'c2'] }), q)).toBe(true);
		expect(rowMatches(row({ status: 'overdue', city: ['c1'] }), q)).toBe(false);
		expect(rowMatches(row({ status: 'on_track', city: ['c2'] }), q)).toBe(false);
		expect(rowMatches(row({}), parseQuery(''))).toBe(true);
	});
	it('sorts by due date, newest update first (none last) and status, ties in plan order', () => {
		const rows = [
			row({ order: 0, due: '2020-12-31', last: '', status: 'on_track' }),
			row({ order: 1, due: '2019-06-30', last: '2020-01-02', status: 'closed' }),
			row({ order: 2, due: '2019-06-30', last: '2020-03-01', status: 'overdue' }),
		];
		const by = (s: Parameters<typeof compareRows>[0]) => [...rows].sort(compareRows(s)).map((r) => r.order);
		expect(by('no')).toEqual([0, 1, 2]);
		expect(by('due')).toEqual([1, 2, 0]);
		expect(by('last')).toEqual([2, 1, 0]);
		expect(by('status')).toEqual([1, 2, 0]);
	});
});

describe('taskListHref', () => {
	it('links the task list filtered to the statuses, in the order the list itself writes them', () => {
		expect(taskListHref(['overdue'])).toBe('/tasks/?status=overdue');
		expect(taskListHref(['completed', 'in_notice'])).toBe(
			`/tasks/${formatQuery(parseQuery('?status=in_notice,completed'))}`,
		);
		expect(taskListHref([])).toBe('/tasks/');
	});
});
