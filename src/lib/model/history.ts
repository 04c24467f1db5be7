/**
 * A task's status history as its updates tell it: one row per known update, with deadline changes and disclosure
 * timeliness.
 */
import type { ReportedStatus, TaskStatus } from './statuses.ts';
import { taskStateAt, type TaskState } from './status.ts';
import type { TaskRecord, UpdateRecord } from './content.ts';
import { disclosureTimeliness, type Timeliness } from './timeliness.ts';
import { addDays } from './dates.ts';
import type { BasisKind } from './basis.ts';
import type { ProvenanceKind } from './labels.ts';

/** One row of the status history table. */
export interface HistoryRow {
	update: UpdateRecord;
	factDate: string;
	publishedDate: string;
	reported: ReportedStatus;
	/** Due date in force once this update is taken into account; undefined while the plan sets none. */
	dueDate: string | undefined;
	/** Set when this update moved (or first set) the due date: from where to where, and why. */
	deadlineChange?: { from: string | undefined; to: string; reason: string };
	timeliness: Timeliness;
}

/** Builds the history rows from the task's known updates (story order, corrections already applied), oldest first. */
export function statusHistory(task: Pick<TaskRecord, 'dueDate'>, known: readonly UpdateRecord[]): HistoryRow[] {
	let due = task.dueDate;
	return known.map((u) => {
		const from = due;
		if (u.dueDateChange) due = u.dueDateChange.to;
		return {
			update: u,
			factDate: u.factDate,
			publishedDate: u.publishedDate,
			reported: u.status,
			dueDate: due,
			deadlineChange: u.dueDateChange ? { from, to: u.dueDateChange.to, reason: u.dueDateChange.reason } : undefined,
			timeliness: disclosureTimeliness(u),
		};
	});
}

/**
 * A task's status (and what it rests on) at each of the given dates, e.g. the month ends of /as-of/, by the one rule.
 */
export function statusAtDates(
	task: TaskRecord,
	updates: readonly UpdateRecord[],
	dates: readonly string[],
): { date: string; status: TaskStatus; basis: TaskState['basis'] }[] {
	return dates.map((date) => {
		const s = taskStateAt(task, updates, date);
		return { date, status: s.status, basis: s.basis };
	});
}

/** Dates grouped by year (YYYY), years and dates in the order given. */
export function byYear(dates: readonly string[]): { year: string; dates: string[] }[] {
	const out: { year: string; dates: string[] }[] = [];
	for (const d of dates) {
		const y = d.slice(0, 4);
		const last = out.at(-1);
		if (last?.year === y) last.dates.push(d);
		else out.push({ year: y, dates: [d] });
	}
	return out;
}

/** What a status in the long-format history rests on. */
export const STATUS_BASES = ['no_update', 'update', 'due_date', 'notice_window'] as const;
export type StatusBasis = (typeof STATUS_BASES)[number];
/** Labels of the bases. */
export const STATUS_BASIS_LABELS: Record<StatusBasis, string> = {
	no_update: '尚无已发布的进展',
	update: '最近一条已发布进展报告的状态',
	due_date: '整改时限已过且未报告完成（推算）',
	notice_window: '处于已公布的销号公示期内（推算）',
};

/** One row of the long-format status history: from `date` on, the task's status is `status` (until its next row). */
export interface StatusEvent {
	task: string;
	date: string;
	status: TaskStatus;
	basis: StatusBasis;
	/** The latest update known at that date (the one the status rests on), null when none. */
	update: string | null;
	/** Due date in force at that date; null when the plan sets none. */
	dueDate: string | null;
	/** What the status rests on (src/lib/model/basis.ts): sourced, partial (with the unsourced inputs) or sample. */
	statusBasis: BasisKind;
	statusUnsourced: string[];
	/** The task's provenance (数据性质): official, partial or sample. */
	provenance: ProvenanceKind;
}

const nextDay = (d: string) => addDays(d, 1);

/**
 * The dates on which a task's status, basis or latest update can change: its updates' publication and fact dates, the
 * day after any due date that can be in force, the first and last-plus-one days of any notice window, closing dates.
 */
function eventDates(task: TaskRecord, updates: readonly UpdateRecord[]): string[] {
	const dates = new Set<string>(task.dueDate ? [nextDay(task.dueDate)] : []);
	for (const u of updates) {
		dates.add(u.publishedDate);
		// A report with a stand-in publication date changes the basis from its fact date on (status.ts, stateBasis).
		dates.add(u.factDate);
		if (u.dueDateChange) dates.add(nextDay(u.dueDateChange.to));
		if (u.closure?.closedDate) dates.add(u.closure.closedDate);
		if (u.closure?.notice) {
			dates.add(u.closure.notice.start);
			dates.add(nextDay(u.closure.notice.end));
		}
	}
	return [...dates].sort();
}

/** The basis of a state: derived from the due date or the notice window, else the latest update, else none. */
export function eventBasis(state: { status: TaskStatus; latest?: UpdateRecord }): StatusBasis {
	if (state.status === 'overdue' || state.status === 'extended_late' || state.status === 'undetermined')
		return 'due_date';
	if (state.status === 'in_notice' || state.status === 'notice_lapsed') return 'notice_window';
	return state.latest ? 'update' : 'no_update';
}

/**
 * A task's status history in long format, by the one status rule: a first row at `from` (the plan's publication),
 * then one row each time its status, basis, latest update or due date in force changes, up to `asOf`. The state at
 * any date D in [from, asOf] is the last row dated on or before D.
 */
export function statusEvents(
	task: TaskRecord,
	updates: readonly UpdateRecord[],
	from: string,
	asOf: string,
): StatusEvent[] {
	const own = updates.filter((u) => u.task === task.id);
	const out: StatusEvent[] = [];
	for (const date of [from, ...eventDates(task, own).filter((d) => d > from && d <= asOf)]) {
		const s = taskStateAt(task, own, date);
		const ev: StatusEvent = {
			task: task.id,
			date,
			status: s.status,
			basis: eventBasis(s),
			update: s.latest?.id ?? null,
			dueDate: s.dueDate ?? null,
			statusBasis: s.basis.kind,
			statusUnsourced: s.basis.unsourced,
			provenance: task.provenance.kind,
		};
		const last = out.at(-1);
		if (
			last &&
			last.status === ev.status &&
			last.basis === ev.basis &&
			last.update === ev.update &&
			last.dueDate === ev.dueDate &&
			last.statusBasis === ev.statusBasis &&
			last.statusUnsourced.join() === ev.statusUnsourced.join()
		)
			continue;
		out.push(ev);
	}
	return out;
}

/** The state a long-format history gives for a date: the last row on or before it (undefined before the first). */
export function statusFromEvents(events: readonly StatusEvent[], date: string): StatusEvent | undefined {
	let hit: StatusEvent | undefined;
	for (const e of events) if (e.date <= date) hit = e;
	return hit;
}
