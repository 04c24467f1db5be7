import { TaskSchema, type Task } from '../../src/schemas/index.ts';
import { TASK_FIELDS, type FieldDef } from '../../src/lib/model/fields.ts';
import { PROVENANCE_KINDS, PROVENANCE_TABLE } from '../../src/lib/model/labels.ts';
import { ID_PATTERN } from '../../src/schemas/common.ts';
import type { Content, TaskRecord } from '../../src/lib/model/content.ts';
import { schemaIssueText, type Problem, type SchemaIssue } from '../../src/lib/content/problems.ts';
import { batchLabel, compareTasks } from '../../src/lib/model/names.ts';

// A sheet column's header and the other headers accepted on import, from the field registry.
const sheet = (field: keyof typeof TASK_FIELDS) => {
	const f: FieldDef = TASK_FIELDS[field];
	return { header: f.label, aliases: f.sheet?.aliases ?? [] };
};

/**
 * The columns of the task-list sheet, in the order Chinese plans print them. Headers are the labels of the field
 * registry (src/lib/model/fields.ts: a reference is shown by its names column, e.g. 牵头单位); the registry's
 * `sheet.aliases` are the other headers accepted on import (official sheets vary a little). `field` is the task
 * field a column carries.
 */
export const COLUMNS = [
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
	{ key: 'responsible', field: 'responsible', ...sheet('responsible') },
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
export type ColumnKey = (typeof COLUMNS)[number]['key'];
/** One sheet row as text, by column key. */
export type SheetRow = Record<ColumnKey, string>;

const REQUIRED: ColumnKey[] = [
	'series',
	'no',
	'title',
	'problem',
	'targets',
	'measures',
	'leadUnits',
	'batch',
	'dueDate',
	'area',
	'measure',
	'provenanceKind',
];

/** The column of each task field that has one (read from COLUMNS, the one map of fields to columns). */
const COLUMN_OF: Record<string, ColumnKey> = Object.fromEntries(
	COLUMNS.flatMap((c) => ('field' in c ? [[c.field, c.key]] : [])),
);
const header = (k: ColumnKey) => COLUMNS.find((c) => c.key === k)!.header;

/** Normalises a header cell so that 责任单位(牵头), 责任单位（牵头） and 责任单位 （牵头） all match. */
export function normalizeHeader(s: string): string {
	return s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/** Maps the header cells of a sheet to column keys; unknown headers are ignored, missing required ones reported. */
export function mapHeaders(headers: readonly string[]): {
	index: Partial<Record<ColumnKey, number>>;
	missing: string[];
} {
	const index: Partial<Record<ColumnKey, number>> = {};
	headers.forEach((h, i) => {
		const n = normalizeHeader(h);
		// Exact header names first, so 责任单位（牵头） is not taken by the alias 责任单位 of a later column.
		const col =
			COLUMNS.find((c) => normalizeHeader(c.header) === n) ??
			COLUMNS.find((c) => (c.aliases as readonly string[]).some((a) => normalizeHeader(a) === n));
		if (col && index[col.key] === undefined) index[col.key] = i;
	});
	return { index, missing: REQUIRED.filter((k) => index[k] === undefined).map(header) };
}

/** Name ↔ id lookups for one content set, shared by export and import so both use the same names. */
export interface Lookups {
	content: Pick<Content, 'plans' | 'units' | 'cities' | 'measures' | 'measureGroups' | 'problemAreas'>;
}

const LIST_SPLIT = /\s*(?:\n|、|，|,|；|;)\s*/;
const lines = (s: string) =>
	s
		.split('\n')
		.map((x) => x.trim())
		.filter(Boolean);
const list = (s: string) =>
	s
		.split(LIST_SPLIT)
		.map((x) => x.trim())
		.filter(Boolean);

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
		targets: t.targets.join('\n'),
		measures: t.measures.join('\n'),
		leadUnits: t.leadUnits.map(unit).join('、'),
		supportUnits: t.supportUnits.map(unit).join('、'),
		responsible: t.responsible ?? '',
		batch: batchLabel(plan, t.batch),
		dueDate: t.dueDate,
		cities: t.cities.map((c) => content.cities.find((x) => x.id === c)?.name ?? c).join('、'),
		area: content.problemAreas.find((a) => a.id === t.area)?.title ?? t.area,
		measure: content.measures.find((m) => m.id === t.measure)?.title ?? t.measure,
		provenanceKind: PROVENANCE_TABLE[t.provenance.kind].label,
		provenanceNote: t.provenance.note ?? '',
		unsourced: (t.provenance.unsourced ?? []).map((f) => (COLUMN_OF[f] ? header(COLUMN_OF[f]) : f)).join('、'),
		sources: t.sources.length ? JSON.stringify(t.sources) : '',
	};
}

