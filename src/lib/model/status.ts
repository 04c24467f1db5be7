import { groupStatuses, STATUS_GROUPS, type ReportedStatus, type TaskStatus } from './statuses.ts';
import { daysBetween } from './dates.ts';
import type { TaskRecord, UpdateRecord } from './content.ts';
import { basisOf, joinBasis, SAMPLE, unsourcedBasis, type Basis } from './basis.ts';

/** Everything the site says about one task's state at one as-of date. */
export interface TaskState {
	status: TaskStatus;
	/** Status reported by the latest known update, if any. */
	reported?: ReportedStatus;
	/** The latest update known at the as-of date. */
	latest?: UpdateRecord;
	/** Updates known at the as-of date (published on or before it), oldest first, corrections applied. */
	known: UpdateRecord[];
	/** Every update published by the as-of date, corrected ones included, oldest first (what the task page lists). */
	published: UpdateRecord[];
	/** Id of a corrected update → id of the published update that corrects it. */
	correctedBy: ReadonlyMap<string, string>;
	/** Due date in force (the original, or the latest known deadline change); undefined when the plan sets none. */
	dueDate: string | undefined;
	/** Due date passed and the task not completed. */
	overdue: boolean;
	/** The as-of date lies inside a known notice window, or a reported closure's date is still ahead. */
	inNotice: boolean;
	/** The notice window of the latest closure step, if any. */
	notice?: { start: string; end: string; contact: string };
	acceptance?: { date: string; by: string };
	closedDate?: string;
	/** Fact date of the report that completed the task (start of the current completed run). */
	completedDate?: string;
	/** Completed (or reported 长期坚持) after its due date, or after a due date that lapsed before it was extended. */
	completedLate: boolean;
	/** Overdue: calendar days since the due date in force (已逾期 N 天). */
	daysOverdue?: number;
	/** 公示期满未销号: calendar days since the notice window ended. */
	daysSinceNotice?: number;
	/** The first deadline extension published after the due date in force had passed, the task not done (逾期后延期). */
	lateExtension?: { lapsedDue: string; publishedDate: string; daysLate: number };
	/** Date of the last update published on or before the as-of date. */
	lastPublished?: string;
	/** What the status (and the overdue flag, and days overdue) rests on: sample, unsourced inputs named, or sourced. */
	basis: Basis;
	/** What completedLate (or on-time completion) rests on: the due date in force and the completion's fact date. */
	timingBasis: Basis;
	/** What the due date in force rests on: the task's dueDate field, or the update that moved it (partial: inferred). */
	dueBasis: Basis;
}

/** The statuses that count as done (the 'done' group of the status table), in display order. */
export const DONE_STATUSES: readonly TaskStatus[] = groupStatuses('done');

/** The statuses counted as 已完成未销号 (the 'completed' group of the status table), in display order. */
export const COMPLETED_STATUSES: readonly TaskStatus[] = groupStatuses('completed');

const DONE: ReadonlySet<TaskStatus> = new Set(DONE_STATUSES);

/** The label of DONE_STATUSES together, in tables, figures and the task-list filter. */
export const DONE_LABEL = STATUS_GROUPS.done.label;

/** The label of COMPLETED_STATUSES together. */
export const COMPLETED_LABEL = STATUS_GROUPS.completed.label;

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

/** Corrected update id → id of the update that corrects it, among updates published by `asOf`. */
export function correctionsAt(updates: readonly UpdateRecord[], asOf: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const u of updates) if (u.corrects && u.corrects !== u.id && u.publishedDate <= asOf) out.set(u.corrects, u.id);
	return out;
}

/** The updates of one task that the public could see at `asOf`, with corrected ones replaced. */
export function knownUpdates(updates: readonly UpdateRecord[], asOf: string): UpdateRecord[] {
	const corrected = correctionsAt(updates, asOf);
	return updates.filter((u) => u.publishedDate <= asOf && !corrected.has(u.id)).sort(compareUpdates);
}

/**
 * True when the task was due by `date` (应完成): its due date in force is on or before it, or a deadline lapsed before
 * it was extended (逾期后延期: the status table keeps that lapse, so the progress chart keeps counting it).
 */
