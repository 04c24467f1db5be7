import type { TaskRecord } from './content.ts';
import { isDone, stateOf, type TaskState } from './status.ts';

/** The three warning levels of a unit's scorecard (红/黄/蓝, as provincial 督办 practice names them). */
export const WARNING_LEVELS = ['red', 'yellow', 'blue'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** Labels of the warning levels: the word itself carries the level, never the colour alone. */
export const WARNING_LABELS: Record<WarningLevel, string> = {
	red: '红色预警',
	yellow: '黄色预警',
	blue: '蓝色（正常）',
};

/** The rule, stated once: shown on every page that shows a level, and applied by `warningLevel`. */
export const WARNING_RULE: Record<WarningLevel, string> = {
	red: '有任何一项牵头任务逾期未完成。',
	yellow: '没有逾期未完成的任务，但有牵头任务未达到序时进度，或逾期后才完成。',
	blue: '其他情况：牵头任务均按期推进或按期完成。',
};

/** A unit's figures over the tasks it leads, at the as-of date. */
export interface Scorecard {
	/** Tasks the unit leads (牵头). */
	owned: number;
	/** Done (已完成、销号公示中、已销号、长期坚持) on or before the due date in force. */
	completedOnTime: number;
	/** Done after the due date in force. */
	completedLate: number;
	overdue: number;
	behind: number;
	closed: number;
	/** Latest publication date of an update of any of these tasks. */
	lastUpdate?: string;
	warning: WarningLevel;
}

/** The warning level from a scorecard's counts: 红 any overdue; 黄 any behind or completed late; 蓝 otherwise. */
export function warningLevel(c: { overdue: number; behind: number; completedLate: number }): WarningLevel {
	if (c.overdue > 0) return 'red';
	if (c.behind > 0 || c.completedLate > 0) return 'yellow';
	return 'blue';
}

/** The scorecard of a set of tasks (a unit's lead tasks) from their states at the as-of date. */
export function scorecard(tasks: readonly TaskRecord[], states: ReadonlyMap<string, TaskState>): Scorecard {
	const c = { owned: tasks.length, completedOnTime: 0, completedLate: 0, overdue: 0, behind: 0, closed: 0 };
	let lastUpdate: string | undefined;
	for (const t of tasks) {
		const s = stateOf(states, t.id);
		if (isDone(s.status)) {
			if (s.completedLate) c.completedLate++;
			else c.completedOnTime++;
		}
		if (s.status === 'overdue') c.overdue++;
		if (s.status === 'behind') c.behind++;
		if (s.status === 'closed') c.closed++;
		if (s.lastPublished && (!lastUpdate || s.lastPublished > lastUpdate)) lastUpdate = s.lastPublished;
	}
	return { ...c, lastUpdate, warning: warningLevel(c) };
}
