// The editors' task-list workbook (.xlsx) written with exceljs by `npm run export` (scripts/lib/xlsx.ts); readers get
// /data/zhenggai.xlsx (reader-workbook.ts) instead. The sheet layout is src/lib/publish/task-sheet.ts.
import ExcelJS from 'exceljs';
import { neutraliseCell } from './csv.ts';
import { assertCarriable } from '#src/lib/model/text-policy.ts';
import { COLUMNS, type ColumnKey, type SheetRow } from './task-sheet.ts';

/** Name of the sheet export writes and import looks for first. */
export const SHEET_NAME = '整改任务清单';

const WIDTHS: Partial<Record<ColumnKey, number>> = {
	seq: 6,
	no: 6,
	title: 24,
	problem: 60,
	targets: 40,
	measures: 60,
	leadUnits: 20,
	supportUnits: 20,
	provenanceNote: 40,
	sources: 40,
};

/**
 * The bytes of the task-list workbook (what writeTaskWorkbook writes). With `date`
 * (YYYY-MM-DD, the as-of date) the file is reproducible: the workbook's created/modified dates and every zip entry's
 * time are that date, so two builds of the same content give the same bytes and checksum.
 */
export async function taskWorkbookBytes(
	rows: readonly SheetRow[],
	notes: readonly [string, string][] = [],
	date?: string,
): Promise<Uint8Array<ArrayBuffer>> {
	const wb = new ExcelJS.Workbook();
	wb.creator = '整改公开';
	if (date) wb.created = wb.modified = new Date(`${date}T00:00:00Z`);
	const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
	ws.columns = COLUMNS.map((c) => ({
		header: c.header,
		key: c.key,
		width: WIDTHS[c.key as ColumnKey] ?? 14,
		style: { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } },
	}));
	ws.getRow(1).font = { bold: true };
	// Cells an editor's spreadsheet would read as formulas get a leading ' (OWASP); import takes it off again.
	for (const r of rows)
		ws.addRow(
			Object.fromEntries(
				Object.entries(r).map(([k, v]) => [k, neutraliseCell(assertCarriable('xlsx', v, `xlsx ${k}`))]),
			),
		);
	if (notes.length) {
		const help = wb.addWorksheet('填写说明');
		help.columns = [
			{ header: '列', key: 'col', width: 18 },
			{ header: '填写说明', key: 'text', width: 100, style: { alignment: { wrapText: true, vertical: 'top' } } },
		];
		help.getRow(1).font = { bold: true };
		for (const [col, text] of notes) help.addRow({ col, text: assertCarriable('xlsx', text, `xlsx ${col}`) });
	}
	const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
	if (date) setZipEntryDates(bytes, date);
	return bytes;
}

/**
 * Sets the modification date of every entry of a zip file in place (local headers and central directory; the time
 * fields are not covered by the CRC). JSZip, which exceljs uses, stamps entries with the time of writing.
 */
export function setZipEntryDates(zip: Uint8Array, date: string): void {
	const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const dosDate = ((y - 1980) << 9) | (m << 5) | d;
	// End of central directory: signature 0x06054b50, the last 22+ bytes (no zip comment from JSZip).
	let eocd = zip.length - 22;
	while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
	if (eocd < 0) throw new Error('not a zip file');
	const entries = view.getUint16(eocd + 10, true);
	let at = view.getUint32(eocd + 16, true);
	for (let i = 0; i < entries; i++) {
		if (view.getUint32(at, true) !== 0x02014b50) throw new Error('zip: bad central directory');
		view.setUint16(at + 12, 0, true);
		view.setUint16(at + 14, dosDate, true);
		const local = view.getUint32(at + 42, true);
		if (view.getUint32(local, true) !== 0x04034b50) throw new Error('zip: bad local header');
		view.setUint16(local + 10, 0, true);
		view.setUint16(local + 12, dosDate, true);
		at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
	}
}