export function dueBy(state: Pick<TaskState, 'dueDate' | 'lateExtension'>, date: string): boolean {
	return (state.dueDate !== undefined && state.dueDate <= date) || state.lateExtension !== undefined;
}

/** True when a task whose state is `state` counts as done (已完成, 销号公示中, 已销号 or 长期坚持). */
export function isDone(status: TaskStatus): boolean {
	return DONE.has(status);
}

/** What a task's known reports establish, read in story order: deadline in force, closure, completion. */
interface Story {
	dueDate: string | undefined;
	notice: TaskState['notice'];
	acceptance: TaskState['acceptance'];
	closedDate: string | undefined;
	completedDate: string | undefined;
	lateExtension: TaskState['lateExtension'];
	dueBasis: Basis;
	completedBy: UpdateRecord | undefined;
}

/** Reads a task's known reports in story order into what they establish at `asOf`. */
function storyOf(task: TaskRecord, known: readonly UpdateRecord[], asOf: string): Story {
	let dueDate = task.dueDate;
	let notice: TaskState['notice'];
	let acceptance: TaskState['acceptance'];
	let closedDate: string | undefined;
	let completedDate: string | undefined;
	let lateExtension: TaskState['lateExtension'];
	let dueBasis = basisOf(task, ['dueDate']);
	let completedBy: UpdateRecord | undefined;
	for (const u of known) {
		if (u.dueDateChange) {
			// Extended after the deadline had already lapsed, the task not done: the lateness stays visible.
			if (!lateExtension && completedDate === undefined && dueDate !== undefined && u.publishedDate > dueDate)
				lateExtension = {
					lapsedDue: dueDate,
					publishedDate: u.publishedDate,
					daysLate: daysBetween(dueDate, u.publishedDate),
				};
			dueDate = u.dueDateChange.to;
			dueBasis = basisOf(u, ['dueDateChange']);
		}
		if (u.closure?.notice) notice = u.closure.notice;
		if (u.closure?.acceptance) acceptance = u.closure.acceptance;
		if (u.closure?.closedDate && u.closure.closedDate <= asOf) closedDate = u.closure.closedDate;
		if (isDone(u.status)) {
			if (completedDate === undefined) completedBy = u;
			completedDate ??= u.factDate;
		} else completedDate = completedBy = undefined; // a later "not done" report reopens the task
	}
	return { dueDate, notice, acceptance, closedDate, completedDate, lateExtension, dueBasis, completedBy };
}

