/**
 * What changed between two dates: tasks newly completed, newly closed, slipped (became overdue or
 * had their due date moved later), reopened, any other change of status, and every update published in between
 * (corrected ones marked). The one answer for the monthly pages, the changes feed and the comparison. Both sides use
 * the one status rule (src/lib/model/status.ts), so a change here is exactly a change on the site.
 */
import type { TaskStatus } from './statuses.ts';
import type { Plan } from '#src/schemas/plan.ts';
import type { TaskRecord, UpdateRecord } from './content.ts';
import { monthEnds } from './dates.ts';
import { isDone, stateOf, statesAt, type TaskState } from './status.ts';
import { addToCount, basisOf, countNote, emptyCountBasis, type Basis, type CountBasis } from './basis.ts';

/** A task whose state differs between the two dates. */
export interface TaskChange {
	task: string;
	from: TaskStatus;
	to: TaskStatus;
	/** What the earlier and the later status rest on (a change list shows both). */
	fromBasis: Basis;
	basis: Basis;
}

/** A task that slipped: it became overdue, or its due date in force moved later, or both. */
export interface Slip extends TaskChange {
	becameOverdue: boolean;
	/** Set when the due date in force moved later: old and new date and the reason of the last change. */
	dueDateMoved?: { from: string; to: string; reason?: string };
}

/** Everything that changed in (from, to]. */
export interface Changes {
	from: string;
	to: string;
	/** Done at `to` (已完成, 销号公示中, 已销号, 长期坚持), not done at `from`. */
	newlyCompleted: TaskChange[];
	/** 已销号 at `to`, not at `from` (a task may also be newly completed in the same period). */
	newlyClosed: TaskChange[];
	slipped: Slip[];
	/** Done at `from`, not done at `to` (a later report said it is not finished). */
	reopened: TaskChange[];
	/** Every other change of status (未达到 → 达到序时进度, 已完成 → 长期坚持 …): no status change goes unlisted. */
	otherChanges: TaskChange[];
	/**
	 * Updates published in (from, to], corrected ones included, grouped by task in task order, each list in story
	 * order.
	 */
	newUpdates: { task: string; updates: UpdateRecord[] }[];
	/** Listed update id → the correction relations it is in, as known at `to` (the list marks both sides). */
	corrections: ReadonlyMap<string, Correction>;
}

/** An update's place in a correction, as a change list marks it: corrected by a later update, or correcting one. */
export interface Correction {
	correctedBy?: CorrectionRef;
	corrects?: CorrectionRef;
}

/** The other side of a correction, by what a reader recognises: its title and publication date. */
export interface CorrectionRef {
	id: string;
	title: string;
	publishedDate: string;
}

/** Compares two sets of task states (tasks in the order given) and lists the updates published in between. */
export function diffStates(
	tasks: readonly TaskRecord[],
	before: ReadonlyMap<string, TaskState>,
	after: ReadonlyMap<string, TaskState>,
	from: string,
	to: string,
): Changes {
	const out: Changes = {
		from,
		to,
		newlyCompleted: [],
		newlyClosed: [],
		slipped: [],
		reopened: [],
		otherChanges: [],
		newUpdates: [],
		corrections: new Map(),
	};
	for (const t of tasks) {
		const a = stateOf(before, t.id);
		const b = stateOf(after, t.id);
		const change = { task: t.id, from: a.status, to: b.status, fromBasis: a.basis, basis: b.basis };
		const completed = isDone(b.status) && !isDone(a.status);
		const closed = b.status === 'closed' && a.status !== 'closed';
		const reopened = isDone(a.status) && !isDone(b.status);
		if (completed) out.newlyCompleted.push(change);
		if (closed) out.newlyClosed.push(change);
		if (reopened) out.reopened.push(change);
		const becameOverdue = b.status === 'overdue' && a.status !== 'overdue';
		// A task without a deadline (issue #22) has no deadline to slip.
		const moved = a.dueDate !== undefined && b.dueDate !== undefined && b.dueDate > a.dueDate;
		if (becameOverdue || moved) {
			const reason = moved
				? [...b.known].reverse().find((u) => u.dueDateChange?.to === b.dueDate)?.dueDateChange?.reason
				: undefined;
			out.slipped.push({
				...change,
				becameOverdue,
				dueDateMoved: moved && a.dueDate && b.dueDate ? { from: a.dueDate, to: b.dueDate, reason } : undefined,
			});
		}
		if (a.status !== b.status && !(completed || closed || reopened || becameOverdue)) out.otherChanges.push(change);
		// Every update published in the period, a corrected one too (it was published; the list says it was corrected).
		const fresh = b.published.filter((u) => u.publishedDate > from && u.publishedDate <= to);
		if (fresh.length) out.newUpdates.push({ task: t.id, updates: fresh });
		for (const u of fresh) {
			const c = correctionOf(u, b);
			if (c) (out.corrections as Map<string, Correction>).set(u.id, c);
		}
	}
	return out;
}

