// The hostile corpus of workbooks (#25 items 1 and 2): oversized, bombed and million-row files are refused before
// exceljs reads them, with the file, the sheet or part, the limit and the size found (never the content); cells
// with characters the text policy refuses are refused naming file, sheet, row, column and code point.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '#src/lib/content/load.ts';
import { tasksToRows } from '#src/lib/publish/task-sheet.ts';
import { readProgressWorkbook, writeProgressWorkbook } from '#scripts/lib/progress-xlsx.ts';
import { progressRows } from '#scripts/lib/progress-sheet.ts';
import { readTaskWorkbook, writeTaskWorkbook } from '#scripts/lib/xlsx.ts';
import { rowCounter, workbookLimitProblems } from '#scripts/lib/xlsx-limits.ts';
import { hiddenAsProblems } from '#scripts/lib/xlsx-visible.ts';
import { formatProblems } from '#src/lib/content/problems.ts';
import {
	bareRowsXml,
	sheetXml,
	workbookParts,
	zeroBomb,
	zipBytes,
	type ZipPart,
} from '#scripts/lib/bench-workbooks.ts';

const tmp = mkdtempSync(join(tmpdir(), 'zg-hostile-xlsx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const MB = 1024 * 1024;
const write = (name: string, bytes: Buffer) => {
	const path = join(tmp, name);
	writeFileSync(path, bytes);
	return path;
};
/** A minimal workbook whose sheet 任务清单 is `sheet`, with its sheet part replaced by `part` when given. */
const book = (name: string, sheet: Buffer | string, part?: Partial<ZipPart>) => {
	const parts = workbookParts('任务清单', sheet);
	if (part) parts[4] = { ...parts[4]!, ...part };
	return write(name, zipBytes(parts));
};
const HINT = { part: /压缩炸弹/, rows: /删掉表格下方多余的行/, file: /删掉图片、附件/, zip: /Excel 的 \.xlsx 文件/ };

const CASES: { name: string; make: () => string; problems: { field?: string; message: string; hint: RegExp }[] }[] = [
	{
		name: 'a 21 MB file is refused on its size, unread',
		make: () => write('big.xlsx', Buffer.alloc(21 * MB)),
		problems: [
			{ message: '任务清单工作簿超过上限：21 MB，上限 20 MB / over the size limit (workbookFile)', hint: HINT.file },
		],
	},
	{
		name: 'a 1 MB zip bomb declaring 1000 MB is refused on its central directory',
		make: () => book('bomb.xlsx', '', { deflated: zeroBomb(1000), declared: 1000 * MB }),
		problems: [
			{
				field: '工作表“任务清单”',
				message: '工作簿中单个部件解压后超过上限：1000 MB，上限 100 MB / over the size limit (workbookPart)',
				hint: HINT.part,
			},
		],
	},
	{
		name: 'a 1 MB zip bomb declaring 2 KB is refused once it inflates beyond 100 MB',
		make: () => book('bomb-lie.xlsx', '', { deflated: zeroBomb(1000), declared: 2048 }),
		problems: [
			{
				field: '工作表“任务清单”',
				message: '工作簿中单个部件解压后超过上限 100 MB（读到上限即停止读取）/ over the size limit (workbookPart)',
				hint: HINT.part,
			},
		],
	},
	{
		name: 'a sheet of 1,000,000 rows is refused, read only up to the row limit',
		make: () => book('million.xlsx', bareRowsXml(1_000_000)),
		problems: [
			{
				field: '工作表“任务清单”',
				message: '工作表行数超过上限 20,000 行（读到上限即停止读取）/ over the size limit (sheetRows)',
				hint: HINT.rows,
			},
		],
	},
	{
		name: 'a sheet of 20,001 rows is refused',
		make: () => book('20001.xlsx', sheetXml(20_001)),
		problems: [
			{
				field: '工作表“任务清单”',
				message: '工作表行数超过上限 20,000 行（读到上限即停止读取）/ over the size limit (sheetRows)',
				hint: HINT.rows,
			},
		],
	},
	{
		name: 'one row numbered 1,048,576 counts as that many rows (exceljs would build them all)',
		make: () =>
			book('far.xlsx', '<worksheet><sheetData><row r="1048576"><c r="A1048576"/></row></sheetData></worksheet>'),
		problems: [
			{
				field: '工作表“任务清单”',
				message: '工作表行数超过上限：至少 1,048,576 行，上限 20,000 行 / over the size limit (sheetRows)',
				hint: HINT.rows,
			},
		],
	},
	{
		name: 'a sheet name with U+202E is not echoed: the part is named by its path',
		make: () => {
			const parts = workbookParts('清单\u202eevil', bareRowsXml(30_000));
			return write('bidi-name.xlsx', zipBytes(parts));
		},
		problems: [
			{
				field: '部件 xl/worksheets/sheet1.xml',
				message: '工作表行数超过上限 20,000 行（读到上限即停止读取）/ over the size limit (sheetRows)',
				hint: HINT.rows,
			},
		],
	},
	{
		name: 'a zip64 directory declaring 5 GB in its extra field is refused on that size',
		make: () => book('zip64.xlsx', '', { deflated: zeroBomb(1), declared: 5 * 1024 * MB, zip64: true }),
		problems: [
			{
				field: '工作表“任务清单”',
				message: '工作簿中单个部件解压后超过上限：5120 MB，上限 100 MB / over the size limit (workbookPart)',
				hint: HINT.part,
			},
		],
	},
	{
		name: 'a stored (uncompressed) sheet of 20,001 rows is counted as well',
		make: () => book('stored.xlsx', sheetXml(20_001), { method: 0 }),
		problems: [
			{
				field: '工作表“任务清单”',
				message: '工作表行数超过上限 20,000 行（读到上限即停止读取）/ over the size limit (sheetRows)',
				hint: HINT.rows,
			},
		],
	},
	{
		name: 'a part compressed with a method exceljs cannot read (bzip2) is named',
		make: () => book('bzip2.xlsx', 'BZh91AY&SY', { method: 12 }),
		problems: [{ field: '工作表“任务清单”', message: '压缩方式 12 无法读取 / unsupported zip method', hint: HINT.zip }],
	},
	{
		name: 'a CSV saved as .xlsx is not a zip',
		make: () => write('csv.xlsx', Buffer.from('序号,任务名称\n1,甲\n')),
		problems: [{ message: '不是 .xlsx 文件（读不到其中的 zip 目录）/ not an .xlsx (zip) file', hint: HINT.zip }],
	},
	{
		name: 'a part whose deflated bytes are garbage is named as corrupt',
		make: () => book('corrupt.xlsx', '', { deflated: Buffer.from([0xff, 0xff, 0xff, 0xff]), declared: 10 }),
		problems: [
			{
				field: '工作表“任务清单”',
				message: '文件已损坏，这一部分无法解压 / corrupt zip part',
				hint: HINT.zip,
			},
		],
	},
];

describe('hostile workbooks: the size limits, before exceljs reads anything', { timeout: 60_000 }, () => {
	it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
		const path = c.make();
		const found = await workbookLimitProblems(path, 'x.xlsx');
		expect(found).toEqual(c.problems.map((p) => ({ file: 'x.xlsx', ...p, hint: expect.stringMatching(p.hint) })));
		for (const p of found) expect(p.message).not.toContain('\u202e');
	});

	it('a sheet of exactly 20,000 rows, and the bundled export, are within every limit', async () => {
		expect(await workbookLimitProblems(book('20000.xlsx', sheetXml(20_000)), 'x.xlsx')).toEqual([]);
		const exported = join(tmp, 'bundled.xlsx');
		await writeTaskWorkbook(exported, tasksToRows(loadContent('content').content));
		expect(await workbookLimitProblems(exported, 'x.xlsx')).toEqual([]);
	});

	it('counts rows across chunk boundaries, with and without a namespace prefix', () => {
		const counter = rowCounter();
		const xml = '<x:row r="1"><c/></x:row><row r="2" spans="1:3"/><rowBreaks/><row\nr="3"></row>';
		for (let i = 0; i < xml.length; i += 3) counter.feed(Buffer.from(xml.slice(i, i + 3), 'latin1'));
		expect(counter.rows).toBe(3);
	});

	it('npm run import refuses the bomb and the million rows by name, in bounded memory, writing nothing', () => {
		const dir = join(tmp, 'content');
		cpSync('content', dir, { recursive: true });
		const before = readdirSync(join(dir, 'tasks')).sort();
		const made = (name: string) => CASES.find((c) => c.name.startsWith(name))!.make();
		const [bomb, million] = [made('a 1 MB zip bomb declaring 2 KB'), made('a sheet of 1,000,000 rows')];
		const r = spawnSync(process.execPath, ['scripts/import-xlsx.ts', bomb, million, '--content-dir', dir, '--write'], {
			env: { ...process.env, AS_OF: '2021-06-30' },
			encoding: 'utf8',
			timeout: 50_000,
		});
		expect(r.status).toBe(1);
		expect(r.stderr).toContain(
			`bomb-lie.xlsx [工作表“任务清单”]: 工作簿中单个部件解压后超过上限 100 MB（读到上限即停止`,
		);
		expect(r.stderr).toContain(`million.xlsx [工作表“任务清单”]: 工作表行数超过上限 20,000 行`);
		expect(r.stderr).toContain('没有导入任何内容');
		expect(r.stderr).not.toMatch(/Invalid string length|内部错误/);
		expect(readdirSync(join(dir, 'tasks')).sort()).toEqual(before);
	});
});

