/**
 * Reported figures (官方通报的方案级数字, issue #23 item 6): numbers a body reported about a whole plan, kept apart from
 * the site's own counts. Each is compared with the figure the site computes for the same thing at the same date, and
 * the difference is stated with what differs in definition; nothing here feeds a rollup, a chart or a headline.
 */
import type { ReportedFigure, ReportedNumber } from '#src/schemas/reported-figure.ts';
import { BASIS_LABELS } from './basis.ts';
import type { TaskRecord, UpdateRecord } from './content.ts';
import { isDone, statesAt } from './status.ts';
import { STATUS_GROUPS } from './statuses.ts';
import type { SiteModel } from './site-model.ts';

/** How far a reported statement is verified, each with the words printed after 官方通报. */
export const REPORTED_BASIS_TABLE = {
	verified: { label: '原文已核对', meaning: '本站看到了原发单位发布的原文，并核对了数字。' },
	original: { label: '原发可见，未核实', meaning: '原发单位的原文可以看到，但数字没有逐一核对。' },
	reprint: { label: '转载，原发未见，未核实', meaning: '只在转载稿中读到，原发单位的原文没有找到，数字没有核对。' },
} as const;

/** The keys of REPORTED_BASIS_TABLE, in order. */
export const REPORTED_BASES = Object.keys(REPORTED_BASIS_TABLE) as [
	keyof typeof REPORTED_BASIS_TABLE,
	...(keyof typeof REPORTED_BASIS_TABLE)[],
];
export type ReportedBasis = (typeof REPORTED_BASES)[number];

/** The figures the site computes that a reported number may be compared with, and how the site counts each. */
export const REPORTED_MEASURE_TABLE = {
	tasks: { definition: '本站录入的本方案整改任务数。' },
	due: { definition: '本站按每项任务在比较日有效的整改时限（含已公布的延期）计数；没有整改时限的任务不计。' },
	done_of_due: {
		definition: `上一行的任务中，比较日状态属于“${STATUS_GROUPS.done.label}”的任务数（${STATUS_GROUPS.done.meaning}只计比较日及以前发布的进展）。`,
	},
	none: { definition: '本站没有统计与之相同的数字。' },
} as const;

/** The keys of REPORTED_MEASURE_TABLE. */
export const REPORTED_MEASURES = Object.keys(REPORTED_MEASURE_TABLE) as [
	keyof typeof REPORTED_MEASURE_TABLE,
	...(keyof typeof REPORTED_MEASURE_TABLE)[],
];

/** The mark every reported figure carries where it is shown: 官方通报（转载，原发未见，未核实）. */
export function reportedMark(basis: ReportedBasis): string {
	return `官方通报（${REPORTED_BASIS_TABLE[basis].label}）`;
}

/** The reported number with its basis, for one cell or line: 27 项（转载，原发未见，未核实）. */
export function reportedValueText(n: Pick<ReportedNumber, 'value' | 'unit'>, basis: ReportedBasis): string {
	return `${n.value} ${n.unit}（${REPORTED_BASIS_TABLE[basis].label}）`;
}

/** Who reported it and where it was read, in words (the link, when there is one, is the page's). */
export function reportedSourceText(f: Pick<ReportedFigure, 'reportedBy' | 'source' | 'basis'>): string {
	const { publisher, title, date, via } = f.source;
	return [
		`通报单位：${f.reportedBy ?? '原文未署名'}`,
		`原文：${publisher ?? '未署名'}${title ? `《${title}》` : '，标题不详'}，${date ?? '日期不详'}`,
		via ? `转载自${via}${f.basis === 'reprint' ? '（原发未见）' : ''}` : '',
	]
		.filter(Boolean)
		.join('；');
}

/** The site's own figure for a reported number, with what it rests on. */
export interface ComputedFigure {
	value: number;
	/** Of the tasks counted, how many are samples, and how many others have an unsourced due date. */
	samples: number;
	unsourcedDue: number;
	/** Its basis in words, for the same line: （含示例 27 项） / （1 项的整改时限未核实） / （均有来源）. */
	basisText: string;
}

