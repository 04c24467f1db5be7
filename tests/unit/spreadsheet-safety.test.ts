// Spreadsheet safety: the OWASP CSV-injection rule on every exported cell (CSV and the task workbook),
// its round trip, and import refusing what it cannot read or what --write would leave broken.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '#src/lib/content/load.ts';
import { csvCellValue, neutraliseCell, restoreCell, toCsv } from '#src/lib/publish/csv.ts';
import { wouldEvaluate } from '#src/lib/publish/formula-guard.ts';
import { parseCsv } from '#src/lib/publish/csv.ts';
import { tasksToRows } from '#src/lib/publish/task-sheet.ts';
import { readTaskWorkbook, writeTaskWorkbook } from '#scripts/lib/xlsx.ts';

const tmp = mkdtempSync(join(tmpdir(), 'zg-sheet-safety-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const FORMULAS = [
	'=HYPERLINK("http://evil.example/","点此")',
	'+1+1',
	'-2+3',
	'@SUM(1)',
	'\t=1',
	'\r=1',
	"=cmd|' /C calc'!A0",
	'- 列表项',
	'+86 351 1234567',
	"'=1",
];
// Numbers a spreadsheet reads as numbers, single characters, and text with = + - @ elsewhere are not formulas.
const PLAIN = [
	'焦化产能',
	'2020-12-31',
	"'已是引号开头",
	'a=b',
	'1-2',
	'',
	'＝全角等号',
	'-5',
	'+1',
	'-0.5',
	'12%',
	'-',
	'=',
];

describe('neutraliseCell (OWASP CSV injection)', () => {
	it('prefixes one apostrophe to cells a spreadsheet would read as a formula, and to nothing else', () => {
		for (const v of FORMULAS) expect(neutraliseCell(v), JSON.stringify(v)).toBe(`'${v}`);
		for (const v of PLAIN) expect(neutraliseCell(v), v).toBe(v);
	});
	it('restoreCell undoes it exactly, and leaves other values alone', () => {
		for (const v of [...FORMULAS, ...PLAIN]) expect(restoreCell(neutraliseCell(v)), JSON.stringify(v)).toBe(v);
		expect(restoreCell("'abc")).toBe("'abc");
		expect(neutraliseCell("'=1")).toBe("''=1");
	});
	it('guards Markdown cells with a leading space that keeps them Markdown, and reverses it', () => {
		const md = ['- 第一项\n- 第二项', '+ 列表', '@某单位 说明', ' - 已有空格', '正文 - 不变', '-5'];
		const csv = toCsv([['正文'], ...md.map((v) => [v])], { markdown: [0] });
		const cells = parseCsv(csv)
			.slice(1)
			.map((r) => r[0]!);
		expect(cells).toEqual([' - 第一项\n- 第二项', ' + 列表', ' @某单位 说明', '  - 已有空格', '正文 - 不变', '-5']);
		expect(cells.map((c) => csvCellValue(c, true))).toEqual(md);
		expect(cells.filter((c) => wouldEvaluate(c))).toEqual([]);
	});
	it('toCsv neutralises every cell, and parsing gives back exactly the neutralised values', () => {
		const rows = [['标题', '说明'], ...FORMULAS.map((v, i) => [v, PLAIN[i % PLAIN.length]!])];
		const csv = toCsv(rows);
		const parsed = parseCsv(csv);
		expect(parsed).toEqual(rows.map((r) => r.map(neutraliseCell)));
		expect(parsed.flat().filter((c) => wouldEvaluate(c))).toEqual([]);
		expect(parsed.map((r) => r.map(restoreCell))).toEqual(rows);
	});
});

describe('task workbook', { timeout: 60_000 }, () => {
	const content = loadContent(resolve('content')).content;

	it('writes formula-like text as neutralised text cells and reads the original back', async () => {
		const rows = tasksToRows(content).slice(0, 3);
		rows[0] = { ...rows[0]!, title: FORMULAS[0]!, problem: FORMULAS[1]! };
		const xlsx = join(tmp, 'f.xlsx');
		await writeTaskWorkbook(xlsx, rows);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile(xlsx);
		const values = wb.worksheets[0]!.getRow(2).values as unknown[];
		expect(values).toContain(`'${FORMULAS[0]}`);
		expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
		const back = await readTaskWorkbook(xlsx);
		expect(back.rows[0]!.values.title).toBe(FORMULAS[0]);
		expect(back.rows[0]!.values.problem).toBe(FORMULAS[1]);
	});

	it('reports a formula cell without a stored value instead of importing "[object Object]"', async () => {
		const rows = tasksToRows(content).slice(0, 1);
		const xlsx = join(tmp, 'nf.xlsx');
		await writeTaskWorkbook(xlsx, rows);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile(xlsx);
		const ws = wb.worksheets[0]!;
		const col = (ws.getRow(1).values as unknown[]).indexOf('任务名称');
		ws.getRow(2).getCell(col).value = { formula: 'CONCAT("a","b")' } as ExcelJS.CellFormulaValue;
		await wb.xlsx.writeFile(xlsx);
		const back = await readTaskWorkbook(xlsx);
		expect(back.unreadable).toEqual([{ rowNo: 2, column: '任务名称', message: expect.stringMatching(/公式/) }]);
		expect(back.rows[0]!.values.title).toBe('');
	});

	it('import: the preview refuses what --write would refuse (a duplicate task number), and --write writes nothing', async () => {
		const dir = join(tmp, 'content');
		cpSync('content', dir, { recursive: true });
		const rows = tasksToRows(content);
		// A new row that repeats the series and number of the first task under another id.
		rows.push({ ...rows[0]!, seq: String(rows.length + 1), id: 'hkk-99' });
		const xlsx = join(tmp, 'dup.xlsx');
		await writeTaskWorkbook(xlsx, rows);
		const run = (...extra: string[]) => {
			try {
				execFileSync(process.execPath, ['scripts/import-xlsx.ts', xlsx, '--content-dir', dir, ...extra], {
					env: { ...process.env, AS_OF: '2021-06-30' },
					stdio: 'pipe',
				});
				return { code: 0, err: '' };
			} catch (e) {
				const x = e as { status: number; stderr: Buffer };
				return { code: x.status, err: x.stderr.toString() };
			}
		};
		const preview = run();
		const write = run('--write');
		expect(preview.code).toBe(1);
		expect(write.code).toBe(1);
		expect(preview.err).toMatch(/任务编号与 .* 重复/);
		expect(preview.err).toMatch(new RegExp(`dup\\.xlsx:${rows.length + 1}`));
		expect(write.err).toMatch(/没有写入任何文件/);
		expect(existsSync(join(dir, 'tasks', 'hkk-99.json'))).toBe(false);
	});
});