/** The correction relations of an update among those published by the state's date, if any. */
function correctionOf(u: UpdateRecord, state: TaskState): Correction | undefined {
	const ref = (id: string | undefined): CorrectionRef | undefined => {
		if (id === undefined) return undefined;
		const x = state.published.find((p) => p.id === id);
		return { id, title: x?.title ?? id, publishedDate: x?.publishedDate ?? '' };
	};
	const correctedBy = ref(state.correctedBy.get(u.id));
	const corrects = ref(u.corrects !== u.id ? u.corrects : undefined);
	return correctedBy || corrects ? { correctedBy, corrects } : undefined;
}

/** An update's correction note in a change list: 已更正：见“…”（… 发布）, 更正了 … 发布的“…”; empty when none. */
export function correctionText(c: Changes, updateId: string): string {
	const k = c.corrections.get(updateId);
	const when = (r: CorrectionRef) => (r.publishedDate ? `${r.publishedDate} 发布的` : '');
	return [
		k?.correctedBy && `已更正：见${when(k.correctedBy)}“${k.correctedBy.title}”，以更正为准`,
		k?.corrects && `更正了${when(k.corrects)}“${k.corrects.title}”`,
	]
		.filter(Boolean)
		.join('；');
}

/** Changes between two dates, computed from the records (any order of dates: the earlier one is `from`). */
export function changesBetween(
	tasks: readonly TaskRecord[],
	updates: readonly UpdateRecord[],
	d1: string,
	d2: string,
): Changes {
	const [from, to] = d1 <= d2 ? [d1, d2] : [d2, d1];
	return diffStates(tasks, statesAt(tasks, updates, from), statesAt(tasks, updates, to), from, to);
}

/** The earliest publication date among the plans (the start of the site's history). */
export function firstPublication(plans: Iterable<Pick<Plan, 'publishedDate'>>): string | undefined {
	let min: string | undefined;
	for (const p of plans) if (min === undefined || p.publishedDate < min) min = p.publishedDate;
	return min;
}

/** Every month end from the first plan's publication to the as-of date (the last one is the as-of date itself). */
export function historyDates(plans: Iterable<Pick<Plan, 'publishedDate'>>, asOf: string): string[] {
	const first = firstPublication(plans);
	return first && first <= asOf ? monthEnds(first, asOf) : [];
}

/** The month end before a date: 2020-01-31 → 2019-12-31 (the start of that month's "what changed" period). */
export function previousMonthEnd(date: string): string {
	const y = Number(date.slice(0, 4));
	const m = Number(date.slice(5, 7));
	const d = new Date(Date.UTC(y, m - 1, 0));
	return d.toISOString().slice(0, 10);
}

/** The number of items in each list of a Changes, for headings and tests. */
export function changeCounts(c: Changes): {
	newlyCompleted: number;
	newlyClosed: number;
	slipped: number;
	reopened: number;
	otherChanges: number;
	tasksWithUpdates: number;
	updates: number;
} {
	return {
		newlyCompleted: c.newlyCompleted.length,
		newlyClosed: c.newlyClosed.length,
		slipped: c.slipped.length,
		reopened: c.reopened.length,
		otherChanges: c.otherChanges.length,
		tasksWithUpdates: c.newUpdates.length,
		updates: c.newUpdates.reduce((n, g) => n + g.updates.length, 0),
	};
}

/** Every record a change list shows: the tasks it names and the updates it lists (for the sample notice). */
export function changeRecords(c: Changes, tasks: ReadonlyMap<string, TaskRecord>): (TaskRecord | UpdateRecord)[] {
	const named = new Set(
		[...c.newlyCompleted, ...c.newlyClosed, ...c.slipped, ...c.reopened, ...c.otherChanges, ...c.newUpdates].map(
			(x) => x.task,
		),
	);
	return [...[...named].flatMap((id) => tasks.get(id) ?? []), ...c.newUpdates.flatMap((g) => g.updates)];
}

