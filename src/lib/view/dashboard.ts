// The dashboard's story at one date — headline sentence, figures, overdue tasks, chart ranges — shared by
// the home page and every history snapshot (/as-of/<date>/), so both say the same thing the same way.
import { FIGURE_ORDER, STATUS_GROUPS, STATUS_LABELS, TASK_STATUSES, type TaskStatus } from '#src/lib/model/statuses.ts';
import type { TaskRecord } from '#src/lib/model/content.ts';
import { tasksUnder } from '#src/lib/model/browse.ts';
import { durationWords } from './duration-words.ts';
import { chartMark, progressChart, stackedStatusChart, statusChart, type ChartModel } from './charts.ts';
import {
	countBasisByStatus,
	countByStatus,
	emptyCounts,
	emptyStatusBasis,
	headline,
	headlineBasis,
	notYetDue,
	possibleStatuses,
	rollup,
	ROLLUP_KEYS,
	type Headline,
	type ProgressPoint,
	type RollupRow,
} from '#src/lib/model/rollups.ts';
import {
	areaLabel,
	batchOptions,
	comparePlanNo,
	ownClassificationNotes,
	plansByPublication,
} from '#src/lib/model/names.ts';
import { countNote, type CountBasis } from '#src/lib/model/basis.ts';
import { type SiteModel } from '#src/lib/model/site-model.ts';
import { DONE_LABEL, DONE_STATUSES, stateOf, type TaskState } from '#src/lib/model/status.ts';

/** An overdue task and for how many calendar days it has been overdue at the date (the model's daysOverdue). */
export interface OverdueTask {
	task: TaskRecord;
	state: TaskState;
	days: number;
}

/** The tasks overdue at `date` (逾期未完成), longest overdue first; ties keep the given order. */
export function overdueTasks(tasks: readonly TaskRecord[], states: ReadonlyMap<string, TaskState>): OverdueTask[] {
	const out: OverdueTask[] = [];
	for (const task of tasks) {
		const state = stateOf(states, task.id);
		if (state.status === 'overdue') out.push({ task, state, days: state.daysOverdue ?? 0 });
	}
	return out
		.map((o, i) => ({ o, i }))
		.sort((a, b) => b.o.days - a.o.days || a.i - b.i)
		.map(({ o }) => o);
}

/** Share of done tasks in whole percent, rounded down so that the page never overstates progress. */
export function donePercent(h: Pick<Headline, 'tasks' | 'done'>): number {
	return h.tasks === 0 ? 0 : Math.floor((h.done * 100) / h.tasks);
}

/**
 * The dashboard's one-sentence story in plain words, e.g. "38 项任务中 34 项已完成或长期坚持（89%），4 项逾期未完成，
 * 最久的已逾期近 7 年（2534 天）。" Labels come from the status vocabulary; the plan is named by the heading above it.
 */
export function headlineSentence(h: Headline, overdue: readonly OverdueTask[], basis?: CountBasis): string {
	// Samples among the tasks are named in the sentence itself (（含示例 37 项）), like every count on the site.
	const note = basis && h.tasks > 0 ? countNote(basis) : '';
	const parts = [`${h.tasks} 项任务${note}中 ${h.done} 项${STATUS_GROUPS.done.plain}（${donePercent(h)}%）`];
	const longest = overdue[0];
	if (h.overdue > 0)
		parts.push(
			`${h.overdue} 项${STATUS_LABELS.overdue}${longest ? `，最久的已逾期${durationWords(longest.days)}` : ''}`,
		);
	else parts.push(`没有${STATUS_LABELS.overdue}的任务`);
	if (h.undetermined > 0) parts.push(`${h.undetermined} 项${STATUS_LABELS.undetermined}是否逾期`);
	const pending = notYetDue(h);
	if (pending > 0) parts.push(`${pending} 项未到整改时限`);
	return `${parts.join('；')}。`;
}

/** One headline figure: its count, its label and the statuses of the task list it links to. */
export interface Figure {
	key: 'tasks' | 'done' | TaskStatus;
	n: number;
	label: string;
	/** Statuses of the tasks it counts (the task list filter); empty for all tasks. */
	statuses: readonly TaskStatus[];
	/** The two figures the story turns on: progress and lateness. */
	lead: boolean;
	/** What the count rests on (how many samples, how many on unsourced inputs). */
	basis: CountBasis;
}

/**
 * The headline figures, in one order with one set of labels for the home page and every snapshot. A status that
 * cannot occur at the date (see possibleStatuses) is left out rather than shown as a misleading 0, and one that
 * some task has is always shown. The order is the status table's `figure`: the story first (all, done, overdue),
 * then what is still open, then how the done ones stand.
 */
