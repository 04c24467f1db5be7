import { TASK_STATUSES, type ReportedStatus, type TaskStatus } from './statuses.ts';
import type { TaskRecord, UpdateRecord } from './content.ts';

/** Everything the site says about one task's state at one as-of date. */
export interface TaskState {
	status: TaskStatus;
	/** Status reported by the latest known update, if any. */
	reported?: ReportedStatus;
	/** The latest update known at the as-of date. */
	latest?: UpdateRecord;
	/** Updates known at the as-of date (published on or before it), oldest first, corrections applied. */
	known: UpdateRecord[];
	/** Due date in force (the original, or the latest known deadline change). */
	dueDate: string;
	/** Due date passed and the task not completed. */
	overdue: boolean;
	/** The as-of date lies inside a known notice window. */
	inNotice: boolean;
	/** The notice window of the latest closure step, if any. */
	notice?: { start: string; end: string; contact: string };
	acceptance?: { date: string; by: string };
	closedDate?: string;
	/** Fact date of the report that completed the task (start of the current completed run). */
	completedDate?: string;
	/** Completed after its due date. */
	completedLate: boolean;
	/** Date of the last update published on or before the as-of date. */
	lastPublished?: string;
}

const DONE: ReadonlySet<TaskStatus> = new Set(['completed', 'in_notice', 'closed', 'long_term']);

/** The statuses that count as done (已完成, 销号公示中, 已销号, 长期坚持), in TASK_STATUSES order. */
export const DONE_STATUSES: readonly TaskStatus[] = TASK_STATUSES.filter((s) => DONE.has(s));

/** The statuses shown as 已完成 (completed, incl. 销号公示中), in TASK_STATUSES order. */
export const COMPLETED_STATUSES: readonly TaskStatus[] = TASK_STATUSES.filter(
	(s) => s === 'completed' || s === 'in_notice',
);

/** The label of DONE_STATUSES together, in tables, figures and the task-list filter. */
export const DONE_LABEL = '已完成（含销号、长期坚持）';

/** The label of COMPLETED_STATUSES together. */
export const COMPLETED_LABEL = '已完成（含销号公示中）';

/** A task's state from a states map; a missing one is a bug in the caller, so it throws. */
export function stateOf(states: ReadonlyMap<string, TaskState>, id: string): TaskState {
	const s = states.get(id);
	if (!s) throw new Error(`no state for task ${id}`);
	return s;
}

/** Newest first, as lists and feeds show updates: publication date, then story order reversed. */
export function compareNewestFirst(a: UpdateRecord, b: UpdateRecord): number {
	if (a.publishedDate !== b.publishedDate) return a.publishedDate > b.publishedDate ? -1 : 1;
	return -compareUpdates(a, b);
}

/** Orders updates as the story happened: fact date, then publication date, then id. */
export function compareUpdates(a: UpdateRecord, b: UpdateRecord): number {
	if (a.factDate !== b.factDate) return a.factDate < b.factDate ? -1 : 1;
	if (a.publishedDate !== b.publishedDate) return a.publishedDate < b.publishedDate ? -1 : 1;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The updates of one task that the public could see at `asOf`, with corrected ones replaced. */
export function knownUpdates(updates: readonly UpdateRecord[], asOf: string): UpdateRecord[] {
	const published = updates.filter((u) => u.publishedDate <= asOf);
	const corrected = new Set(published.map((u) => u.corrects).filter((c): c is string => !!c));
	return published.filter((u) => !corrected.has(u.id)).sort(compareUpdates);
}

/** True when a task whose state is `state` counts as done (已完成, 销号公示中, 已销号 or 长期坚持). */
export function isDone(status: TaskStatus): boolean {
	return DONE.has(status);
}

/** Computes a task's state as of a date from its updates (any order; other tasks' updates are ignored). */
export function taskStateAt(task: TaskRecord, updates: readonly UpdateRecord[], asOf: string): TaskState {
	const known = knownUpdates(
		updates.filter((u) => u.task === task.id),
		asOf,
	);
	const latest = known.at(-1);
	let dueDate = task.dueDate;
	let notice: TaskState['notice'];
	let acceptance: TaskState['acceptance'];
	let closedDate: string | undefined;
	let completedDate: string | undefined;
	for (const u of known) {
		if (u.dueDateChange) dueDate = u.dueDateChange.to;
		if (u.closure?.notice) notice = u.closure.notice;
		if (u.closure?.acceptance) acceptance = u.closure.acceptance;
		if (u.closure?.closedDate && u.closure.closedDate <= asOf) closedDate = u.closure.closedDate;
		if (isDone(u.status)) completedDate ??= u.factDate;
		else completedDate = undefined; // a later "not done" report reopens the task
	}
	const reported = latest?.status;
	const inNotice = !!notice && reported === 'completed' && notice.start <= asOf && asOf <= notice.end;
	const done = reported !== undefined && isDone(reported);
	const overdue = !done && asOf > dueDate;
	let status: TaskStatus;
	if (reported === 'closed') status = 'closed';
	else if (reported === 'completed') status = inNotice ? 'in_notice' : 'completed';
	else if (reported === 'long_term') status = 'long_term';
	else if (overdue) status = 'overdue';
	else status = reported ?? 'not_reported';
	return {
		status,
		reported,
		latest,
		known,
		dueDate,
		overdue,
		inNotice,
		notice,
		acceptance,
		closedDate: status === 'closed' ? closedDate : undefined,
		completedDate: done ? completedDate : undefined,
		completedLate: done && !!completedDate && completedDate > dueDate,
		lastPublished: known.reduce<string | undefined>(
			(m, u) => (m === undefined || u.publishedDate > m ? u.publishedDate : m),
			undefined,
		),
	};
}

/** Every task's state at `asOf`, keyed by task id. */
export function statesAt(
	tasks: readonly TaskRecord[],
	updates: readonly UpdateRecord[],
	asOf: string,
): Map<string, TaskState> {
	const byTask = new Map<string, UpdateRecord[]>();
	for (const u of updates) {
		const list = byTask.get(u.task);
		if (list) list.push(u);
		else byTask.set(u.task, [u]);
	}
	return new Map(tasks.map((t) => [t.id, taskStateAt(t, byTask.get(t.id) ?? [], asOf)]));
}
