// The monthly 调度表 (#22 item 3) and the importers reading only what the editor sees (#25 item 7): export a unit's
// open tasks, fill the report columns as a unit would, round-trip through LibreOffice, preview (with the public
// status afterwards), refuse with sheet/row/column, write only with --write.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { PROGRESS_SHEET } from '#scripts/lib/progress-sheet.ts';

const tmp = mkdtempSync(join(tmpdir(), 'zg-progress-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const content = join(tmp, 'content');
cpSync('content', content, { recursive: true });
const env = { ...process.env, AS_OF: '2021-06-30' };
const cli = (script: string, ...args: string[]) =>
	spawnSync(process.execPath, [`scripts/${script}.ts`, '--content-dir', content, ...args], { env, encoding: 'utf8' });
const exported = join(tmp, 'exported.xlsx');

/** Opens a workbook, lets `fill` change its 调度表 sheet as an editor would, saves it as `name`. */
async function filled(name: string, fill: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<string> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.readFile(exported);
	fill(wb.getWorksheet(PROGRESS_SHEET)!, wb);
	const path = join(tmp, name);
	await wb.xlsx.writeFile(path);
	return path;
}
/** The row of a task in the exported sheet. */
const rowOf = (ws: ExcelJS.Worksheet, id: string) => {
	for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(`A${r}`).value === id) return r;
	throw new Error(`no row for ${id}`);
};
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const updates = (task: string) => readdirSync(join(content, 'updates', task)).sort();

describe('npm run export -- --progress', { timeout: 60_000 }, () => {
	it('writes one row per open task with a status drop-down and date cells', async () => {
		const r = cli('export-xlsx', '--progress', exported);
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout).toContain('已导出 4 项未完成任务');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile(exported);
		const ws = wb.getWorksheet(PROGRESS_SHEET)!;
		const ids = [3, 4, 5, 6].map((n) => ws.getCell(`A${n}`).value);
		expect(ids).toEqual(['dq-07', 'hkk-08', 'hkk-10', 'hkk-23']);
		expect(ws.getCell(`F${rowOf(ws, 'hkk-08')}`).value).toBe('逾期未完成');
		expect(ws.getCell('H3').dataValidation).toMatchObject({
			type: 'list',
			formulae: ['"已完成,长期坚持,未达到序时进度,达到序时进度"'],
		});
		expect(ws.getCell('I3').numFmt).toBe('yyyy-mm-dd');
		expect(ws.getCell('I3').dataValidation?.type).toBe('date');
	});
	it('refuses an unknown unit, naming the units there are', () => {
		const r = cli('export-xlsx', '--progress', '--unit', '省环保厅', join(tmp, 'x.xlsx'));
		expect(r.status).toBe(2);
		expect(r.stderr).toContain('没有名为“省环保厅”的责任单位；可用的名称：省生态环境厅');
	});
});

