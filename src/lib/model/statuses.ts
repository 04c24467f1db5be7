/**
 * The status table: every status a task can have, defined once for the site, the charts, the data files,
 * the search facets, the feeds and the CLIs — key, Chinese label, meaning, order, whether an editor may
 * report it, which summary groups count it, and how it looks (colour, chart fill pattern, badge mark).
 * Reported statuses are typed by editors in updates; the others are derived by src/lib/model/status.ts.
 * Pure data, no imports: the browser bundles read it too.
 */

/** The chart fill of a status: solid, or a white pattern over the colour (status is never told by colour alone). */
export type StatusPattern =
	'solid' | 'diag' | 'diag-rev' | 'dots' | 'cross' | 'hline' | 'vline' | 'grid' | 'hdash' | 'vdash' | 'square';

/** One row of the status table. */
export interface StatusDef {
	/** The one Chinese label, on badges, tiles, charts, CSV/JSON/xlsx, facets and feeds. */
	label: string;
	/** What it means, in one sentence: legends, the data dictionary and the 口径说明 page. */
	meaning: string;
	/** An editor may report it in an update (otherwise it is only derived). */
	reported: boolean;
	/** Counted in the summary groups (STATUS_GROUPS) it names. */
	groups: readonly StatusGroupKey[];
	/** Badge text colour and chart colour (at least 4.5:1 on white). */
	color: string;
	pattern: StatusPattern;
	/** The symbol before the badge text. */
	mark: string;
}

/** The summary groups of statuses, each with its own label (never the bare label of one of its members). */
export type StatusGroupKey = 'done' | 'completed';

/** The status table, in display order (the order of charts, tables, facets and the 按状态 sort). */
export const STATUS_TABLE = {
	closed: {
		label: '已销号',
		meaning: '已通过验收，销号公示期满，已公布销号；自销号日期起计。',
		reported: true,
		groups: ['done'],
		color: '#1f5f1f',
		pattern: 'solid',
		mark: '✔✔',
	},
	in_notice: {
		label: '销号公示中',
		meaning: '已完成并通过验收，正处于销号公示期内，或已报告销号但销号日期未到（由公示起止日期推算）。',
		reported: false,
		groups: ['done', 'completed'],
		color: '#2c5a8a',
		pattern: 'diag',
		mark: '◔',
	},
	notice_lapsed: {
		label: '公示期满未销号',
		meaning: '销号公示期已满，截至数据日期仍未公布销号（由公示结束日期推算，显示期满天数）。',
		reported: false,
		groups: ['done', 'completed'],
		color: '#8c2f6b',
		pattern: 'hdash',
		mark: '◕',
	},
	completed: {
		label: '已完成',
		meaning: '责任单位报告已完成整改，尚未进入销号公示。',
		reported: true,
		groups: ['done', 'completed'],
		color: '#1f6f1f',
		pattern: 'dots',
		mark: '✔',
	},
	long_term: {
		label: '长期坚持',
		meaning: '阶段目标已完成，需长期坚持、持续推进；整改时限过后才报告的，另行注明。',
		reported: true,
		groups: ['done'],
		color: '#4b3a8c',
		pattern: 'cross',
		mark: '∞',
	},
	overdue: {
		label: '逾期未完成',
		meaning: '整改时限已过，仍未报告完成（由时限和截至日期推算，显示已逾期天数）。',
		reported: false,
		groups: [],
		color: '#a30000',
		pattern: 'diag-rev',
		mark: '!',
	},
	undetermined: {
		// A stand-in publication date never accuses anyone (issue #23): a completion with an earlier fact date exists.
		label: '无法判断',
		meaning:
			'整改时限已过，本站收录的完成报告形成日期在截至日期以前，但原始发布日期未见来源（本站只有转载日期等替代日期），无法判断截至日期时是否已经公开，因此不判定逾期。',
		reported: false,
		groups: [],
		color: '#665200',
		pattern: 'square',
		mark: '?',
	},
	extended_late: {
		label: '逾期后延期',
		meaning: '原整改时限已过、任务未完成之后才公布延期，新时限未到；原时限和逾期天数仍然显示。',
		reported: false,
		groups: [],
		color: '#7a2e00',
		pattern: 'vdash',
		mark: '!→',
	},
	behind: {
		label: '未达到序时进度',
		meaning: '未到整改时限，责任单位报告未达到序时进度。',
		reported: true,
		groups: [],
		color: '#8a4b00',
		pattern: 'hline',
		mark: '▼',
	},
	on_track: {
		label: '达到序时进度',
		meaning: '未到整改时限，责任单位报告达到序时进度。',
		reported: true,
		groups: [],
		color: '#245a7a',
		pattern: 'vline',
		mark: '▶',
	},
	not_reported: {
		// Worded as what this site found, not as what the body did (issue #13).
		label: '未见公开进展',
		meaning: '本站尚未收录已发布的进展，且未到整改时限；这只说明本站没有找到，不说明责任单位没有工作。',
		reported: false,
		groups: [],
		color: '#555555',
		pattern: 'grid',
		mark: '○',
	},
} as const satisfies Record<string, StatusDef>;

