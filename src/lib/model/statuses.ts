/**
 * The status table: every status a task can have, defined once for the site, the charts, the data files,
 * the search facets, the feeds and the CLIs — key, Chinese label, meaning, order, whether an editor may
 * report it, which summary groups count it, and how it looks (colour, chart fill pattern, badge mark).
 * Reported statuses are typed by editors in updates; the others are derived by src/lib/model/status.ts.
 * Pure data, no imports: the browser bundles read it too. To add a status, add its entry here and its worked
 * example in src/lib/model/rules.ts (docs/architecture.md, "How to add a status").
 */

/**
 * The chart fills: white strokes and dots over the status colour on an 8×8 tile (status is never told by colour
 * alone). Data, so a new status takes a spare fill here without touching the chart script (src/scripts/chart-draw.ts
 * draws whatever is listed); the fills no status uses yet are spares.
 */
export const FILL_PATTERNS = {
	solid: {},
	diag: { lines: [[0, 8, 8, 0]] },
	'diag-rev': { lines: [[0, 0, 8, 8]] },
	dots: { dots: [[4, 4, 1.6]] },
	cross: {
		lines: [
			[0, 0, 8, 8],
			[0, 8, 8, 0],
		],
	},
	hline: { lines: [[0, 4, 8, 4]] },
	vline: { lines: [[4, 0, 4, 8]] },
	grid: {
		lines: [
			[0, 4, 8, 4],
			[4, 0, 4, 8],
		],
	},
	hdash: { lines: [[0, 4, 4, 4]] },
	vdash: { lines: [[4, 0, 4, 4]] },
	'dots-pair': {
		dots: [
			[2, 2, 1.2],
			[6, 6, 1.2],
		],
	},
	// Spares.
	'diag-dash': { lines: [[0, 8, 4, 4]] },
	plus: {
		lines: [
			[2, 4, 6, 4],
			[4, 2, 4, 6],
		],
	},
	'hline-double': {
		lines: [
			[0, 2, 8, 2],
			[0, 6, 8, 6],
		],
	},
} as const satisfies Record<string, { lines?: readonly (readonly number[])[]; dots?: readonly (readonly number[])[] }>;

/** The chart fill of a status: solid, or a white pattern over the colour (FILL_PATTERNS). */
export type StatusPattern = keyof typeof FILL_PATTERNS;

/**
 * When a status can occur at a date, which decides whether the dashboard shows its figure (possibleStatuses): always;
 * once some task's due date has passed; while some task not done is before its due date; or rarely (shown only when
 * some task has it, never as a standing 0).
 */
export type StatusOccurrence = 'always' | 'once_due' | 'while_open' | 'rare';

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
	/**
	 * Badge text colour and chart colour: at least 4.5:1 on white, and at least MIN_STATUS_DIFFERENCE (CIEDE2000) from
	 * every other status's colour, so two statuses side by side in a chart are told apart
	 * (tests/unit/status-colours.test.ts).
	 */
	color: string;
	pattern: StatusPattern;
	/** The symbol before the badge text. */
	mark: string;
	/** Its place among the dashboard's headline figures (ascending; after 整改任务 and the done total). */
	figure: number;
	/** When it can occur, so the dashboard shows no figure that cannot be other than 0. */
	occurs: StatusOccurrence;
	/** The warning level (src/lib/model/scorecard.ts) a sourced lead task in this status gives its unit, if any. */
	warning?: 'red' | 'yellow';
}

/**
 * The least colour difference (CIEDE2000 ΔE) between two statuses' colours. About 2 is the smallest a reader notices
 * side by side; 15 keeps neighbouring bars apart on a phone in daylight (已销号 and 已完成 were 5.6 apart, two greens
 * readers could not tell apart, issue #27).
 */
export const MIN_STATUS_DIFFERENCE = 15;

/** The summary groups of statuses, each with its own label (never the bare label of one of its members). */
export type StatusGroupKey = 'done' | 'completed';

