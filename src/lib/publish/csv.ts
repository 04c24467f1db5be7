/**
 * CSV as RFC 4180 writes it (CRLF records, fields quoted when they hold a comma, quote, CR or LF,
 * quotes doubled), with a UTF-8 byte-order mark so that Excel on Windows reads the Chinese correctly.
 */

/** The byte-order mark put in front of every CSV file we publish. */
export const BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: quoted (and inner quotes doubled) only when RFC 4180 requires it. */
export function csvField(value: string): string {
	return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A whole CSV text: header row then data rows, CRLF after every record, BOM in front unless `bom: false`. */
export function toCsv(rows: readonly (readonly string[])[], opts: { bom?: boolean } = {}): string {
	const body = rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');
	return (opts.bom === false ? '' : BOM) + body;
}
