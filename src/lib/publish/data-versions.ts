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

/**
 * The version a citation of the data names: the current files' own when the as-of date is a month end, else the
 * latest month end before it (the current files still change every day; a version never does). Undefined before the
 * first month end.
 */
export function citedVersion(model: SiteModel): string | undefined {
	return versionDates(model).at(-1);
}

/**
 * How the current files name their version (JSON files' metadata, the manifest): the month-end version they are and
 * its dated path, or null for both when the as-of date is not a month end; and where every version is listed.
 */
export function versionMeta(
	model: SiteModel,
	siteUrl: string,
): { version: string | null; versionUrl: string | null; versions: string } {
	const own = citedVersion(model) === model.asOf ? model.asOf : null;
	return {
		version: own,
		versionUrl: own && absoluteUrl(siteUrl, versionPath(own)),
		versions: absoluteUrl(siteUrl, `/data/${VERSIONS_CATALOGUE}`),
	};
}

/** What a version is, in the words of the /data/ page and the workbook. */
export const VERSION_MEANING =
	'每个月末各任务当天的状态是一个数据版本，发布在固定路径 /data/<月末日期>/status.csv，versions.json 列出全部版本及其 SHA-256 校验值。版本一经发布就永不改变：正式发布时会与上次发布的网站逐字节核对，改写或删除已发布的版本会被拒绝。进展记录发布后只能另发更正、不能修改，所以一个版本加上发布日期不晚于该月末的进展，就是该月末公开的全部情况。';

/** Which version the current files are, or the latest one when they are none, in words with the dated paths. */
export function versionSentence(model: SiteModel, siteUrl: string): string {
	const { version, versions } = versionMeta(model, siteUrl);
	const latest = citedVersion(model);
	const at = (d: string) => absoluteUrl(siteUrl, versionPath(d));
	if (version)
		return `本次文件即 ${version} 的月末数据版本（${at(version)}，永不改变）；全部版本及校验值见 ${versions}。`;
	if (latest)
		return `数据截至 ${model.asOf} 不是月末：本次文件之后仍会更新，不是数据版本；最近的月末版本是 ${latest}（${at(latest)}，永不改变）；全部版本及校验值见 ${versions}。`;
	return '还没有月末数据版本：第一个版本在方案公开后的第一个月末生成。';
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
