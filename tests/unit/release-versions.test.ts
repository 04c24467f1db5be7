// Versions that stay (#26 item 4): a release compares the month-end versions it would publish with the previous
// release's /data/versions.json; a closed version whose bytes change, or that disappears, stops it, naming the version
// and file; the version of the previous release's own as-of day is still open.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '#src/lib/content/load.ts';
import type { Content } from '#src/lib/model/content.ts';
import { buildSiteModel } from '#src/lib/model/site-model.ts';
import { dataFiles, type DataFile } from '#src/lib/publish/data-files.ts';
import { VERSIONS_CATALOGUE } from '#src/lib/publish/data-versions.ts';
import { isClosedVersion, parseListedVersions, rewrittenVersionProblems } from '#src/lib/publish/version-guard.ts';
import { previousVersions, versionRefusal } from '#scripts/lib/release-versions.ts';

const SITE = 'https://example.gov.cn/';
const { content } = loadContent(resolve('content'), resolve('.'));
const tmp = mkdtempSync(join(tmpdir(), 'zg-versions-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const filesAt = (c: Content, asOf: string) => dataFiles(buildSiteModel(c, asOf), SITE);
/** The catalogue a release as of `asOf` publishes, read back as the next release reads it. */
const listedAt = (c: Content, asOf: string) =>
	parseListedVersions(new TextDecoder().decode(filesAt(c, asOf).find((f) => f.name === VERSIONS_CATALOGUE)!.bytes));
/** The new build's bytes of a site path, from its data files (optionally changed). */
const reader = (files: readonly DataFile[], change: (name: string, b: Uint8Array) => Uint8Array | undefined) => {
	return (path: string) => {
		const f = files.find((x) => `data/${x.name}` === path);
		return f && change(f.name, f.bytes);
	};
};
const same = (_: string, b: Uint8Array) => b;
const messages = (ps: { file: string; message: string }[]) => ps.map((p) => `${p.file} ${p.message}`);

describe('when a month-end version closes', () => {
	it('closed from the first release after its day; the release on the month end itself leaves it open', () => {
		expect(isClosedVersion('2021-05-31', '2021-06-30')).toBe(true);
		expect(isClosedVersion('2021-06-30', '2021-06-30')).toBe(false);
		expect(isClosedVersion('2021-06-30', '2021-07-01')).toBe(true);
	});
});

describe('a release against the previous release’s versions.json', () => {
	const previous = listedAt(content, '2021-06-30');
	const next = filesAt(content, '2021-07-31');

	it('a later release of the same content rewrites nothing', () => {
		expect(rewrittenVersionProblems(previous, 'prev', reader(next, same))).toEqual([]);
	});

	it('a changed byte in a closed version is an error naming the version, the file and both checksums', () => {
		const change = (name: string, b: Uint8Array) =>
			name === '2021-05-31/status.csv' ? new Uint8Array([...b.slice(0, -2), 0x41, 0x0a]) : b;
		const problems = rewrittenVersionProblems(previous, 'prev', reader(next, change));
		expect(messages(problems)).toEqual([
			expect.stringMatching(
				/^data\/2021-05-31\/status\.csv 2021-05-31 的数据版本会被改写：上次发布的网站（prev，数据截至 2021-06-30）中它的 SHA-256 是 [0-9a-f]{64}，这次构建是 [0-9a-f]{64}/,
			),
		]);
		expect(problems[0]!.hint).toContain('永不改写');
	});

	it('a closed version that disappears is an error naming it', () => {
		const problems = rewrittenVersionProblems(
			previous,
			'prev',
			reader(next, (name, b) => (name === '2019-12-31/status.csv' ? undefined : b)),
		);
		expect(messages(problems)).toEqual([
			expect.stringContaining('data/2019-12-31/status.csv 2019-12-31 的数据版本在这次构建中消失了'),
		]);
	});

	it('the version of the previous release’s own as-of day may still change; once a later release has it, it may not', () => {
		const change = (name: string, b: Uint8Array) =>
			name === '2021-06-30/status.csv' ? new Uint8Array([...b, 0x0a]) : b;
		expect(rewrittenVersionProblems(previous, 'prev', reader(next, change))).toEqual([]);
		const later = { ...previous, asOf: '2021-07-05' };
		expect(messages(rewrittenVersionProblems(later, 'prev', reader(next, change)))).toEqual([
			expect.stringContaining('data/2021-06-30/status.csv 2021-06-30 的数据版本会被改写'),
		]);
	});

	it('an update entered later with a publication date inside a closed month rewrites that month’s version', () => {
		const late = content.updates.find((u) => u.id === 'hkk-05/2019-07-31')!;
		const backdated: Content = {
			...content,
			updates: [
				...content.updates,
				{ ...late, id: 'hkk-05/2021-05-20', status: 'completed', factDate: '2021-05-20', publishedDate: '2021-05-25' },
			],
		};
		const problems = rewrittenVersionProblems(previous, 'prev', reader(filesAt(backdated, '2021-07-31'), same));
		expect(problems.map((p) => p.file)).toEqual(['data/2021-05-31/status.csv']);
	});
});

describe('reading the previous site', () => {
	const site = (name: string, versions?: string) => {
		const dir = join(tmp, name);
		mkdirSync(join(dir, 'data'), { recursive: true });
		if (versions !== undefined) writeFileSync(join(dir, 'data/versions.json'), versions);
		return dir;
	};
	const built = (files: readonly DataFile[], mutate?: string) => {
		const dir = join(tmp, `built-${Math.random().toString(36).slice(2)}`);
		for (const f of files) {
			mkdirSync(dirname(join(dir, 'data', f.name)), { recursive: true });
			writeFileSync(join(dir, 'data', f.name), f.name === mutate ? 'x' : f.bytes);
		}
		return dir;
	};
	const prevText = new TextDecoder().decode(
		filesAt(content, '2021-06-30').find((f) => f.name === VERSIONS_CATALOGUE)!.bytes,
	);
	const next = filesAt(content, '2021-07-31');

	it('a built folder that keeps every version passes; one that rewrites a version is refused by name', async () => {
		const prev = site('prev', prevText);
		const { listed, problems } = await previousVersions(prev);
		expect(problems).toEqual([]);
		expect(versionRefusal(listed, prev, built(next))).toBeUndefined();
		const refusal = versionRefusal(listed, prev, built(next, '2020-03-31/status.csv'));
		expect(refusal).toContain('data/2020-03-31/status.csv');
		expect(refusal).toContain('release refused');
	});

	it('a previous site released before versions existed has nothing to compare', async () => {
		const { listed, problems } = await previousVersions(site('old'));
		expect([listed, problems]).toEqual([undefined, []]);
	});

	it('an unreadable versions.json is a problem, not a pass', async () => {
		const broken = site('broken', '{"asOf": "2021-06-30", "versions": [{"date": "2021-05-31"}]}');
		const { problems } = await previousVersions(broken);
		expect(messages(problems)).toEqual([
			expect.stringMatching(/versions\.json 读不到上次发布的网站的数据版本目录：.*第 1 个版本缺少/),
		]);
	});
});
