import { STATUS_GROUPS, STATUS_LABELS, TASK_STATUSES, type TaskStatus } from '#src/lib/model/statuses.ts';
import type { ProgressPoint, RollupRow, StatusCountBasis, StatusCounts } from '#src/lib/model/rollups.ts';
import { countBasisKind, countNote, emptyCountBasis, type BasisKind, type CountBasis } from '#src/lib/model/basis.ts';

/** One series of a chart: a column of its data table. */
export interface ChartSeries {
	/** Stable key (a status key, or done/closed/due); the client picks the pattern and colour from it. */
	key: string;
	label: string;
	values: number[];
}

/**
 * What a chart shows, built once on the server: the data table, the canvas's aria-label and the
 * client drawing all read this one object, so the three cannot disagree.
 */
export interface ChartModel {
	id: string;
	kind: 'bar' | 'stacked' | 'line';
	/** Caption of the figure and its table. */
	title: string;
	/** Header of the first column (what the categories are). */
	categoryLabel: string;
	categories: string[];
	/**
	 * The categories' plain names, drawn on the axis: the chart says what its counts rest on once (`mark`), while each
	 * row of the table keeps its own note (a row copied alone keeps its basis).
	 */
	names: string[];
	/** Title of the value axis (what the bars and lines count). */
	valueLabel: string;
	/** What the chart's counts rest on, said once for the whole chart (chartMark), e.g. 图中 38 项任务（含示例 37 项）. */
	mark?: string;
	series: ChartSeries[];
	/** Horizontal bars (long Chinese category names read better down the side on a phone). */
	horizontal: boolean;
	/** What each category's figures rest on; a category counting samples says so in its label (table, canvas, text). */
	basis?: BasisKind[];
	/**
	 * What each row's figures rest on, in words (（含示例 23 项）), for a table whose categories are dates: shown in the
	 * row's last cell, so a row copied alone keeps its basis; not a series, so the chart does not draw it.
	 */
	rowNotes?: string[];
}

/** A category's label with what its counts rest on, e.g. 省生态环境厅（含示例 3 项）. */
function withBasis(label: string, b: CountBasis): string {
	return `${label}${countNote(b)}`;
}

/** The basis of a whole rollup row: every status's count together. */
function rowBasis(r: RollupRow): CountBasis {
	const out = emptyCountBasis();
	for (const b of Object.values(r.basis)) {
		out.total += b.total;
		out.sample += b.sample;
		out.partial += b.partial;
		for (const f of b.unsourced) if (!out.unsourced.includes(f)) out.unsourced.push(f);
	}
	return out;
}

const UNIT = '项';
/** What every dashboard chart counts, as its value axis's title. */
const TASK_COUNT = `任务数（${UNIT}）`;

/** The mark a chart carries once for all its counts: 图中 38 项任务（含示例 37 项）; empty when all are sourced. */
export function chartMark(b: CountBasis): string {
	const note = countNote(b);
	return b.total > 0 && note ? `图中 ${b.total} ${UNIT}任务${note}` : '';
}

/** Status distribution: one bar per status, every status listed (zeros included) or the given ones. */
export function statusChart(
	id: string,
	title: string,
	counts: StatusCounts,
	basis?: StatusCountBasis,
	statuses: readonly TaskStatus[] = TASK_STATUSES,
): ChartModel {
	return {
		id,
		kind: 'bar',
		title,
		categoryLabel: '状态',
		categories: statuses.map((s) => (basis ? withBasis(STATUS_LABELS[s], basis[s]) : STATUS_LABELS[s])),
		names: statuses.map((s) => STATUS_LABELS[s]),
		valueLabel: TASK_COUNT,
		...(basis ? { basis: statuses.map((s) => countBasisKind(basis[s])) } : {}),
		series: [{ key: 'tasks', label: '任务数', values: statuses.map((s) => counts[s]) }],
		horizontal: true,
	};
}

/** The statuses present in any of the rows, in the canonical order (empty columns would only add noise). */
export function statusesPresent(rows: readonly RollupRow[]): TaskStatus[] {
	return TASK_STATUSES.filter((s) => rows.some((r) => r.byStatus[s] > 0));
}

