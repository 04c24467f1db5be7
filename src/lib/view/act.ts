// What a citizen can do about one task: the channels, in the order to use them, and a prefilled
// 政府信息公开申请 under the 条例. Channels come from settings and records only; nothing here invents a contact.
import type { TaskState } from '#src/lib/model/status.ts';
import { taskPath } from '#src/lib/publish/urls.ts';

/** A channel from settings or a record; `placeholder` marks a demo value that is not a real contact. */
export interface Channel {
	value: string;
	placeholder: boolean;
	href?: string;
}

/** One way to act, as the task page lists it. */
export interface Action {
	kind: 'objection' | 'report' | 'info-request';
	title: string;
	/** What the channel is called next to its value. */
	channelLabel: string;
	/** What the step is and when it applies. */
	text: string;
	channel?: Channel;
}

/** What the task page knows when it lists the actions. */
export interface ActInput {
	/** The notice window when the date lies inside it (销号公示中), with its objection channel; `sample` when the
	 * update that published it is an illustrative sample (its contact is then no real channel). */
	notice?: { start: string; end: string; contact: string; sample: boolean };
	/** The lead units' names and their 监督举报 channel when their record has one. */
	units: { name: string; report?: Channel }[];
	/** The site's 监督举报 channel (settings). */
	siteReport: Channel;
	/** The province's channel for 政府信息公开申请 (settings). */
	infoRequest: Channel;
}

/** The actions open on a task, the objection channel first during a 销号 notice window. */
export function taskActions(a: ActInput): Action[] {
	const out: Action[] = [];
	if (a.notice)
		out.push({
			kind: 'objection',
			title: '对销号有异议',
			channelLabel: '异议渠道',
			text: `本任务正在销号公示（${a.notice.start} 至 ${a.notice.end}）。公示期内可向下列渠道提出异议，并附上事实和证明材料。`,
			channel: { value: a.notice.contact, placeholder: a.notice.sample },
		});
	const unitReports = a.units.filter((u) => u.report);
	if (unitReports.length > 0)
		for (const u of unitReports)
			out.push({
				kind: 'report',
				title: `向${u.name}监督举报`,
				channelLabel: '监督举报渠道',
				text: '发现整改不到位、弄虚作假或敷衍整改，可向牵头单位反映。',
				channel: u.report,
			});
	else
		out.push({
			kind: 'report',
			title: '监督举报',
			channelLabel: '监督举报渠道',
			text: '本站未收录牵头单位的监督举报方式；发现整改不到位、弄虚作假或敷衍整改，可通过本站公布的监督举报渠道反映。',
			channel: a.siteReport,
		});
	out.push({
		kind: 'info-request',
		title: '申请公开本任务的政府信息',
		channelLabel: '省级依申请公开渠道',
		text: '本站没有公开的材料（整改报告、验收和销号材料等），可以依照《中华人民共和国政府信息公开条例》向牵头单位申请公开。下面的申请书已按条例第二十九条列出应写的内容，可复制或打印后填写提交。',
		channel: a.infoRequest,
	});
	return out;
}

/** The facts of a task that go into the request letter. */
export interface RequestFacts {
	planTitle: string;
	/** 回头看第02号 … */
	number: string;
	title: string;
	leadUnits: string[];
	/** Undefined when the plan sets the task no deadline: the letter then asks for no 到期后 account. */
	dueDate: string | undefined;
	/** The due date is this site's inference, not from a source (hkk-02): the letter asks for the real one. */
	dueDateInferred?: boolean;
	/** The site's date and the status it shows then, so the applicant can say what they saw. */
	asOf: string;
	statusLabel: string;
	/** The task is an illustrative sample, not an official task: the letter says so first. */
	sample: boolean;
}

const BLANK = '＿＿＿＿＿＿＿＿';

/** What the letter asks about the deadline: none without one; the plan's own when the site only inferred it. */
function dueClause(f: RequestFacts): string {
	if (!f.dueDate) return '';
	if (f.dueDateInferred)
		return `，以及该任务在整改方案中规定的整改时限（本站据公开材料推断为 ${f.dueDate}，未见来源）及其到期后的落实情况说明`;
	return `，以及整改时限（${f.dueDate}）到期后的落实情况说明`;
}

