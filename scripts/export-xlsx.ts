#!/usr/bin/env node
// npm run export [-- <file.xlsx>] — write the task list in the layout of the official spreadsheet.
import { asOfFromEnv, exit, parseCli } from './lib/cli.ts';
import { exportProgress } from './lib/progress-cli.ts';
import { mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { loadContent } from '#src/lib/content/load.ts';
import { formatProblems } from '#src/lib/content/problems.ts';
import { sheetNotes, tasksToRows } from '#src/lib/publish/task-sheet.ts';
import { writeTaskWorkbook } from './lib/xlsx.ts';
import { contentDirOf } from '#src/lib/content/layout.ts';

const USAGE = `用法 / usage: npm run export [-- <文件.xlsx>] [--content-dir <目录>]
  把全部整改任务导出为任务清单表格（默认写到 exports/tasks.xlsx，该目录不纳入 git）；表格的第二页“填写说明”列出各列可用的名称。
       npm run export -- --progress [--unit 单位] [<文件.xlsx>]
  导出月度调度表：该单位牵头、尚未完成的每项任务一行（当前状态、整改时限、最近一次进展），
  留出本月填报的列（状态下拉选择、日期、进展说明、证明材料）；默认写到 exports/调度表-<单位>-<日期>.xlsx。`;

const { values, positionals } = parseCli(
	{
		options: { 'content-dir': { type: 'string' }, progress: { type: 'boolean' }, unit: { type: 'string' } },
		allowPositionals: true,
	},
	USAGE,
);
if (positionals.length > 1 || (positionals[0] && !positionals[0].endsWith('.xlsx'))) {
	console.error(`参数错误：只能给一个以 .xlsx 结尾的文件名 / one .xlsx file name\n${USAGE}`);
	exit(2);
}
const root = process.cwd();
if (values.progress || values.unit) {
	const o = { root, asOf: asOfFromEnv(), unit: values.unit, file: positionals[0], dir: values['content-dir'] };
	exit(await exportProgress(o));
}
// The default goes to exports/ (ignored by git), never into the repository itself.
const out = resolve(root, positionals[0] ?? join('exports', 'tasks.xlsx'));
mkdirSync(dirname(out), { recursive: true });
const { content, problems } = loadContent(contentDirOf(values['content-dir'], root), root);
if (problems.length) {
	console.error(formatProblems(problems));
	console.error('\n内容有问题，先改正再导出（npm run check）/ fix the content first');
	exit(1);
}
const rows = tasksToRows(content);
await writeTaskWorkbook(out, rows, sheetNotes(content));
console.log(`已导出 ${rows.length} 项任务到 ${relative(root, out) || out}`);
