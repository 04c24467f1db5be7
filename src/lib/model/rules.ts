/**
 * Worked examples of the status rules for the 口径说明 page (/about/rules/): each is a made-up task with its
 * reports, and the status and flags the model derives from them at one date — computed by the same functions as
 * every other page, so the page cannot describe a rule the code does not apply.
 */
import type { TaskRecord, UpdateRecord } from './content.ts';
import { stateFlags } from './browse.ts';
import { taskStateAt, type TaskState } from './status.ts';
import { STATUS_LABELS, type ReportedStatus, type TaskStatus } from './statuses.ts';

/** One worked example: what happened (in words), the as-of date, and what the model derives. */
export interface RuleExample {
	/** The status the example illustrates. */
	status: TaskStatus;
	/** What the example shows, in one line. */
	title: string;
	/** The task's due date and its published reports, in words, oldest first. */
	given: string[];
	asOf: string;
	state: TaskState;
	flags: string[];
}

const DUE = '2020-12-31';
const TASK: TaskRecord = {
	id: 'example',
	plan: 'example',
	series: 'example',
	no: '01',
	title: '示例任务',
	problem: '示例',
	targets: ['示例'],
	measures: ['示例'],
	measure: 'example',
	area: 'example',
	leadUnits: ['example'],
	supportUnits: [],
	responsible: null,
	batch: 'example',
	dueDate: DUE,
	cities: [],
	sources: [],
	provenance: { kind: 'sample', note: '口径说明的示例' },
};

type Report = Pick<UpdateRecord, 'status' | 'factDate' | 'publishedDate'> &
	Partial<Pick<UpdateRecord, 'closure' | 'dueDateChange' | 'provenance'>>;

/** A report whose publication date is a stand-in (a reprint's date): the case of 回头看第02号. */
const STAND_IN: UpdateRecord['provenance'] = {
	kind: 'partial',
	note: '口径说明的示例：发布日期取转载日期',
	unsourced: ['publishedDate'],
};

function update(r: Report, i: number): UpdateRecord {
	return {
		id: `example/${i}`,
		task: TASK.id,
		title: '示例进展',
		body: '',
		evidence: [],
		sources: [],
		provenance: TASK.provenance,
		...r,
	};
}

function describe(r: Report): string {
	const standIn = r.provenance?.unsourced?.includes('publishedDate');
	const parts = [
		`${r.publishedDate} 发布进展：报告“${STATUS_LABELS[r.status as ReportedStatus]}”（形成日期 ${r.factDate}${standIn ? '；发布日期是转载日期，原始发布日期未见来源' : ''}）`,
	];
	if (r.dueDateChange) parts.push(`整改时限调整为 ${r.dueDateChange.to}`);
	if (r.closure?.notice) parts.push(`销号公示 ${r.closure.notice.start} 至 ${r.closure.notice.end}`);
	if (r.closure?.closedDate) parts.push(`销号日期 ${r.closure.closedDate}`);
	return parts.join('，');
}

function example(status: TaskStatus, title: string, reports: Report[], asOf: string): RuleExample {
	const updates = reports.map(update);
	const state = taskStateAt(TASK, updates, asOf);
	if (state.status !== status) throw new Error(`rule example “${title}” gives ${state.status}, not ${status}`);
	return {
		status,
		title,
		given: [`原定整改时限 ${DUE}`, ...reports.map(describe)],
		asOf,
		state,
		flags: stateFlags(TASK, state),
	};
}

const NOTICE = { start: '2021-01-05', end: '2021-01-11', contact: '0351-0000000' };

/** The examples of a reported completion: closure, the notice window, completion on time or late. */
function completionExamples(): RuleExample[] {
	return [
		example(
			'closed',
			'销号日期到了才算已销号',
			[
				{ status: 'completed', factDate: '2020-12-20', publishedDate: '2020-12-28', closure: { notice: NOTICE } },
				{
					status: 'closed',
					factDate: '2021-01-12',
					publishedDate: '2021-01-12',
					closure: { closedDate: '2021-01-12' },
				},
			],
			'2021-01-31',
		),
		example(
			'in_notice',
			'公示期内',
			[{ status: 'completed', factDate: '2020-12-20', publishedDate: '2020-12-28', closure: { notice: NOTICE } }],
			'2021-01-08',
		),
		example(
			'in_notice',
			'公示期内就报告了销号，销号日期未到',
			[
				{ status: 'completed', factDate: '2020-12-20', publishedDate: '2020-12-28', closure: { notice: NOTICE } },
				{
					status: 'closed',
					factDate: '2021-01-09',
					publishedDate: '2021-01-09',
					closure: { closedDate: '2021-01-15' },
				},
			],
			'2021-01-10',
		),
		example(
			'notice_lapsed',
			'公示期满，没有销号',
			[{ status: 'completed', factDate: '2020-12-20', publishedDate: '2020-12-28', closure: { notice: NOTICE } }],
			'2021-03-01',
		),
		example(
			'completed',
			'按时完成',
			[{ status: 'completed', factDate: '2020-11-30', publishedDate: '2020-12-05' }],
			'2020-12-31',
		),
		example(
			'completed',
			'时限过后才完成',
			[
				{ status: 'on_track', factDate: '2020-06-30', publishedDate: '2020-07-10' },
				{ status: 'completed', factDate: '2021-01-20', publishedDate: '2021-01-25' },
			],
			'2021-01-31',
		),
	];
}

/** The worked examples, one or more per status, in the order of the status table. */
export function ruleExamples(): RuleExample[] {
	return [
		...completionExamples(),
		example(
			'long_term',
			'时限过后才报告长期坚持',
			[{ status: 'long_term', factDate: '2021-01-10', publishedDate: '2021-01-15' }],
			'2021-01-31',
		),
		example(
			'overdue',
			'时限已过，没有报告完成',
			[{ status: 'on_track', factDate: '2020-06-30', publishedDate: '2020-07-10' }],
			'2021-02-15',
		),
		example(
			'undetermined',
			'时限已过，完成报告的形成日期在此以前，但原始发布日期未见来源',
			[
				{ status: 'on_track', factDate: '2020-06-30', publishedDate: '2020-07-10' },
				{ status: 'completed', factDate: '2020-12-31', publishedDate: '2021-06-04', provenance: STAND_IN },
			],
			'2021-03-31',
		),
		example(
			'extended_late',
			'时限过后才公布延期',
			[
				{
					status: 'behind',
					factDate: '2021-01-15',
					publishedDate: '2021-01-20',
					dueDateChange: { to: '2021-06-30', reason: '示例' },
				},
			],
			'2021-03-31',
		),
		example(
			'behind',
			'报告未达到序时进度',
			[{ status: 'behind', factDate: '2020-06-30', publishedDate: '2020-07-10' }],
			'2020-09-30',
		),
		example(
			'on_track',
			'报告达到序时进度',
			[{ status: 'on_track', factDate: '2020-06-30', publishedDate: '2020-07-10' }],
			'2020-09-30',
		),
		example('not_reported', '本站没有收录进展，时限未到', [], '2020-09-30'),
	];
}
