// Month-end versions (/data/<date>/status.csv and versions.json): every month end since the plan's publication, each
// task's status that day as the one status rule gives it, listed with a checksum that matches the file's bytes.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '#src/lib/content/load.ts';
import { buildSiteModel } from '#src/lib/model/site-model.ts';
import { statesAt } from '#src/lib/model/status.ts';
import { dataFiles, sha256 } from '#src/lib/publish/data-files.ts';
import { parseCsv } from '#src/lib/publish/csv.ts';
import { VERSIONS_CATALOGUE, versionDates, versionPath, versionSentence } from '#src/lib/publish/data-versions.ts';
import { README_SHEET, readerWorkbookBytes } from '#src/lib/publish/reader-workbook.ts';
import { datasetJsonLd } from '#src/lib/publish/citation.ts';
import ExcelJS from 'exceljs';

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

describe('the current files name their version (#26 item 4.3)', () => {
	const decode = (fs: typeof files, name: string) =>
		JSON.parse(new TextDecoder().decode(fs.find((f) => f.name === name)!.bytes));
	const midMonth = buildSiteModel(content, '2021-06-15');
	const midFiles = dataFiles(midMonth, SITE);

	it('every JSON file and the manifest: the month-end version they are, its dated path and the catalogue', () => {
		for (const name of [
			...files.filter((f) => /^[a-z-]+\.json$/.test(f.name) && f.dataset).map((f) => f.name),
			'manifest.json',
		]) {
			expect(decode(files, name), name).toMatchObject({
				version: '2021-06-30',
				versionUrl: `${SITE}data/2021-06-30/status.csv`,
				versions: `${SITE}data/versions.json`,
			});
			// In the middle of a month the files are no version yet: they say so, and still name the catalogue.
			expect(decode(midFiles, name), name).toMatchObject({
				version: null,
				versionUrl: null,
				versions: `${SITE}data/versions.json`,
			});
		}
	});

	it('the workbook’s 说明 sheet names the version, or the latest one when the files are none', async () => {
		const row = async (m: typeof model) => {
			const wb = new ExcelJS.Workbook();
			await wb.xlsx.load((await readerWorkbookBytes(m, SITE)).buffer);
			let text = '';
			wb.getWorksheet(README_SHEET)!.eachRow((r) => {
				if (r.getCell(1).value === '数据版本') text = String(r.getCell(4).value);
			});
			return text;
		};
		expect(await row(model)).toBe(versionSentence(model, SITE));
		expect(versionSentence(model, SITE)).toContain(
			`本次文件即 2021-06-30 的月末数据版本（${SITE}data/2021-06-30/status.csv，永不改变）`,
		);
		expect(await row(midMonth)).toContain(`最近的月末版本是 2021-05-31（${SITE}data/2021-05-31/status.csv，永不改变）`);
	});

	it('the Dataset JSON-LD’s version is the version its citation names, and its creditText links the dated path', () => {
		expect(datasetJsonLd(model, SITE, [])).toMatchObject({ version: '2021-06-30', url: `${SITE}data/` });
		const mid = datasetJsonLd(midMonth, SITE, []);
		expect(mid.version).toBe('2021-05-31');
		expect(mid.creditText).toContain(`${SITE}data/2021-05-31/status.csv`);
	});
});
