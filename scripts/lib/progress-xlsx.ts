// The 调度表 workbook with exceljs: written by `npm run export -- --progress`, read by `npm run import`. The layout
// and the mapping to update drafts are progress-sheet.ts.
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { neutraliseCell } from '#src/lib/publish/csv.ts';
import {
	PROGRESS_COLUMNS,
	PROGRESS_REQUIRED,
	PROGRESS_SHEET,
	PROGRESS_STATUS_LABELS,
	progressHeader,
	type ProgressKey,
	type ProgressRow,
} from './progress-sheet.ts';
import { cellText, refusedCellText, unreadableCell } from './xlsx.ts';
import { normalizeText } from '#src/lib/model/text-policy.ts';
import { chooseSheet, columnLetter, hiddenCells, rowTexts, type HiddenProblem } from './xlsx-visible.ts';

/** The first data row of the sheet export writes (a title row, then the header). */
const FIRST_ROW = 3;

/** Writes a unit's 调度表: a title row, the header, one row per open task; the report columns typed and checked. */
export async function writeProgressWorkbook(
	path: string,
	rows: readonly ProgressRow[],
	meta: { title: string; asOf: string },
): Promise<void> {
	const wb = new ExcelJS.Workbook();
	wb.creator = '整改公开';
	const ws = wb.addWorksheet(PROGRESS_SHEET, { views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }] });
	ws.columns = PROGRESS_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
	ws.getCell('A1').value = meta.title;
	ws.getRow(1).font = { bold: true, size: 13 };
	const header = ws.getRow(2);
	PROGRESS_COLUMNS.forEach((c, i) => (header.getCell(i + 1).value = c.header));
	header.font = { bold: true };
	const last = FIRST_ROW + Math.max(rows.length, 1) - 1;
	for (const r of rows)
		ws.addRow(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, neutraliseCell(v)])) as ProgressRow);
	PROGRESS_COLUMNS.forEach((c, i) => {
		const col = ws.getColumn(i + 1);
		const fill = 'fill' in c ? c.fill : undefined;
		const letter = columnLetter(i + 1);
		// The columns to fill are tinted; the others are for reading and are text.
		header.getCell(i + 1).fill = {
			type: 'pattern',
			pattern: 'solid',
			fgColor: { argb: fill ? 'FFFFF2CC' : 'FFE7E6E6' },
		};
		for (let r = FIRST_ROW; r <= last; r++) {
			const cell = ws.getCell(`${letter}${r}`);
			cell.alignment = { wrapText: true, vertical: 'top' };
			if (fill === 'date') cell.numFmt = 'yyyy-mm-dd';
			else cell.numFmt = '@';
			if (fill === 'list')
				cell.dataValidation = {
					type: 'list',
					allowBlank: true,
					formulae: [`"${PROGRESS_STATUS_LABELS.join(',')}"`],
					showErrorMessage: true,
					errorTitle: '状态',
					error: `请从列表中选：${PROGRESS_STATUS_LABELS.join('、')}`,
				};
			if (fill === 'date')
				cell.dataValidation = {
					type: 'date',
					operator: 'greaterThan',
					allowBlank: true,
					formulae: [new Date(Date.UTC(2000, 0, 1))],
					showErrorMessage: true,
					errorTitle: '日期',
					error: '请填写日期，如 2021-06-30',
				};
		}
		col.hidden = false;
	});
	const help = wb.addWorksheet('填写说明');
	help.columns = [
		{ header: '列', key: 'col', width: 18 },
		{ header: '填写说明', key: 'text', width: 100, style: { alignment: { wrapText: true, vertical: 'top' } } },
	];
	help.getRow(1).font = { bold: true };
	for (const [col, text] of PROGRESS_NOTES(meta.asOf)) help.addRow({ col, text });
	await writeFile(path, new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** The instructions sheet, column by column. */
const PROGRESS_NOTES = (asOf: string): [string, string][] => [
	[
		'总说明',
		`每行是本单位一项尚未完成的整改任务（截至 ${asOf}）。只填黄色表头的列；灰色表头的列只供查看，导入时不读。本月不报的任务，黄色列全部留空。不要隐藏行、列或工作表：隐藏的内容不会导入，导入时会指出来。`,
	],
	[
		'本月状态',
		`从下拉列表选：${PROGRESS_STATUS_LABELS.join('、')}。“逾期未完成”“销号公示中”由网站按时限和公示日期推算，不用填。`,
	],
	['形成日期', '本月进展形成（事实发生）的日期，日期格式，如 2021-06-30。'],
	['发布日期', '可空；空着则为导入的当天。不能早于形成日期。'],
	['标题', '可空；空着则为“本月状态（形成日期 调度）”。'],
	['进展说明', '必填：本月做了什么、完成到什么程度。单元格内换行为分段（Alt+Enter）。'],
	['证明材料', '可空：一份公开的证明材料（标题、网址、发布单位、日期）；网址须以 http:// 或 https:// 开头。'],
];

/** A 调度表 read back: the sheet chosen, its rows as text, and what cannot be read (each with row and column). */
export interface ProgressSheetRead {
	sheet?: string;
	rows: { rowNo: number; values: Partial<ProgressRow> }[];
	/** Column key → letter in this sheet. */
	letters: Partial<Record<ProgressKey, string>>;
	problems: HiddenProblem[];
}

/** True when a header row is a 调度表's (has 任务编号 and 本月状态). */
export function isProgressHeader(cells: readonly string[]): boolean {
	return cells.includes(progressHeader('id')) && cells.includes(progressHeader('newStatus'));
}

/** Reads a filled 调度表: the one visible sheet with its header, rows by header, hidden and unreadable cells refused. */
export async function readProgressWorkbook(path: string): Promise<ProgressSheetRead> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.readFile(path);
	const chosen = chooseSheet(wb, isProgressHeader, cellText, '调度表');
	const out: ProgressSheetRead = { sheet: chosen.ws?.name, rows: [], letters: {}, problems: chosen.problems };
	const ws = chosen.ws;
	if (!ws) {
		if (!chosen.problems.length)
			out.problems.push({
				sheet: wb.worksheets.map((w) => w.name).join('、'),
				message: '找不到调度表的表头（含“任务编号”和“本月状态”的一行）/ no 调度表 header',
				hint: '用 npm run export -- --progress 导出一份调度表，在它上面填写。',
			});
		return out;
	}
	const cells = rowTexts(ws, chosen.headerRow, cellText);
	const index = new Map<ProgressKey, number>();
	for (const c of PROGRESS_COLUMNS) {
		const i = cells.indexOf(c.header);
		if (i >= 0) index.set(c.key, i + 1);
	}
	for (const k of PROGRESS_REQUIRED)
		if (!index.has(k))
			out.problems.push({
				sheet: ws.name,
				rowNo: chosen.headerRow,
				message: `表头缺少“${progressHeader(k)}”列 / missing column`,
				hint: '用 npm run export -- --progress 导出一份调度表，照它的表头填写；不要删除或改名表头。',
			});
	for (const [k, c] of index) out.letters[k] = columnLetter(c);
	const headers = new Map([...index].map(([k, c]) => [c, progressHeader(k)]));
	out.problems.push(...hiddenCells(ws, chosen.headerRow, headers, cellText));
	for (let r = chosen.headerRow + 1; r <= ws.rowCount; r++) {
		if (ws.getRow(r).hidden) continue; // reported above when it holds data
		const values: Partial<ProgressRow> = {};
		let any = false;
		for (const [k, c] of index) {
			const v = ws.getRow(r).getCell(c).value;
			const why = unreadableCell(v);
			if (why)
				out.problems.push({
					sheet: ws.name,
					rowNo: r,
					column: `${columnLetter(c)} 列“${progressHeader(k)}”`,
					message: `第 ${r} 行：${why}`,
					hint: '在 Excel/WPS 中打开并保存一次，或把公式换成它的值（复制 → 选择性粘贴 → 数值）。',
				});
			values[k] = why ? '' : normalizeText(cellText(v));
			const refused = refusedCellText(values[k]);
			if (refused)
				out.problems.push({
					sheet: ws.name,
					rowNo: r,
					column: `${columnLetter(c)} 列“${progressHeader(k)}”`,
					message: `第 ${r} 行：${refused.message}`,
					hint: refused.hint,
				});
			if (values[k]!.trim() !== '') any = true;
		}
		if (any) out.rows.push({ rowNo: r, values });
	}
	return out;
}

/** True when a workbook has a sheet (visible or not) with a 调度表 header: `npm run import` then reads progress. */
export async function isProgressWorkbook(path: string): Promise<boolean> {
	const wb = new ExcelJS.Workbook();
	try {
		await wb.xlsx.readFile(path);
	} catch {
		return false;
	}
	return wb.worksheets.some((ws) => {
		for (let r = 1; r <= Math.min(ws.rowCount, 10); r++) if (isProgressHeader(rowTexts(ws, r, cellText))) return true;
		return false;
	});
}