export function headlineFigures(
	tasks: readonly TaskRecord[],
	states: ReadonlyMap<string, TaskState>,
	date: string,
	declared: number | undefined,
): Figure[] {
	const h = headline(tasks, states);
	const hb = headlineBasis(tasks, states);
	const counts = countByStatus(tasks, states);
	const cb = countBasisByStatus(tasks, states);
	const possible = possibleStatuses(tasks, states, date);
	const figures: Figure[] = [
		{
			key: 'tasks',
			n: h.tasks,
			label: declared === undefined ? '整改任务' : `整改任务（方案声明 ${declared} 项）`,
			statuses: [],
			lead: false,
			basis: hb.tasks,
		},
		{ key: 'done', n: h.done, label: DONE_LABEL, statuses: DONE_STATUSES, lead: true, basis: hb.done },
	];
	for (const s of FIGURE_ORDER) {
		if (!possible.has(s) && counts[s] === 0) continue;
		figures.push({
			key: s,
			n: counts[s],
			label: STATUS_LABELS[s],
			statuses: [s],
			lead: s === 'overdue',
			basis: cb[s],
		});
	}
	return figures;
}

/** The part of a progress series worth drawing: up to a month after the last change, and the flat tail left out. */
export interface ProgressRange {
	points: ProgressPoint[];
	/** The dates of the unchanged tail left out (first, last), when there is one. */
	unchanged?: { from: string; to: string };
}

/** A flat tail shorter than this many months is drawn, not cut. */
export const FLAT_TAIL_MONTHS = 6;

/** Cuts a long unchanged tail off a progress series (e.g. five flat years after the last task closed). */
export function progressRange(points: readonly ProgressPoint[]): ProgressRange {
	const same = (a: ProgressPoint, b: ProgressPoint) => a.done === b.done && a.closed === b.closed && a.due === b.due;
	let last = 0;
	for (let i = 1; i < points.length; i++) if (!same(points[i]!, points[i - 1]!)) last = i;
	const keep = last + 1; // one flat month after the last change shows the level it stayed at
	if (points.length - 1 - keep < FLAT_TAIL_MONTHS) return { points: [...points] };
	return { points: points.slice(0, keep + 1), unchanged: { from: points[keep + 1]!.date, to: points.at(-1)!.date } };
}

/** Key of the row that sums the rows a long rollup leaves out. */
export const REST_KEY = '__rest';

/**
 * At most `n` rows: all of them when they fit, else the `n - 1` largest (by task count, ties in the given order)
 * in their given order and one row summing the rest.
 */
export function topRows(rows: readonly RollupRow[], n: number): { rows: RollupRow[]; rest: number } {
	if (rows.length <= n) return { rows: [...rows], rest: 0 };
	n -= 1;
	const keep = new Set(
		rows
			.map((r, i) => ({ r, i }))
			.sort((a, b) => b.r.total - a.r.total || a.i - b.i)
			.slice(0, n)
			.map(({ r }) => r),
	);
	const left = rows.filter((r) => !keep.has(r));
	const sum: RollupRow = { key: REST_KEY, total: 0, byStatus: emptyCounts(), basis: emptyStatusBasis() };
	for (const r of left) {
		sum.total += r.total;
		for (const s of TASK_STATUSES) {
			sum.byStatus[s] += r.byStatus[s];
			const to = sum.basis[s];
			const from = r.basis[s];
			to.total += from.total;
			to.sample += from.sample;
			to.partial += from.partial;
			for (const f of from.unsourced) if (!to.unsourced.includes(f)) to.unsourced.push(f);
		}
	}
	return { rows: [...rows.filter((r) => keep.has(r)), sum], rest: left.length };
}

/** The most rows a dashboard chart lists (units, areas, plans); the pages per unit/area/plan hold the rest. */
export const DASHBOARD_ROWS = 20;
/** The most overdue tasks the dashboard names; the filtered task list holds them all. */
export const OVERDUE_NAMED = 10;

/** A chart of the dashboard: its model, the row keys of a one-series bar chart, and a note under its caption. */
export interface DashboardChart {
	model: ChartModel;
	rowKeys?: readonly string[];
	note?: string;
}

/** A long rollup cut to its DASHBOARD_ROWS largest rows, with the labels of the rest row and a note saying so. */
function topChartRows(rows: RollupRow[], what: string, label: (k: string) => string, page: string) {
	const t = topRows(rows, DASHBOARD_ROWS);
	return {
		rows: t.rows,
		label: (k: string) => (k === REST_KEY ? `其余 ${t.rest} 个${what}` : label(k)),
		note:
			t.rest > 0
				? `列出任务最多的 ${t.rows.length - 1} 个${what}，其余 ${t.rest} 个合为一行；逐个见${page}。`
				: undefined,
	};
}

/** The lead-unit chart: units by their number of tasks, most first. */
function unitChart(site: SiteModel, tasks: readonly TaskRecord[], states: ReadonlyMap<string, TaskState>) {
	const byUnit = rollup(tasks, states, ROLLUP_KEYS.leadUnit, [...site.units.keys()])
		.filter((r) => r.total > 0)
		.sort((a, b) => b.total - a.total);
	const units = topChartRows(byUnit, '牵头单位', (k) => site.units.get(k)?.shortName ?? k, '责任单位页');
	return {
		model: stackedStatusChart(
			'all-unit',
			'按牵头单位的任务状态（任务有多个牵头单位时分别计入）',
			'牵头单位',
			units.rows,
			units.label,
		),
		note: units.note,
	};
}

