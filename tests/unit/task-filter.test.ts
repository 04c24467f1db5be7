import { describe, expect, it } from 'vitest';
import {
	compareRows,
	describeQuery,
	filteredFileName,
	formatQuery,
	listCaption,
	listTitle,
	parseQuery,
	rowMatches,
	taskListHref,
	type RowKeys,
} from '#src/lib/view/task-filter.ts';
import { csvForTasks } from '#src/lib/publish/filtered-csv.ts';
import { parseCsv, toCsv } from '#src/lib/publish/csv.ts';

const row = (over: Partial<RowKeys>): RowKeys => ({
	status: 'on_track',
	flags: [],
	plan: 'p1',
	batch: 'end-2019',
	unit: ['u1'],
	support: [],
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

describe('unit roles, plans and the 逾期完成 flag', () => {
	it('selects the tasks a unit leads, supports, or either', () => {
		const led = row({ unit: ['sthjt'], support: [] });
		const supported = row({ unit: ['fgw'], support: ['sthjt'] });
		const other = row({ unit: ['fgw'], support: ['zjt'] });
		const pick = (s: string) => [led, supported, other].map((r) => rowMatches(r, parseQuery(s)));
		expect(pick('?unit=sthjt')).toEqual([true, false, false]);
		expect(pick('?unit=sthjt&role=support')).toEqual([false, true, false]);
		expect(pick('?unit=sthjt&role=any')).toEqual([true, true, false]);
		expect(pick('?unit=sthjt&role=nonsense')).toEqual([true, false, false]);
	});
	it('writes the role only when it matters, and reads repeated or comma-separated values alike', () => {
		expect(formatQuery(parseQuery('?status=overdue&unit=sthjt&role=any'))).toBe('?status=overdue&unit=sthjt&role=any');
		expect(formatQuery(parseQuery('?role=any'))).toBe('');
		expect(formatQuery(parseQuery('?unit=lead&role=lead'))).toBe('?unit=lead');
		expect(parseQuery('?unit=b&unit=a,c').filters.unit).toEqual(['a', 'b', 'c']);
	});
	it('filters by plan, and by 逾期完成 (a flag of the state) through the status filter', () => {
		expect(rowMatches(row({ plan: 'p2' }), parseQuery('?plan=p1'))).toBe(false);
		expect(rowMatches(row({ plan: 'p1' }), parseQuery('?plan=p1,p2'))).toBe(true);
		const late = row({ status: 'completed', flags: ['completed_late'] });
		const onTime = row({ status: 'completed', flags: [] });
		expect(rowMatches(late, parseQuery('?status=completed_late'))).toBe(true);
		expect(rowMatches(onTime, parseQuery('?status=completed_late'))).toBe(false);
		expect(rowMatches(onTime, parseQuery('?status=overdue,completed_late'))).toBe(false);
		// Flags sort after the statuses.
		expect(formatQuery(parseQuery('?status=completed_late,overdue'))).toBe('?status=overdue,completed_late');
	});
});

describe('words for a filter state', () => {
	const labels: Record<string, string> = {
		'status/overdue': '逾期未完成',
		'status/behind': '未达到序时进度',
		'unit/sthjt': '省生态环境厅',
		'unit/fgw': '省发展改革委',
	};
	const labelOf = (f: string, v: string) => labels[`${f}/${v}`] ?? v;
	it('captions and titles name the filters with labels, never ids', () => {
		const q = parseQuery('?status=overdue&unit=sthjt&role=any');
		expect(describeQuery(q, labelOf).parts).toEqual(['逾期未完成', '省生态环境厅牵头或配合']);
		expect(listCaption(q, labelOf, 2, 38)).toBe('筛选结果：逾期未完成，省生态环境厅牵头或配合（2 项，共 38 项）');
		expect(listTitle(q, labelOf)).toBe('任务清单：逾期未完成 · 省生态环境厅牵头或配合');
		expect(listCaption(parseQuery('?sort=due'), labelOf, 38, 38)).toBe('全部整改任务（38 项）');
		expect(listTitle(parseQuery(''), labelOf)).toBe('任务清单');
		expect(listTitle(parseQuery('?unit=fgw,sthjt'), labelOf)).toBe('任务清单：省发展改革委、省生态环境厅牵头');
	});
});

describe('filtered CSV', () => {
	it('keeps the header and the rows of the given ids, in that order, cells untouched', () => {
		const full = toCsv([
			['任务编号', '名称'],
			['a', 'x,"y"'],
			['b', '两行\n文本'],
			['c', 'z'],
		]);
		expect(parseCsv(csvForTasks(full, ['c', 'a', 'missing']))).toEqual([
			['任务编号', '名称'],
			['c', 'z'],
			['a', 'x,"y"'],
		]);
		expect(csvForTasks(full, []).startsWith('\uFEFF')).toBe(true);
	});
	it('names the file after the as-of date and the filters, in ASCII', () => {
		expect(filteredFileName(parseQuery('?status=overdue&unit=sthjt&role=any&sort=due'), '2021-06-30')).toBe(
			'tasks-2021-06-30-status-overdue_unit-sthjt_role-any.csv',
		);
		expect(filteredFileName(parseQuery(''), '2021-06-30')).toBe('tasks-2021-06-30.csv');
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