/**
 * The sections of a change list, in the order every view shows them (the monthly /changes/ pages and
 * the any-two-dates comparison drawn in the browser), with their titles and notes.
 */
export const CHANGE_SECTIONS = [
	{ key: 'completed', title: '新完成', note: '含已完成、销号公示中、已销号和长期坚持', unit: '项' },
	{ key: 'closed', title: '新销号', note: '同一期间完成并销号的任务，也计入“新完成”', unit: '项' },
	{ key: 'slipped', title: '进度滞后', note: '期间内转为逾期未完成，或整改时限被推迟的任务', unit: '项' },
	{ key: 'reopened', title: '重新列为未完成', note: '此前报告完成，其后的进展报告尚未完成', unit: '项' },
	{
		key: 'changed',
		title: '其他状态变化',
		note: '状态有变化、不属于以上各类的任务，如 未达到序时进度 → 达到序时进度、已完成 → 长期坚持',
		unit: '项',
	},
	{ key: 'updates', title: '新发布的进展', note: '', unit: '条' },
] as const;

/** A section of a change list (one entry of CHANGE_SECTIONS). */
export type ChangeSection = (typeof CHANGE_SECTIONS)[number];

/** The sections that list status changes of tasks, each as from → to (not 进度滞后, not 新发布的进展). */
export type StatusChangeKey = 'completed' | 'closed' | 'reopened' | 'changed';

/** The status changes a section lists: one table, so the month pages, the feed and the comparison list the same. */
export function sectionStatusChanges(c: Changes, key: StatusChangeKey): TaskChange[] {
	return { completed: c.newlyCompleted, closed: c.newlyClosed, reopened: c.reopened, changed: c.otherChanges }[key];
}

/** The sections counted in a change list's summary line: every section of tasks, in their order. */
export const TASK_SECTIONS = CHANGE_SECTIONS.filter((sec) => sec.key !== 'updates');

/** How many items a section of a change list shows: tasks, or for new updates, updates. */
export function sectionCount(c: Changes, key: ChangeSection['key']): number {
	const n = changeCounts(c);
	return {
		completed: n.newlyCompleted,
		closed: n.newlyClosed,
		slipped: n.slipped,
		reopened: n.reopened,
		changed: n.otherChanges,
		updates: n.updates,
	}[key];
}

/** What a section's count rests on: its tasks' status bases at the later date, or its updates' reported status. */
export function sectionBasis(c: Changes, key: ChangeSection['key']): CountBasis {
	const out = emptyCountBasis();
	const tasks = {
		completed: c.newlyCompleted,
		closed: c.newlyClosed,
		slipped: c.slipped,
		reopened: c.reopened,
		changed: c.otherChanges,
		updates: [],
	};
	for (const x of tasks[key]) addToCount(out, x.basis);
	if (key === 'updates')
		for (const g of c.newUpdates) for (const u of g.updates) addToCount(out, basisOf(u, ['status']));
	return out;
}

/**
 * A section's heading with its count and what the count rests on, e.g. 新完成（3 项）（均为示例）, the same on the
 * monthly pages, in the feed and in the comparison.
 */
export function sectionHeading(sec: ChangeSection, count: number, basis?: CountBasis): string {
	return `${sec.title}（${count} ${sec.unit}）${basis && count > 0 ? countNote(basis, sec.unit) : ''}`;
}

/** A section's count in a sentence, with what it rests on: 新完成 3 项（均为示例） (feed titles and summaries). */
export function sectionCountText(c: Changes, key: ChangeSection['key']): string {
	const sec = CHANGE_SECTIONS.find((s) => s.key === key)!;
	const n = sectionCount(c, key);
	return `${sec.title} ${n} ${sec.unit}${n > 0 ? countNote(sectionBasis(c, key), sec.unit) : ''}`;
}

/** The sentence for a postponed deadline in a change list. */
export function dueDateMovedText(m: NonNullable<Slip['dueDateMoved']>): string {
	return `整改时限由 ${m.from} 推迟至 ${m.to}${m.reason ? `，理由：${m.reason}` : ''}`;
}

/** True when anything changed in the period (a task's status, a due date, or a new update): a month worth listing. */
export function hasChanges(c: Changes): boolean {
	return [c.newlyCompleted, c.newlyClosed, c.slipped, c.reopened, c.otherChanges, c.newUpdates].some(
		(list) => list.length > 0,
	);
}