/** The last chart: one row per plan when there are several (each has its own problem areas), else per problem area. */
function planOrAreaChart(
	site: SiteModel,
	tasks: readonly TaskRecord[],
	states: ReadonlyMap<string, TaskState>,
): DashboardChart {
	const plans = plansByPublication(site);
	if (plans.length > 1) {
		const byPlan = topChartRows(
			rollup(
				tasks,
				states,
				ROLLUP_KEYS.plan,
				plans.map((p) => p.id),
			).filter((r) => r.total > 0),
			'方案',
			(k) => site.plans.get(k)?.shortTitle ?? k,
			'整改方案页',
		);
		return {
			model: stackedStatusChart(
				'all-plan',
				'按整改方案的任务状态（问题方面见各方案页）',
				'整改方案',
				byPlan.rows,
				byPlan.label,
			),
			note: byPlan.note,
		};
	}
	const areaOrder = [...site.areas.values()].sort(comparePlanNo).map((a) => a.id);
	const areas = topChartRows(
		rollup(tasks, states, ROLLUP_KEYS.area, areaOrder).filter((r) => r.total > 0),
		'问题方面',
		(k) => areaLabel(site, k),
		'问题方面页',
	);
	return {
		model: stackedStatusChart(
			'all-area',
			// The problem areas are this site's own grouping where the plan says so (ownClassifications).
			`按问题方面的任务状态${ownClassificationNotes(site, 'problemAreas').length ? '（问题方面为本站归纳）' : ''}`,
			'问题方面',
			areas.rows,
			areas.label,
		),
		note: areas.note,
	};
}

/**
 * The dashboard's five charts for a set of tasks at `date` (home page and snapshots alike). `progress` is the
 * month-end series up to at least `date`; long rollups keep their DASHBOARD_ROWS largest rows and sum the rest,
 * and with several plans the problem areas (each plan has its own) give way to one row per plan.
 */
export function dashboardCharts(
	site: SiteModel,
	tasks: readonly TaskRecord[],
	states: ReadonlyMap<string, TaskState>,
	date: string,
	progress: readonly ProgressPoint[],
): DashboardChart[] {
	const possible = possibleStatuses(tasks, states, date);
	const counts = countByStatus(tasks, states);
	const shown = TASK_STATUSES.filter((s) => possible.has(s) || counts[s] > 0);
	const batches = batchOptions(plansByPublication(site));
	const batchName = (id: string) => batches.find((b) => b.id === id)?.label ?? id;
	const range = progressRange(progress.filter((p) => p.date <= date));
	const first = range.points[0]?.date ?? date;
	const last = range.points.at(-1)?.date ?? date;
	const charts: DashboardChart[] = [
		{
			model: statusChart(
				'all-status',
				`任务状态分布（截至 ${date}）`,
				counts,
				countBasisByStatus(tasks, states),
				shown,
			),
			rowKeys: shown,
		},
		{
			model: stackedStatusChart(
				'all-batch',
				'按整改时限分批的任务状态',
				'整改时限',
				rollup(
					tasks,
					states,
					ROLLUP_KEYS.batch,
					batches.map((b) => b.id),
				),
				batchName,
			),
		},
		{
			model: progressChart('all-progress', `逐月整改进度（${first.slice(0, 7)} 至 ${last.slice(0, 7)}）`, range.points),
			note: range.unchanged
				? `${range.unchanged.from} 至 ${range.unchanged.to} 各项数字与 ${last} 相同，图表从略；各月情况见历史快照。`
				: undefined,
		},
		unitChart(site, tasks, states),
		planOrAreaChart(site, tasks, states),
	];
	// A grouping the content does not have gets no chart, not an empty one (issue #22).
	const absent: Record<string, boolean> = {
		'all-batch': !site.shape.batches,
		'all-unit': !site.shape.leadUnits,
		'all-area': !site.shape.areas,
	};
	// Every chart counts these tasks: each says once what they rest on (its rows' own notes stay in its table).
	const mark = chartMark(headlineBasis(tasks, states).tasks);
	return charts.filter((c) => !absent[c.model.id]).map((c) => ({ ...c, model: { ...c.model, mark } }));
}

/** The plans' rows of a many-plan dashboard: most overdue first, at most DASHBOARD_ROWS; the plans page lists all. */
export function planRows(
	site: SiteModel,
	tasks: readonly TaskRecord[],
	states: ReadonlyMap<string, TaskState>,
): { plan: ReturnType<typeof plansByPublication>[number]; h: Headline }[] {
	return plansByPublication(site)
		.map((plan, i) => ({ plan, i, h: headline(tasksUnder(tasks, ROLLUP_KEYS.plan, plan.id), states) }))
		.sort((a, b) => b.h.overdue - a.h.overdue || a.i - b.i)
		.slice(0, DASHBOARD_ROWS)
		.map(({ plan, h }) => ({ plan, h }));
}
