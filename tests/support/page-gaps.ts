// What a page of a plan of another shape must never show (issue #22): a table column with no value in any row, a
// field shown as 无 or left empty, and the words a missing value prints (undefined, NaN, null, [object Object]).
import { Parser } from 'htmlparser2';

/** One gap found on a page, in words a failing test prints. */
export type Gap = string;

interface Cell {
	text: string;
	col: number;
}

const MISSING_WORDS = /undefined|NaN|\[object Object\]/;
/** Text that stands for a missing value where a value would be. */
const EMPTY_VALUE = /^(无|—|-|null|)$/;

/** The gaps of one HTML page (scripts, styles and attributes are not read: only what a reader sees). */
export function pageGaps(html: string): Gap[] {
	const gaps: Gap[] = [];
	const tables: { head: string[]; rows: Cell[][] }[] = [];
	let skip = 0;
	let cell: { tag: string; text: string } | undefined;
	let row: Cell[] | undefined;
	let inHead = false;
	let dt = '';
	let inDt = false;
	const text: string[] = [];
	const parser = new Parser(
		{
			onopentag(name) {
				if (name === 'script' || name === 'style' || name === 'template') skip++;
				if (name === 'table') tables.push({ head: [], rows: [] });
				if (name === 'thead') inHead = true;
				if (name === 'tr') row = [];
				if (name === 'td' || name === 'th' || name === 'dd') cell = { tag: name, text: '' };
				if (name === 'dt') {
					inDt = true;
					dt = '';
				}
			},
			ontext(t) {
				if (skip) return;
				text.push(t);
				if (cell) cell.text += t;
				if (inDt) dt += t;
			},
			onclosetag(name) {
				if (name === 'script' || name === 'style' || name === 'template') skip--;
				if (name === 'thead') inHead = false;
				if (name === 'dt') inDt = false;
				if ((name === 'td' || name === 'th') && cell && row) {
					const t = cell.text.trim();
					const table = tables.at(-1);
					if (inHead) table?.head.push(t);
					else row.push({ text: t, col: row.length });
					cell = undefined;
				}
				if (name === 'dd' && cell) {
					if (EMPTY_VALUE.test(cell.text.trim())) gaps.push(`“${dt.trim()}”一项是“${cell.text.trim()}”`);
					cell = undefined;
				}
				if (name === 'tr' && row && !inHead && row.length) tables.at(-1)?.rows.push(row);
			},
		},
		{ decodeEntities: true },
	);
	parser.write(html);
	parser.end();
	for (const t of tables) {
		for (const [col, head] of t.head.entries()) {
			const values = t.rows.map((r) => r[col]?.text ?? '');
			if (values.length && values.every((v) => EMPTY_VALUE.test(v))) gaps.push(`表格的“${head}”一列全空`);
		}
		for (const r of t.rows)
			for (const c of r) if (c.text === '无') gaps.push(`表格“${t.head[c.col] ?? ''}”一格写着“无”`);
	}
	const words = text.join('').match(MISSING_WORDS);
	if (words) gaps.push(`页面上有“${words[0]}”`);
	return gaps;
}
