import { STATUS_LABELS, STATUS_TABLE, warningStatuses, type StatusDef, type TaskStatus } from './statuses.ts';
import type { TaskRecord } from './content.ts';
import { addToCount, emptyCountBasis, joinBasis, type Basis, type CountBasis } from './basis.ts';
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

// The statuses that set a level by themselves come from the status table (`warning`); 逾期完成 is a timing, not a status.
const either = (level: 'red' | 'yellow') => warningStatuses(level).map((st) => STATUS_LABELS[st]);

/** The rule, stated once: shown on every page that shows a level, and applied by `warningLevel`. */
export const WARNING_RULE: Record<WarningLevel, string> = {
	red: `有任何一项牵头任务${either('red').join('或')}。`,
	yellow: `没有${either('red').join('或')}的任务，但有牵头任务${either('yellow').join('或')}，或逾期后才完成。`,
	blue: '其他情况：牵头任务均按期推进或按期完成。',
};

/** Why a unit has no level: it leads no task, or none of its lead tasks can be judged on sourced records. */
export type Unrated = 'no_tasks' | 'no_sourced';

/** What a unit without a level shows in place of one. */
export const UNRATED_LABELS: Record<Unrated, string> = {
	no_tasks: '无牵头任务',
	no_sourced: '不评级（无可核实的牵头任务）',
};

/** Why a level is not given, stated once (shown with the rule). */
export const UNRATED_RULE =
	'预警等级只依据有来源的记录：示例任务和依据未核实的判断（例如整改时限未核实）不计入，也不据以给出等级；没有一项可核实的牵头任务时显示“不评级”，不牵头任务的单位显示“无牵头任务”。';

/** A task that sets a unit's level: its status (the table's `warning`: 逾期未完成 红, 未达到序时进度 黄) or 逾期完成 (黄). */
export interface WarningCause {
	task: string;
	judgment: TaskStatus | 'completedLate';
}

/** How a cause is named beside the level. */
export const WARNING_CAUSE_LABELS: Record<WarningCause['judgment'], string> = {
	...STATUS_LABELS,
	completedLate: '逾期完成',
};

/** The counts of a scorecard, each with what it rests on. */
export type ScorecardCount = 'completedOnTime' | 'completedLate' | 'overdue' | 'behind' | 'closed';

/** The counts of a scorecard with their labels, in the order the unit page and the /units/ table show them. */
export const SCORECARD_COUNTS: readonly { key: ScorecardCount; label: string }[] = [
	{ key: 'completedOnTime', label: '按期完成' },
	{ key: 'completedLate', label: '逾期完成' },
	{ key: 'overdue', label: STATUS_LABELS.overdue },
	{ key: 'behind', label: STATUS_LABELS.behind },
	{ key: 'closed', label: STATUS_LABELS.closed },
];

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
	/** The level from the tasks judged on sourced records only; null when there is none (see `unrated`). */
	warning: WarningLevel | null;
	unrated?: Unrated;
	/** The tasks that set the level (none for 蓝). */
	causes: WarningCause[];
	/** Lead tasks left out of the level, with the basis that kept them out (sample, or the unsourced inputs). */
	excluded: { task: string; basis: Basis }[];
	/** What each count rests on. */
	basis: Record<ScorecardCount, CountBasis>;
}

/** The level a cause gives: its status's `warning` in the status table; 逾期完成 黄. */
export function causeLevel(judgment: WarningCause['judgment']): 'red' | 'yellow' | undefined {
	return judgment === 'completedLate' ? 'yellow' : (STATUS_TABLE[judgment] as StatusDef).warning;
}

/** The warning level from the causes of a unit's sourced lead tasks: 红 if any is red; 黄 if any is yellow; 蓝 otherwise. */
export function warningLevel(causes: readonly WarningCause['judgment'][]): WarningLevel {
	const levels = causes.map(causeLevel);
	if (levels.includes('red')) return 'red';
	if (levels.includes('yellow')) return 'yellow';
	return 'blue';
}

/**
 * The scorecard of a set of tasks (a unit's lead tasks) from their states at the as-of date. The counts cover every
 * task, each with its basis; the warning level only the tasks whose status and timing rest on sourced records, so
 * neither a sample nor an unsourced input (an inferred due date, a reprint date) ever rates a real body.
 */
export function scorecard(tasks: readonly TaskRecord[], states: ReadonlyMap<string, TaskState>): Scorecard {
	const c = { owned: tasks.length, completedOnTime: 0, completedLate: 0, overdue: 0, behind: 0, closed: 0 };
	let rated = 0;
	const basis = {
		completedOnTime: emptyCountBasis(),
		completedLate: emptyCountBasis(),
		overdue: emptyCountBasis(),
		behind: emptyCountBasis(),
		closed: emptyCountBasis(),
	};
	const candidates: WarningCause[] = [];
	const excluded: Scorecard['excluded'] = [];
	let lastUpdate: string | undefined;
	for (const t of tasks) {
		const s = stateOf(states, t.id);
		const count = (key: ScorecardCount, b: Basis) => {
			c[key]++;
			addToCount(basis[key], b);
		};
		if (isDone(s.status))
			count(s.completedLate ? 'completedLate' : 'completedOnTime', joinBasis(s.basis, s.timingBasis));
		if (s.status === 'overdue') count('overdue', s.basis);
		if (s.status === 'behind') count('behind', s.basis);
		if (s.status === 'closed') count('closed', s.basis);
		if (s.lastPublished && (!lastUpdate || s.lastPublished > lastUpdate)) lastUpdate = s.lastPublished;
		const whole = joinBasis(s.basis, s.timingBasis);
		if (whole.kind !== 'sourced') {
			excluded.push({ task: t.id, basis: whole });
			continue;
		}
		rated++;
		const judgment = causeLevel(s.status)
			? s.status
			: isDone(s.status) && s.completedLate
				? 'completedLate'
				: undefined;
		if (judgment) candidates.push({ task: t.id, judgment });
	}
	const warning = rated > 0 ? warningLevel(candidates.map((x) => x.judgment)) : null;
	const causes = candidates.filter((x) => warning !== 'blue' && causeLevel(x.judgment) === warning);
	const unrated: Unrated | undefined = warning ? undefined : c.owned === 0 ? 'no_tasks' : 'no_sourced';
	return { ...c, lastUpdate, warning, ...(unrated ? { unrated } : {}), causes, excluded, basis };
}

/** The label of a scorecard's level, or of why it has none. */
export function warningText(card: Pick<Scorecard, 'warning' | 'unrated'>): string {
	return card.warning ? WARNING_LABELS[card.warning] : UNRATED_LABELS[card.unrated ?? 'no_sourced'];
}
