// The importers read only what the editor sees (#25 item 7): the sheet is chosen by its header among the visible
// sheets; a hidden sheet with that header, and hidden rows or columns holding data, are refused by name.
import type ExcelJS from 'exceljs';
import type { Problem } from '#src/lib/content/problems.ts';

/** Something the importer will not read, with where it is and what to do, in Chinese. */
export interface HiddenProblem {
	sheet: string;
	rowNo?: number;
	column?: string;
	message: string;
	hint: string;
}

/** The text of each cell of a row (1-based columns → index 0…), for header matching. */
export function rowTexts(ws: ExcelJS.Worksheet, r: number, text: (v: ExcelJS.CellValue) => string): string[] {
	const cells: string[] = [];
	ws.getRow(r).eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = text(cell.value).trim()));
	return Array.from(cells, (c) => c ?? '');
}

/** The first of the top `depth` rows of a sheet that `isHeader` accepts, or 0. */
function headerRowOf(
	ws: ExcelJS.Worksheet,
	isHeader: (cells: string[]) => boolean,
	text: (v: ExcelJS.CellValue) => string,
	depth = 10,
): number {
	for (let r = 1; r <= Math.min(ws.rowCount, depth); r++) if (isHeader(rowTexts(ws, r, text))) return r;
	return 0;
}

/**
 * The one visible sheet whose header `isHeader` accepts, and its header row. A hidden sheet with such a header, or
 * several visible ones, is a problem naming them (`kind` says what the sheet is, e.g. 任务清单).
 */
export function chooseSheet(
	wb: ExcelJS.Workbook,
	isHeader: (cells: string[]) => boolean,
	text: (v: ExcelJS.CellValue) => string,
	kind: string,
): { ws?: ExcelJS.Worksheet; headerRow: number; problems: HiddenProblem[] } {
	const found = wb.worksheets
		.map((ws) => ({ ws, headerRow: headerRowOf(ws, isHeader, text) }))
		.filter((x) => x.headerRow > 0);
	const hidden = found.filter((x) => x.ws.state !== 'visible');
	const visible = found.filter((x) => x.ws.state === 'visible');
	const problems: HiddenProblem[] = hidden.map((x) => ({
		sheet: x.ws.name,
		message: `工作表“${x.ws.name}”是隐藏的，却有${kind}的表头；隐藏的内容不会导入 / a hidden sheet`,
		hint: `在 Excel/WPS 中右键工作表标签 →“取消隐藏”，核对后把要导入的行并到一张可见的${kind}里，再删除这张表。`,
	}));
	if (visible.length > 1)
		problems.push({
			sheet: visible.map((x) => x.ws.name).join('、'),
			message: `有 ${visible.length} 张工作表都有${kind}的表头：${visible.map((x) => `“${x.ws.name}”`).join('、')}；不知道该读哪一张 / several sheets`,
			hint: `只留一张${kind}（把其他表的内容合并进来后删除它们），或每张表存成一个文件分别导入。`,
		});
	const only = visible.length === 1 ? visible[0]! : undefined;
	return { ws: only?.ws, headerRow: only?.headerRow ?? 0, problems };
}

/** Column letters of a 1-based column number (1 → A, 28 → AB). */
export function columnLetter(n: number): string {
	let s = '';
	for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
	return s;
}

/**
 * Hidden rows below the header that hold data, and hidden columns among `columns` (1-based column → header) that hold
 * data: the editor cannot see them, so they are refused by row or column rather than imported unseen.
 */
export function hiddenCells(
	ws: ExcelJS.Worksheet,
	headerRow: number,
	columns: ReadonlyMap<number, string>,
	text: (v: ExcelJS.CellValue) => string,
): HiddenProblem[] {
	const problems: HiddenProblem[] = [];
	const filled = (r: number, c: number) => text(ws.getRow(r).getCell(c).value).trim() !== '';
	for (const [c, header] of columns) {
		if (!ws.getColumn(c).hidden) continue;
		let any = false;
		for (let r = headerRow + 1; r <= ws.rowCount && !any; r++) any = filled(r, c);
		if (any)
			problems.push({
				sheet: ws.name,
				column: `${columnLetter(c)} 列“${header}”`,
				message: `${columnLetter(c)} 列“${header}”是隐藏的，里面有内容 / a hidden column`,
				hint: '选中两侧的列，右键 →“取消隐藏”，核对这一列后再导入。',
			});
	}
	for (let r = headerRow + 1; r <= ws.rowCount; r++) {
		if (!ws.getRow(r).hidden) continue;
		if ([...columns.keys()].some((c) => filled(r, c)))
			problems.push({
				sheet: ws.name,
				rowNo: r,
				message: `第 ${r} 行是隐藏的（或被筛选掉了），里面有内容 / a hidden row`,
				hint: '取消隐藏（或清除筛选）核对这一行；不要导入的行请删除，而不是隐藏。',
			});
	}
	return problems;
}

/** Hidden-content problems as content problems of the workbook `file`, naming sheet, row and column. */
export function hiddenAsProblems(hidden: readonly HiddenProblem[], file: string): Problem[] {
	return hidden.map((h) => ({
		file,
		line: h.rowNo,
		field: `工作表“${h.sheet}”${h.column ? ` ${h.column}` : ''}`,
		message: h.message,
		hint: h.hint,
	}));
}
