// What the public will see once an editor's new updates are published, and why: the status comes from taskStateAt
// (the one status rule), only the explanation is written here, so a preview can never disagree with the site.
import { basisSuffix } from './basis.ts';
import type { TaskRecord, UpdateRecord } from './content.ts';
import { taskStateAt, type TaskState } from './status.ts';
import { STATUS_LABELS, type TaskStatus } from './statuses.ts';

/** The public status of a task after some new updates, with the reason in one Chinese sentence. */
export interface StatusAfter {
	status: TaskStatus;
	/** 逾期未完成, 已完成 … with the basis note (示例, 整改时限未核实) when the status rests on one. */
	label: string;
	/** Why, e.g. 仍显示逾期未完成：2020-12-31 的进展（未达到序时进度）晚于本条. */
	reason: string;
	/** The status shown before the new updates, to tell a change from no change. */
	before: TaskStatus;
	state: TaskState;
}

/** Why the task shows `state.status` when `mine` are the editor's new updates (the last of them is "本条"). */
function reasonOf(state: TaskState, mine: readonly UpdateRecord[], before: TaskStatus, asOf: string): string {
	const label = `${STATUS_LABELS[state.status]}${basisSuffix(state.basis)}`;
	const verb = state.status === before ? '仍显示' : '将显示';
	const latest = state.latest;
	const own = new Set(mine.map((u) => u.id));
	const last = mine.at(-1);
	if (last && last.publishedDate > asOf)
		return `${verb}${label}：本条发布日期 ${last.publishedDate} 晚于截至日期 ${asOf}，到那天才公开`;
	if (last && state.correctedBy.has(last.id))
		return `${verb}${label}：本条已被 ${state.correctedBy.get(last.id)} 更正，以更正为准`;
	if (latest && !own.has(latest.id))
		return `${verb}${label}：${latest.factDate} 的进展（${STATUS_LABELS[latest.status]}）晚于本条，网站以最新一条为准`;
	const reported = latest ? STATUS_LABELS[latest.status] : '';
	switch (state.status) {
		case 'overdue':
			return `${verb}${label}：整改时限 ${state.dueDate} 已过，本条报告的是“${reported}”，不是完成`;
		case 'in_notice':
			return state.notice
				? `${verb}${label}：截至 ${asOf} 处于销号公示期（${state.notice.start} 至 ${state.notice.end}）`
				: `${verb}${label}：销号日期 ${latest?.closure?.closedDate ?? ''} 还没到`;
		case 'notice_lapsed':
			return `${verb}${label}：公示已于 ${state.notice?.end ?? ''} 结束，还没有登记销号`;
		case 'extended_late':
			return `${verb}${label}：原整改时限 ${state.lateExtension?.lapsedDue ?? ''} 过后才调整时限`;
		default:
			return `${verb}${label}：依据本条报告的“${reported}”`;
	}
}

/**
 * The status a task will show at `asOf` once `mine` (new updates, in the order written) join `updates`, and why.
 * The status itself is taskStateAt's; this only explains it.
 */
export function statusAfter(
	task: TaskRecord,
	updates: readonly UpdateRecord[],
	mine: readonly UpdateRecord[],
	asOf: string,
): StatusAfter {
	const before = taskStateAt(task, updates, asOf).status;
	const state = taskStateAt(task, [...updates, ...mine], asOf);
	return {
		status: state.status,
		label: `${STATUS_LABELS[state.status]}${basisSuffix(state.basis)}`,
		reason: reasonOf(state, mine, before, asOf),
		before,
		state,
	};
}
