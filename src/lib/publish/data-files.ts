/**
 * The bytes of every file under /data/, produced in one place: the endpoints serve exactly these
 * bytes and the manifest hashes exactly these bytes, so the checksums cannot drift from the files.
 */
import { createHash } from 'node:crypto';
import { toCsv } from './csv.ts';
import { dataJsonSchema, schemaUrl } from './data-schema.ts';
import { DATASETS, STATUS_HISTORY, exportContext } from './datasets.ts';
import type { StatusEvent } from '#src/lib/model/history.ts';
import { absoluteUrl, dataFileName, dataPath } from './urls.ts';
import {
	VERSIONS_CATALOGUE,
	versionCsv,
	versionDates,
	versionMeta,
	versionPath,
	versionsCatalogue,
} from './data-versions.ts';
import { csvRows, markdownColumns, toJsonRow, type Column, type ExportContext } from './columns.ts';
import type { SiteModel } from '#src/lib/model/site-model.ts';
import { assertCarriable } from '#src/lib/model/text-policy.ts';
import { manifestPlans } from './manifest-plans.ts';

/** One published data file. */
export interface DataFile {
	/** File name under /data/, e.g. tasks.csv. */
	name: string;
	mediaType: string;
	bytes: Uint8Array<ArrayBuffer>;
	/** Dataset name for tasks.csv/tasks.json …; undefined for schema.json and manifest.json. */
	dataset?: string;
	records?: number;
}

/** The manifest's entry for one file. */
export interface ManifestEntry {
	name: string;
	url: string;
	mediaType: string;
	bytes: number;
	sha256: string;
	dataset?: string;
	records?: number;
}

const encoder = new TextEncoder();
const cache = new WeakMap<SiteModel, Map<string, DataFile[]>>();