/** Every task of the content as sheet rows, ordered by plan, series order and number (序号 1…n). */
export function tasksToRows(content: Content): SheetRow[] {
	const sorted = [...content.tasks].sort(compareTasks(new Map(content.plans.map((p) => [p.id, p]))));
	return sorted.map((t, i) => taskToRow(t, i + 1, { content }));
}

/** Converts an Excel serial day number (1900 date system) to YYYY-MM-DD. */
export function excelSerialToIso(n: number): string {
	return new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86_400_000).toISOString().slice(0, 10);
}

/** The result of reading one sheet row: the task when it is valid, else the problems with row and column. */
export interface RowResult {
	rowNo: number;
	task?: TaskRecord;
	problems: Problem[];
}

/** Reads one sheet row into a task, resolving names to ids; every problem names the row and the column. */
export function rowToTask(row: Partial<SheetRow>, rowNo: number, { content }: Lookups, file: string): RowResult {
	const problems: Problem[] = [];
	const cell = (k: ColumnKey) => (row[k] ?? '').replace(/\r\n?/g, '\n').trim();
	const add = (k: ColumnKey, message: string, hint?: string) =>
		problems.push({ file, line: rowNo, field: header(k), message: `第 ${rowNo} 行：${message}`, hint });

	const planCell = cell('plan');
	const plan =
		planCell === '' && content.plans.length === 1
			? content.plans[0]
			: content.plans.find((p) => p.id === planCell || p.shortTitle === planCell || p.title === planCell);
	if (!plan)
		add(
			'plan',
			`未知的方案“${planCell}” / unknown plan`,
			`填写方案简称：${content.plans.map((p) => p.shortTitle).join('、')}。`,
		);

	const pick = <T extends { id: string }>(
		k: ColumnKey,
		kind: string,
		items: readonly T[],
		names: (x: T) => string[],
		listFile: string,
	): string | undefined => {
		const v = cell(k);
		if (v === '') return undefined;
		const hit = items.find((x) => x.id === v || names(x).includes(v));
		if (!hit)
			add(
				k,
				`未知的${kind}“${v}” / unknown name`,
				`名称须与 ${listFile} 中的一致${items.length <= 12 ? `：${items.map((x) => names(x)[0]).join('、')}` : ''}。`,
			);
		return hit?.id;
	};
	const series = plan
		? pick('series', '任务系列', plan.series, (s) => [s.label, s.name], `content/plans/${plan.id}.json 的 series`)
		: undefined;
	const batch = plan
		? pick('batch', '整改时限批次', plan.batches, (b) => [b.label], `content/plans/${plan.id}.json 的 batches`)
		: undefined;
	const groups = new Set(content.measureGroups.filter((g) => g.plan === plan?.id).map((g) => g.id));
	const measure = pick(
		'measure',
		'整改措施',
		content.measures.filter((m) => groups.has(m.group)),
		(m) => [m.title],
		'content/measures.json',
	);
	const area = pick(
		'area',
		'问题方面',
		content.problemAreas.filter((a) => a.plan === plan?.id),
		(a) => [a.title],
		'content/problem-areas.json',
	);

	const units = (k: ColumnKey) =>
		list(cell(k)).map((name) => {
			const u = content.units.find((x) => x.id === name || x.name === name || x.shortName === name);
			if (!u)
				add(
					k,
					`未知的责任单位“${name}” / unknown unit`,
					'单位名称须与 content/units.json 中的全称（name）或简称（shortName）一致；新单位先加到 units.json。多个单位用顿号“、”或换行分隔。',
				);
			return u?.id ?? name;
		});
	const cities = list(cell('cities')).map((name) => {
		const c = content.cities.find((x) => x.id === name || x.name === name);
		if (!c)
			add('cities', `未知的城市“${name}” / unknown city`, '城市名称须与 content/cities.json 中的一致，如“太原市”。');
		return c?.id ?? name;
	});

	let dueDate = cell('dueDate');
	// A date typed into a number- or date-formatted cell arrives as an Excel serial day number.
	if (/^\d{5}$/.test(dueDate)) dueDate = excelSerialToIso(Number(dueDate));

	let no = cell('no');
	if (/^\d$/.test(no)) no = `0${no}`; // Excel turns "02" into the number 2 when someone retypes it.
	if (/[０-９]/.test(no)) add('no', `编号“${no}”含全角数字 / full-width digits`, '改用半角数字，如 02。');

	const kindCell = cell('provenanceKind');
	const kind =
		PROVENANCE_KINDS.find(
			(k) => k === kindCell || [PROVENANCE_TABLE[k].label, ...PROVENANCE_TABLE[k].aliases].includes(kindCell),
		) ?? kindCell;
	const byHeader = new Map<string, string>(Object.entries(COLUMN_OF).map(([f, k]) => [header(k), f]));
	const unsourced = list(cell('unsourced')).map((h) => byHeader.get(h) ?? h);

	let sources: unknown = [];
	if (cell('sources') !== '') {
		try {
			sources = JSON.parse(cell('sources'));
		} catch (e) {
			add(
				'sources',
				`来源不是有效的 JSON：${(e as Error).message} / invalid JSON`,
				'来源一列保存导出时的 JSON 原样；不要手工改动格式，或留空。',
			);
		}
	}

	const raw = {
		plan: plan?.id ?? planCell,
		series: series ?? cell('series'),
		no,
		title: cell('title'),
		problem: cell('problem'),
		targets: lines(cell('targets')),
		measures: lines(cell('measures')),
		measure: measure ?? cell('measure'),
		area: area ?? cell('area'),
		leadUnits: units('leadUnits'),
		supportUnits: units('supportUnits'),
		responsible: cell('responsible') === '' ? null : cell('responsible'),
		batch: batch ?? cell('batch'),
		dueDate,
		cities,
		sources,
		provenance: {
			kind,
			...(cell('provenanceNote') && { note: cell('provenanceNote') }),
			...(unsourced.length && { unsourced }),
		},
	};
	// Schema problems too, except in columns that already have a clearer one (an unknown unit is not also "too short").
	const reported = new Set(problems.map((p) => p.field));
	const r = TaskSchema.safeParse(raw);
	if (!r.success) {
		for (const issue of r.error.issues) {
			const f = String(issue.path[0] ?? '');
			const k: ColumnKey =
				f === 'provenance' && issue.path[1] === 'note'
					? 'provenanceNote'
					: f === 'provenance' && issue.path[1] === 'unsourced'
						? 'unsourced'
						: (COLUMN_OF[f] ?? 'title');
			if (reported.has(header(k))) continue;
			reported.add(header(k));
			// An empty cell is the sheet's way of leaving a field out: the same words as a missing field in a file.
			const text = schemaIssueText(issue as SchemaIssue, raw);
			add(
				k,
				issue.code === 'too_small' && cell(k) === ''
					? schemaIssueText({ ...issue, path: ['-'] } as SchemaIssue, {}).message
					: text.message,
			);
		}
	} else if (problems.length === 0) {
		const id = cell('id') || `${r.data.series}-${r.data.no}`;
		if (!ID_PATTERN.test(id)) add('id', `${header('id')}“${id}”只能用小写字母、数字和连字符 / bad id`);
		else return { rowNo, task: { ...r.data, id }, problems };
	}
	return { rowNo, problems };
}

