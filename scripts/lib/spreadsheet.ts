import { TaskSchema, type Task } from '#src/schemas/index.ts';
import { PROVENANCE_KINDS, PROVENANCE_TABLE } from '#src/lib/model/labels.ts';
import { ID_PATTERN } from '#src/schemas/common.ts';
import type { TaskRecord } from '#src/lib/model/content.ts';
import { seriesDigits } from '#src/lib/model/names.ts';
import { schemaIssueText, type Problem, type SchemaIssue } from '#src/lib/content/problems.ts';
import {
	COLUMN_OF,
	COLUMNS,
	FIELD_COLUMNS,
	header,
	taskToRow,
	type ColumnKey,
	type Lookups,
	type SheetRow,
} from '#src/lib/publish/task-sheet.ts';
import { FIELD_TYPES } from '#src/lib/model/field-types.ts';
import { fieldLabel } from '#src/lib/model/fields.ts';

// The sheet's layout lives in src/lib/publish/task-sheet.ts; this file reads sheets.

// Only what every plan has: targets, measures, units, batches, deadlines, areas and measures are columns a plan of
// another shape may not print (issue #22); an absent column or an empty cell leaves the field out.
const REQUIRED: ColumnKey[] = ['series', 'no', 'title', 'problem', 'provenanceKind'];

