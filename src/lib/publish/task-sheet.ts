/**
 * The task-list sheet as the official spreadsheet lays it out: its columns (from the field registry), one task as a
 * row of text (names, not ids), and the 填写说明 sheet. Shared by `npm run export`/`import`
 * (scripts/lib/spreadsheet.ts).
 */
import { TASK_FIELDS, type FieldDef } from '#src/lib/model/fields.ts';
import { FIELD_TYPES } from '#src/lib/model/field-types.ts';
import { PROVENANCE_KINDS, PROVENANCE_TABLE } from '#src/lib/model/labels.ts';
import type { Content, TaskRecord } from '#src/lib/model/content.ts';
import { batchLabel, compareTasks } from '#src/lib/model/names.ts';

// The registry fields the columns below lay out by hand (a names column stands for its id field).
const laidOut = new Set<string>();

// A sheet column's header and the other headers accepted on import, from the field registry.
const sheet = (field: keyof typeof TASK_FIELDS) => {
	laidOut.add(field);
	const f: FieldDef = TASK_FIELDS[field];
	return { header: f.label, aliases: f.sheet?.aliases ?? [] };
};

/**
 * The columns of the task-list sheet, in the order Chinese plans print them. Headers are the labels of the field
 * registry (src/lib/model/fields.ts: a reference is shown by its names column, e.g. 牵头单位); the registry's
 * `sheet.aliases` are the other headers accepted on import (official sheets vary a little). `field` is the task
 * field a column carries.
 */
const LAID_OUT = [
	{ key: 'seq', header: '序号', aliases: [] },
	{ key: 'plan', field: 'plan', ...sheet('plan') },
	{ key: 'series', field: 'series', ...sheet('series') },
	{ key: 'no', field: 'no', ...sheet('no') },
	{ key: 'id', field: 'id', ...sheet('id') },
	{ key: 'title', field: 'title', ...sheet('title') },
	{ key: 'problem', field: 'problem', ...sheet('problem') },
	{ key: 'targets', field: 'targets', ...sheet('targets') },
	{ key: 'measures', field: 'measures', ...sheet('measures') },
	{ key: 'leadUnits', field: 'leadUnits', ...sheet('leadUnitNames') },
	{ key: 'supportUnits', field: 'supportUnits', ...sheet('supportUnitNames') },
	{ key: 'implementers', field: 'implementers', ...sheet('implementerNames') },
	{ key: 'responsible', field: 'responsible', ...sheet('responsible') },
	{ key: 'contactName', field: 'contact', ...sheet('contact.name') },
	{ key: 'contactPhone', ...sheet('contact.phone') },
	{ key: 'batch', field: 'batch', ...sheet('batchLabel') },
	{ key: 'dueDate', field: 'dueDate', ...sheet('dueDate') },
	{ key: 'cities', field: 'cities', ...sheet('cityNames') },
	{ key: 'area', field: 'area', ...sheet('areaTitle') },
	{ key: 'measure', field: 'measure', ...sheet('measureTitle') },
	{ key: 'provenanceKind', field: 'provenance', ...sheet('provenance.kind') },
	{ key: 'provenanceNote', ...sheet('provenance.note') },
	{ key: 'unsourced', ...sheet('provenance.unsourced') },
	{ key: 'sources', field: 'sources', ...sheet('sources') },
] as const;
/** The key of a column laid out by hand. */
export type ColumnKey = (typeof LAID_OUT)[number]['key'];

/** One sheet column: its key (a laid-out key, or the task field it carries), header, import aliases and field. */
export interface SheetColumn {
	key: string;
	header: string;
	aliases: readonly string[];
	field?: string;
}

/**
 * The columns of the task fields the registry gives a `sheet` entry that no laid-out column carries (a field added
 * later): after the laid-out ones, in registry order, each written and read as its field type says (FIELD_TYPES).
 */
export const FIELD_COLUMNS: readonly (SheetColumn & { field: string; def: FieldDef })[] = Object.entries(
	TASK_FIELDS as Record<string, FieldDef>,
)
	.filter(([key, f]) => f.sheet && !f.derived && !laidOut.has(key))
	.map(([key, f]) => ({ key, field: key, header: f.label, aliases: f.sheet?.aliases ?? [], def: f }));

export const COLUMNS: readonly SheetColumn[] = [...LAID_OUT, ...FIELD_COLUMNS];

/** One sheet row as text, by column key (laid-out keys always, field columns by their field). */
export type SheetRow = Record<ColumnKey, string> & { [field: string]: string };

/** The column of each task field that has one (read from COLUMNS, the one map of fields to columns). */
export const COLUMN_OF: Record<string, string> = Object.fromEntries(
	COLUMNS.flatMap((c) => (c.field ? [[c.field, c.key]] : [])),
);
/** The header of a column. */
export const header = (k: string) => COLUMNS.find((c) => c.key === k)!.header;

/** Name ↔ id lookups for one content set, shared by export and import so both use the same names. */
export interface Lookups {
	content: Pick<Content, 'plans' | 'units' | 'cities' | 'measures' | 'measureGroups' | 'problemAreas'>;
}