/** Reads all rows; adds a problem for two rows with the same task id. */
export function rowsToTasks(
	rows: readonly { rowNo: number; values: Partial<SheetRow> }[],
	lookups: Lookups,
	file: string,
): { tasks: TaskRecord[]; problems: Problem[] } {
	const tasks: TaskRecord[] = [];
	const problems: Problem[] = [];
	const firstRow = new Map<string, number>();
	for (const { rowNo, values } of rows) {
		const r = rowToTask(values, rowNo, lookups, file);
		problems.push(...r.problems);
		if (!r.task) continue;
		const prev = firstRow.get(r.task.id);
		if (prev !== undefined) {
			problems.push({
				file,
				line: rowNo,
				field: header('id'),
				message: `第 ${rowNo} 行：任务“${r.task.id}”与第 ${prev} 行重复 / duplicate task`,
				hint: '每项任务只能有一行；删除重复行或改正系列和编号。',
			});
			continue;
		}
		firstRow.set(r.task.id, rowNo);
		tasks.push(r.task);
	}
	return { tasks, problems };
}

/** A changed field of a task: its name and the values before and after. */
export interface FieldChange {
	field: string;
	before: unknown;
	after: unknown;
}

/** What an import would change: new tasks, changed tasks with their fields, unchanged count, tasks not in the sheet. */
export interface TaskDiff {
	added: TaskRecord[];
	changed: { task: TaskRecord; changes: FieldChange[] }[];
	unchanged: number;
	notInSheet: string[];
}