/** The problems a task-list import shows for a workbook whose first task row gets `title`. */
async function taskListWithTitle(name: string, title: string) {
	const rows = tasksToRows(loadContent('content').content).slice(0, 2);
	rows[0] = { ...rows[0]!, title };
	const path = join(tmp, name);
	await writeTaskWorkbook(path, rows);
	return readTaskWorkbook(path);
}

describe('hostile workbooks: every cell passes the text policy', { timeout: 60_000 }, () => {
	const titleColumn = '工作表“整改任务清单” F 列“任务名称”';
	it.each([
		['U+202E in a title', '标题\u202e反转', 'U+202E（RIGHT-TO-LEFT OVERRIDE，双向控制字符）'],
		['U+2067 (an isolate) in a title', '标题\u2067隔离', 'U+2067（RIGHT-TO-LEFT ISOLATE，双向控制字符）'],
		['U+0085 (a C1 control) in a title', '标题\u0085控制', 'U+0085（控制字符）'],
		['U+FDD0 (a noncharacter) in a title', '标题\ufdd0非字符', 'U+FDD0（Unicode 非字符）'],
	])('the task list refuses %s, naming sheet, row, column and code point', async (_, title, named) => {
		const read = await taskListWithTitle(`t-${named.slice(2, 6)}.xlsx`, title);
		expect(read.unreadable).toEqual([
			{
				rowNo: 2,
				column: titleColumn,
				message: `含有不允许的${named.includes('双向') ? '双向控制字符' : named.includes('非字符') ? 'Unicode 非字符' : '控制字符'} ${named} / forbidden character ${named.slice(0, 6)}`,
				hint: expect.stringMatching(/删除该字符/),
			},
		]);
	});

	it('a cell over the field limit is refused by its size, not echoed', async () => {
		const read = await taskListWithTitle('long.xlsx', '长'.repeat(25_000));
		expect(read.unreadable).toEqual([
			{
				rowNo: 2,
				column: titleColumn,
				message: '单个字段超过上限：25,000 字，上限 20,000 字 / over the size limit (field)',
				hint: expect.stringMatching(/删减这一格/),
			},
		]);
	});

	it('text is stored in NFC: a decomposed 한 reads back composed', async () => {
		const read = await taskListWithTitle('nfd.xlsx', '标题\u1112\u1161\u11ab');
		expect(read.unreadable).toEqual([]);
		expect(read.rows[0]!.values.title).toBe('标题\ud55c');
	});

	it('the 调度表 refuses U+202E in a narrative by file, sheet, row and column (via npm run import)', async () => {
		const content = loadContent('content').content;
		const path = join(tmp, '调度表.xlsx');
		const rows = progressRows(content, '2021-06-30');
		if (typeof rows === 'string') throw new Error(rows);
		await writeProgressWorkbook(path, rows, { title: '调度表', asOf: '2021-06-30' });
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile(path);
		const ws = wb.worksheets.find((w) => w.name === '调度表')!;
		ws.getCell('H3').value = '已完成';
		ws.getCell('I3').value = new Date('2021-06-25T00:00:00Z');
		ws.getCell('L3').value = '进展\u202e说明';
		await wb.xlsx.writeFile(path);
		const read = await readProgressWorkbook(path);
		expect(read.problems).toEqual([
			{
				sheet: '调度表',
				rowNo: 3,
				column: 'L 列“进展说明”',
				message:
					'第 3 行：含有不允许的双向控制字符 U+202E（RIGHT-TO-LEFT OVERRIDE，双向控制字符） / forbidden character U+202E',
				hint: expect.stringMatching(/删除该字符/),
			},
		]);
	});

	it('a hidden sheet named with U+202E is refused by a name printed with the character spelled out', async () => {
		const path = join(tmp, 'bidi-hidden.xlsx');
		await writeTaskWorkbook(path, tasksToRows(loadContent('content').content).slice(0, 2));
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile(path);
		const copy = wb.addWorksheet('旧\u202e表');
		wb.worksheets[0]!.getRow(1).eachCell((cell, c) => (copy.getCell(1, c).value = cell.value));
		copy.state = 'hidden';
		await wb.xlsx.writeFile(path);
		const shown = formatProblems(hiddenAsProblems((await readTaskWorkbook(path)).hidden, 'x.xlsx'));
		expect(shown).toContain('x.xlsx [工作表“旧<U+202E>表”]: 工作表“旧<U+202E>表”是隐藏的，却有任务清单的表头');
		expect(shown).not.toMatch(/\u202e/);
	});
});