/** The status table, in display order (the order of charts, tables, facets and the 按状态 sort). */
export const STATUS_TABLE = {
	closed: {
		label: '已销号',
		meaning: '已通过验收，销号公示期满，已公布销号；自销号日期起计。',
		reported: true,
		groups: ['done'],
		color: '#174a17',
		pattern: 'solid',
		mark: '✔✔',
		figure: 6,
		occurs: 'always',
	},
	in_notice: {
		label: '销号公示中',
		meaning: '已完成并通过验收，正处于销号公示期内，或已报告销号但销号日期未到（由公示起止日期推算）。',
		reported: false,
		groups: ['done', 'completed'],
		color: '#2c5a8a',
		pattern: 'diag',
		mark: '◔',
		figure: 7,
		occurs: 'always',
	},
	notice_lapsed: {
		label: '公示期满未销号',
		meaning: '销号公示期已满，截至数据日期仍未公布销号（由公示结束日期推算，显示期满天数）。',
		reported: false,
		groups: ['done', 'completed'],
		color: '#8c2f6b',
		pattern: 'hdash',
		mark: '◕',
		figure: 8,
		occurs: 'rare',
	},
	completed: {
		label: '已完成',
		meaning: '责任单位报告已完成整改，尚未进入销号公示。',
		reported: true,
		groups: ['done', 'completed'],
		color: '#2e7d32',
		pattern: 'dots',
		mark: '✔',
		figure: 9,
		occurs: 'always',
	},
	long_term: {
		label: '长期坚持',
		meaning: '阶段目标已完成，需长期坚持、持续推进；整改时限过后才报告的，另行注明。',
		reported: true,
		groups: ['done'],
		color: '#4b3a8c',
		pattern: 'cross',
		mark: '∞',
		figure: 10,
		occurs: 'always',
	},
	overdue: {
		label: '逾期未完成',
		meaning: '整改时限已过，仍未报告完成（由时限和截至日期推算，显示已逾期天数）。',
		reported: false,
		groups: [],
		color: '#a30000',
		pattern: 'diag-rev',
		mark: '!',
		figure: 1,
		occurs: 'once_due',
		warning: 'red',
	},
	undetermined: {
		// A stand-in publication date never accuses anyone (issue #23): a completion with an earlier fact date exists.
		label: '无法判断',
		meaning:
			'整改时限已过，本站收录的完成报告形成日期在截至日期以前，但原始发布日期未见来源（本站只有转载日期等替代日期），无法判断截至日期时是否已经公开，因此不判定逾期。',
		reported: false,
		groups: [],
		color: '#665200',
		pattern: 'dots-pair',
		mark: '?',
		figure: 1.5,
		occurs: 'rare',
	},
	extended_late: {
		label: '逾期后延期',
		meaning: '原整改时限已过、任务未完成之后才公布延期，新时限未到；原时限和逾期天数仍然显示。',
		reported: false,
		groups: [],
		color: '#5a2a00',
		pattern: 'vdash',
		mark: '!→',
		figure: 2,
		occurs: 'rare',
	},
	behind: {
		label: '未达到序时进度',
		meaning: '未到整改时限，责任单位报告未达到序时进度。',
		reported: true,
		groups: [],
		color: '#9a5400',
		pattern: 'hline',
		mark: '▼',
		figure: 3,
		occurs: 'while_open',
		warning: 'yellow',
	},
	on_track: {
		label: '达到序时进度',
		meaning: '未到整改时限，责任单位报告达到序时进度。',
		reported: true,
		groups: [],
		color: '#00666b',
		pattern: 'vline',
		mark: '▶',
		figure: 4,
		occurs: 'while_open',
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
		figure: 5,
		occurs: 'rare',
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

/** The summary groups: label (distinct from every status label), words in a sentence (the home headline), meaning. */
export const STATUS_GROUPS: Record<StatusGroupKey, { label: string; plain: string; meaning: string }> = {
	done: {
		label: '完成合计（含已销号、长期坚持）',
		meaning: '已完成、销号公示中、公示期满未销号、已销号和长期坚持的任务合计。',
		plain: '已完成或长期坚持',
	},
	completed: {
		label: '已完成未销号',
		plain: '已完成未销号',
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

/** The statuses that occur only rarely: shown only when some task has one, never as a standing 0. */
export const RARE_STATUSES: readonly TaskStatus[] = /* @__PURE__ */ TASK_STATUSES.filter(
	(s) => STATUS_TABLE[s].occurs === 'rare',
);

/** Every status in the order of the dashboard's headline figures. */
export const FIGURE_ORDER: readonly TaskStatus[] = /* @__PURE__ */ [...TASK_STATUSES].sort(
	(a, b) => STATUS_TABLE[a].figure - STATUS_TABLE[b].figure,
);

/** The statuses that give a unit the warning level `level` (scorecard.ts), in display order. */
export function warningStatuses(level: 'red' | 'yellow'): TaskStatus[] {
	return TASK_STATUSES.filter((s) => (STATUS_TABLE[s] as StatusDef).warning === level);
}