/** The single effective status of a task at an as-of date (mutually exclusive buckets). */
export type TaskStatus = keyof typeof STATUS_TABLE;

/** Statuses an editor may report in an update. */
export type ReportedStatus = {
	[K in TaskStatus]: (typeof STATUS_TABLE)[K]['reported'] extends true ? K : never;
}[TaskStatus];

/** Every status key, in display order. */
export const TASK_STATUSES = /* @__PURE__ */ Object.keys(STATUS_TABLE) as [TaskStatus, ...TaskStatus[]];

/** Statuses an editor may report in an update, in display order. */
export const REPORTED_STATUSES = /* @__PURE__ */ TASK_STATUSES.filter((s) => STATUS_TABLE[s].reported) as [
	ReportedStatus,
	...ReportedStatus[],
];

/** Chinese labels, read from the table. */
export const STATUS_LABELS = /* @__PURE__ */ Object.fromEntries(
	TASK_STATUSES.map((s) => [s, STATUS_TABLE[s].label]),
) as Record<TaskStatus, string>;

/** Meaning of each status, read from the table (legends, the data dictionary, the task page). */
export const STATUS_DESCRIPTIONS = /* @__PURE__ */ Object.fromEntries(
	TASK_STATUSES.map((s) => [s, STATUS_TABLE[s].meaning]),
) as Record<TaskStatus, string>;

/** Labels of the reported statuses (a subset of STATUS_LABELS). */
export const REPORTED_LABELS: Record<ReportedStatus, string> = STATUS_LABELS;

/** The summary groups: label (distinct from every status label) and meaning. */
export const STATUS_GROUPS: Record<StatusGroupKey, { label: string; meaning: string }> = {
	done: {
		label: '完成合计（含已销号、长期坚持）',
		meaning: '已完成、销号公示中、公示期满未销号、已销号和长期坚持的任务合计。',
	},
	completed: {
		label: '已完成未销号',
		meaning: '已完成但尚未销号的任务：已完成、销号公示中和公示期满未销号。',
	},
};

/** The statuses of a summary group, in display order. */
export function groupStatuses(group: StatusGroupKey): TaskStatus[] {
	return TASK_STATUSES.filter((s) => (STATUS_TABLE[s].groups as readonly StatusGroupKey[]).includes(group));
}

/**
 * The status stylesheet (badge colour, also as --s for the filled badge's background, and mark per status),
 * generated from the table for the build.
 */
export function statusCss(): string {
	return (
		TASK_STATUSES.map(
			(s) =>
				`.badge.s-${s} { color: ${STATUS_TABLE[s].color}; --s: ${STATUS_TABLE[s].color}; } .badge.s-${s}::before { content: '${STATUS_TABLE[s].mark}'; }`,
		).join('\n') + '\n'
	);
}
