import { TASK_STATUSES, type TaskStatus } from './statuses.ts';
import type { TaskRecord, UpdateRecord } from './content.ts';
import { COMPLETED_STATUSES, DONE_STATUSES, isDone, stateOf, statesAt, type TaskState } from './status.ts';

/** Counts per status, every status present (zero when none). */
export type StatusCounts = Record<TaskStatus, number>;

/** A row of a rollup: a key (unit, batch …), its task count and counts per status. */
export interface RollupRow {
	key: string;
	total: number;
	byStatus: StatusCounts;
}

/** An all-zero count per status. */
export function emptyCounts(): StatusCounts {
	return Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/** Counts tasks by their status at the as-of date. */
export function countByStatus(tasks: readonly TaskRecord[], states: ReadonlyMap<string, TaskState>): StatusCounts {
	const counts = emptyCounts();
	for (const t of tasks) counts[stateOf(states, t.id).status]++;
	return counts;
}

/** The headline figures of the dashboard, all derived from the per-status counts. */
export interface Headline {
	tasks: number;
	/** Done in any form: 已完成 + 销号公示中 + 已销号 + 长期坚持. */
	done: number;
	/** 已完成 (not closed), including those in a notice window. */
	completed: number;
	inNotice: number;
	closed: number;
	longTerm: number;
	onTrack: number;
	behind: number;
	overdue: number;
	notReported: number;
}

/** Headline figures for a set of tasks at the as-of date. */
export function headline(tasks: readonly TaskRecord[], states: ReadonlyMap<string, TaskState>): Headline {
	const c = countByStatus(tasks, states);
	return {
		tasks: tasks.length,
		done: DONE_STATUSES.reduce((n, s) => n + c[s], 0),
		completed: COMPLETED_STATUSES.reduce((n, s) => n + c[s], 0),
		inNotice: c.in_notice,
		closed: c.closed,
		longTerm: c.long_term,
		onTrack: c.on_track,
		behind: c.behind,
		overdue: c.overdue,
		notReported: c.not_reported,
	};
}

/**
 * Groups tasks under one or more keys each (a task with two lead units counts under both),
 * in the order of `order` (keys not in it follow, sorted), and counts statuses per key.
 */
export function rollup(
	tasks: readonly TaskRecord[],
	states: ReadonlyMap<string, TaskState>,
	keysOf: (t: TaskRecord) => readonly string[],
	order: readonly string[] = [],
): RollupRow[] {
	const rows = new Map<string, RollupRow>(order.map((k) => [k, { key: k, total: 0, byStatus: emptyCounts() }]));
	for (const t of tasks) {
		const status = stateOf(states, t.id).status;
		for (const key of new Set(keysOf(t))) {
			let row = rows.get(key);
			if (!row) rows.set(key, (row = { key, total: 0, byStatus: emptyCounts() }));
			row.total++;
			row.byStatus[status]++;
		}
	}
	const rank = new Map(order.map((k, i) => [k, i]));
	return [...rows.values()].sort((a, b) => {
		const ra = rank.get(a.key) ?? Infinity;
		const rb = rank.get(b.key) ?? Infinity;
		return ra !== rb ? ra - rb : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
	});
}

/** Keys for the standard rollups, so pages, CSV and search facets group tasks the same way. */
export const ROLLUP_KEYS = {
	plan: (t: TaskRecord) => [t.plan],
	series: (t: TaskRecord) => [t.series],
	batch: (t: TaskRecord) => [t.batch],
	leadUnit: (t: TaskRecord) => t.leadUnits,
	supportUnit: (t: TaskRecord) => t.supportUnits,
	anyUnit: (t: TaskRecord) => [...t.leadUnits, ...t.supportUnits],
	measure: (t: TaskRecord) => [t.measure],
	area: (t: TaskRecord) => [t.area],
	city: (t: TaskRecord) => t.cities,
} as const;

/** One month of the progress chart: tasks done and closed, against tasks due by then. */
export interface ProgressPoint {
	date: string;
	done: number;
	closed: number;
	due: number;
}

/** Progress at each of the given dates (month ends), from the same status rule as everything else. */
export function progressOverTime(
	tasks: readonly TaskRecord[],
	updates: readonly UpdateRecord[],
	dates: readonly string[],
): ProgressPoint[] {
	return dates.map((date) => {
		const states = statesAt(tasks, updates, date);
		let done = 0;
		let closed = 0;
		let due = 0;
		for (const t of tasks) {
			const s = stateOf(states, t.id);
			if (isDone(s.status)) done++;
			if (s.status === 'closed') closed++;
			if (s.dueDate <= date) due++;
		}
		return { date, done, closed, due };
	});
}
