/**
 * The text gate over published workbooks (/data/zhenggai.xlsx and any other .xlsx of the site): every row of every
 * sheet is a unit of text as a reader copies it, with its sheet's column headers as context, as CSV rows are.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { unmarkedVerdict, type TextUnit } from './text-gate.ts';

/** A cell as the reader sees it: a date as YYYY-MM-DD, a number as digits, rich text and formulas as their text. */
function cellText(v: ExcelJS.CellValue): string {
	if (v === null || v === undefined) return '';
	if (v instanceof Date) return v.toISOString().slice(0, 10);
	if (typeof v !== 'object') return String(v);
	if ('richText' in v) return v.richText.map((r) => r.text).join('');
	if ('text' in v && typeof v.text === 'string') return v.text;
	if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
	return '';
}

/**
 * The rows of every sheet of a workbook, its header row (row 1) too, each a unit: the cells joined by " | ",
 * and in `context` each number after its column header (逾期未完成：3), so a count by status is seen as one.
 */
export async function workbookRows(bytes: Uint8Array): Promise<TextUnit[]> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(bytes as unknown as ArrayBuffer);
	const out: TextUnit[] = [];
	for (const ws of wb.worksheets) {
		let head: string[] = [];
		ws.eachRow({ includeEmpty: false }, (row, n) => {
			const cells: string[] = [];
			row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell.value).trim()));
			const texts = Array.from(cells, (c) => (c ?? '').replace(/[\s\u200b]+/g, ' '));
			if (n === 1) head = texts;
			const context = texts.map((c, j) => (/^[1-9][0-9]*$/.test(c) ? `${head[j] ?? ''}：${c}` : c)).join(' | ');
			out.push({ where: `sheet ${ws.name} row ${n}`, text: texts.join(' | '), context });
		});
	}
	return out;
}

/**
 * The rows of the workbook at `path` that state a verdict without a mark (as unmarkedUnitsOf gives for text files), or
 * why it cannot be read: a workbook the gate cannot open is one a reader cannot either, a problem of its own.
 */
export async function workbookUnits(path: string): Promise<{ read: number; unmarked: TextUnit[]; error?: string }> {
	try {
		const units = await workbookRows(readFileSync(path));
		return { read: units.length, unmarked: units.filter(unmarkedVerdict) };
	} catch (e) {
		return { read: 0, unmarked: [], error: `text gate: the workbook cannot be read (${String(e)})` };
	}
}
