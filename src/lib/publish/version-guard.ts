/**
 * Versions that stay (issue #26 item 4): a release never rewrites a month-end version that an earlier release
 * published. The previous release's /data/versions.json lists each version with its SHA-256; the new build's file for
 * every closed version must have the same bytes. The one rule of when a version closes is `isClosedVersion`.
 */
import { createHash } from 'node:crypto';
import { versionPath } from './data-versions.ts';
import type { Problem } from '#src/lib/content/problems.ts';

/** Where a published site holds its catalogue of versions. */
export const VERSIONS_FILE = 'data/versions.json';

/** One version as a published catalogue lists it. */
export interface ListedVersion {
	date: string;
	bytes: number;
	sha256: string;
}

/** A published catalogue read back: the as-of date of the release that wrote it and its versions. */
export interface ListedVersions {
	asOf: string;
	versions: ListedVersion[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether a month end's version is closed once a release as of `releasedAsOf` has published it: from the first
 * release after that day on. A release made on the month end itself may still miss an update published later that
 * day, so that version stays open until the next release.
 */
export function isClosedVersion(date: string, releasedAsOf: string): boolean {
	return date < releasedAsOf;
}

/** Parses a published versions.json; throws with a Chinese message when it is not one. */
export function parseListedVersions(text: string): ListedVersions {
	const v = JSON.parse(text) as { asOf?: unknown; versions?: unknown };
	if (typeof v.asOf !== 'string' || !DATE.test(v.asOf)) throw new Error(`${VERSIONS_FILE} 缺少数据截至日期 asOf`);
	if (!Array.isArray(v.versions)) throw new Error(`${VERSIONS_FILE} 缺少版本列表 versions`);
	const versions = v.versions.map((e: Partial<ListedVersion>, i) => {
		if (
			typeof e?.date !== 'string' ||
			!DATE.test(e.date) ||
			typeof e.sha256 !== 'string' ||
			!/^[0-9a-f]{64}$/.test(e.sha256)
		)
			throw new Error(`${VERSIONS_FILE} 的第 ${i + 1} 个版本缺少日期 date 或校验值 sha256`);
		return { date: e.date, bytes: Number(e.bytes), sha256: e.sha256 };
	});
	return { asOf: v.asOf, versions };
}

/**
 * Every closed version of the previous release (listed in `previous`, read from `source`) that the new build lacks or
 * would publish with other bytes; `readNew` gives the new build's bytes of a path under the site (undefined when
 * missing).
 */
export function rewrittenVersionProblems(
	previous: ListedVersions,
	source: string,
	readNew: (path: string) => Uint8Array | undefined,
): Problem[] {
	const problems: Problem[] = [];
	for (const v of previous.versions) {
		if (!isClosedVersion(v.date, previous.asOf)) continue;
		const file = versionPath(v.date).slice(1);
		const bytes = readNew(file);
		const sha = bytes && createHash('sha256').update(bytes).digest('hex');
		if (sha === v.sha256) continue;
		problems.push({
			file,
			field: `versions[${v.date}]`,
			message: bytes
				? `${v.date} 的数据版本会被改写：上次发布的网站（${source}，数据截至 ${previous.asOf}）中它的 SHA-256 是 ${v.sha256}，这次构建是 ${sha} / a published version would be rewritten`
				: `${v.date} 的数据版本在这次构建中消失了：上次发布的网站（${source}，数据截至 ${previous.asOf}）发布过它 / a published version would disappear`,
			hint: bytes
				? '已发布的月末版本永不改写，它记录的是本站当时公开的状态。常见原因：新录入的进展的发布日期（publishedDate）在该月末或之前，核对它是否写错（已关闭的版本不能再收入后来才录入的进展，见 docs/editing.md“数据版本”）；或程序升级改变了 status.csv 的列或文字，保留原来的格式。要纠正已发布的事实，另写一条更正：npm run update -- --corrects <进展编号>。'
				: '已发布的月末版本不能删除：检查 AS_OF 是否早于上次发布的日期，以及方案的公布日期是否被改动。',
		});
	}
	return problems;
}
