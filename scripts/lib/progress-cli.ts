// The command-line side of the 调度表 for scripts/import-xlsx.ts and scripts/export-xlsx.ts, so each calls it in a
// few lines.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { contentDirOf } from '#src/lib/content/layout.ts';
import { loadContent } from '#src/lib/content/load.ts';
import { formatProblems } from '#src/lib/content/problems.ts';
import { runProgressImport } from './progress-import.ts';
import { progressRows } from './progress-sheet.ts';
import { writeProgressWorkbook } from './progress-xlsx.ts';

export { isProgressWorkbook } from './progress-xlsx.ts';

/** npm run import -- 调度表.xlsx [more…] [--write]; returns the exit code. */
export async function importProgress(
	inputs: string[],
	o: { write: boolean; root: string; asOf: string; dir?: string },
): Promise<number> {
	const missing = inputs.filter((f) => !existsSync(resolve(o.root, f)));
	if (missing.length) {
		console.error(`找不到文件：${missing.join('、')} / file not found`);
		return 2;
	}
	const files = inputs.map((f) => ({ path: resolve(o.root, f), label: relative(o.root, resolve(o.root, f)) || f }));
	const command = `npm run import -- ${inputs.join(' ')}`;
	return runProgressImport(files, { ...o, contentDir: contentDirOf(o.dir, o.root), command });
}

/** npm run export -- --progress [--unit 单位] [file.xlsx]; returns the exit code. */
export async function exportProgress(o: {
	root: string;
	asOf: string;
	unit?: string;
	file?: string;
	dir?: string;
}): Promise<number> {
	const { content, problems } = loadContent(contentDirOf(o.dir, o.root), o.root);
	if (problems.length) {
		console.error(formatProblems(problems));
		console.error('\n内容有问题，先改正再导出（npm run check）/ fix the content first');
		return 1;
	}
	const rows = progressRows(content, o.asOf, o.unit);
	if (typeof rows === 'string') {
		console.error(`${rows} / unknown unit`);
		return 2;
	}
	const unit = o.unit ? content.units.find((u) => [u.id, u.name, u.shortName].includes(o.unit!)) : undefined;
	const name = `调度表-${unit ? unit.shortName : '全部'}-${o.asOf}.xlsx`;
	const out = resolve(o.root, o.file ?? join('exports', name));
	mkdirSync(dirname(out), { recursive: true });
	const site = content.settings?.siteName ?? '';
	const title = `${unit ? unit.name : '全部责任单位'} 整改任务调度表（${site}，截至 ${o.asOf}，未完成任务 ${rows.length} 项）`;
	await writeProgressWorkbook(out, rows, { title, asOf: o.asOf });
	console.log(
		`已导出 ${rows.length} 项未完成任务到 ${relative(o.root, out) || out}。\n发给${unit ? unit.shortName : '各责任单位'}填写黄色表头的列，收回后运行：npm run import -- ${relative(o.root, out) || out}`,
	);
	return 0;
}
