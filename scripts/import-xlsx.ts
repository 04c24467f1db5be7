#!/usr/bin/env node
// npm run import -- <file.xlsx> [--write] — read the official task-list sheet into content/tasks/*.json.
// Default is a dry run that shows what would change; --write applies it. Never deletes a task.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { asOfFromEnv, exit, parseCli } from './lib/cli.ts';
import { join, relative, resolve } from 'node:path';
import { loadContent } from '#src/lib/content/load.ts';
import { formatProblems } from '#src/lib/content/problems.ts';
import { changeAsSheet, diffTasks, rowsToTasks, taskFileText } from './lib/spreadsheet.ts';
import { validateContent, wholeContentProblems } from '#src/lib/content/validate.ts';
import { byId } from '#src/lib/model/content.ts';
import { readTaskWorkbook } from './lib/xlsx.ts';
import { hiddenAsProblems } from './lib/xlsx-visible.ts';
import { contentDirOf } from '#src/lib/content/layout.ts';
import { importProgress, isProgressWorkbook } from './lib/progress-cli.ts';
import { inputsLimitProblems } from './lib/xlsx-limits.ts';

const USAGE = `用法 / usage: npm run import -- <任务清单.xlsx> [--write] [--content-dir <目录>]
       npm run import -- <调度表.xlsx> [更多调度表.xlsx …] [--write]
  默认只预览：列出将新增和修改的任务及改动的字段（调度表：将写入的进展和写入后网站显示的状态），不写入任何文件。
  --write   确认无误后写入 content/tasks/（只写新增和有改动的任务；表格里没有的任务保持不变）或 content/updates/。`;

const { values, positionals } = parseCli(
	{ options: { write: { type: 'boolean' }, 'content-dir': { type: 'string' } }, allowPositionals: true },
	USAGE,
);
// Read first, so a malformed AS_OF fails before the workbook is read.
const asOf = asOfFromEnv();
const root = process.cwd();
// The size limits before exceljs reads anything: a zip bomb or a million-row sheet is refused in bounded memory.
const oversized = await inputsLimitProblems(positionals, root);
if (oversized.length) {
	console.error(formatProblems(oversized));
	console.error('\n表格超过大小上限或无法解压（见上），没有导入任何内容 / nothing imported');
	exit(1);
}
// Filled 调度表 workbooks (one or many) become progress updates; a task list becomes tasks.
if (positionals.length > 1 || (positionals[0] && (await isProgressWorkbook(resolve(root, positionals[0]))))) {
	exit(
		await importProgress(positionals, {
			write: Boolean(values.write),
			root,
			asOf,
			dir: values['content-dir'],
		}),
	);
}
const input = positionals[0];
if (!input || positionals.length > 1) {
	console.error(`参数错误：请给出一个 .xlsx 文件 / give one .xlsx file\n${USAGE}`);
	exit(2);
}
const file = resolve(root, input);
if (!existsSync(file)) {
	console.error(`找不到文件 ${input} / file not found`);
	exit(2);
}
const contentDir = contentDirOf(values['content-dir'], root);
const { content, problems: loadProblems } = loadContent(contentDir, root);
if (loadProblems.length) {
	console.error(formatProblems(loadProblems));
	console.error('\n现有内容有问题，先改正再导入（npm run check）/ fix the content first');
	exit(1);
}

let sheet: Awaited<ReturnType<typeof readTaskWorkbook>>;
try {
	sheet = await readTaskWorkbook(file);
} catch (e) {
	console.error(
		`无法读取 ${input}：${(e as Error).message}\n请确认是 Excel 的 .xlsx 文件（不是 .xls 或 .csv；用 Excel/WPS“另存为 .xlsx”）。`,
	);
	exit(1);
}
const label = relative(root, file) || file;
if (sheet.hidden.length) {
	console.error(formatProblems(hiddenAsProblems(sheet.hidden, label)));
	console.error('\n要读哪张表、哪些行列不清楚（见上），没有导入任何内容。按提示改好表格后再运行 / nothing imported');
	exit(1);
}
if (!sheet.headerRow) {
	console.error(`${label}: 前 10 行中找不到表头（含“序号”或“反馈问题”的一行）/ no header row found`);
	exit(1);
}
if (sheet.missing.length) {
	console.error(
		`${label}:${sheet.headerRow}: 表头缺少这些列：${sheet.missing.join('、')} / missing columns\n    → 用 npm run export 导出一份，照它的表头填写。`,
	);
	exit(1);
}

