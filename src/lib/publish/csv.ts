/**
 * CSV as RFC 4180 writes it (CRLF records, fields quoted when they hold a comma, quote, CR or LF,
 * quotes doubled), with a UTF-8 byte-order mark so that Excel on Windows reads the Chinese correctly.
 */

import { guardCell, MARKDOWN_GUARD, TEXT_GUARD, unguardCell } from './formula-guard.ts';

/** The byte-order mark put in front of every CSV file we publish. */
export const BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]/;

/** A cell value a spreadsheet shows as text: one leading ' when it would be read as a formula (formula-guard.ts). */
export function neutraliseCell(value: string): string {
	return guardCell(value, TEXT_GUARD);
}

/** The value a neutralised cell stood for (import reads back what export wrote); other values are unchanged. */
export function restoreCell(value: string): string {
	return unguardCell(value, TEXT_GUARD);
}

/** One CSV field: quoted (and inner quotes doubled) only when RFC 4180 requires it. */
export function csvField(value: string): string {
	return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * A whole CSV text: header row then data rows (cells a spreadsheet would evaluate guarded: Markdown columns, given by
 * index in `markdown`, with a leading space, others with '), CRLF after every record, BOM in front unless `bom: false`.
 */
export function toCsv(
	rows: readonly (readonly string[])[],
	opts: { bom?: boolean; markdown?: readonly number[] } = {},
): string {
	const md = new Set(opts.markdown ?? []);
	const cell = (v: string, i: number) => csvField(guardCell(v, md.has(i) ? MARKDOWN_GUARD : TEXT_GUARD));
	const body = rows.map((r) => r.map(cell).join(',') + '\r\n').join('');
	return (opts.bom === false ? '' : BOM) + body;
}

/** The original value of a published CSV cell (what toCsv guarded), for a Markdown column or another. */
export function csvCellValue(cell: string, markdown = false): string {
	return unguardCell(cell, markdown ? MARKDOWN_GUARD : TEXT_GUARD);
}

/**
 * Parses RFC 4180 CSV (LF or CRLF line ends, optional BOM) into rows of fields; throws on a malformed quote. The
 * task list's "下载当前筛选结果" reads tasks.csv with it; tests read every published CSV back with it.
 */
export function parseCsv(text: string): string[][] {
	const s = text.startsWith(BOM) ? text.slice(1) : text;
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let i = 0;
	let quotedField = false;
	while (i < s.length) {
		const c = s[i];
		if (c === '"' && field === '' && !quotedField) {
			// A quoted field runs to the next quote that is not doubled.
			quotedField = true;
			i++;
			for (;;) {
				const q = s.indexOf('"', i);
				if (q < 0) throw new Error(`CSV: unterminated quoted field starting before offset ${i}`);
				field += s.slice(i, q);
				if (s[q + 1] === '"') {
					field += '"';
					i = q + 2;
				} else {
					i = q + 1;
					break;
				}
			}
			if (i < s.length && s[i] !== ',' && s[i] !== '\r' && s[i] !== '\n')
				throw new Error(`CSV: text after a closing quote at offset ${i}`);
		} else if (c === ',') {
			row.push(field);
			field = '';
			quotedField = false;
			i++;
		} else if (c === '\r' || c === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			quotedField = false;
			i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
		} else {
			if (c === '"') throw new Error(`CSV: stray quote inside an unquoted field at offset ${i}`);
			field += c;
			i++;
		}
	}
	// A last record without a line end still counts.
	if (field !== '' || quotedField || row.length) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}
