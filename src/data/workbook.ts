// /data/tasks.xlsx: the task list in the layout of the official spreadsheet, written by the same exporter as
// `npm run export` (src/lib/publish/workbook.ts and task-sheet.ts, which scripts/lib/xlsx.ts calls), dated to the
// build's as-of date so two builds of the same content give the same bytes. Read by the data page, the manifest and
// the file's endpoint.
import type { DataFile } from '#src/lib/publish/data-files.ts';
import { sheetNotes, tasksToRows } from '#src/lib/publish/task-sheet.ts';
import { taskWorkbookBytes } from '#src/lib/publish/workbook.ts';
import { getSite } from './site.ts';

/** The media type of .xlsx files. */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let cached: Promise<DataFile> | undefined;

/** The workbook as a data file (computed once per build). */
export function getWorkbook(): Promise<DataFile> {
	return (cached ??= (async () => {
		const site = await getSite();
		const rows = tasksToRows(site.content);
		const bytes = await taskWorkbookBytes(rows, sheetNotes(site.content), site.asOf);
		return { name: 'tasks.xlsx', mediaType: XLSX_TYPE, bytes, dataset: 'tasks', records: rows.length };
	})());
}
