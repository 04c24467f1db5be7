// The inverse of src/lib/publish/csv.ts, for tests that read the published CSV back (the site never parses CSV).
import { BOM } from '../../src/lib/publish/csv.ts';

/** Parses RFC 4180 CSV (LF or CRLF line ends, optional BOM) into rows of fields; throws on a malformed quote. */
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
