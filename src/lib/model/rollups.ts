import { STATUS_TABLE, TASK_STATUSES, type StatusOccurrence, type TaskStatus } from './statuses.ts';
import type { TaskRecord, UpdateRecord } from './content.ts';
import { COMPLETED_STATUSES, DONE_STATUSES, dueBy, isDone, stateOf, statesAt, type TaskState } from './status.ts';
import { addToCount, emptyCountBasis, type CountBasis } from './basis.ts';

/** Counts per status, every status present (zero when none). */
export type StatusCounts = Record<TaskStatus, number>;

/** What each per-status count rests on (how many samples, how many judgments on unsourced inputs). */
export type StatusCountBasis = Record<TaskStatus, CountBasis>;

/** A row of a rollup: a key (unit, batch …), its task count and counts per status, each count with its basis. */
export interface RollupRow {
	key: string;
	total: number;
	byStatus: StatusCounts;
	basis: StatusCountBasis;
}

/** An empty basis per status. */
export function emptyStatusBasis(): StatusCountBasis {
	return Object.fromEntries(TASK_STATUSES.map((s) => [s, emptyCountBasis()])) as StatusCountBasis;
}

/** What each count of `countByStatus` rests on: the basis of every counted status, per status. */
export function countBasisByStatus(
	tasks: readonly TaskRecord[],
	states: ReadonlyMap<string, TaskState>,
): StatusCountBasis {
	const out = emptyStatusBasis();
	for (const t of tasks) {
		const s = stateOf(states, t.id);
		addToCount(out[s.status], s.basis);
	}
	return out;
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
	/** 无法判断: past the due date, but whether it was done in time cannot be told (never "not yet due"). */
	undetermined: number;
	notReported: number;
}

/** What each headline figure rests on, key for key (tasks: every task's status basis). */
export function headlineBasis(
	tasks: readonly TaskRecord[],
	states: ReadonlyMap<string, TaskState>,
): Record<keyof Headline, CountBasis> {
	const b = countBasisByStatus(tasks, states);
	const sum = (list: readonly TaskStatus[]) => {
		const out = emptyCountBasis();
		for (const s of list) {
			out.total += b[s].total;
			out.sample += b[s].sample;
			out.partial += b[s].partial;
			for (const f of b[s].unsourced) if (!out.unsourced.includes(f)) out.unsourced.push(f);
		}
		return out;
	};
	return {
		tasks: sum(TASK_STATUSES),
		done: sum(DONE_STATUSES),
		completed: sum(COMPLETED_STATUSES),
		inNotice: b.in_notice,
		closed: b.closed,
		longTerm: b.long_term,
		onTrack: b.on_track,
		behind: b.behind,
		overdue: b.overdue,
		undetermined: b.undetermined,
		notReported: b.not_reported,
	};
}

/** Headline figures for a set of tasks at the as-of date. */
export function headline(tasks: readonly TaskRecord[], states: ReadonlyMap<string, TaskState>): Headline {
	return headlineFromCounts(countByStatus(tasks, states));
}

/** Headline figures from counts by status (a published tasks.json's statuses, as the national portal reads them). */
export function headlineFromCounts(c: StatusCounts): Headline {
	return {
		tasks: TASK_STATUSES.reduce((n, s) => n + c[s], 0),
		done: DONE_STATUSES.reduce((n, s) => n + c[s], 0),
		completed: COMPLETED_STATUSES.reduce((n, s) => n + c[s], 0),
		inNotice: c.in_notice,
		closed: c.closed,
		longTerm: c.long_term,
		onTrack: c.on_track,
		behind: c.behind,
		overdue: c.overdue,
		undetermined: c.undetermined,
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
	const rows = new Map<string, RollupRow>(
		order.map((k) => [k, { key: k, total: 0, byStatus: emptyCounts(), basis: emptyStatusBasis() }]),
	);
	for (const t of tasks) {
		const { status, basis } = stateOf(states, t.id);
		for (const key of new Set(keysOf(t))) {
			let row = rows.get(key);
			if (!row) rows.set(key, (row = { key, total: 0, byStatus: emptyCounts(), basis: emptyStatusBasis() }));
			row.total++;
			row.byStatus[status]++;
			addToCount(row.basis[status], basis);
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
	// A task without a batch, measure, area or units (another plan's shape, issue #22) falls under none.
	batch: (t: TaskRecord) => (t.batch ? [t.batch] : []),
	leadUnit: (t: TaskRecord) => t.leadUnits ?? [],
	supportUnit: (t: TaskRecord) => t.supportUnits,
	implementer: (t: TaskRecord) => t.implementers ?? [],
	anyUnit: (t: TaskRecord) => [...(t.leadUnits ?? []), ...t.supportUnits, ...(t.implementers ?? [])],
	measure: (t: TaskRecord) => (t.measure ? [t.measure] : []),
	area: (t: TaskRecord) => (t.area ? [t.area] : []),
	city: (t: TaskRecord) => t.cities,
} as const;

/** One month of the progress chart: tasks done and closed, against tasks due by then. */
export interface ProgressPoint {
	date: string;
	done: number;
	closed: number;
	due: number;
	/** What the figures of that date rest on: the tasks counted done or due. */
	basis: CountBasis;
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
		const basis = emptyCountBasis();
		for (const t of tasks) {
			const s = stateOf(states, t.id);
			if (isDone(s.status)) done++;
			if (s.status === 'closed') closed++;
			const isDue = dueBy(s, date);
			if (isDue) due++;
			if (isDone(s.status) || isDue) addToCount(basis, s.basis);
		}
		return { date, done, closed, due, basis };
	});
}

/**
 * Tasks before their due date in force, whatever they reported: neither done, nor overdue, nor 无法判断 (whose due date
 * has passed; only whether it was met cannot be told).
 */
export function notYetDue(h: Headline): number {
	return h.tasks - h.done - h.overdue - h.undetermined;
}

/**
 * The statuses a task can have at `date`, from when the status table says each can occur (`occurs`): 逾期未完成
 * only once some due date has passed; 达到/未达到序时进度 only while some task that is not done is still before its
 * due date; the done statuses always; the rare ones (RARE_STATUSES) only when some task has them.
 */
export function possibleStatuses(
	tasks: readonly TaskRecord[],
	states: ReadonlyMap<string, TaskState>,
	date: string,
): Set<TaskStatus> {
	const when = (o: StatusOccurrence) => TASK_STATUSES.filter((s) => STATUS_TABLE[s].occurs === o);
	const [due, open] = [when('once_due'), when('while_open')];
	const out = new Set<TaskStatus>(when('always'));
	for (const t of tasks) {
		const s = stateOf(states, t.id);
		for (const x of s.dueDate !== undefined && s.dueDate < date ? due : isDone(s.status) ? [] : open) out.add(x);
	}
	return out;
}
