// Reading and writing the task-list workbook with exceljs; the mapping itself is in spreadsheet.ts, the writer in
// src/lib/publish/workbook.ts.
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { restoreCell } from '#src/lib/publish/csv.ts';
import { mapHeaders } from './spreadsheet.ts';
import { chooseSheet, columnLetter, hiddenCells, rowTexts, type HiddenProblem } from './xlsx-visible.ts';
import { overLimit } from '#src/lib/model/limits.ts';
import { normalizeText, TEXT_POLICY_HINT, textViolations, violationMessage } from '#src/lib/model/text-policy.ts';
import { COLUMNS, HEADERS, type ColumnKey, type SheetRow } from '#src/lib/publish/task-sheet.ts';
import { taskWorkbookBytes } from '#src/lib/publish/workbook.ts';

/** Writes rows as the task-list workbook: one header row, every cell as text (so 02 stays 02), wrapped lines. */
export async function writeTaskWorkbook(
	path: string,
	rows: readonly SheetRow[],
	notes: readonly [string, string][] = [],
): Promise<void> {
	await writeFile(path, await taskWorkbookBytes(rows, notes));
}

/** Why a cell cannot be imported: a formula whose value the file does not hold, or an error value (#REF!). */
export function unreadableCell(v: ExcelJS.CellValue): string | undefined {
	if (v === null || typeof v !== 'object' || v instanceof Date) return undefined;
	if (('formula' in v || 'sharedFormula' in v) && (!('result' in v) || v.result === undefined || v.result === null))
		return '单元格是公式，文件中没有保存它的计算结果 / formula without a stored value';
	const error =
		'error' in v
			? v.error
			: 'result' in v && v.result && typeof v.result === 'object' && 'error' in v.result
				? v.result.error
				: undefined;
	if (error !== undefined) return `单元格是错误值 ${String(error)} / error value`;
	return undefined;
}

/**
 * Why a cell's text cannot be imported: a character the text policy refuses (its code point named, the count when
 * there are more) or more characters than one field may hold; never the text itself.
 */
export function refusedCellText(text: string): { message: string; hint: string } | undefined {
	const found = textViolations(text);
	if (found.length)
		return {
			message: `${violationMessage(found[0]!)}${found.length > 1 ? `（该格共 ${found.length} 个）` : ''}`,
			hint: TEXT_POLICY_HINT,
		};
	const over = overLimit('field', text.length);
	return over
		? { message: over, hint: '删减这一格的文字；长篇材料放到政府网站上，在来源或证明材料中给出链接。' }
		: undefined;
}

/** A cell's value as the text an editor sees: dates as YYYY-MM-DD, rich text joined, formulas by result. */
export function cellText(v: ExcelJS.CellValue): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'string') return restoreCell(v).replace(/\r\n?/g, '\n');
	if (v instanceof Date) return v.toISOString().slice(0, 10); // exceljs reads Excel dates as UTC midnight
	if (typeof v === 'object') {
		if ('richText' in v) return v.richText.map((t) => t.text).join('');
		if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
		if ('text' in v) return String(v.text);
		if ('error' in v) return String(v.error);
	}
	return String(v).replace(/\r\n?/g, '\n');
}

/**
 * Reads the task list: finds the header row (a title row above it is allowed) and returns the rows with their sheet row
 * numbers.
 */
export async function readTaskWorkbook(path: string): Promise<{
	rows: { rowNo: number; values: Partial<SheetRow> }[];
	missing: string[];
	headerRow: number;
	/** Cells that cannot be read as text (formulas without a stored value, error values), with their column header. */
	unreadable: { rowNo: number; column: string; message: string; hint?: string }[];
	/** What the editor cannot see (hidden sheets with the header, several candidate sheets, hidden rows and columns). */
	hidden: HiddenProblem[];
}> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.readFile(path);
	// The sheet is the one visible sheet with a task-list header (#25 item 7), whatever its name.
	// A header row names several task-list columns (the instructions sheet names one per row).
	const isHeader = (cells: string[]) =>
		(cells.includes('序号') || cells.includes('反馈问题')) && Object.keys(mapHeaders(cells).index).length >= 3;
	const chosen = chooseSheet(wb, isHeader, cellText, '任务清单');
	const ws = chosen.ws;
	const unreadable: { rowNo: number; column: string; message: string; hint?: string }[] = [];
	const hidden = chosen.problems;
	const headerRow = chosen.headerRow;
	if (!ws || !headerRow) return { rows: [], missing: HEADERS.slice(), headerRow: 0, unreadable, hidden };
	const { index, missing } = mapHeaders(rowTexts(ws, headerRow, cellText));
	const headers = new Map(
		(Object.entries(index) as [ColumnKey, number][]).map(([key, i]) => [
			i + 1,
			COLUMNS.find((c) => c.key === key)?.header ?? key,
		]),
	);
	hidden.push(...hiddenCells(ws, headerRow, headers, cellText));
	const rows: { rowNo: number; values: Partial<SheetRow> }[] = [];
	for (let r = headerRow + 1; r <= ws.rowCount; r++) {
		const row = ws.getRow(r);
		if (row.hidden) continue; // refused above when it holds data
		const values: Partial<SheetRow> = {};
		let any = false;
		for (const [key, i] of Object.entries(index) as [ColumnKey, number][]) {
			const value = row.getCell(i + 1).value;
			const why = unreadableCell(value);
			if (why) unreadable.push({ rowNo: r, column: COLUMNS.find((c) => c.key === key)?.header ?? key, message: why });
			const t = why ? '' : normalizeText(cellText(value));
			const refused = refusedCellText(t);
			if (refused)
				unreadable.push({
					rowNo: r,
					column: `工作表“${ws.name}” ${columnLetter(i + 1)} 列“${headers.get(i + 1)}”`,
					message: refused.message,
					hint: refused.hint,
				});
			values[key] = t;
			if (t.trim() !== '' && key !== 'seq') any = true;
		}
		if (any) rows.push({ rowNo: r, values });
	}
	return { rows, missing, headerRow, unreadable, hidden };
}
