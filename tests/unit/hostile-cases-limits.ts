// Hostile cases of the size limits (src/lib/model/limits.ts): oversized files are refused on their size before
// they are parsed, oversized fields and field names by path and line; no message echoes the oversized value.
import type { Fixture, HostileCase } from './hostile-cases.ts';

const U = 'updates/s-01/2019-10-08.md';
const T = 'tasks/s-01.json';
const swap = (rel: string, from: string, to: string) => (fx: Fixture) => fx.swap(rel, from, to);

export const LIMIT_CASES: HostileCase[] = [
	{
		name: 'limits: a 3 MB update narrative is refused on its size',
		kind: 'update',
		apply: swap(U, '正文。', '很长的正文。'.repeat(175_000)),
		file: U,
		field: null,
		line: 'none',
		message: /^进展文件（含正文）超过上限：3 MB，上限 100 KB/,
	},
	{
		name: 'limits: a task file of 120 KB',
		kind: 'task',
		apply: (fx) => fx.editJson(T, (t) => (t.problem = '问'.repeat(40_000))),
		file: T,
		field: null,
		line: 'none',
		message: /^任务文件超过上限：117\.\d KB，上限 100 KB/,
	},
	{
		name: 'limits: a plan title of 25,000 characters',
		kind: 'plan',
		apply: (fx) => fx.editJson('plans/p1.json', (p) => (p.title = '题'.repeat(25_000))),
		file: 'plans/p1.json',
		field: 'title',
		line: { containing: '"title"' },
		message: /^单个字段超过上限：25,000 字，上限 20,000 字/,
	},
	{
		name: 'limits: an update title of 21,000 characters in the frontmatter',
		kind: 'update',
		apply: swap(U, 'title: 推进中', `title: ${'进'.repeat(21_000)}`),
		file: U,
		field: 'title',
		line: { containing: 'title: 进进' },
		message: /^单个字段超过上限：21,000 字/,
	},
	{
		name: 'limits: an unknown field name of 5,000 characters',
		kind: 'update',
		apply: swap(U, 'title: 推进中', `title: 推进中\n${'k'.repeat(5_000)}: 1`),
		file: U,
		field: null,
		line: 'none',
		message: /^字段名超过上限：5,000 字，上限 100 字/,
	},
	{
		name: 'limits: a units file of 3 MB',
		kind: 'taxonomy',
		apply: (fx) => fx.editJson('units.json', (u) => (u[0].note = 'x'.repeat(3 * 1024 * 1024))),
		file: 'units.json',
		field: null,
		line: 'none',
		message: /^设置或分类文件超过上限：3 MB，上限 2 MB/,
	},
];
