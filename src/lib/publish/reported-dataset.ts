/**
 * The reported figures as open data (/data/reported-figures.csv and .json, issue #23 item 6): one row per reported
 * number with its source and basis, and beside it the site's own figure for the same thing and the difference. The
 * basis words (官方通报（…）) are in every row, so a row copied alone still says what the number rests on.
 */
import {
	REPORTED_BASES,
	REPORTED_BASIS_TABLE,
	REPORTED_MEASURES,
	REPORTED_MEASURE_TABLE,
	reportedFiguresOf,
	reportedMark,
	type ReportedBasis,
	type ReportedComparison,
} from '#src/lib/model/reported-figures.ts';
import type { SiteModel } from '#src/lib/model/site-model.ts';
import type { Dataset } from './columns.ts';

/** One reported number as a data row (stored fields only; the comparison is derived). */
export interface ReportedRow {
	figure: string;
	plan: string;
	title: string;
	key: string;
	label: string;
	value: number;
	unit: string;
	compare: (typeof REPORTED_MEASURES)[number];
	dueFrom: string | null;
	dueTo: string | null;
	basis: ReportedBasis;
	reportedBy: string | null;
	referenceDate: string;
	sourcePublisher: string | null;
	sourceTitle: string | null;
	sourceDate: string | null;
	sourceUrl: string | null;
	via: string | null;
	quote: string;
}

const comparisons = new WeakMap<SiteModel, Map<string, ReportedComparison>>();

/** The comparison of one row, computed once per model. */
function comparisonOf(model: SiteModel, row: ReportedRow): ReportedComparison | undefined {
	let byKey = comparisons.get(model);
	if (!byKey) {
		byKey = new Map();
		for (const planId of model.plans.keys())
			for (const { figure, rows } of reportedFiguresOf(model, planId))
				for (const r of rows) byKey.set(`${figure.id}\u0000${r.number.key}`, r);
		comparisons.set(model, byKey);
	}
	return byKey.get(`${row.figure}\u0000${row.key}`);
}

/** The rows of every reported figure shown at the model's as-of date. */
function reportedRows(model: SiteModel): ReportedRow[] {
	return [...model.plans.keys()].flatMap((planId) =>
		reportedFiguresOf(model, planId).flatMap(({ figure: f }) =>
			f.numbers.map((n): ReportedRow => ({
				figure: f.id,
				plan: f.plan,
				title: f.title,
				key: n.key,
				label: n.label,
				value: n.value,
				unit: n.unit,
				compare: n.compare,
				dueFrom: n.dueFrom ?? null,
				dueTo: n.dueTo ?? null,
				basis: f.basis,
				reportedBy: f.reportedBy,
				referenceDate: f.referenceDate,
				sourcePublisher: f.source.publisher,
				sourceTitle: f.source.title,
				sourceDate: f.source.date,
				sourceUrl: f.source.url ?? null,
				via: f.source.via ?? null,
				quote: f.quote,
			})),
		),
	);
}

const DATE = 'YYYY-MM-DD（北京时间日历日）';

/** Reported figures: numbers a body reported about a whole plan, never counted into the site's own figures. */
export const REPORTED_FIGURES: Dataset<ReportedRow> = {
	name: 'reported-figures',
	title: '官方通报的数字',
	description:
		'每行一个有关机关对整个方案通报的数字，含出处和核实程度，并列本站对同一事项在比较日的计算和差异。通报的数字不计入本站的任何统计。',
	records: reportedRows,
	columns: [
		{ key: 'figure', header: '通报编号', type: 'id', description: '通报的编号（content/reported-figures.json）' },
		{ key: 'plan', header: '方案编号', type: 'id', description: '通报所说的方案' },
		{ key: 'title', header: '通报标题', type: 'text', description: '本站给这条通报起的简短标题' },
		{ key: 'key', header: '数字编号', type: 'id', description: '数字在这条通报中的编号' },
		{ key: 'label', header: '通报的数字', type: 'text', description: '数的是什么，照通报的说法' },
		{ key: 'value', header: '通报数值', type: 'int', description: '通报的数字，照录原文' },
		{ key: 'unit', header: '单位', type: 'text', description: '项、个 …' },
		{
			key: 'reportedBasis',
			header: '通报依据',
			type: 'text',
			description: '官方通报及其核实程度，每行都写明',
			derive: (r) => reportedMark(r.basis),
		},
		{
			key: 'basis',
			header: '核实程度代码',
			type: 'enum',
			values: REPORTED_BASES.map((b) => ({ value: b, label: REPORTED_BASIS_TABLE[b].label })),
			description: '本站对这条通报核实到什么程度',
		},
		{ key: 'reportedBy', header: '通报单位', type: 'text', nullable: true, description: '为空表示原文未署名' },
		{
			key: 'referenceDate',
			header: '比较日',
			type: 'date',
			unit: DATE,
			description: '通报的数字所指的日期；本站按这一天计算可比的数字',
		},
		{
			key: 'compare',
			header: '可比口径代码',
			type: 'enum',
			values: REPORTED_MEASURES.map((m) => ({ value: m, label: REPORTED_MEASURE_TABLE[m].definition })),
			description: '本站用哪个数字与之比较',
		},
		{
			key: 'dueFrom',
			header: '到期日自',
			type: 'date',
			unit: DATE,
			nullable: true,
			description: '比较的任务整改时限不早于此日',
		},
		{
			key: 'dueTo',
			header: '到期日至',
			type: 'date',
			unit: DATE,
			nullable: true,
			description: '比较的任务整改时限不晚于此日',
		},
		{
			key: 'computed',
			header: '本站计算',
			type: 'int',
			nullable: true,
			description: '本站在比较日按同一事项计算的数字；为空表示本站没有可比的数字',
			derive: (r, c) => comparisonOf(c.model, r)?.computed?.value ?? null,
		},
		{
			key: 'computedBasis',
			header: '本站计算依据',
			type: 'text',
			nullable: true,
			description: '本站数字所依据的记录：含示例几项、几项的整改时限未核实，或均有来源',
			derive: (r, c) => comparisonOf(c.model, r)?.computed?.basisText || null,
		},
		{
			key: 'difference',
			header: '差异与口径',
			type: 'text',
			description: '两个数字是否一致、相差多少，以及口径上的不同',
			derive: (r, c) => comparisonOf(c.model, r)?.differenceText ?? '',
		},
		{ key: 'sourcePublisher', header: '原文发布者', type: 'text', nullable: true, description: '为空表示未署名' },
		{ key: 'sourceTitle', header: '原文标题', type: 'text', nullable: true, description: '为空表示不详' },
		{ key: 'sourceDate', header: '原文日期', type: 'date', unit: DATE, nullable: true, description: '为空表示无日期' },
		{ key: 'sourceUrl', header: '原文链接', type: 'url', nullable: true, description: '只链接原发单位；转载稿不链接' },
		{ key: 'via', header: '转载处', type: 'text', nullable: true, description: '本站在哪里读到（转载稿只供核对）' },
		{ key: 'quote', header: '原文', type: 'text', description: '通报的原话' },
	],
};