/**
 * A 政府信息公开申请 for one task, with the three items 条例第二十九条 requires: the applicant (left blank),
 * a description of the information that lets the body find it, and the form in which to receive it.
 */
export function infoRequestText(f: RequestFacts): string {
	const lines = [
		...(f.sample ? ['【示例任务：这是演示数据，不是官方整改任务。本申请书只演示格式，请勿提交。】', ''] : []),
		'政府信息公开申请',
		'',
		`${f.leadUnits.join('、')}：`,
		'',
		'根据《中华人民共和国政府信息公开条例》，现申请公开下列政府信息。',
		'',
		'一、申请人信息',
		`姓名或者名称：${BLANK}`,
		`身份证明（证件名称及号码）：${BLANK}`,
		`联系方式（电话、通信地址或电子邮箱）：${BLANK}`,
		'',
		'二、申请公开的政府信息',
		`《${f.planTitle}》${f.number}“${f.title}”${f.sample ? '（示例）' : ''}的整改落实情况，包括该任务的整改进展报告、验收材料、销号公示及销号材料${dueClause(f)}。`,
		`（申请人于 ${f.asOf} 在“整改公开”网站看到该任务的状态为“${f.statusLabel}”。）`,
		'',
		'三、获取信息的方式、途径',
		'□ 纸质文本　□ 电子文本；□ 邮寄　□ 电子邮件　□ 当面领取',
		'',
		`申请人（签名或者盖章）：${BLANK}`,
		'申请日期：　　　　年　　月　　日',
	];
	return lines.join('\n');
}

/** The update that published the notice window in force (the latest known one with a notice). */
export function noticeUpdate<U extends { closure?: { notice?: unknown } }>(known: readonly U[]): U | undefined {
	return known.findLast((u) => u.closure?.notice !== undefined);
}

/**
 * The open 销号 notice window of a task at its date, with whether it was published by a sample update: what the task
 * page's objection link and the objection action both rest on (undefined outside a window).
 */
export function objectionWindow(state: Pick<TaskState, 'status' | 'notice' | 'known'>): ActInput['notice'] | undefined {
	if (state.status !== 'in_notice' || !state.notice) return undefined;
	return { ...state.notice, sample: noticeUpdate(state.known)?.provenance.kind === 'sample' };
}

/** The link beside an overdue task (home page, task list) to what a citizen can do about it. */
export const SUPERVISE_LABEL = '我要监督';

/** True when a task list offers 我要监督 beside the task: it is overdue (逾期未完成) at the page's date. */
export function offersSupervision(state: Pick<TaskState, 'status'>): boolean {
	return state.status === 'overdue';
}

/** Where 我要监督 leads: the 您可以做什么 section of the task's page. */
export function superviseHref(taskId: string): string {
	return `${taskPath(taskId)}#act`;
}

/** What the task page knows of a task's situation when it says what it means for a reader. */
export interface Situation {
	status: TaskState['status'];
	dueDate: string | undefined;
	daysOverdue?: number;
	notice?: { end: string };
	daysSinceNotice?: number;
	/** The judgment's mark (（示例）, （整改时限未核实）…), in the same sentence as the judgment. */
	basisNote: string;
}

/**
 * The situation in one sentence with what to do about it, for the tasks that need one: overdue (逾期未完成) and a 销号
 * notice that ended without a published 销号 (公示期满未销号); undefined for the others.
 */
export function situationText(s: Situation): string | undefined {
	if (s.status === 'overdue' && s.dueDate !== undefined && s.daysOverdue !== undefined)
		return `本任务的整改时限是 ${s.dueDate}，已逾期 ${s.daysOverdue} 天仍未完成${s.basisNote}。可以向下面的渠道监督举报，也可以申请公开逾期的原因和后续整改安排。`;
	if (s.status === 'notice_lapsed' && s.notice && s.daysSinceNotice !== undefined)
		return `本任务的销号公示已于 ${s.notice.end} 结束，至今 ${s.daysSinceNotice} 天仍未公布是否销号${s.basisNote}。可以向牵头单位询问销号结果，或申请公开验收和销号材料。`;
	return undefined;
}
