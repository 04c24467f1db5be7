// npm run import -- 调度表.xlsx [more.xlsx…] [--write]: the units' filled 调度表 become progress updates. The preview
// lists every update it will write with the public status the task will then show and why (statusAfter, the site's
// own rule); any problem, named by file, sheet, row and column, stops everything; nothing is written without --write.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CONTENT_LAYOUT } from '#src/lib/content/layout.ts';
import { loadContent } from '#src/lib/content/load.ts';
import { formatProblems, type Problem } from '#src/lib/content/problems.ts';
import { validateContent, wholeContentProblems } from '#src/lib/content/validate.ts';
import type { UpdateRecord } from '#src/lib/model/content.ts';
import { taskNumber } from '#src/lib/model/names.ts';
import { statusAfter } from '#src/lib/model/status-after.ts';
import { STATUS_LABELS } from '#src/lib/model/statuses.ts';
import { isUnreported, rowToDraft, type SheetPlace } from './progress-sheet.ts';
import { readProgressWorkbook } from './progress-xlsx.ts';
import { hiddenAsProblems } from './xlsx-visible.ts';
import { draftRecord, renderUpdateFile, updateFileName, type UpdateDraft } from './update-file.ts';

/** One update the import will write. */
interface Planned {
	draft: UpdateDraft;
	record: UpdateRecord;
	path: string;
	place: SheetPlace;
}

/** Reads every workbook into planned updates; problems name file, sheet, row and column. */
async function readAll(
	files: { path: string; label: string }[],
	o: { contentDir: string; asOf: string },
	content: ReturnType<typeof loadContent>['content'],
): Promise<{ planned: Planned[]; problems: Problem[]; unreported: number }> {
	const planned: Planned[] = [];
	const problems: Problem[] = [];
	let unreported = 0;
	const taken = new Map<string, string[]>(); // task → file names used, so two reports of one day get -2, -3 …
	for (const f of files) {
		let read: Awaited<ReturnType<typeof readProgressWorkbook>>;
		try {
			read = await readProgressWorkbook(f.path);
		} catch (e) {
			problems.push({
				file: f.label,
				message: `无法读取：${(e as Error).message} / not a readable .xlsx`,
				hint: '请确认是 Excel 的 .xlsx 文件（不是 .xls 或 .csv；用 Excel/WPS“另存为 .xlsx”）。',
			});
			continue;
		}
		problems.push(...hiddenAsProblems(read.problems, f.label));
		for (const row of read.rows) {
			const place: SheetPlace = { file: f.label, sheet: read.sheet!, rowNo: row.rowNo, letters: read.letters };
			if (isUnreported(row.values)) {
				unreported++;
				continue;
			}
			const { draft, problems: rowProblems } = rowToDraft(row.values, place, content, o.asOf);
			problems.push(...rowProblems);
			if (!draft) continue;
			const dir = join(o.contentDir, CONTENT_LAYOUT.updates, draft.task);
			const names = taken.get(draft.task) ?? (existsSync(dir) ? readdirSync(dir) : []);
			const name = updateFileName(names, draft.factDate);
			taken.set(draft.task, [...names, name]);
			const record = draftRecord(draft, `${draft.task}/${name.slice(0, -3)}`);
			if (record) planned.push({ draft, record, path: join(dir, name), place });
		}
	}
	return { planned, problems, unreported };
}

/** The whole import: preview, or with `write` the files; returns the exit code. */
export async function runProgressImport(
	files: { path: string; label: string }[],
	o: { write: boolean; contentDir: string; root: string; asOf: string; command: string },
): Promise<number> {
	const { content, problems: loadProblems } = loadContent(o.contentDir, o.root);
	if (loadProblems.length) {
		console.error(formatProblems(loadProblems));
		console.error('\n现有内容有问题，先改正再导入（npm run check）/ fix the content first');
		return 1;
	}
	const { planned, problems, unreported } = await readAll(files, o, content);
	// What --write would leave, checked before anything is written: the same rules as npm run check, with the new
	// updates merged in; a problem in a new update points back to its row.
	const merged = { ...content, updates: [...content.updates, ...planned.map((p) => p.record)] };
	if (!problems.length)
		for (const q of wholeContentProblems(merged, o.asOf, o.contentDir, o.root)) {
			const hit = planned.find((p) => q.file.endsWith(`${p.record.id}.md`));
			problems.push(
				hit
					? {
							...q,
							file: hit.place.file,
							line: hit.place.rowNo,
							field: `工作表“${hit.place.sheet}” ${q.field ?? ''}`.trim(),
							message: `第 ${hit.place.rowNo} 行（任务 ${hit.record.task}）：${q.message}`,
						}
					: q,
			);
		}
	if (problems.length) {
		console.error(formatProblems(problems));
		console.error(`\n调度表有 ${problems.length} 个问题，没有写入任何进展。改正表格后再运行 / nothing imported`);
		return 1;
	}
	const plans = new Map(content.plans.map((p) => [p.id, p]));
	const tasks = new Map(content.tasks.map((t) => [t.id, t]));
	const out = [
		`读取 ${files.map((f) => f.label).join('、')}：${planned.length} 条本月进展，${unreported} 项任务本月未填报。`,
	];
	for (const p of planned) {
		const task = tasks.get(p.record.task)!;
		const mine = planned.filter((x) => x.record.task === task.id).map((x) => x.record);
		const upto = mine.slice(0, mine.indexOf(p.record) + 1);
		const after = statusAfter(task, content.updates, upto, o.asOf);
		out.push(
			`  + ${relative(o.root, p.path) || p.path}  ${taskNumber(task, plans.get(task.plan))} ${p.record.factDate} ${STATUS_LABELS[p.record.status]}“${p.record.title}”（${p.place.file} 第 ${p.place.rowNo} 行）`,
			`      网站将显示：${after.reason}`,
		);
	}
	console.log(out.join('\n'));
	if (!o.write) {
		console.log(
			planned.length ? `\n这是预览，没有写入任何文件。确认无误后运行：${o.command} --write` : '\n没有需要写入的进展。',
		);
		return 0;
	}
	const written: string[] = [];
	for (const p of planned) {
		mkdirSync(join(p.path, '..'), { recursive: true });
		writeFileSync(p.path, renderUpdateFile(p.draft), { flag: 'wx' });
		written.push(p.path);
	}
	const check = validateContent(o.contentDir, o.asOf, o.root);
	if (check.problems.length) {
		// The preview ran the same checks, so this is a race with another edit: leave nothing behind.
		for (const w of written) rmSync(w);
		console.error(formatProblems(check.problems));
		console.error('\n写入后内容检查未通过，已撤回本次写入的全部进展 / nothing imported');
		return 1;
	}
	console.log(
		`\n已写入 ${written.length} 条进展，内容检查通过。它们还没有发布：正式发布用 npm run build:release；发布前写错的可以改文件或用 npm run update -- --undo 逐条删除。`,
	);
	return 0;
}