/** Computes a task's state as of a date from its updates (any order; other tasks' updates are ignored). */
export function taskStateAt(task: TaskRecord, updates: readonly UpdateRecord[], asOf: string): TaskState {
	const own = updates.filter((u) => u.task === task.id);
	const known = knownUpdates(own, asOf);
	const correctedBy = correctionsAt(own, asOf);
	const published = own.filter((u) => u.publishedDate <= asOf).sort(compareUpdates);
	const latest = known.at(-1);
	const { dueDate, notice, acceptance, closedDate, completedDate, lateExtension, dueBasis, completedBy } = storyOf(
		task,
		known,
		asOf,
	);
	const reported = latest?.status;
	// 已销号 only from the closedDate on: a closure reported ahead of its date is still in notice until then.
	const closePending = reported === 'closed' && !closedDate;
	const inWindow = !!notice && reported === 'completed' && notice.start <= asOf && asOf <= notice.end;
	const inNotice = inWindow || closePending;
	const noticeLapsed = !!notice && reported === 'completed' && asOf > notice.end;
	const done = reported !== undefined && isDone(reported);
	// Past the due date with a completion whose fact date is known but whose publication date is a stand-in: 无法判断.
	// A task the plan gives no deadline (issue #22) is never overdue.
	const pastDue = !done && dueDate !== undefined && asOf > dueDate;
	const undetermined = pastDue && standInCompletion(own, asOf);
	const overdue = pastDue && !undetermined;
	const lapsedDue = lateExtension?.lapsedDue;
	let status: TaskStatus;
	if (reported === 'closed') status = closePending ? 'in_notice' : 'closed';
	else if (reported === 'completed') status = inNotice ? 'in_notice' : noticeLapsed ? 'notice_lapsed' : 'completed';
	else if (reported === 'long_term') status = 'long_term';
	else if (overdue) status = 'overdue';
	else if (undetermined) status = 'undetermined';
	else if (lateExtension) status = 'extended_late';
	else status = reported ?? 'not_reported';
	const completedLate =
		done &&
		!!completedDate &&
		((dueDate !== undefined && completedDate > dueDate) || (!!lapsedDue && completedDate > lapsedDue));
	return {
		status,
		reported,
		latest,
		known,
		published,
		correctedBy,
		dueDate,
		overdue,
		inNotice,
		notice,
		acceptance,
		closedDate: status === 'closed' ? closedDate : undefined,
		completedDate: done ? completedDate : undefined,
		// A completion dated with a stand-in (unsourced) fact date never makes the task "completed late".
		completedLate: completedLate && !(completedBy && basisOf(completedBy, ['factDate']).kind === 'partial'),
		daysOverdue: overdue && dueDate ? daysBetween(dueDate, asOf) : undefined,
		daysSinceNotice: noticeLapsed && notice ? daysBetween(notice.end, asOf) : undefined,
		lateExtension,
		lastPublished: known.reduce<string | undefined>(
			(m, u) => (m === undefined || u.publishedDate > m ? u.publishedDate : m),
			undefined,
		),
		dueBasis,
		...stateBasis(task, updates, asOf, { status, latest, dueBasis, completedBy, overdue }),
	};
}

/**
 * True when a report of completion (a done status) has its fact date on or before `asOf` but is published after it with
 * a stand-in publication date (unsourced: a reprint date): the site cannot say whether it was public at `asOf`.
 */
export function standInCompletion(updates: readonly UpdateRecord[], asOf: string): boolean {
	return updates.some(
		(u) =>
			u.publishedDate > asOf &&
			u.factDate <= asOf &&
			isDone(u.status) &&
			basisOf(u, ['publishedDate']).kind === 'partial',
	);
}

/**
 * The basis of a task's status and of its timing at `asOf`. A sample task, or a status reported by a sample update,
 * rests on a sample. Overdue rests on the due date in force and on the absence of a completion report; when a
 * report whose fact date is on or before `asOf` carries a stand-in publication date, the site cannot say it was
 * not public yet, so the publication date is named as an unsourced input too.
 */
function stateBasis(
	task: TaskRecord,
	updates: readonly UpdateRecord[],
	asOf: string,
	s: { status: TaskStatus; latest?: UpdateRecord; dueBasis: Basis; completedBy?: UpdateRecord; overdue: boolean },
): { basis: Basis; timingBasis: Basis } {
	if (task.provenance.kind === 'sample') return { basis: SAMPLE, timingBasis: SAMPLE };
	const reportBasis = s.latest ? basisOf(s.latest, ['status']) : unsourcedBasis([]);
	let basis: Basis;
	if (s.status === 'undetermined') basis = joinBasis(s.dueBasis, unsourcedBasis(['publishedDate']));
	else if (s.status === 'overdue' || s.status === 'not_reported' || s.status === 'extended_late') {
		const hidden = updates.some(
			(u) =>
				u.task === task.id &&
				u.publishedDate > asOf &&
				u.factDate <= asOf &&
				basisOf(u, ['publishedDate']).kind === 'partial',
		);
		basis = joinBasis(
			reportBasis,
			s.overdue ? s.dueBasis : unsourcedBasis([]),
			// 逾期后延期 rests on the deadline that lapsed as well as on the extension.
			s.status === 'extended_late' ? joinBasis(s.dueBasis, basisOf(task, ['dueDate'])) : unsourcedBasis([]),
			unsourcedBasis(hidden ? ['publishedDate'] : []),
		);
	} else basis = reportBasis;
	const timingBasis = joinBasis(s.dueBasis, s.completedBy ? basisOf(s.completedBy, ['factDate']) : unsourcedBasis([]));
	return { basis, timingBasis };
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
