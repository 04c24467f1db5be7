import type { TaskRecord, UpdateRecord } from './content.ts';
import type { Measure, MeasureGroup } from '#src/schemas/index.ts';
import { compareNewestFirst, type TaskState } from './status.ts';
import { compareTasks } from './names.ts';
import type { SiteModel } from './site-model.ts';
import { basisSuffix } from './basis.ts';

type KeysOf = (t: TaskRecord) => readonly string[];
// Grouping once per (task list, key function) keeps thousands of measure/area/city pages linear, not quadratic.
const groupings = new WeakMap<readonly TaskRecord[], Map<KeysOf, Map<string, TaskRecord[]>>>();

/** The tasks filed under `key` by a rollup key function (the same grouping the rollups count). */
export function tasksUnder(tasks: readonly TaskRecord[], keysOf: KeysOf, key: string): TaskRecord[] {
	let byFn = groupings.get(tasks);
	if (!byFn) groupings.set(tasks, (byFn = new Map()));
	let groups = byFn.get(keysOf);
	if (!groups) {
		groups = new Map();
		for (const t of tasks)
			for (const k of new Set(keysOf(t))) {
				const list = groups.get(k);
				if (list) list.push(t);
				else groups.set(k, [t]);
			}
		byFn.set(keysOf, groups);
	}
	return [...(groups.get(key) ?? [])];
}

/** The tasks filed under `key` (as tasksUnder), in the plans' order: the task list of an entity page. */
export function sortedTasksUnder(site: SiteModel, keysOf: KeysOf, key: string): TaskRecord[] {
	return tasksUnder(site.content.tasks, keysOf, key).sort(compareTasks(site.plans));
}

/**
 * Every update published by the as-of date (corrected ones too, as the task pages and data files list them), newest
 * publication first.
 */
export function publishedUpdates(states: ReadonlyMap<string, TaskState>): UpdateRecord[] {
	return [...states.values()].flatMap((s) => s.published).sort(compareNewestFirst);
}

/**
 * Updates per page of /updates/: short enough for a phone (about 30 KB of HTML), long enough to skim a month; each page
 * also carries the site's header and footer, 7 KB, so 20 a page made the list 4 KB per task (issue #28).
 */
export const UPDATES_PAGE_SIZE = 50;

/** For each update (given in story order), the status reported just before it, to mark status changes. */
export function previousStatuses(updates: readonly UpdateRecord[]): Map<string, UpdateRecord['status'] | undefined> {
	return new Map(updates.map((u, i) => [u.id, updates[i - 1]?.status]));
}

/** The derived flags of a task's state in words, for the task page (none: empty); the rules are on /about/rules/. */
export function stateFlags(task: TaskRecord, state: TaskState): string[] {
	const flags: string[] = [];
	if (state.overdue) flags.push(`已过整改时限仍未完成，已逾期 ${state.daysOverdue} 天${basisSuffix(state.basis)}`);
	const x = state.lateExtension;
	if (x)
		flags.push(
			`逾期后延期：原时限 ${x.lapsedDue} 过后 ${x.daysLate} 天（${x.publishedDate}）才公布延期${basisSuffix(state.basis)}`,
		);
	if (state.completedLate)
		flags.push(
			`${state.status === 'long_term' ? '整改时限过后才报告长期坚持' : '逾期后完成'}${basisSuffix(state.timingBasis)}`,
		);
	if (state.inNotice) flags.push(state.reported === 'closed' ? '已报告销号，销号日期未到' : '正处于销号公示期');
	if (state.daysSinceNotice !== undefined) flags.push(`销号公示期满 ${state.daysSinceNotice} 天，仍未公布销号`);
	if (state.dueDate !== task.dueDate) flags.push('整改时限已调整');
	return flags;
}

/** A plan's measure groups in the plan's order (the plan page and its measure list). */
export function groupsOf(site: Pick<SiteModel, 'groups'>, planId: string): MeasureGroup[] {
	return [...site.groups.values()].filter((g) => g.plan === planId).sort((a, b) => a.no - b.no);
}

/** A measure group's measures in the plan's order (the measures pages and the plan page). */
export function measuresOf(site: Pick<SiteModel, 'measures'>, groupId: string): Measure[] {
	return [...site.measures.values()].filter((m) => m.group === groupId).sort((a, b) => a.no - b.no);
}
