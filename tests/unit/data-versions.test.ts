// Month-end versions (/data/<date>/status.csv and versions.json): every month end since the plan's publication, each
// task's status that day as the one status rule gives it, listed with a checksum that matches the file's bytes.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '#src/lib/content/load.ts';
import { buildSiteModel } from '#src/lib/model/site-model.ts';
import { statesAt } from '#src/lib/model/status.ts';
import { dataFiles, sha256 } from '#src/lib/publish/data-files.ts';
import { parseCsv } from '#src/lib/publish/csv.ts';
import { VERSIONS_CATALOGUE, versionDates, versionPath } from '#src/lib/publish/data-versions.ts';

const SITE = 'https://example.gov.cn/';
const { content } = loadContent(resolve('content'), resolve('.'));
const model = buildSiteModel(content, '2021-06-30');
const files = dataFiles(model, SITE);
const file = (name: string) => files.find((f) => f.name === name)!;

describe('month-end versions of the status data', () => {
	it('one version per month end from the plan’s publication to the as-of date, none for a mid-month date', () => {
		const dates = versionDates(model);
		expect(dates[0]).toBe('2019-12-31');
		expect(dates.at(-1)).toBe('2021-06-30');
		expect(dates).toHaveLength(19);
		expect(versionDates(buildSiteModel(content, '2021-06-15')).at(-1)).toBe('2021-05-31');
	});

	it('each version gives every task’s status at that month end, by the one status rule', () => {
		for (const date of versionDates(model)) {
			const [header, ...rows] = parseCsv(new TextDecoder().decode(file(versionPath(date).slice(6)).bytes));
			const states = statesAt(content.tasks, content.updates, date);
			const at = (h: string) => header!.indexOf(h);
			expect(rows.map((r) => r[0]).sort(), date).toEqual(content.tasks.map((t) => t.id).sort());
			for (const r of rows) {
				expect(r[at('状态代码')], `${r[0]} ${date}`).toBe(states.get(r[0]!)!.status);
				expect(r[at('数据截至')]).toBe(date);
				expect(r[at('日期')]! <= date).toBe(true);
			}
		}
	});

	it('versions.json lists every version with the size and SHA-256 of its bytes', () => {
		const catalogue = JSON.parse(new TextDecoder().decode(file(VERSIONS_CATALOGUE).bytes));
		expect(catalogue.versions.map((v: { date: string }) => v.date)).toEqual(versionDates(model));
		for (const v of catalogue.versions) {
			const f = file(versionPath(v.date).slice(6));
			expect(v).toEqual({
				date: v.date,
				url: `${SITE}data/${v.date}/status.csv`,
				bytes: f.bytes.length,
				sha256: sha256(f.bytes),
			});
		}
	});

	it('a later build gives the same bytes for an earlier month end (nothing published later changes it)', () => {
		const earlier = dataFiles(buildSiteModel(content, '2021-01-31'), SITE);
		for (const date of versionDates(buildSiteModel(content, '2021-01-31'))) {
			const name = versionPath(date).slice(6);
			expect(sha256(earlier.find((f) => f.name === name)!.bytes), date).toBe(sha256(file(name).bytes));
		}
	});
});
