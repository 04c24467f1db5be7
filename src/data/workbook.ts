// /data/zhenggai.xlsx: the readers' workbook (every dataset as a sheet, src/lib/publish/reader-workbook.ts), dated to
// the build's as-of date so two builds of the same content give the same bytes. Read by the data page, the manifest
// and the file's endpoint. The editors' template (tasks.xlsx) is written by `npm run export` only.
import type { DataFile } from '#src/lib/publish/data-files.ts';
import { READER_WORKBOOK, readerWorkbookBytes } from '#src/lib/publish/reader-workbook.ts';
import { getSite } from './site.ts';
import { siteUrlOf } from './site-url.ts';

/** The media type of .xlsx files. */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let cached: Promise<DataFile> | undefined;

/** The workbook as a data file (computed once per build). */
export function getWorkbook(site: URL | undefined): Promise<DataFile> {
	return (cached ??= (async () => {
		const model = await getSite();
		const bytes = await readerWorkbookBytes(model, siteUrlOf(site));
		return { name: READER_WORKBOOK, mediaType: XLSX_TYPE, bytes };
	})());
}