/** One task as a sheet row, ids turned into the names editors read (short unit names, city names, titles). */
export function taskToRow(t: TaskRecord, seq: number, { content }: Lookups): SheetRow {
	const plan = content.plans.find((p) => p.id === t.plan);
	const unit = (id: string) => content.units.find((u) => u.id === id)?.shortName ?? id;
	return {
		seq: String(seq),
		plan: plan?.shortTitle ?? t.plan,
		series: plan?.series.find((s) => s.id === t.series)?.label ?? t.series,
		no: t.no,
		id: t.id,
		title: t.title,
		problem: t.problem,
		targets: (t.targets ?? []).join('\n'),
		measures: (t.measures ?? []).join('\n'),
		leadUnits: (t.leadUnits ?? []).map(unit).join('、'),
		supportUnits: t.supportUnits.map(unit).join('、'),
		implementers: (t.implementers ?? []).map(unit).join('、'),
		responsible: t.responsible ?? '',
		contactName: t.contact?.name ?? '',
		contactPhone: t.contact?.phone ?? '',
		batch: t.batch ? batchLabel(plan, t.batch) : '',
		dueDate: t.dueDate ?? '',
		cities: t.cities.map((c) => content.cities.find((x) => x.id === c)?.name ?? c).join('、'),
		area: content.problemAreas.find((a) => a.id === t.area)?.title ?? t.area ?? '',
		measure: content.measures.find((m) => m.id === t.measure)?.title ?? t.measure ?? '',
		provenanceKind: PROVENANCE_TABLE[t.provenance.kind].label,
		provenanceNote: t.provenance.note ?? '',
		unsourced: (t.provenance.unsourced ?? []).map((f) => (COLUMN_OF[f] ? header(COLUMN_OF[f]) : f)).join('、'),
		sources: t.sources.length ? JSON.stringify(t.sources) : '',
		...fieldCells(t),
	};
}

/** The cells of the field columns (FIELD_COLUMNS), as each field's type writes them; empty for no value. */
function fieldCells(t: TaskRecord): Record<string, string> {
	const record = t as unknown as Record<string, unknown>;
	return Object.fromEntries(
		FIELD_COLUMNS.map((c) => {
			const v = record[c.field];
			return [c.key, v === undefined || v === null ? '' : FIELD_TYPES[c.def.type].toSheet(v)];
		}),
	);
}

/** Every task of the content as sheet rows, ordered by plan, series order and number (序号 1…n). */
export function tasksToRows(content: Content): SheetRow[] {
	const sorted = [...content.tasks].sort(compareTasks(new Map(content.plans.map((p) => [p.id, p]))));
	return sorted.map((t, i) => taskToRow(t, i + 1, { content }));
}

/** Column headers in sheet order. */
export const HEADERS = COLUMNS.map((c) => c.header);

/** The 填写说明 sheet: what each column means and the names it accepts, from the content itself. */
export function sheetNotes(content: Content): [string, string][] {
	const plans = content.plans;
	const h = header;
	const official = PROVENANCE_TABLE.official.label;
	return [
		[h('seq'), '仅供阅读，导入时忽略。'],
		[h('plan'), `方案简称：${plans.map((p) => p.shortTitle).join('、')}。只有一个方案时可留空。`],
		[h('series'), `任务系列：${plans.flatMap((p) => p.series.map((s) => s.label)).join('、')}。`],
		[h('no'), '系列内的两位数字，如 02。'],
		[h('id'), '网址和文件名中用的代码，如 hkk-02；留空时按“系列代码-编号”生成。'],
		[`${h('targets')} / ${h('measures')}`, '每条一行（单元格内换行：Alt+Enter）。'],
		[
			`${h('leadUnits')} / ${h('supportUnits')}`,
			`单位简称或全称，多个用顿号“、”分隔。可用：${content.units.map((u) => u.shortName).join('、')}。`,
		],
		[h('batch'), `批次：${plans.flatMap((p) => p.batches.map((b) => b.label)).join('、')}。`],
		[h('dueDate'), '方案规定的整改时限（日期），YYYY-MM-DD，如 2020-12-31（用半角数字）。'],
		[h('cities'), `城市名，多个用顿号分隔：${content.cities.map((c) => c.name).join('、')}。`],
		[h('area'), content.problemAreas.map((a) => a.title).join('；')],
		[h('measure'), content.measures.map((m) => m.title).join('；')],
		[
			h('provenanceKind'),
			`${PROVENANCE_KINDS.map((k) => PROVENANCE_TABLE[k].label).join('、')}（旧表格的“正式”即${official}）。非“${official}”时必须填写${h('provenanceNote')}。`,
		],
		[
			h('unsourced'),
			`“${PROVENANCE_TABLE.partial.label}”时列出没有来源支持的列名，用顿号分隔，如 ${h('measures')}、${h('responsible')}。`,
		],
		[h('sources'), '导出时的来源引用原样保存，请勿改动格式；没有来源时留空。'],
		...FIELD_COLUMNS.map((c): [string, string] => [
			c.header,
			`${c.def.meaning}（${FIELD_TYPES[c.def.type].label}${c.def.unit ? `，${c.def.unit}` : ''}）。`,
		]),
	];
}
