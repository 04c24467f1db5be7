/**
 * A task's status history as its updates tell it: one row per known update, with deadline changes and disclosure
 * timeliness.
 */
import type { ReportedStatus } from './statuses.ts';
import type { TaskRecord, UpdateRecord } from './content.ts';
import { disclosureTimeliness, type Timeliness } from './timeliness.ts';

/** One row of the status history table. */
export interface HistoryRow {
	update: UpdateRecord;
	factDate: string;
	publishedDate: string;
	reported: ReportedStatus;
	/** Due date in force once this update is taken into account. */
	dueDate: string;
	/** Set when this update moved the due date: from where to where, and why. */
	deadlineChange?: { from: string; to: string; reason: string };
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
