/**
 * /data/zhenggai.xlsx, the readers' workbook (issue #26): a 说明 sheet (as-of date, source, licence, data dictionary)
 * and one sheet per dataset with the CSV file's header and cells (csvRows, the same column list), except that date
 * columns are date cells and counts are numbers. String cells are never evaluated by a spreadsheet, so nothing is
 * guarded here. The editors' import template (tasks.xlsx) is src/lib/publish/workbook.ts, for `npm run export`.
 */
import ExcelJS from 'exceljs';
import { csvRows, type Column, type Dataset } from './columns.ts';
import { DATASETS, exportContext } from './datasets.ts';
import { AS_OF_COLUMN, withAsOf } from './data-files.ts';
import { setZipEntryDates } from './workbook.ts';
import { versionSentence } from './data-versions.ts';
import type { SiteModel } from '#src/lib/model/site-model.ts';
import { FIELD_TYPES } from '#src/lib/model/field-types.ts';

/** The file name of the readers' workbook under /data/. */
export const READER_WORKBOOK = 'zhenggai.xlsx';

/** The name of the sheet that describes the workbook. */
export const README_SHEET = '说明';

/** A dataset's sheet name: its Chinese title (at most 31 characters, none of : \ / ? * [ ]). */
export function sheetName(ds: Dataset<unknown>): string {
	return ds.title;
}

const DATE_FORMAT = 'yyyy-mm-dd';
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

// A CSV cell as a typed spreadsheet cell: dates as dates, counts as numbers; everything else the CSV text as is.
function typedCell(type: Column<unknown>['type'], cell: string): string | number | Date {
	if (cell === '') return '';
	const kind = FIELD_TYPES[type].json;
	if (kind === 'date') return toDate(cell);
	if (kind === 'integer' || kind === 'number') return Number(cell);
	return cell;
}

function addDatasetSheet(wb: ExcelJS.Workbook, ds: Dataset<unknown>, rows: readonly (readonly string[])[]): void {
	const ws = wb.addWorksheet(sheetName(ds), { views: [{ state: 'frozen', ySplit: 1 }] });
	const columns = [...ds.columns, AS_OF_COLUMN];
	const [header, ...data] = rows;
	ws.addRow([...(header ?? [])]).font = { bold: true };
	for (const r of data) ws.addRow(r.map((cell, i) => typedCell(columns[i]?.type ?? 'text', cell)));
	columns.forEach((c, i) => {
		const col = ws.getColumn(i + 1);
		col.width = c.type === 'date' ? 12 : Math.min(40, Math.max(10, c.header.length * 2 + 2));
		if (c.type === 'date') col.numFmt = DATE_FORMAT;
		else if (c.type !== 'int') col.numFmt = '@';
	});
	ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, data.length + 1), column: columns.length } };
}

function addReadme(wb: ExcelJS.Workbook, model: SiteModel, siteUrl: string): void {
	const { settings } = model.content;
	const ws = wb.addWorksheet(README_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
	ws.columns = [
		{ header: '工作表', key: 'sheet', width: 16 },
		{ header: '列名', key: 'header', width: 18 },
		{ header: 'JSON 键名', key: 'key', width: 22 },
		{ header: '含义', key: 'meaning', width: 70, style: { alignment: { wrapText: true, vertical: 'top' } } },
		{ header: '单位或格式', key: 'unit', width: 24 },
	];
	ws.getRow(1).font = { bold: true };
	const facts: [string, string | Date][] = [
		['数据截至', toDate(model.asOf)],
		['数据版本', versionSentence(model, siteUrl)],
		[
			'来源',
			`${settings.siteName}（${siteUrl}）发布的整改方案、整改任务和整改进展记录；每条记录的出处见其“来源”列，数据性质见“数据性质”列；示例数据不是官方信息。`,
		],
		['许可', settings.dataLicense],
		[
			'与 CSV 的关系',
			'各工作表的列名和单元格与同名 CSV 文件相同；日期列为日期单元格，计数列为数字。单元格不会被当作公式，未作防公式注入处理。',
		],
	];
	for (const [k, v] of facts) {
		const row = ws.addRow({ sheet: k, meaning: v });
		if (v instanceof Date) row.getCell('meaning').numFmt = DATE_FORMAT;
	}
	for (const ds of DATASETS) {
		ws.addRow({ sheet: sheetName(ds), meaning: `${ds.title}（${ds.name}.csv / ${ds.name}.json）：${ds.description}` });
		for (const c of [...ds.columns, AS_OF_COLUMN]) {
			const values = c.values?.map((v) => `${v.value} ${v.label}`).join('；');
			const meaning = [c.description, values && `取值：${values}`].filter(Boolean).join('。');
			ws.addRow({ sheet: sheetName(ds), header: c.header, key: c.key, meaning, unit: c.unit ?? '' });
		}
	}
	ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: ws.rowCount, column: 5 } };
}

/**
 * The bytes of the readers' workbook as of the model's date. Reproducible: the workbook's dates and every zip entry's
 * time are the as-of date, so two builds of the same content give the same bytes and checksum.
 */
export async function readerWorkbookBytes(model: SiteModel, siteUrl: string): Promise<Uint8Array<ArrayBuffer>> {
	const wb = new ExcelJS.Workbook();
	wb.creator = '整改公开';
	wb.created = wb.modified = toDate(model.asOf);
	addReadme(wb, model, siteUrl);
	const ctx = exportContext(model, siteUrl);
	for (const ds of DATASETS) addDatasetSheet(wb, ds, withAsOf(csvRows(ds, ds.records(model), ctx), model.asOf));
	const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
	setZipEntryDates(bytes, model.asOf);
	return bytes;
}