/** One reported number beside the site's figure for the same thing. */
export interface ReportedComparison {
	number: ReportedNumber;
	computed?: ComputedFigure;
	/** Reported minus computed; undefined when the site has no figure to compare. */
	difference?: number;
	/** The difference in short words: 数字一致。 / 相差 14 项（通报多）。 / 本站没有统计与之相同的数字。 */
	verdict: string;
	/** What the site counts and how the definitions may differ. */
	definition: string;
	/** Both, as one text (a data row): 相差 14 项（通报多）。上一行的任务中…. */
	differenceText: string;
}

/** Whether a reported figure is shown at a build's as-of date: not before the date its figures hold. */
export function reportedShownAt(figure: Pick<ReportedFigure, 'referenceDate'>, asOf: string): boolean {
	return figure.referenceDate <= asOf;
}

/** The basis words of a computed count over some tasks. */
function basisText(value: number, samples: number, unsourcedDue: number): string {
	const parts = [
		samples > 0 && `含${BASIS_LABELS.sample} ${samples} 项`,
		unsourcedDue > 0 && `${unsourcedDue} 项的整改时限未核实`,
	].filter(Boolean);
	if (parts.length) return `（${parts.join('；')}）`;
	return value > 0 ? `（均${BASIS_LABELS.sourced}）` : '';
}

/** The tasks a number counts at the figure's reference date, by the site's rule for its `compare`. */
function countedTasks(
	n: ReportedNumber,
	tasks: readonly TaskRecord[],
	updates: readonly UpdateRecord[],
	at: string,
): { counted: TaskRecord[]; unsourcedDue: (t: TaskRecord) => boolean } {
	const states = statesAt(tasks, updates, at);
	const inWindow = (t: TaskRecord) => {
		const due = states.get(t.id)?.dueDate;
		return due !== undefined && (!n.dueFrom || due >= n.dueFrom) && due <= (n.dueTo ?? due);
	};
	const unsourcedDue = (t: TaskRecord) => states.get(t.id)?.dueBasis.kind === 'partial';
	if (n.compare === 'tasks') return { counted: [...tasks], unsourcedDue: () => false };
	const due = tasks.filter(inWindow);
	if (n.compare === 'due') return { counted: due, unsourcedDue };
	return { counted: due.filter((t) => isDone(states.get(t.id)!.status)), unsourcedDue };
}

/**
 * Each number of a reported figure beside the site's own figure for the same thing at the figure's reference date
 * (tasks of its plan; updates published by then), with the difference stated.
 */
export function compareReported(
	figure: ReportedFigure,
	tasks: readonly TaskRecord[],
	updates: readonly UpdateRecord[],
): ReportedComparison[] {
	const planTasks = tasks.filter((t) => t.plan === figure.plan);
	return figure.numbers.map((number) => {
		if (number.compare === 'none') {
			const definition = `${REPORTED_MEASURE_TABLE.none.definition}${number.note ?? ''}`;
			return { number, verdict: '无可比数字。', definition, differenceText: definition };
		}
		const { counted, unsourcedDue } = countedTasks(number, planTasks, updates, figure.referenceDate);
		const samples = counted.filter((t) => t.provenance.kind === 'sample').length;
		const unsourced = counted.filter((t) => t.provenance.kind !== 'sample' && unsourcedDue(t)).length;
		const computed = {
			value: counted.length,
			samples,
			unsourcedDue: unsourced,
			basisText: basisText(counted.length, samples, unsourced),
		};
		const difference = number.value - computed.value;
		const definition = `${REPORTED_MEASURE_TABLE[number.compare].definition}${number.note ? number.note : ''}`;
		const verdict =
			difference === 0
				? '数字一致。'
				: `相差 ${Math.abs(difference)} ${number.unit}（通报${difference > 0 ? '多' : '少'}）。`;
		return { number, computed, difference, verdict, definition, differenceText: `${verdict}${definition}` };
	});
}

/** The reported figures of a plan shown at the model's as-of date, each with its comparison rows. */
export function reportedFiguresOf(
	model: Pick<SiteModel, 'content' | 'asOf'>,
	planId: string,
): { figure: ReportedFigure; rows: ReportedComparison[] }[] {
	const { reportedFigures = [], tasks, updates } = model.content;
	return reportedFigures
		.filter((f) => f.plan === planId && reportedShownAt(f, model.asOf))
		.map((figure) => ({ figure, rows: compareReported(figure, tasks, updates) }));
}
