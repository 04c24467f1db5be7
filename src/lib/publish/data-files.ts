/**
 * The bytes of every file under /data/, produced in one place: the endpoints serve exactly these
 * bytes and the manifest hashes exactly these bytes, so the checksums cannot drift from the files.
 */
import { createHash } from 'node:crypto';
import { toCsv } from './csv.ts';
import { dataJsonSchema } from './data-schema.ts';
import { DATASETS, exportContext } from './datasets.ts';
import { absoluteUrl } from './urls.ts';
import { csvRows, toJsonRow } from './columns.ts';
import type { SiteModel } from '../model/site-model.ts';

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

function json(value: unknown): Uint8Array<ArrayBuffer> {
	return encoder.encode(JSON.stringify(value, null, 1) + '\n');
}

/**
 * Every data file (CSV and JSON per dataset, schema.json, then manifest.json), computed once per model and site URL.
 */
export function dataFiles(model: SiteModel, siteUrl: string): DataFile[] {
	let bySite = cache.get(model);
	if (!bySite) cache.set(model, (bySite = new Map()));
	const hit = bySite.get(siteUrl);
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
			bytes: encoder.encode(toCsv(csvRows(ds, records, ctx))),
		});
		files.push({
			name: `${ds.name}.json`,
			mediaType: 'application/json',
			dataset: ds.name,
			records: records.length,
			bytes: json({
				dataset: ds.name,
				title: ds.title,
				asOf: model.asOf,
				site: siteUrl,
				license: settings.dataLicense,
				count: records.length,
				records: records.map((r) => toJsonRow(ds.columns, r, ctx)),
			}),
		});
	}
	files.push({ name: 'schema.json', mediaType: 'application/schema+json', bytes: json(dataJsonSchema(siteUrl)) });
	const entries: ManifestEntry[] = files.map((f) => ({
		name: f.name,
		url: absoluteUrl(siteUrl, `/data/${f.name}`),
		mediaType: f.mediaType,
		bytes: f.bytes.length,
		sha256: sha256(f.bytes),
		...(f.dataset ? { dataset: f.dataset, records: f.records } : {}),
	}));
	const counts = Object.fromEntries(DATASETS.map((ds) => [ds.name, ds.records(model).length]));
	const manifest = {
		asOf: model.asOf,
		site: siteUrl,
		siteName: settings.siteName,
		license: settings.dataLicense,
		source: `${settings.siteName}（${siteUrl}）发布的整改方案、整改任务和整改进展记录；每条记录的出处见其 sources 字段，数据性质见 provenance 字段。`,
		counts,
		files: entries,
	};
	files.push({ name: 'manifest.json', mediaType: 'application/json', bytes: json(manifest) });
	bySite.set(siteUrl, files);
	return files;
}

/** One data file by name; throws for an unknown name. */
export function dataFile(model: SiteModel, siteUrl: string, name: string): DataFile {
	const f = dataFiles(model, siteUrl).find((x) => x.name === name);
	if (!f) throw new Error(`no data file ${name}`);
	return f;
}