/** A rollup (by batch, unit, area …) as bars stacked by status; `label` names each row's key. */
export function stackedStatusChart(
	id: string,
	title: string,
	categoryLabel: string,
	rows: readonly RollupRow[],
	label: (key: string) => string,
): ChartModel {
	return {
		id,
		kind: 'stacked',
		title,
		categoryLabel,
		categories: rows.map((r) => withBasis(label(r.key), rowBasis(r))),
		names: rows.map((r) => label(r.key)),
		valueLabel: TASK_COUNT,
		basis: rows.map((r) => countBasisKind(rowBasis(r))),
		series: statusesPresent(rows).map((s) => ({
			key: s,
			label: STATUS_LABELS[s],
			values: rows.map((r) => r.byStatus[s]),
		})),
		horizontal: true,
	};
}

/** Progress over time: tasks done and closed, against tasks due, at each date. */
export function progressChart(id: string, title: string, points: readonly ProgressPoint[]): ChartModel {
	// The dates carry no mark: each row of the table says what it counts in its last cell, the chart its `mark`.
	return {
		id,
		kind: 'line',
		title,
		categoryLabel: '日期（月末）',
		categories: points.map((p) => p.date),
		names: points.map((p) => p.date),
		valueLabel: TASK_COUNT,
		series: [
			{ key: 'done', label: STATUS_GROUPS.done.label, values: points.map((p) => p.done) },
			{ key: 'closed', label: STATUS_LABELS.closed, values: points.map((p) => p.closed) },
			{ key: 'due', label: '应完成（已到整改时限）', values: points.map((p) => p.due) },
		],
		horizontal: false,
		basis: points.map((p) => countBasisKind(p.basis)),
		rowNotes: points.map((p) => countNote(p.basis) || '有来源'),
	};
}

/** Row totals of a stacked chart (the table's 合计 column). */
export function rowTotals(model: ChartModel): number[] {
	return model.categories.map((_, i) => model.series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
}

/** The sentence a screen reader hears for the canvas, generated from the same numbers as the table. */
export function chartSummary(model: ChartModel): string {
	const { names: categories, series } = model;
	// The mark is said once, after the title, as the figure shows it once.
	const title = model.mark ? `${model.title}（${model.mark}）` : model.title;
	if (categories.length === 0) return `${title}：暂无数据。`;
	if (model.kind === 'line') {
		const last = categories.length - 1;
		const parts = series.map((s) => `${s.label}由 ${s.values[0]} ${UNIT}变为 ${s.values[last]} ${UNIT}`);
		return `${title}，折线图，${categories[0]} 至 ${categories[last]}：${parts.join('；')}。逐月数据见下表。`;
	}
	if (model.kind === 'bar') {
		const s = series[0]!;
		return `${title}，条形图：${categories.map((c, i) => `${c} ${s.values[i]} ${UNIT}`).join('，')}。`;
	}
	const totals = rowTotals(model);
	// A national site has hundreds of areas: the label names the largest rows and leaves the rest to the table.
	const shown = largestRows(totals, SUMMARY_ROWS);
	const rows = shown.map((i) => {
		const parts = series.filter((s) => (s.values[i] ?? 0) > 0).map((s) => `${s.label} ${s.values[i]}`);
		return `${categories[i]} 共 ${totals[i]} ${UNIT}${parts.length ? `（${parts.join('、')}）` : ''}`;
	});
	const rest = categories.length - shown.length;
	const restTotal = totals.reduce((n, t) => n + t, 0) - shown.reduce((n, i) => n + totals[i]!, 0);
	const more = rest > 0 ? `；其余 ${rest} 个${model.categoryLabel}共 ${restTotal} ${UNIT}，逐个数据见下表` : '';
	return `${title}，按状态堆叠的条形图${rest > 0 ? `（共 ${categories.length} 个${model.categoryLabel}，这里读出任务最多的 ${shown.length} 个）` : ''}：${rows.join('；')}${more}。`;
}

/** The indexes of the `n` largest totals (ties in the given order), in the given order: the rows a chart keeps. */
export function largestRows(totals: readonly number[], n: number): number[] {
	return totals
		.map((_, i) => i)
		.sort((a, b) => totals[b]! - totals[a]! || a - b)
		.slice(0, n)
		.sort((a, b) => a - b);
}

/**
 * The most rows a stacked chart draws on a phone (the chart's box narrower than PHONE_WIDTH px): the largest, with a
 * link to the full table under it; a 20-row chart was 900 px of tiny bars.
 */
export const PHONE_ROWS = 8;
/** A chart box narrower than this (CSS px) is on a phone. */
export const PHONE_WIDTH = 600;

/** The most rows a stacked chart's spoken summary names; longer charts say how many more the table has. */
export const SUMMARY_ROWS = 20;

/** A chart's data table with more rows than this is folded (<details>) under its chart; shorter ones stay open. */
export const FOLD_ROWS = 10;
