/**
 * Columns of the open-data files and how values are written: typed in JSON, as text in CSV. A column's key is the
 * field path in the record ('closure.notice.start'), so a row turns back into exactly the record it came from.
 * No Node or Astro imports: the /changes/ page's browser script decodes rows with it.
 */
import type { SiteModel } from '#src/lib/model/site-model.ts';
import type { AllowedValue, FieldDef, FieldType } from '#src/lib/model/fields.ts';
import { csvCellValue } from './csv.ts';
import { FIELD_TYPES } from '#src/lib/model/field-types.ts';

/** How a column's values are written: in JSON as typed values, in CSV as text (lists joined, objects as JSON). */
export type ColumnType = FieldType;
export type { AllowedValue };

/** One column of a dataset. Without `derive` it is a record field at the path `key`. */
export interface Column<R> {
	key: string;
	header: string;
	type: ColumnType;
	description: string;
	/** Unit of measure or format, e.g. 工作日, YYYY-MM-DD. */
	unit?: string;
	values?: readonly AllowedValue[];
	/** May be absent (empty cell, key left out of the JSON record). */
	optional?: boolean;
	/** Empty means null (e.g. 责任人 not known). */
	nullable?: boolean;
	/** Markdown text (written to CSV with the Markdown guard). */
	markdown?: boolean;
	/** Computed from the model at the as-of date instead of read from the record. */
	derive?: (record: R, ctx: ExportContext) => unknown;
	/** Applied to a record field on the way out (the Markdown body loses surrounding blank lines). */
	normalize?: (value: unknown) => unknown;
}

/** A downloadable dataset: its file base name, title, what one row is, and its columns. */
export interface Dataset<R> {
	name: string;
	title: string;
	description: string;
	columns: readonly Column<R>[];
	records: (model: SiteModel) => R[];
}

/** What derived columns need: the model, absolute URLs, and counts computed once per build. */
export interface ExportContext {
	model: SiteModel;
	siteUrl: string;
	counts: Record<'leadUnit' | 'supportUnit' | 'measure' | 'area' | 'city', Map<string, number>>;
	/** Update id → id of the known update that corrects it. */
	correctedBy: Map<string, string>;
}

/** What a derived column computes from a record and the model. */
export type Derive<R> = (record: R, ctx: ExportContext) => unknown;

/**
 * A dataset's columns from its field-registry entries, in registry order: each derived field takes its function
 * from `derive`, and `normalize` may adjust a record field on the way out. A derived field without a function, or a
 * function for a stored field, is a mistake in the registry and throws.
 */
export function columnsFrom<R>(
	fields: Readonly<Record<string, FieldDef>>,
	derive: Readonly<Record<string, Derive<R>>>,
	normalize: Readonly<Record<string, (value: unknown) => unknown>> = {},
): Column<R>[] {
	for (const key of Object.keys(derive))
		if (!fields[key]?.derived) throw new Error(`column ${key}: a derive function for a field that is not derived`);
	return Object.entries(fields).map(([key, f]) => {
		const fn = derive[key];
		if (f.derived && !fn) throw new Error(`column ${key}: derived field without a derive function`);
		const col: Column<R> = { key, header: f.label, type: f.type, description: f.meaning };
		if (f.unit) col.unit = f.unit;
		if (f.values) col.values = f.values;
		if (f.optional) col.optional = true;
		if (f.nullable) col.nullable = true;
		if (f.markdown) col.markdown = true;
		if (fn) col.derive = fn;
		if (normalize[key]) col.normalize = normalize[key];
		return col;
	});
}

/** The stored (not derived) fields of a registry as columns for recordFromRow (the browser reads rows with it). */
export function storedColumns(fields: Readonly<Record<string, FieldDef>>): { key: string }[] {
	return Object.entries(fields)
		.filter(([, f]) => !f.derived)
		.map(([key]) => ({ key }));
}

function getPath(obj: unknown, path: readonly string[]): unknown {
	let v: unknown = obj;
	for (const p of path) {
		if (v === null || typeof v !== 'object') return undefined;
		v = (v as Record<string, unknown>)[p];
	}
	return v;
}

