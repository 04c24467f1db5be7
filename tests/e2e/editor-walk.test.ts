// The walk of issue #22: a person who knows Excel and not git, following docs/editing.md only, sets up a site for a
// four-item audit list (§7) and publishes two months of progress through the 调度表 workbook (§8, §5). The commands
// are the ones the guide prints, run in a copy of the project (so sites/ and dist/ are the person's own); the Excel
// work is done with exceljs on the files the commands wrote, as the person would in Excel or WPS.
import { spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';

const project = mkdtempSync(join(tmpdir(), 'zg-walk-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));
// The project as the person downloaded it (its own files; its bundled content is not used).
for (const f of [
	'.htmlvalidate.json',
	'package.json',
	'astro.config.mjs',
	'tsconfig.json',
	'src',
	'scripts',
	'public',
	'ops',
])
	cpSync(f, join(project, f), { recursive: true });
symlinkSync(join(process.cwd(), 'node_modules'), join(project, 'node_modules'));

const site = 'sites/audit-2023';
/** One command as the guide writes it, `CONTENT_DIR=sites/audit-2023 npm run …`, in the person's project folder. */
function run(...args: string[]): { status: number | null; out: string } {
	const env: NodeJS.ProcessEnv = { ...process.env, CONTENT_DIR: site, ASTRO_TELEMETRY_DISABLED: '1' };
	delete env.AS_OF; // a person does not set the as-of date: today
	env.PATH = `${join(process.cwd(), 'node_modules/.bin')}:${env.PATH}`;
	const r = spawnSync('npm', ['run', '--silent', ...args], { cwd: project, env, encoding: 'utf8', timeout: 300_000 });
	return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}
const ok = (...args: string[]) => {
	const r = run(...args);
	expect(r.status, r.out).toBe(0);
	return r.out;
};
/** Opens a workbook the person was given, lets them edit the sheet `sheet`, saves it under the same name. */
async function inExcel(file: string, sheet: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<void> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.readFile(join(project, file));
	edit(wb.getWorksheet(sheet)!);
	await wb.xlsx.writeFile(join(project, file));
}
/** A header's column number in a header row. */
const col = (ws: ExcelJS.Worksheet, row: number, header: string) => {
	let n = 0;
	ws.getRow(row).eachCell((c, i) => (c.value === header ? (n = i) : undefined));
	if (!n) throw new Error(`no column ${header}`);
	return n;
};
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const monthsAgo = (n: number) => {
	const d = new Date(`${today}T00:00:00Z`);
	d.setUTCDate(1);
	d.setUTCMonth(d.getUTCMonth() - n + 1);
	d.setUTCDate(0); // the last day of the month n months ago
	return d.toISOString().slice(0, 10);
};

const PROBLEMS = [
	['专项资金未及时拨付', '县财政局未按规定时限拨付农村人居环境整治专项资金。'],
	['工程项目未按规定招标', '两个道路工程项目未按规定公开招标。'],
	['国有资产出租未经审批', '部分办公用房出租未履行审批程序。'],
	['会计核算不规范', '个别单位往来款项长期挂账未清理。'],
];

describe('an office adopts the site for a four-item audit list and publishes two months of progress', () => {
	it('§7: npm run new, then the task list from Excel', { timeout: 300_000 }, async () => {
		ok(
			'new',
			'--',
			'--yes',
			'--id',
			'audit-2023',
			'--title',
			'某县审计发现问题整改情况',
			'--jurisdiction',
			'某县',
			'--issuer',
			'某县审计局',
			'--published',
			'2023-08-15',
			'--series',
			'rw|整改事项|审计发现问题整改|n',
		);
		expect(existsSync(join(project, site, 'ledger.json'))).toBe(true);
		ok('export', '--', '任务清单.xlsx');
		await inExcel('任务清单.xlsx', '整改任务清单', (ws) => {
			const h = (name: string) => col(ws, 1, name);
			PROBLEMS.forEach(([title, problem], i) => {
				const row = ws.getRow(2 + i);
				row.getCell(h('任务系列')).value = '整改事项';
				row.getCell(h('系列内序号')).value = String(i + 1);
				row.getCell(h('任务名称')).value = title;
				row.getCell(h('反馈问题')).value = problem;
				row.getCell(h('数据性质')).value = '正式';
			});
		});
		expect(ok('import', '--', '任务清单.xlsx')).toContain('这是预览，没有写入任何文件');
		ok('import', '--', '任务清单.xlsx', '--write');
		expect(readdirSync(join(project, site, 'tasks')).filter((f) => f.endsWith('.json'))).toHaveLength(4);
		// §7 step 5: the placeholders in settings.json replaced in Notepad.
		const settingsPath = join(project, site, 'settings.json');
		const settings = JSON.parse(readFileSync(settingsPath, 'utf8'));
		for (const s of settings)
			for (const f of Object.values(s.identity ?? {}) as { value: string; placeholder: boolean }[]) {
				f.value = f.value.replace(/（占位，待填写）/, '');
				if (!f.value.trim()) f.value = '某县审计局';
				f.placeholder = false;
			}
		writeFileSync(settingsPath, JSON.stringify(settings, null, 2));
	});

	for (const [month, fill] of [
		[1, { 1: '已完成', 2: '未达到序时进度', 3: '达到序时进度' }],
		[2, { 2: '已完成', 3: '达到序时进度', 4: '长期坚持' }],
	] as const)
		it(`§8 and §5: month ${month} through the 调度表, then the release`, { timeout: 400_000 }, async () => {
			const out = ok('export', '--', '--progress', '调度表.xlsx');
			expect(out).toMatch(/已导出 \d 项未完成任务/);
			await inExcel('调度表.xlsx', '调度表', (ws) => {
				for (let r = 3; r <= ws.rowCount; r++) {
					const no = String(ws.getRow(r).getCell(col(ws, 2, '任务编号')).value)
						.split('-')
						.at(-1);
					const status = (fill as Record<string, string>)[Number(no)];
					if (!status) continue;
					ws.getRow(r).getCell(col(ws, 2, '本月状态')).value = status;
					ws.getRow(r).getCell(col(ws, 2, '形成日期')).value = new Date(`${monthsAgo(3 - month)}T00:00:00Z`);
					ws.getRow(r).getCell(col(ws, 2, '进展说明')).value = `第 ${month} 个月：${status}。`;
				}
			});
			const preview = ok('import', '--', '调度表.xlsx');
			expect(preview).toContain('网站将显示：');
			ok('import', '--', '调度表.xlsx', '--write');
			const release = ok('build:release');
			expect(release).toContain(month === 1 ? '首次正式发布' : '已对照上次发布的网站');
			const published = JSON.parse(readFileSync(join(project, 'dist/data/ledger.json'), 'utf8'));
			expect(Object.keys(published.updates)).toHaveLength(month === 1 ? 3 : 6);
			const ledger = JSON.parse(readFileSync(join(project, site, 'ledger.json'), 'utf8'));
			expect(ledger.updates).toEqual(published.updates);
		});

	it('what the public sees, and a published update that can no longer be edited', () => {
		const page = readFileSync(join(project, 'dist/tasks/rw-2/index.html'), 'utf8');
		expect(page).toContain('已完成');
		const tasks = readdirSync(join(project, site, 'updates', 'rw-1'));
		const file = join(project, site, 'updates', 'rw-1', tasks[0]!);
		writeFileSync(file, readFileSync(file, 'utf8').replace('第 1 个月', '第一个月'));
		const check = run('check');
		expect(check.status).toBe(1);
		expect(check.out).toContain(`npm run ledger -- --restore rw-1/${tasks[0]!.replace(/\.md$/, '')}`);
		ok('ledger', '--', '--restore', `rw-1/${tasks[0]!.replace(/\.md$/, '')}`);
		ok('check');
	});
});
