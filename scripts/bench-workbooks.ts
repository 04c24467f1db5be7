#!/usr/bin/env node
// Peak memory of `npm run import` on the largest workbooks the limits accept and on the inputs that cross them
// (#25 item 2): writes each workbook into DIR, runs the import preview on it under /usr/bin/time -v (a copy of
// content/, AS_OF=2021-06-30) and prints its exit code, first problem, peak resident memory and wall time.
// Usage: node scripts/bench-workbooks.ts [DIR]   (default: a new folder under the system temp folder)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCli } from './lib/cli.ts';
import { loadContent } from '#src/lib/content/load.ts';
import { LIMITS } from '#src/lib/model/limits.ts';
import { COLUMNS, tasksToRows, type SheetRow } from '#src/lib/publish/task-sheet.ts';
import { writeTaskWorkbook } from './lib/xlsx.ts';
import { progressRows, type ProgressRow } from './lib/progress-sheet.ts';
import { writeProgressWorkbook } from './lib/progress-xlsx.ts';
import { bareRowsXml, tableXml, workbookParts, zeroBomb, zipBytes } from './lib/bench-workbooks.ts';

const { positionals } = parseCli(
	{ allowPositionals: true, options: {} },
	'usage: node scripts/bench-workbooks.ts [DIR]',
);
const dir = positionals[0] ?? mkdtempSync(join(tmpdir(), 'zg-bench-workbooks-'));
mkdirSync(dir, { recursive: true });
const content = loadContent('content').content;
const ROWS = LIMITS.sheetRows.max - 1; // the header is a row too
const MB = 1024 * 1024;

/** The task list at the row limit: the bundled tasks' rows, repeated with new numbers, by the export's own writer. */
async function largestTaskList(path: string): Promise<void> {
	const base = tasksToRows(content);
	// Numbers 100–9999 in each series (the schema allows four digits): 19,800 rows of two series, all new tasks.
	const bySeries = [...Map.groupBy(base, (r) => r.id.split('-')[0]!).values()];
	const rows: SheetRow[] = Array.from({ length: Math.min(ROWS, bySeries.length * 9900) }, (_, i) => {
		const same = bySeries[i % bySeries.length]!;
		const r = same[Math.floor(i / bySeries.length) % same.length]!;
		const no = String(100 + Math.floor(i / bySeries.length));
		return { ...r, seq: String(i + 1), no, id: `${r.id.split('-')[0]}-${no}` };
	});
	await writeTaskWorkbook(path, rows);
}

/** The 调度表 at the row limit, every row filled in as a unit would. */
async function largestProgress(path: string): Promise<void> {
	const open = progressRows(content, '2021-06-30');
	if (typeof open === 'string') throw new Error(open);
	const rows: ProgressRow[] = Array.from({ length: ROWS - 1 }, (_, i) => ({
		...open[i % open.length]!,
		newStatus: '达到序时进度',
		factDate: '2021-06-25',
		newTitle: `第 ${i + 1} 条月报`,
		text: '本月按计划推进，完成现场核查和台账整理，下月继续督导。'.repeat(4),
	}));
	await writeProgressWorkbook(path, rows, { title: '调度表（基准测试）', asOf: '2021-06-30' });
}

/** The densest sheet the limits accept: a task-list header, then as many one-character cells as fit about 95 MB. */
function densestSheet(): Buffer {
	const headers = COLUMNS.map((c) => c.header);
	const cells = Math.floor((95 * MB) / ROWS / 52);
	return zipBytes(
		workbookParts(
			'整改任务清单',
			tableXml(headers, ROWS, cells, () => '甲'),
		),
	);
}

const cases: [string, () => Promise<void> | void][] = [
	['bundled-task-list.xlsx', () => writeTaskWorkbook(join(dir, 'bundled-task-list.xlsx'), tasksToRows(content))],
	['largest-task-list.xlsx', () => largestTaskList(join(dir, 'largest-task-list.xlsx'))],
	['largest-progress.xlsx', () => largestProgress(join(dir, 'largest-progress.xlsx'))],
	['densest-sheet.xlsx', () => writeFileSync(join(dir, 'densest-sheet.xlsx'), densestSheet())],
	['over-file-size.xlsx', () => writeFileSync(join(dir, 'over-file-size.xlsx'), Buffer.alloc(21 * MB))],
	[
		'zip-bomb.xlsx',
		() => {
			const parts = workbookParts('整改任务清单', '');
			parts[4] = { ...parts[4]!, deflated: zeroBomb(1000), declared: 2048 };
			writeFileSync(join(dir, 'zip-bomb.xlsx'), zipBytes(parts));
		},
	],
	[
		'million-rows.xlsx',
		() => writeFileSync(join(dir, 'million-rows.xlsx'), zipBytes(workbookParts('整改任务清单', bareRowsXml(1e6)))),
	],
];

const contentCopy = join(dir, 'content');
cpSync('content', contentCopy, { recursive: true });
console.log('file | size | exit | first line of the report | peak RSS | wall');
for (const [name, make] of cases) {
	await make();
	const file = join(dir, name);
	const run = spawnSync(
		'/usr/bin/time',
		['-v', process.execPath, 'scripts/import-xlsx.ts', file, '--content-dir', contentCopy],
		{ env: { ...process.env, AS_OF: '2021-06-30' }, encoding: 'utf8', maxBuffer: 256 * MB },
	);
	const peak = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] ?? NaN);
	const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)/.exec(run.stderr)?.[1];
	const exit = /Exit status: (\d+)/.exec(run.stderr)?.[1] ?? String(run.status);
	// The first problem of a refused import (formatProblems indents each by two spaces; time -v's lines by a tab),
	// else the preview's last line.
	const first = (
		exit === '0' ? run.stdout.trim().split('\n').at(-1) : run.stderr.split('\n').find((l) => /^ {2}\S/.test(l))
	)
		?.trim()
		.replace(/^.*\/(?=[^/]*\.xlsx|content\/)/, '')
		.slice(0, 100);
	const size = (statSync(file).size / MB).toFixed(1);
	console.log(`${name} | ${size} MB | ${exit} | ${first ?? ''} | ${Math.round(peak / 1024)} MB | ${wall}`);
}
console.log(`(files in ${dir})`);
