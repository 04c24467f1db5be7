/**
 * CSV as RFC 4180 writes it (CRLF records, fields quoted when they hold a comma, quote, CR or LF,
 * quotes doubled), with a UTF-8 byte-order mark so that Excel on Windows reads the Chinese correctly.
 */

/** The byte-order mark put in front of every CSV file we publish. */
export const BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]/;

// OWASP, CSV injection: a spreadsheet reads a cell that starts with = + - @, tab or carriage return as a formula
// (=HYPERLINK(…) becomes a live link). Such a cell gets one leading apostrophe, which spreadsheets show as text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell value a spreadsheet shows as text: one leading ' before = + - @, tab or CR (OWASP CSV injection guidance). */
export function neutraliseCell(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The value a neutralised cell stood for (import reads back what export wrote); other values are unchanged. */
export function restoreCell(value: string): string {
	return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** One CSV field: quoted (and inner quotes doubled) only when RFC 4180 requires it. */
export function csvField(value: string): string {
	return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * A whole CSV text: header row then data rows (formula-like cells neutralised), CRLF after every record, BOM in front
 * unless `bom: false`.
 */
export function toCsv(rows: readonly (readonly string[])[], opts: { bom?: boolean } = {}): string {
	const body = rows.map((r) => r.map((v) => csvField(neutraliseCell(v))).join(',') + '\r\n').join('');
	return (opts.bom === false ? '' : BOM) + body;
}
