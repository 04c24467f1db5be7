// The release build's side of "versions that stay" (src/lib/publish/version-guard.ts): the previous release's
// catalogue of month-end versions is read before building, and the built site's files are compared with it before
// the site replaces the output folder.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblems, type Problem } from '#src/lib/content/problems.ts';
import {
	parseListedVersions,
	rewrittenVersionProblems,
	VERSIONS_FILE,
	type ListedVersions,
} from '#src/lib/publish/version-guard.ts';
import { readSiteText } from './site-files.ts';

/**
 * The previous release's catalogue of versions, from the site the ledger was checked against; undefined when that
 * site has none (it was released before versions were published). An unreadable catalogue is a problem.
 */
export async function previousVersions(source: string): Promise<{ listed?: ListedVersions; problems: Problem[] }> {
	try {
		const text = await readSiteText(source, VERSIONS_FILE);
		return { listed: text === undefined ? undefined : parseListedVersions(text), problems: [] };
	} catch (e) {
		return {
			problems: [
				{
					file: `${source}/${VERSIONS_FILE}`,
					message: `读不到上次发布的网站的数据版本目录：${(e as Error).message} / the previous site's versions.json is not readable`,
					hint: '确认 --previous 给的是上次正式发布的网站文件夹（如 dist）或网址，且其中的 data/versions.json 完整。',
				},
			],
		};
	}
}

/** The problems of a built site (a folder) whose files rewrite or drop a closed version of the previous release. */
export function builtVersionProblems(listed: ListedVersions, source: string, siteDir: string): Problem[] {
	return rewrittenVersionProblems(listed, source, (path) => {
		const file = join(siteDir, path);
		return existsSync(file) ? readFileSync(file) : undefined;
	});
}

/** The refusal printed by a release whose build would rewrite a published version; undefined when none would be. */
export function versionRefusal(
	listed: ListedVersions | undefined,
	source: string,
	siteDir: string,
): string | undefined {
	const problems = listed ? builtVersionProblems(listed, source, siteDir) : [];
	if (!problems.length) return undefined;
	return `${formatProblems(problems)}\n\n[build] 这次构建会改写已发布的数据版本，没有发布，网站文件夹没有改动 / release refused: a published version would change`;
}