const { tasks, problems } = rowsToTasks(sheet.rows, { content }, label);
// A formula without a stored value or an error value (#REF!) would import as empty or as garbage: refuse it.
for (const c of sheet.unreadable)
	problems.push({
		file: label,
		line: c.rowNo,
		field: c.column,
		message: `第 ${c.rowNo} 行：${c.message}`,
		hint: c.hint ?? '在 Excel/WPS 中打开并保存一次（保存计算结果），或把公式换成它的值（复制 → 选择性粘贴 → 数值）。',
	});
if (problems.length) {
	console.error(formatProblems(problems));
	console.error(`\n表格有 ${problems.length} 个问题，没有导入任何内容。改正表格后再运行 / nothing imported`);
	exit(1);
}

const diff = diffTasks(content.tasks, tasks);
const out: string[] = [`读取 ${label}：${tasks.length} 项任务。`];
for (const t of diff.added) out.push(`  + 新增 ${t.id}  ${t.title}`);
for (const { task, changes } of diff.changed) {
	out.push(`  ~ 修改 ${task.id}  ${task.title}`);
	const before = content.tasks.find((t) => t.id === task.id)!;
	for (const c of changes) {
		const v = changeAsSheet(c, before, task, { content });
		out.push(`      ${v.label}：${v.before}  →  ${v.after}`);
	}
}
out.push(`新增 ${diff.added.length} 项，修改 ${diff.changed.length} 项，未变 ${diff.unchanged} 项。`);
if (diff.notInSheet.length)
	out.push(
		`表格中没有、保持不变的任务：${diff.notInSheet.join('、')}（导入不会删除任务；要删除请删掉 content/tasks/ 下的文件）。`,
	);
console.log(out.join('\n'));

const toWrite = [...diff.added, ...diff.changed.map((c) => c.task)];
// What --write would leave, checked before anything is written, in the preview too: the same references,
// rules and ledger as npm run check, on content/ with the imported tasks merged in.
const merged = {
	...content,
	tasks: [...content.tasks.filter((t) => !toWrite.some((w) => w.id === t.id)), ...toWrite].sort(byId),
};
const rowOf = new Map(tasks.map((t, i) => [t.id, sheet.rows[i]?.rowNo]));
const after = wholeContentProblems(merged, asOf, contentDir, root).map((p) => {
	const id = /\/tasks\/([^/]+)\.json$/.exec(p.file)?.[1];
	const row = id && toWrite.some((w) => w.id === id) ? rowOf.get(id) : undefined;
	return row ? { ...p, file: label, line: row, message: `第 ${row} 行（任务 ${id}）：${p.message}` } : p;
});
if (after.length) {
	console.error(formatProblems(after));
	console.error(
		`\n导入后内容检查将不通过，${values.write ? '没有写入任何文件' : '这是预览，没有写入任何文件'}。常见原因：任务编号与已有任务重复、方案中声明的任务数（declaredTotals）与任务数不一致、改动了已发布任务的内容。改正表格或方案后再运行 / nothing imported`,
	);
	exit(1);
}
if (!values.write) {
	console.log(
		toWrite.length
			? '\n这是预览，没有写入任何文件。确认无误后运行：npm run import -- ' + input + ' --write'
			: '\n没有需要写入的改动。',
	);
	exit(0);
}
mkdirSync(join(contentDir, 'tasks'), { recursive: true });
const written = toWrite.map((t) => {
	const path = join(contentDir, 'tasks', `${t.id}.json`);
	writeFileSync(path, taskFileText(t));
	return relative(root, path) || path;
});
console.log(`\n已写入 ${written.length} 个任务文件。`);
const check = validateContent(contentDir, asOf, root);
if (check.problems.length) {
	console.error(formatProblems(check.problems));
	console.error(
		'\n导入后内容检查未通过：常见原因是方案中声明的任务数（declaredTotals）与任务文件数不一致。改正后运行 npm run check。',
	);
	exit(1);
}
if (written.length)
	console.log(`内容检查通过。提交：\n\n  git add ${written.join(' ')}\n  git commit -m "导入任务清单 ${input}"\n`);