/** Normalises a header cell so that 责任单位(牵头), 责任单位（牵头） and 责任单位 （牵头） all match. */
function normalizeHeader(s: string): string {
	return s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/** Maps the header cells of a sheet to column keys; unknown headers are ignored, missing required ones reported. */
export function mapHeaders(headers: readonly string[]): {
	index: Partial<Record<string, number>>;
	missing: string[];
} {
	const index: Partial<Record<string, number>> = {};
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

/** One row being read: its cells as trimmed text and where its problems go (row and column named). */
interface RowReader {
	cell: (k: string) => string;
	add: (k: string, message: string, hint?: string) => void;
	content: Lookups['content'];
}

type Plan = Lookups['content']['plans'][number];

/** The plan a row names (by id, short title or title; empty when there is only one). */
function rowPlan({ cell, add, content }: RowReader): Plan | undefined {
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
	return plan;
}

/** The id of the item a cell names (by id or one of its names), or undefined after reporting an unknown name. */
function pick<T extends { id: string }>(
	{ cell, add }: RowReader,
	k: ColumnKey,
	kind: string,
	items: readonly T[],
	names: (x: T) => string[],
	listFile: string,
): string | undefined {
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
}

/** The series, batch, measure and area a row names, as ids of its plan's records. */
function rowReferences(rd: RowReader, plan: Plan | undefined) {
	const { content } = rd;
	const groups = new Set(content.measureGroups.filter((g) => g.plan === plan?.id).map((g) => g.id));
	return {
		series: plan
			? pick(rd, 'series', '任务系列', plan.series, (s) => [s.label, s.name], `content/plans/${plan.id}.json 的 series`)
			: undefined,
		batch: plan
			? pick(rd, 'batch', '整改时限批次', plan.batches, (b) => [b.label], `content/plans/${plan.id}.json 的 batches`)
			: undefined,
		measure: pick(
			rd,
			'measure',
			'整改措施',
			content.measures.filter((m) => groups.has(m.group)),
			(m) => [m.title],
			'content/measures.json',
		),
		area: pick(
			rd,
			'area',
			'问题方面',
			content.problemAreas.filter((a) => a.plan === plan?.id),
			(a) => [a.title],
			'content/problem-areas.json',
		),
	};
}

/** The unit ids of a units column (full or short names); an unknown name is reported and kept as typed. */
function rowUnits({ cell, add, content }: RowReader, k: ColumnKey): string[] {
	return list(cell(k)).map((name) => {
		const u = content.units.find((x) => x.id === name || x.name === name || x.shortName === name);
		if (!u)
			add(
				k,
				`未知的责任单位“${name}” / unknown unit`,
				'单位名称须与 content/units.json 中的全称（name）或简称（shortName）一致；新单位先加到 units.json。多个单位用顿号“、”或换行分隔。',
			);
		return u?.id ?? name;
	});
}

/** The city ids of the cities column; an unknown name is reported and kept as typed. */
function rowCities({ cell, add, content }: RowReader): string[] {
	return list(cell('cities')).map((name) => {
		const c = content.cities.find((x) => x.id === name || x.name === name);
		if (!c)
			add('cities', `未知的城市“${name}” / unknown city`, '城市名称须与 content/cities.json 中的一致，如“太原市”。');
		return c?.id ?? name;
	});
}

/** The number, due date, provenance and sources of a row, undoing what spreadsheets do to typed values. */
function rowValues({ cell, add }: RowReader, digits: number) {
	let dueDate = cell('dueDate');
	// A date typed into a number- or date-formatted cell arrives as an Excel serial day number.
	if (/^\d{5}$/.test(dueDate)) dueDate = excelSerialToIso(Number(dueDate));

	// Excel turns "02" into the number 2 when someone retypes it: pad to the series' digits (two unless it says).
	let no = cell('no');
	if (/^\d+$/.test(no) && no.length < digits) no = no.padStart(digits, '0');
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
	const provenance = {
		kind,
		...(cell('provenanceNote') && { note: cell('provenanceNote') }),
		...(unsourced.length && { unsourced }),
	};
	return { dueDate, no, provenance, sources };
}

/** Schema problems by column, except where a column has a clearer one (an unknown unit is not also "too short"). */
function schemaProblems(
	{ cell, add }: RowReader,
	issues: readonly SchemaIssue[],
	raw: unknown,
	reported: Set<string | undefined>,
) {
	for (const issue of issues) {
		const f = String(issue.path[0] ?? '');
		const k: string =
			f === 'provenance' && issue.path[1] === 'note'
				? 'provenanceNote'
				: f === 'provenance' && issue.path[1] === 'unsourced'
					? 'unsourced'
					: (COLUMN_OF[f] ?? 'title');
		if (reported.has(header(k))) continue;
		reported.add(header(k));
		// An empty cell is the sheet's way of leaving a field out: the same words as a missing field in a file.
		const text = schemaIssueText(issue, raw);
		add(
			k,
			issue.code === 'too_small' && cell(k) === ''
				? schemaIssueText({ ...issue, path: ['-'] }, {}).message
				: text.message,
		);
	}
}

/** The values of the field columns (FIELD_COLUMNS) as each field's type reads them; an empty cell leaves it out. */
function fieldValues({ cell }: RowReader): Record<string, unknown> {
	return Object.fromEntries(
		FIELD_COLUMNS.flatMap((c) => {
			const v = cell(c.key);
			if (v === '') return c.def.nullable ? [[c.field, null]] : [];
			return [[c.field, FIELD_TYPES[c.def.type].fromSheet(v)]];
		}),
	);
}

/** Reads one sheet row into a task, resolving names to ids; every problem names the row and the column. */
export function rowToTask(row: Partial<SheetRow>, rowNo: number, { content }: Lookups, file: string): RowResult {
	const problems: Problem[] = [];
	const rd: RowReader = {
		cell: (k) => (row[k] ?? '').replace(/\r\n?/g, '\n').trim(),
		add: (k, message, hint) =>
			problems.push({ file, line: rowNo, field: header(k), message: `第 ${rowNo} 行：${message}`, hint }),
		content,
	};
	const { cell } = rd;
	const plan = rowPlan(rd);
	const refs = rowReferences(rd, plan);
	const leadUnits = rowUnits(rd, 'leadUnits');
	const supportUnits = rowUnits(rd, 'supportUnits');
	const implementers = rowUnits(rd, 'implementers');
	if (cell('contactPhone') && !cell('contactName'))
		rd.add(
			'contactName',
			'填了联系电话，没有填联系人 / phone without a contact',
			'在“联系人”一列填写姓名或职务，或删去电话。',
		);
	const cities = rowCities(rd);
	const { dueDate, no, provenance, sources } = rowValues(rd, seriesDigits(plan, refs.series ?? cell('series')));
	const some = <T>(v: T[]) => (v.length ? v : undefined);
	const raw = {
		plan: plan?.id ?? cell('plan'),
		series: refs.series ?? cell('series'),
		no,
		title: cell('title'),
		problem: cell('problem'),
		targets: some(lines(cell('targets'))),
		measures: some(lines(cell('measures'))),
		measure: refs.measure ?? (cell('measure') || undefined),
		area: refs.area ?? (cell('area') || undefined),
		leadUnits: some(leadUnits),
		supportUnits,
		implementers: some(implementers),
		contact: cell('contactName')
			? { name: cell('contactName'), ...(cell('contactPhone') && { phone: cell('contactPhone') }) }
			: undefined,
		// No 责任人 column: the plan names none (left out); an empty cell: not known (null).
		responsible: row.responsible === undefined ? undefined : cell('responsible') === '' ? null : cell('responsible'),
		batch: refs.batch ?? (cell('batch') || undefined),
		dueDate: dueDate || undefined,
		cities,
		sources,
		provenance,
		...fieldValues(rd),
	};
	const r = TaskSchema.safeParse(raw);
	if (!r.success) schemaProblems(rd, r.error.issues as SchemaIssue[], raw, new Set(problems.map((p) => p.field)));
	else if (problems.length === 0) {
		const id = cell('id') || `${r.data.series}-${r.data.no}`;
		if (!ID_PATTERN.test(id)) rd.add('id', `${header('id')}“${id}”只能用小写字母、数字和连字符 / bad id`);
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
function previewValue(v: unknown, max = 50): string {
	const s = v === null || v === undefined ? '（空）' : typeof v === 'string' ? v : JSON.stringify(v);
	const one = s.replace(/\s*\n\s*/g, ' ⏎ ');
	return one.length > max ? one.slice(0, max) + '…' : one;
}