describe('npm run import -- 调度表.xlsx', { timeout: 120_000 }, () => {
	it('round-trips through LibreOffice: preview with the public status afterwards, writes only with --write', async () => {
		const path = await filled('填好.xlsx', (ws) => {
			const a = rowOf(ws, 'dq-07');
			ws.getCell(`H${a}`).value = '已完成';
			ws.getCell(`I${a}`).value = day('2021-06-28');
			ws.getCell(`L${a}`).value = '全部完成。\n已通过自查。';
			ws.getCell(`M${a}`).value = '验收报告';
			ws.getCell(`N${a}`).value = 'https://sthjt.shanxi.gov.cn/a';
			const b = rowOf(ws, 'hkk-08');
			ws.getCell(`H${b}`).value = '已完成';
			ws.getCell(`I${b}`).value = day('2020-06-20');
			ws.getCell(`L${b}`).value = '补报：去年已完成。';
		});
		const out = join(tmp, 'lo');
		mkdirSync(out);
		execFileSync(
			'soffice',
			[
				`-env:UserInstallation=file://${join(tmp, 'lo-profile')}`,
				'--headless',
				'--convert-to',
				'xlsx',
				'--outdir',
				out,
				path,
			],
			{ stdio: 'ignore', timeout: 90_000 },
		);
		const back = join(out, '填好.xlsx');
		const before = updates('dq-07');
		const preview = cli('import-xlsx', back);
		expect(preview.status, preview.stderr).toBe(0);
		expect(preview.stdout).toContain('2 条本月进展，2 项任务本月未填报');
		expect(preview.stdout).toContain('网站将显示：将显示已完成（示例）：依据本条报告的“已完成”');
		expect(preview.stdout).toContain(
			'网站将显示：仍显示逾期未完成（示例）：2020-12-31 的进展（达到序时进度）晚于本条，网站以最新一条为准',
		);
		expect(preview.stdout).toContain('这是预览，没有写入任何文件');
		expect(updates('dq-07')).toEqual(before);
		const write = cli('import-xlsx', back, '--write');
		expect(write.status, write.stderr).toBe(0);
		expect(updates('dq-07')).toEqual([...before, '2021-06-28.md'].sort());
		const check = spawnSync(process.execPath, ['scripts/check.ts'], { env: { ...env, CONTENT_DIR: content } });
		expect(check.status).toBe(0);
	});
	it('refuses with every problem by file, sheet, row and column, and writes nothing', async () => {
		const path = await filled('有错.xlsx', (ws) => {
			const a = rowOf(ws, 'hkk-10');
			ws.getCell(`H${a}`).value = '基本完成';
			ws.getCell(`I${a}`).value = '2021/6/30';
			ws.getCell(`L${a}`).value = '说明';
			const b = rowOf(ws, 'hkk-23');
			ws.getCell(`I${b}`).value = day('2021-06-01');
			ws.getCell(`N${b}`).value = 'javascript:alert(1)';
			ws.getCell(`M${b}`).value = '材料';
		});
		const before = updates('hkk-10');
		const r = cli('import-xlsx', path, '--write');
		expect(r.status).toBe(1);
		const a = 5;
		const b = 6;
		expect(r.stderr).toContain(`有错.xlsx:${a} [工作表“调度表” H 列“本月状态”]: 第 ${a} 行：状态只能是`);
		expect(r.stderr).toContain(`有错.xlsx:${a} [工作表“调度表” I 列“形成日期”]: 第 ${a} 行：日期“2021/6/30”格式不对`);
		expect(r.stderr).toContain(
			`有错.xlsx:${b} [工作表“调度表” H 列“本月状态”]: 第 ${b} 行：填了本月的进展，却没有选本月状态`,
		);
		expect(r.stderr).toContain('没有写入任何进展');
		expect(updates('hkk-10')).toEqual(before);
	});
	it('reads several workbooks at once and names each row by its file', async () => {
		const one = await filled('甲.xlsx', (ws) => {
			const r = rowOf(ws, 'hkk-10');
			ws.getCell(`H${r}`).value = '未达到序时进度';
			ws.getCell(`I${r}`).value = day('2021-06-25');
			ws.getCell(`L${r}`).value = '推进中。';
		});
		const two = await filled('乙.xlsx', (ws) => {
			const r = rowOf(ws, 'hkk-23');
			ws.getCell(`H${r}`).value = '达到序时进度';
			ws.getCell(`I${r}`).value = day('2021-06-26');
			ws.getCell(`L${r}`).value = '推进中。';
		});
		const r = cli('import-xlsx', one, two);
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout).toMatch(/回头看第10号 2021-06-25 未达到序时进度.*甲\.xlsx 第 5 行/);
		expect(r.stdout).toMatch(/回头看第23号 2021-06-26 达到序时进度.*乙\.xlsx 第 6 行/);
	});
});

describe('the importers read only what the editor sees (#25 item 7)', { timeout: 60_000 }, () => {
	it('a hidden row and a hidden 调度表 sheet are refused by name, nothing is written', async () => {
		const path = await filled('隐藏.xlsx', (ws, wb) => {
			const r = rowOf(ws, 'hkk-10');
			ws.getCell(`H${r}`).value = '已完成';
			ws.getCell(`I${r}`).value = day('2021-06-25');
			ws.getCell(`L${r}`).value = '看不见的一行。';
			ws.getRow(r).hidden = true;
			const copy = wb.addWorksheet('旧表');
			copy.getCell('A1').value = '任务编号';
			copy.getCell('B1').value = '本月状态';
			copy.state = 'hidden';
		});
		const r = cli('import-xlsx', path, '--write');
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('隐藏.xlsx [工作表“旧表”]: 工作表“旧表”是隐藏的，却有调度表的表头');
		expect(r.stderr).toContain('隐藏.xlsx:5 [工作表“调度表”]: 第 5 行是隐藏的（或被筛选掉了），里面有内容');
	});
	it('the task list is chosen by its header: a hidden 整改任务清单 is refused, two visible lists are named', async () => {
		const list = join(tmp, 'tasks.xlsx');
		expect(cli('export-xlsx', list).status).toBe(0);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile(list);
		const visible = wb.addWorksheet('Sheet2');
		wb.getWorksheet('整改任务清单')!.eachRow(
			(row, n) => (visible.getRow(n).values = row.values as ExcelJS.CellValue[]),
		);
		const hidden = join(tmp, 'hidden-list.xlsx');
		wb.getWorksheet('整改任务清单')!.state = 'hidden';
		await wb.xlsx.writeFile(hidden);
		const r = cli('import-xlsx', hidden);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('工作表“整改任务清单”是隐藏的，却有任务清单的表头');
		wb.getWorksheet('整改任务清单')!.state = 'visible';
		const two = join(tmp, 'two-lists.xlsx');
		await wb.xlsx.writeFile(two);
		const t = cli('import-xlsx', two);
		expect(t.status).toBe(1);
		expect(t.stderr).toContain('有 2 张工作表都有任务清单的表头：“整改任务清单”、“Sheet2”');
		expect(existsSync(join(content, 'tasks', 'hkk-02.json'))).toBe(true);
	});
});
