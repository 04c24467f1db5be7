// The readers' workbook /data/zhenggai.xlsx: a 说明 sheet and one sheet per dataset whose header and cells are the
// CSV file's (dates as date cells, counts as numbers), frozen header rows and filters, and the same bytes twice.
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadContent } from '#src/lib/content/load.ts';
import { buildSiteModel } from '#src/lib/model/site-model.ts';
import { dataFiles } from '#src/lib/publish/data-files.ts';
import { DATASETS } from '#src/lib/publish/datasets.ts';
import { parseCsv, csvCellValue } from '#src/lib/publish/csv.ts';
import { README_SHEET, readerWorkbookBytes, sheetName } from '#src/lib/publish/reader-workbook.ts';

const SITE = 'https://example.gov.cn/';
const model = buildSiteModel(loadContent(resolve('content'), resolve('.')).content, '2021-06-30');
const files = dataFiles(model, SITE);
const csv = (name: string) => parseCsv(new TextDecoder().decode(files.find((f) => f.name === name)!.bytes));

// A cell as the CSV writes it: dates as YYYY-MM-DD, numbers as digits, text as is.
function cellText(v: ExcelJS.CellValue): string {
	if (v === null || v === undefined) return '';
	if (v instanceof Date) return v.toISOString().slice(0, 10);
	return String(v);
}

describe('readers workbook', { timeout: 60_000 }, async () => {
	const bytes = await readerWorkbookBytes(model, SITE);
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(bytes.buffer);

	it('has 说明 first, then one sheet per dataset, each with a frozen header row and a filter over all columns', () => {
		expect(wb.worksheets.map((w) => w.name)).toEqual([README_SHEET, ...DATASETS.map(sheetName)]);
		for (const ws of wb.worksheets) {
			expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
			expect(ws.autoFilter, ws.name).toBeTruthy();
		}
	});

	it('every dataset sheet has the CSV header and cells; dates are date cells and counts numbers', () => {
		for (const ds of DATASETS) {
			const ws = wb.getWorksheet(sheetName(ds))!;
			const rows = csv(`${ds.name}.csv`);
			expect(ws.rowCount, ds.name).toBe(rows.length);
			const md = ds.columns.map((c) => Boolean(c.markdown));
			rows.forEach((r, i) => {
				const got = (ws.getRow(i + 1).values as ExcelJS.CellValue[]).slice(1).map(cellText);
				while (got.length < r.length) got.push('');
				expect(got, `${ds.name} row ${i + 1}`).toEqual(r.map((c, j) => csvCellValue(c, md[j])));
			});
			const dateCol = ds.columns.findIndex((c) => c.type === 'date');
			if (dateCol >= 0) expect(ws.getRow(2).getCell(dateCol + 1).value, ds.name).toBeInstanceOf(Date);
		}
		expect(wb.getWorksheet(sheetName(DATASETS[0]!))!.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
	});

	it('说明 names the as-of date, source and licence, and every column including 数据截至', () => {
		const ws = wb.getWorksheet(README_SHEET)!;
		const rows = ws.getSheetValues().map((r) => (Array.isArray(r) ? Array.from(r.slice(1), cellText) : []));
		expect(rows).toContainEqual(['数据截至', '', '', '2021-06-30']);
		expect(rows.some((r) => r[0] === '许可' && r[3] === model.content.settings.dataLicense)).toBe(true);
		for (const ds of DATASETS)
			for (const h of [...ds.columns.map((c) => c.header), '数据截至'])
				expect(
					rows.some((r) => r[0] === sheetName(ds) && r[1] === h),
					`${ds.name} ${h}`,
				).toBe(true);
	});

	it('gives the same bytes twice (zip entry times and workbook dates are the as-of date)', async () => {
		await new Promise((r) => setTimeout(r, 1100));
		expect(Buffer.from(await readerWorkbookBytes(model, SITE)).equals(Buffer.from(bytes))).toBe(true);
	});
});
