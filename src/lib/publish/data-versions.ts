/**
 * Month-end versions of the data (issue #26): for every month end since the plan's publication, /data/<date>/status.csv
 * gives every task's row of status-history.csv in force that day (same columns; 数据截至 = that month end), and
 * /data/versions.json lists them with their checksums. Only the status is versioned: task texts and updates are
 * append-only (the ledger refuses a change to a published record), so the current files with publishedDate ≤ the
 * date give the rest, and a month end costs one short row per task instead of a copy of every file.
 */
import { createHash } from 'node:crypto';
import { toCsv } from './csv.ts';
import { csvRows, type ExportContext } from './columns.ts';
import { STATUS_HISTORY } from './datasets.ts';
import { absoluteUrl, dataPath } from './urls.ts';
import { isMonthEnd } from './citation.ts';
import { schemaUrl } from './data-schema.ts';
import { historyDates } from '#src/lib/model/changes.ts';
import type { StatusEvent } from '#src/lib/model/history.ts';
import type { SiteModel } from '#src/lib/model/site-model.ts';

/** The file name of the catalogue of versions under /data/. */
export const VERSIONS_CATALOGUE = 'versions.json';

/** The path of a month end's status file. */
export function versionPath(date: string): string {
	return dataPath(`${date}/status.csv`);
}

/** The month ends that have a version, oldest first (a mid-month as-of date is not one: it changes every day). */
export function versionDates(model: SiteModel): string[] {
	return historyDates(model.plans.values(), model.asOf).filter(isMonthEnd);
}

/** One month end's status file: for each task, its last status-history row on or before the date. */
export function versionCsv(events: readonly StatusEvent[], date: string, ctx: ExportContext): string {
	const inForce = new Map<string, StatusEvent>();
	for (const e of events) if (e.date <= date) inForce.set(e.task, e);
	const rows = csvRows(STATUS_HISTORY, [...inForce.values()], ctx);
	return toCsv(rows.map((r, i) => [...r, i === 0 ? '数据截至' : date]));
}

/** The catalogue: each version's date, URL, size and SHA-256, so a cited version can be checked later. */
export function versionsCatalogue(
	siteUrl: string,
	asOf: string,
	files: readonly { date: string; bytes: Uint8Array }[],
): Record<string, unknown> {
	return {
		$schema: schemaUrl(siteUrl, 'versions'),
		asOf,
		description:
			'各月末的任务状态版本：每个文件列出每项任务在该月末有效的状态变化记录行（列与 status-history.csv 相同）。已发布的版本不再改写。',
		versions: files.map((f) => ({
			date: f.date,
			url: absoluteUrl(siteUrl, versionPath(f.date)),
			bytes: f.bytes.length,
			sha256: createHash('sha256').update(f.bytes).digest('hex'),
		})),
	};
}