/** Compares the tasks in content with the tasks read from a sheet, field by field. */
export function diffTasks(current: readonly TaskRecord[], incoming: readonly TaskRecord[]): TaskDiff {
	const byId = new Map(current.map((t) => [t.id, t]));
	const seen = new Set<string>();
	const diff: TaskDiff = { added: [], changed: [], unchanged: 0, notInSheet: [] };
	for (const t of incoming) {
		seen.add(t.id);
		const old = byId.get(t.id);
		if (!old) {
			diff.added.push(t);
			continue;
		}
		const keys = [...new Set([...Object.keys(old), ...Object.keys(t)])] as (keyof TaskRecord)[];
		const changes = keys
			.filter((k) => JSON.stringify(old[k]) !== JSON.stringify(t[k]))
			.map((k) => ({ field: k, before: old[k], after: t[k] }));
		if (changes.length) diff.changed.push({ task: t, changes });
		else diff.unchanged++;
	}
	diff.notInSheet = current.filter((t) => !seen.has(t.id)).map((t) => t.id);
	return diff;
}

/** A task file's text: fields in schema order, two-space JSON, final newline (the format of content/tasks/). */
export function taskFileText(t: TaskRecord): string {
	const data: Record<string, unknown> = {};
	for (const k of Object.keys(TaskSchema.shape) as (keyof Task)[]) if (t[k] !== undefined) data[k] = t[k];
	return JSON.stringify(data, null, 2) + '\n';
}

/** Column headers in sheet order. */
export const HEADERS = COLUMNS.map((c) => c.header);

/** The column header an editor sees for a task field (e.g. leadUnits → 牵头单位). */
export function fieldLabel(field: string): string {
	const k = COLUMN_OF[field];
	return k ? header(k) : field;
}

/** A changed field as the sheet shows it (names, not ids), for the import preview. */
export function changeAsSheet(
	c: FieldChange,
	before: TaskRecord,
	after: TaskRecord,
	lookups: Lookups,
): { label: string; before: string; after: string } {
	const k = COLUMN_OF[c.field];
	if (!k || k === 'provenanceKind')
		return { label: fieldLabel(c.field), before: previewValue(c.before), after: previewValue(c.after) };
	return {
		label: header(k),
		before: previewValue(taskToRow(before, 0, lookups)[k] || null),
		after: previewValue(taskToRow(after, 0, lookups)[k] || null),
	};
}

/** A short one-line rendering of a field value for the import preview. */
export function previewValue(v: unknown, max = 50): string {
	const s = v === null || v === undefined ? '（空）' : typeof v === 'string' ? v : JSON.stringify(v);
	const one = s.replace(/\s*\n\s*/g, ' ⏎ ');
	return one.length > max ? one.slice(0, max) + '…' : one;
}

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
	];
}
