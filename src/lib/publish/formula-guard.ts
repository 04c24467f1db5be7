/**
 * What a spreadsheet would evaluate in a CSV cell, and the two reversible forms that stop it (issue #26): a cell is
 * guarded only when a spreadsheet would read it as a formula, never because of its first character alone, so "-5",
 * "+1" or "a=b" stay byte-identical to the JSON. Browser-safe: the task list's filtered download uses it too.
 */

// OWASP, CSV injection: Excel reads a cell that starts with = + - @ as a formula (=HYPERLINK(…) becomes a live link,
// "- 列表项" becomes #NAME?); a leading tab or CR hides that start from a naive check but not from a spreadsheet
// that strips it. LibreOffice evaluates only "=…"; we guard for the stricter reader.
const FORMULA_START = /^[\t\r]*[=+\-@]/;
// What Excel and LibreOffice read as a number rather than a formula: -5, +1, -0.5, 1e3, 12%.
const PLAIN_NUMBER = /^[\t\r]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$/;

/** True when a spreadsheet opening the CSV would evaluate this cell (= + - @, maybe after tabs/CRs, not a number). */
export function wouldEvaluate(value: string): boolean {
	const rest = value.replace(/^[\t\r]+/, '');
	return rest.length > 1 && FORMULA_START.test(value) && !PLAIN_NUMBER.test(value);
}

/** A guard: the character put in front of a cell a spreadsheet would evaluate. */
export interface FormulaGuard {
	/** The character prefixed: ' for ordinary cells, a space for Markdown (a list item may be indented). */
	prefix: string;
}

/** Ordinary cells: one leading apostrophe (OWASP), which spreadsheets show as text. */
export const TEXT_GUARD: FormulaGuard = { prefix: "'" };

/**
 * Markdown cells (update bodies): one leading space. CommonMark allows up to three spaces before a block, so the
 * text renders exactly as before ("- 列表" stays a list), while no spreadsheet sees = + - @ first. Bodies are
 * published trimmed, so a body never starts with a space of its own.
 */
export const MARKDOWN_GUARD: FormulaGuard = { prefix: ' ' };

// A value needs the prefix when a spreadsheet would evaluate it, or when it already starts with the prefix in front
// of such a value (so that removing one prefix always gives the original back: the mapping is one-to-one).
function needsGuard(value: string, g: FormulaGuard): boolean {
	if (wouldEvaluate(value)) return true;
	return value.startsWith(g.prefix) && needsGuard(value.slice(g.prefix.length), g);
}

/** The cell as published: the guard's prefix in front when a spreadsheet would evaluate it, else unchanged. */
export function guardCell(value: string, g: FormulaGuard = TEXT_GUARD): string {
	return needsGuard(value, g) ? g.prefix + value : value;
}

/** The inverse of guardCell: the original value of a published cell (other values unchanged). */
export function unguardCell(value: string, g: FormulaGuard = TEXT_GUARD): string {
	return value.startsWith(g.prefix) && needsGuard(value.slice(g.prefix.length), g)
		? value.slice(g.prefix.length)
		: value;
}
