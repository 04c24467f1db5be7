#!/usr/bin/env node
// node scripts/output-bytes.ts DIST TASKS: a built site's output KB per task by page type and by file kind, as the
// bench prints them (issue #28), for a build made by hand.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { exit } from './lib/cli.ts';
import { bytesByFileKind, bytesByPageType, FILE_KINDS, kbPerTask, kbTable, PAGE_TYPES } from './lib/bench-bytes.ts';

const [dist, tasksArg] = process.argv.slice(2);
const tasks = Number(tasksArg);
if (!dist || !(tasks > 0)) {
	console.error('用法：node scripts/output-bytes.ts 输出目录 任务数（例如 /tmp/dist 1000）');
	exit(2);
}
const files = readdirSync(dist!, { recursive: true, withFileTypes: true })
	.filter((e) => e.isFile())
	.map((e) => {
		const p = join(e.parentPath, e.name);
		return { rel: relative(dist!, p).split('\\').join('/'), bytes: statSync(p).size };
	});
const label = `@${tasks}`;
console.log(kbTable('output KB per task', PAGE_TYPES, [{ label, kb: kbPerTask(bytesByPageType(files), tasks) }]));
console.log(kbTable('by file kind', FILE_KINDS, [{ label, kb: kbPerTask(bytesByFileKind(files), tasks) }]));
