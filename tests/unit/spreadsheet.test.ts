import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { loadContent } from '#src/lib/content/load.ts';
import {
	changeAsSheet,
	diffTasks,
	excelSerialToIso,
	mapHeaders,
	rowsToTasks,
	rowToTask,
	taskFileText,
} from '#scripts/lib/spreadsheet.ts';
import { taskToRow, tasksToRows, type SheetRow } from '#src/lib/publish/task-sheet.ts';
import { readTaskWorkbook, writeTaskWorkbook } from '#scripts/lib/xlsx.ts';
import { makeContent } from './fixtures.ts';

const tmp = mkdtempSync(join(tmpdir(), 'zg-xlsx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const bundled = loadContent(resolve('content'));

describe('spreadsheet round trip', { timeout: 60_000 }, () => {
	it('bundled content loads cleanly', () => expect(bundled.problems).toEqual([]));

	it('export → import is lossless for the bundled tasks (records deep-equal, files byte-identical)', async () => {
		const xlsx = join(tmp, 'tasks.xlsx');
		await writeTaskWorkbook(xlsx, tasksToRows(bundled.content));
		const sheet = await readTaskWorkbook(xlsx);
		expect(sheet.missing).toEqual([]);
		expect(sheet.rows).toHaveLength(bundled.content.tasks.length);
		const { tasks, problems } = rowsToTasks(sheet.rows, { content: bundled.content }, 'tasks.xlsx');
		expect(problems).toEqual([]);
		const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
		expect([...tasks].sort(byId)).toEqual([...bundled.content.tasks].sort(byId));
		for (const t of tasks) expect(taskFileText(t)).toBe(readFileSync(join('content/tasks', `${t.id}.json`), 'utf8'));
		expect(diffTasks(bundled.content.tasks, tasks)).toMatchObject({
			added: [],
			changed: [],
			unchanged: tasks.length,
			notInSheet: [],
		});
	});

	it('import --write into an empty tasks folder recreates the same records (via the CLI)', async () => {
		const { execFileSync } = await import('node:child_process');
		const dir = join(tmp, 'content');
		cpSync('content', dir, { recursive: true });
		rmSync(join(dir, 'tasks'), { recursive: true });
		const xlsx = join(tmp, 'cli.xlsx');
		const env = { ...process.env, AS_OF: '2021-06-30' };
		execFileSync(process.execPath, ['scripts/export-xlsx.ts', xlsx], { env });
		const dry = execFileSync(process.execPath, ['scripts/import-xlsx.ts', xlsx, '--content-dir', dir], {
			env,
		}).toString();
		expect(dry).toContain(`新增 ${bundled.content.tasks.length} 项`);
		expect(dry).toContain('这是预览');
		expect(readdirSync(dir)).not.toContain('tasks');
		execFileSync(process.execPath, ['scripts/import-xlsx.ts', xlsx, '--write', '--content-dir', dir], { env });
		const again = loadContent(dir);
		expect(again.problems).toEqual([]);
		expect(again.content.tasks).toEqual(bundled.content.tasks);
	});

	it('reads a sheet with a title row above the header, retyped numbers and real Excel dates', async () => {
		const c = makeContent();
		const row = taskToRow(c.tasks[0]!, 1, { content: c });
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Sheet1');
		ws.addRow(['山西省整改任务清单']);
		const headers = [
			'序号',
			'系列',
			'编号',
			'任务名称',
			'反馈问题',
			'整改目标',
			'整改措施',
			'牵头单位',
			'配合单位',
			'责任人',
			'整改时限',
			'完成时限',
			'涉及城市',
			'问题方面',
			'对应措施',
			'来源性质',
			'来源说明',
		];
		ws.addRow(headers);
		ws.addRow([
			1,
			'系列',
			1,
			row.title,
			row.problem,
			row.targets,
			row.measures,
			'山西省生态环境厅',
			'',
			'厅长',
			'2019年底前',
			new Date(Date.UTC(2019, 11, 31)),
			'太原市',
			row.area,
			row.measure,
			'示例',
			'示例',
		]);
		const xlsx = join(tmp, 'official.xlsx');
		await wb.xlsx.writeFile(xlsx);
		const sheet = await readTaskWorkbook(xlsx);
		expect(sheet.headerRow).toBe(2);
		const { tasks, problems } = rowsToTasks(sheet.rows, { content: c }, 'official.xlsx');
		expect(problems).toEqual([]);
		expect(tasks[0]).toMatchObject({ id: 's-01', no: '01', dueDate: '2019-12-31', leadUnits: ['u1'], cities: ['c1'] });
	});
});

describe('rowToTask errors', () => {
	const c = makeContent();
	const good = (): SheetRow => taskToRow(c.tasks[0]!, 1, { content: c });
	const errs = (over: Partial<SheetRow>, rowNo = 7) =>
		rowToTask({ ...good(), ...over }, rowNo, { content: c }, 'x.xlsx').problems;

	it('accepts its own export', () => expect(errs({})).toEqual([]));
	it('names an unknown unit with the row number and column', () => {
		const p = errs({ leadUnits: '省生态环境厅、省环保厅' }, 12);
		expect(p).toEqual([expect.objectContaining({ file: 'x.xlsx', line: 12, field: '牵头单位' })]);
		expect(p[0]!.message).toContain('第 12 行：未知的责任单位“省环保厅”');
	});
	it.each([
		['cities', { cities: '太原市、火星市' }, '涉及城市', '未知的城市“火星市”'],
		['measure', { measure: '不存在的措施' }, '所属整改措施', '未知的整改措施'],
		['area', { area: '不存在' }, '问题方面', '未知的问题方面'],
		['batch', { batch: '2030年底前' }, '整改时限批次', '未知的整改时限批次'],
		['series', { series: '别的系列' }, '任务系列', '未知的任务系列'],
		['date', { dueDate: '2019-02-30' }, '原定整改时限', '不存在'],
		['full-width date', { dueDate: '２０１９-12-31' }, '原定整改时限', '全角'],
		['full-width no', { no: '０１' }, '系列内序号', '全角'],
		['empty title', { title: '' }, '任务名称', '缺少必填字段'],
		['no title', { title: '' }, '任务名称', '缺少必填字段'],
		['bad provenance', { provenanceKind: '官方' }, '数据性质', '数据性质只能是'],
		['sources JSON', { sources: '[{' }, '来源（JSON）', '不是有效的 JSON'],
		['plan', { plan: '别的方案' }, '所属方案', '未知的方案'],
	])('%s', (_, over, field, msg) => {
		const p = errs(over);
		expect(p.length).toBeGreaterThan(0);
		expect(p[0]).toMatchObject({ line: 7, field });
		expect(p[0]!.message).toContain(msg);
	});
	it('reports duplicate rows with both row numbers', () => {
		const { problems } = rowsToTasks(
			[
				{ rowNo: 2, values: good() },
				{ rowNo: 5, values: good() },
			],
			{ content: c },
			'x.xlsx',
		);
		expect(problems).toHaveLength(1);
		expect(problems[0]!.message).toContain('第 5 行：任务“s-01”与第 2 行重复');
	});
	it('reports missing required columns; accepts header variants', () => {
		expect(mapHeaders(['序号', '反馈问题']).missing).toContain('任务名称');
		// A plan without targets, units or deadlines (issue #22) prints no such columns: not missing.
		expect(mapHeaders(['序号', '反馈问题']).missing).not.toContain('整改目标');
		expect(
			mapHeaders([
				'序号',
				'系列',
				'编号',
				'任务名称',
				'反馈问题',
				'整改目标',
				'具体整改措施',
				'责任单位 (牵头)',
				'整改时限',
				'完成日期',
				'问题方面',
				'对应措施',
				'来源性质',
			]).missing,
		).toEqual([]);
	});
	it('converts Excel serial dates', () => expect(excelSerialToIso(44196)).toBe('2020-12-31'));
	it('diff names changed fields', () => {
		const t = c.tasks[0]!;
		const d = diffTasks(
			[t],
			[
				{ ...t, title: '新标题' },
				{ ...t, id: 's-09' },
			],
		);
		expect(d.changed[0]!.changes).toEqual([{ field: 'title', before: t.title, after: '新标题' }]);
		expect(d.added.map((x) => x.id)).toEqual(['s-09']);
		const after = { ...t, supportUnits: ['u2'] };
		const [change] = diffTasks([t], [after]).changed[0]!.changes;
		expect(changeAsSheet(change!, t, after, { content: c })).toEqual({
			label: '配合单位',
			before: '（空）',
			after: '太原市',
		});
	});
});
