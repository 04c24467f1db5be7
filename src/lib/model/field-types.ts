/**
 * The field types, defined once: how a value of each type is named (data dictionary, error messages), what JSON
 * value carries it (the JSON Schema of the data files), how the CSV writes and reads it, and how the editors' task
 * sheet writes and reads it. Read by src/lib/publish/columns.ts, data-schema.ts, task-sheet.ts,
 * DataDictionary.astro, scripts/lib/spreadsheet.ts and the editor messages (src/lib/content/problems.ts), so a
 * field of any of these types needs no code of its own. Pure data and functions: the browser bundles read it too.
 */

/** The JSON value that carries a type (data-schema.ts turns it into the JSON Schema; `url` is an http(s) string). */
export type JsonKind = 'string' | 'url' | 'integer' | 'number' | 'boolean' | 'date' | 'enum' | 'strings' | 'any';

/** One field type. */
export interface FieldTypeDef {
	/** Its name in the data dictionary and in editor messages (应为…). */
	label: string;
	json: JsonKind;
	/** A present value as CSV text. */
	toCsv: (v: unknown) => string;
	/** A non-empty CSV cell as the value (throws on a cell the type cannot hold). */
	fromCsv: (cell: string, key: string) => unknown;
	/** A value as the text of a task-sheet cell (empty for none). */
	toSheet: (v: unknown) => string;
	/**
	 * A trimmed, non-empty task-sheet cell as the value for the schema to check; a cell the type cannot hold is
	 * passed on as text, so the editor message quotes what was typed (应为数字，现在是文字“约五百”).
	 */
	fromSheet: (cell: string) => unknown;
}

const text = (v: unknown) => String(v);
const same = (cell: string) => cell;
const lines = (cell: string) =>
	cell
		.split('\n')
		.map((x) => x.trim())
		.filter(Boolean);
// Numbers as spreadsheets and people type them: 1,234.5 and full-width digits are not numbers to the schema.
const NUMBER = /^-?\d+(\.\d+)?$/;
const number = (cell: string) => (NUMBER.test(cell) ? Number(cell) : cell);
const plain = { toCsv: text, fromCsv: same, toSheet: text, fromSheet: same };

/** Every field type, by key (FieldDef.type). */
export const FIELD_TYPES = {
	text: { label: '文本', json: 'string', ...plain },
	id: { label: '编号', json: 'string', ...plain },
	date: { label: '日期', json: 'date', ...plain },
	int: { label: '整数', json: 'integer', ...plain, fromCsv: Number, fromSheet: number },
	number: { label: '数字', json: 'number', ...plain, fromCsv: Number, fromSheet: number },
	bool: {
		label: '是/否',
		json: 'boolean',
		toCsv: (v) => (v ? '是' : '否'),
		fromCsv: (cell, key) => {
			if (cell !== '是' && cell !== '否') throw new Error(`${key}: expected 是 or 否, got "${cell}"`);
			return cell === '是';
		},
		toSheet: (v) => (v ? '是' : '否'),
		fromSheet: (cell) => (cell === '是' ? true : cell === '否' ? false : cell),
	},
	enum: { label: '代码', json: 'enum', ...plain },
	ids: {
		label: '编号列表',
		json: 'strings',
		toCsv: (v) => (v as string[]).join(';'),
		fromCsv: (cell) => cell.split(';'),
		toSheet: (v) => (v as string[]).join('\n'),
		fromSheet: lines,
	},
	texts: {
		label: '文本列表',
		json: 'strings',
		toCsv: (v) => (v as string[]).join('\n'),
		fromCsv: (cell) => cell.split('\n'),
		toSheet: (v) => (v as string[]).join('\n'),
		fromSheet: lines,
	},
	json: {
		label: 'JSON',
		json: 'any',
		toCsv: (v) => JSON.stringify(v),
		fromCsv: (cell) => JSON.parse(cell),
		toSheet: (v) => JSON.stringify(v),
		fromSheet: (cell) => {
			try {
				return JSON.parse(cell) as unknown;
			} catch {
				return cell;
			}
		},
	},
	url: { label: '网址', json: 'url', ...plain },
	seq: {
		label: '序号（文本）',
		json: 'string',
		...plain,
		toCsv: (v) => `第${String(v)}号`,
		fromCsv: (cell, key) => {
			const seq = /^第(\d+)号$/.exec(cell);
			if (!seq) throw new Error(`${key}: expected 第NN号, got "${cell}"`);
			return seq[1];
		},
	},
} as const satisfies Record<string, FieldTypeDef>;

/**
 * How a field's values are written. `seq` is a number kept as text for its leading zero (02): the CSV writes it
 * as the plan does, 第02号, because spreadsheets and pandas read a bare 02 as the number 2. `number` may have decimals
 * (an amount in 万元), `int` may not.
 */
export type FieldType = keyof typeof FIELD_TYPES;