/** Hex SHA-256 of some bytes. */
export function sha256(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** The bytes of a published JSON file (one space indent, final newline). */
export function json(value: unknown): Uint8Array<ArrayBuffer> {
	// The replacer refuses, as a last line, strings that JSON would only carry as escapes readers choke on.
	const checked = (key: string, v: unknown) => (typeof v === 'string' ? assertCarriable('JSON', v, `JSON ${key}`) : v);
	return encoder.encode(JSON.stringify(value, checked, 1) + '\n');
}

/**
 * Every data file (CSV and JSON per dataset, the given extra files such as tasks.xlsx, schema.json, then
 * manifest.json), computed once per model, site URL and extra files.
 */
export function dataFiles(model: SiteModel, siteUrl: string, extra: readonly DataFile[] = []): DataFile[] {
	let bySite = cache.get(model);
	if (!bySite) cache.set(model, (bySite = new Map()));
	const key = [siteUrl, ...extra.map((f) => `${f.name}:${sha256(f.bytes)}`)].join('\u0000');
	const hit = bySite.get(key);
	if (hit) return hit;
	const ctx = exportContext(model, siteUrl);
	const { settings } = model.content;
	const files: DataFile[] = [];
	for (const ds of DATASETS) {
		const records = ds.records(model);
		files.push({
			name: `${ds.name}.csv`,
			mediaType: 'text/csv; charset=utf-8',
			dataset: ds.name,
			records: records.length,
			bytes: encoder.encode(
				assertCarriable(
					'CSV',
					toCsv(withAsOf(csvRows(ds, records, ctx), model.asOf), { markdown: markdownColumns(ds) }),
					`${ds.name}.csv`,
				),
			),
		});
		files.push({
			name: `${ds.name}.json`,
			mediaType: 'application/json',
			dataset: ds.name,
			records: records.length,
			bytes: json({
				$schema: schemaUrl(siteUrl, ds.name),
				dataset: ds.name,
				title: ds.title,
				asOf: model.asOf,
				...versionMeta(model, siteUrl),
				site: siteUrl,
				license: settings.dataLicense,
				count: records.length,
				records: records.map((r) => toJsonRow(ds.columns, r, ctx)),
			}),
		});
	}
	files.push(...taskHistoryFiles(model, ctx), ...versionFiles(model, ctx, siteUrl));
	files.push(...extra);
	const counts = Object.fromEntries(DATASETS.map((ds) => [ds.name, ds.records(model).length]));
	const schema = dataJsonSchema(siteUrl, counts);
	files.push({ name: 'schema.json', mediaType: 'application/schema+json', bytes: json(schema) });
	const entries: ManifestEntry[] = files.map((f) => ({
		name: f.name,
		url: absoluteUrl(siteUrl, dataPath(f.name)),
		mediaType: f.mediaType,
		bytes: f.bytes.length,
		sha256: sha256(f.bytes),
		...(f.dataset ? { dataset: f.dataset, records: f.records } : {}),
	}));
	const manifest = {
		$schema: schemaUrl(siteUrl, 'manifest'),
		asOf: model.asOf,
		...versionMeta(model, siteUrl),
		site: siteUrl,
		siteName: settings.siteName,
		license: settings.dataLicense,
		source: `${settings.siteName}（${siteUrl}）发布的整改方案、整改任务和整改进展记录；每条记录的出处见其 sources 字段，数据性质见 provenance 字段。`,
		counts,
		plans: manifestPlans(model),
		files: entries,
	};
	files.push({ name: 'manifest.json', mediaType: 'application/json', bytes: json(manifest) });
	bySite.set(key, files);
	return files;
}

/** The path of one task's status history (its rows of status-history.csv), which the task page links. */
export function taskHistoryPath(taskId: string): string {
	return dataPath(`${STATUS_HISTORY.name}/${taskId}.csv`);
}

/** One CSV per task with its rows of status-history.csv (same columns and cells): a task's whole history as data. */
function taskHistoryFiles(model: SiteModel, ctx: ExportContext): DataFile[] {
	const byTask = new Map<string, StatusEvent[]>();
	for (const e of STATUS_HISTORY.records(model)) byTask.set(e.task, [...(byTask.get(e.task) ?? []), e]);
	return [...byTask].map(([task, events]) => ({
		name: dataFileName(taskHistoryPath(task)),
		mediaType: 'text/csv; charset=utf-8',
		dataset: STATUS_HISTORY.name,
		records: events.length,
		bytes: encoder.encode(toCsv(withAsOf(csvRows(STATUS_HISTORY, events, ctx), model.asOf))),
	}));
}

/** Each month end's status file (/data/<date>/status.csv) and the catalogue that lists them (data-versions.ts). */
function versionFiles(model: SiteModel, ctx: ExportContext, siteUrl: string): DataFile[] {
	const events = STATUS_HISTORY.records(model);
	const versions = versionDates(model).map((date) => ({
		date,
		bytes: encoder.encode(versionCsv(events, date, ctx)),
	}));
	return [
		...versions.map((v) => ({
			name: dataFileName(versionPath(v.date)),
			mediaType: 'text/csv; charset=utf-8',
			records: model.tasks.size,
			bytes: v.bytes,
		})),
		{
			name: VERSIONS_CATALOGUE,
			mediaType: 'application/json',
			bytes: json(versionsCatalogue(siteUrl, model.asOf, versions)),
		},
	];
}

/** The CSV header of the as-of column every CSV file ends with. */
export const AS_OF_HEADER = '数据截至';

/** The as-of column as the data dictionary and the workbook describe it (JSON files carry it once, as `asOf`). */
export const AS_OF_COLUMN: Column<unknown> = {
	key: 'asOf',
	header: AS_OF_HEADER,
	type: 'date',
	unit: 'YYYY-MM-DD（北京时间日历日）',
	description: '数据截至日期：状态、逾期天数和计数都按这一天推算（每行相同；JSON 文件中为文件级的 asOf 字段）',
};

/**
 * CSV rows with the as-of date as a last column on every row, so a CSV file read alone still says when its statuses
 * and counts hold (the JSON files carry it in `asOf`).
 */
export function withAsOf(rows: readonly (readonly string[])[], asOf: string): string[][] {
	return rows.map((r, i) => [...r, i === 0 ? AS_OF_HEADER : asOf]);
}

/** CSV rows without the as-of column (for reading a published CSV back with rowsFromCsv). */
export function withoutAsOf(rows: readonly (readonly string[])[]): string[][] {
	const has = rows[0]?.at(-1) === AS_OF_HEADER;
	return rows.map((r) => (has ? r.slice(0, -1) : [...r]));
}

/** One data file by name; throws for an unknown name. */
export function dataFile(model: SiteModel, siteUrl: string, name: string, extra: readonly DataFile[] = []): DataFile {
	const f = dataFiles(model, siteUrl, extra).find((x) => x.name === name);
	if (!f) throw new Error(`no data file ${name}`);
	return f;
}
