/**
 * Status keys and their Chinese labels, defined once for the whole site, the data files and the CLIs.
 * Reported statuses are typed by editors in updates; derived ones are computed by src/lib/model/status.ts.
 */

/** Statuses an editor may report in an update. */
export const REPORTED_STATUSES = ['on_track', 'behind', 'completed', 'long_term', 'closed'] as const;
export type ReportedStatus = (typeof REPORTED_STATUSES)[number];

/** The single effective status of a task at an as-of date (mutually exclusive buckets). */
export const TASK_STATUSES = [
	'closed',
	'in_notice',
	'completed',
	'long_term',
	'overdue',
	'behind',
	'on_track',
	'not_reported',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Chinese labels, one place. */
export const STATUS_LABELS: Record<TaskStatus, string> = {
	closed: '已销号',
	in_notice: '销号公示中',
	completed: '已完成',
	long_term: '长期坚持',
	overdue: '逾期未完成',
	behind: '未达到序时进度',
	on_track: '达到序时进度',
	not_reported: '暂无进展',
};

/** Short explanation of each status, shown in legends and the data dictionary. */
export const STATUS_DESCRIPTIONS: Record<TaskStatus, string> = {
	closed: '已通过验收，公示期满，已办结销号。',
	in_notice: '已完成并通过验收，正处于销号公示期内（由公示起止日期推算）。',
	completed: '责任单位报告已完成整改，尚未销号。',
	long_term: '阶段目标已完成，需长期坚持、持续推进。',
	overdue: '整改时限已过，仍未报告完成（由时限和截至日期推算）。',
	behind: '未到时限，但责任单位报告未达到序时进度。',
	on_track: '未到时限，责任单位报告达到序时进度。',
	not_reported: '尚未发布进展，且未到整改时限。',
};

/** Labels for reported statuses (a subset of the task statuses). */
export const REPORTED_LABELS: Record<ReportedStatus, string> = {
	on_track: STATUS_LABELS.on_track,
	behind: STATUS_LABELS.behind,
	completed: STATUS_LABELS.completed,
	long_term: STATUS_LABELS.long_term,
	closed: STATUS_LABELS.closed,
};