function setPath(obj: Record<string, unknown>, path: readonly string[], value: unknown): void {
	let o = obj;
	for (const p of path.slice(0, -1)) {
		if (typeof o[p] !== 'object' || o[p] === null) o[p] = {};
		o = o[p] as Record<string, unknown>;
	}
	o[path.at(-1) as string] = value;
}

/** The value of a column for a record (typed, before CSV encoding). */
export function columnValue<R>(col: Column<R>, record: R, ctx: ExportContext): unknown {
	if (col.derive) return col.derive(record, ctx);
	const v = getPath(record, col.key.split('.'));
	return col.normalize ? col.normalize(v) : v;
}

/** A JSON row: record fields in the record's own nesting, derived fields at the top (null when empty). */
export function toJsonRow<R>(columns: readonly Column<R>[], record: R, ctx: ExportContext): Record<string, unknown> {
	const row: Record<string, unknown> = {};
	for (const col of columns) {
		const v = columnValue(col, record, ctx);
		if (col.derive) row[col.key] = v === undefined ? null : v;
		else if (v !== undefined) setPath(row, col.key.split('.'), v);
	}
	return row;
}

/** A record as the data files publish it (normalised fields applied), for comparing with what they give back. */
export function publishedRecord<R>(columns: readonly Column<R>[], record: R): R {
	let out = record;
	for (const col of columns) {
		if (col.derive || !col.normalize) continue;
		const path = col.key.split('.');
		const v = getPath(record, path);
		if (v === undefined) continue;
		const copy = structuredClone(out) as Record<string, unknown>;
		setPath(copy, path, col.normalize(v));
		out = copy as R;
	}
	return out;
}

/** The record fields of a JSON row or decoded CSV row, nested as in the content (derived fields dropped). */
export function recordFromRow(
	columns: readonly { key: string; derive?: unknown }[],
	row: Record<string, unknown>,
): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const col of columns) {
		if (col.derive) continue;
		const v = getPath(row, col.key.split('.'));
		if (v !== undefined) setPath(out, col.key.split('.'), v);
	}
	return out;
}

/** A value as CSV text, as its field type writes it (FIELD_TYPES: lists of ids joined by ';', booleans as 是/否 …). */
export function encodeCell(type: ColumnType, v: unknown): string {
	return v === undefined || v === null ? '' : FIELD_TYPES[type].toCsv(v);
}

/** The inverse of encodeCell for one column; an empty cell is undefined, null or [] as the column says. */
export function decodeCell<R>(col: Column<R>, cell: string): unknown {
	if (cell === '') {
		if (col.nullable) return null;
		if (col.optional) return undefined;
		if (FIELD_TYPES[col.type].json === 'strings') return [];
		return col.type === 'text' ? '' : undefined;
	}
	return FIELD_TYPES[col.type].fromCsv(cell, col.key);
}

/** The indexes of a dataset's Markdown columns (toCsv's `markdown` option). */
export function markdownColumns<R>(ds: Dataset<R>): number[] {
	return ds.columns.flatMap((c, i) => (c.markdown ? [i] : []));
}

/** Header row and data rows of a dataset as CSV cells. */
export function csvRows<R>(ds: Dataset<R>, records: readonly R[], ctx: ExportContext): string[][] {
	return [
		ds.columns.map((c) => c.header),
		...records.map((r) => ds.columns.map((c) => encodeCell(c.type, columnValue(c, r, ctx)))),
	];
}

/** Decodes parsed CSV rows (header first) back into JSON-shaped rows, checking the header against the columns. */
export function rowsFromCsv<R>(ds: Dataset<R>, rows: readonly (readonly string[])[]): Record<string, unknown>[] {
	const [header, ...data] = rows;
	const expected = ds.columns.map((c) => c.header);
	if (!header || header.join('\u0000') !== expected.join('\u0000'))
		throw new Error(`${ds.name}.csv: header does not match the column list`);
	return data.map((cells) => {
		const row: Record<string, unknown> = {};
		ds.columns.forEach((col, i) => {
			const v = decodeCell(col, csvCellValue(cells[i] ?? '', col.markdown));
			if (col.derive) row[col.key] = v === undefined ? null : v;
			else if (v !== undefined) setPath(row, col.key.split('.'), v);
		});
		return row;
	});
}
