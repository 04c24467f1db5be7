// The bad-input corpus: every way an editor can get content wrong, each asserted to fail
// with the right message at the right file, field (and line where it matters).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateContent } from '#src/lib/content/validate.ts';
import { makeContent } from './fixtures.ts';

const AS_OF = '2021-06-30';
let root: string;
const path = (rel: string) => join(root, 'content', rel);
function write(rel: string, text: string) {
	mkdirSync(join(path(rel), '..'), { recursive: true });
	writeFileSync(path(rel), text);
}
const edit = (rel: string, fn: (s: string) => string) => write(rel, fn(readFileSync(path(rel), 'utf8')));
const editJson = (rel: string, fn: (v: any) => void) =>
	edit(rel, (s) => {
		const v = JSON.parse(s);
		fn(v);
		return JSON.stringify(v, null, 2);
	});
const swap = (rel: string, from: string, to: string) =>
	edit(rel, (s) => {
		if (!s.includes(from)) throw new Error(`fixture ${rel} has no ${from}`);
		return s.replace(from, to);
	});

const UPDATE = `---
task: s-01
status: on_track
factDate: "2019-09-30"
publishedDate: "2019-10-08"
title: 推进中
evidence:
  - title: 工作简报
    url: https://www.shanxi.gov.cn/x
provenance:
  kind: sample
  note: 示例
---
正文。
`;
const U = 'updates/s-01/2019-10-08.md';
const T = 'tasks/s-01.json';
const CLOSING = (closure: string, status = 'completed') =>
	UPDATE.replace('status: on_track', `status: ${status}`).replace('provenance:', `closure:\n${closure}\nprovenance:`);

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'zg-bad-'));
	const c = makeContent();
	write('settings.json', JSON.stringify([c.settings], null, 2));
	write('plans/p1.json', JSON.stringify(c.plans[0], null, 2));
	write('measure-groups.json', JSON.stringify(c.measureGroups, null, 2));
	write('measures.json', JSON.stringify(c.measures, null, 2));
	write('problem-areas.json', JSON.stringify(c.problemAreas, null, 2));
	write('units.json', JSON.stringify(c.units, null, 2));
	write('cities.json', JSON.stringify(c.cities, null, 2));
	for (const { id, ...data } of c.tasks) write(`tasks/${id}.json`, JSON.stringify(data, null, 2));
	write(U, UPDATE);
	write('ledger.json', '{"updates": {}, "tasks": {}}\n'); // a site not yet released
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

interface Case {
	name: string;
	apply: () => void;
	file: string;
	field?: string;
	line?: number;
	message: RegExp;
}

const cases: Case[] = [
	// Broken JSON, YAML, frontmatter
	{
		name: 'JSON: missing comma',
		apply: () => write(T, '{\n  "plan": "p1",\n  "series": "s"\n  "no": "01"\n}'),
		file: T,
		line: 4,
		message: /JSON 格式错误/,
	},
	{
		name: 'JSON: trailing comma',
		apply: () => edit('units.json', (s) => s.replace(/\}\s*\]\s*$/, '},\n]')),
		file: 'units.json',
		message: /JSON 格式错误/,
	},
	{
		name: 'JSON: object instead of array',
		apply: () => write('cities.json', '{"id": "c1"}'),
		file: 'cities.json',
		message: /应为 JSON 数组/,
	},
	{
		name: 'JSON: wrong type (leadUnits as a string)',
		apply: () => editJson(T, (t) => (t.leadUnits = 'u1')),
		file: T,
		field: 'leadUnits',
		line: 16,
		message: /类型不对：应为列表/,
	},
	{
		name: 'YAML: unclosed bracket',
		apply: () => swap(U, 'title: 推进中', 'title: [推进中'),
		file: U,
		message: /YAML 元数据格式错误/,
	},
	{
		name: 'YAML: tab indentation',
		apply: () => swap(U, '  kind: sample', '\tkind: sample'),
		file: U,
		message: /YAML 元数据格式错误/,
	},
	{
		name: 'YAML: duplicate key',
		apply: () => swap(U, 'title: 推进中', 'title: 推进中\ntitle: 又一个'),
		file: U,
		line: 7,
		message: /YAML 元数据格式错误/,
	},
	{
		name: 'YAML: unquoted colon in text',
		apply: () => swap(U, 'title: 推进中', 'title: 进展: 推进中: 三项'),
		file: U,
		message: /YAML 元数据格式错误/,
	},
	{
		name: 'frontmatter: missing',
		apply: () => write(U, '正文，没有元数据。\n'),
		file: U,
		line: 1,
		message: /缺少开头的 YAML 元数据/,
	},
	{
		name: 'frontmatter: not closed',
		apply: () => edit(U, (s) => s.replace('---\n正文', '正文')),
		file: U,
		message: /缺少开头的 YAML 元数据/,
	},
	{
		name: 'missing settings file',
		apply: () => rmSync(path('settings.json')),
		file: 'settings.json',
		message: /文件不存在/,
	},

	// Dates
	{
		name: 'date: 2019-02-30',
		apply: () => swap(U, '"2019-09-30"', '"2019-02-30"'),
		file: U,
		field: 'factDate',
		line: 4,
		message: /不存在/,
	},
	{
		name: 'date: unquoted 2019-02-29 (not a leap year)',
		apply: () => swap(U, '"2019-09-30"', '2019-02-29'),
		file: U,
		field: 'factDate',
		message: /不存在/,
	},
	{
		name: 'date: month 13 in a task',
		apply: () => editJson(T, (t) => (t.dueDate = '2019-13-01')),
		file: T,
		field: 'dueDate',
		message: /不存在/,
	},
	{
		name: 'date: full-width digits',
		apply: () => swap(U, '"2019-10-08"', '"２０１９-10-08"'),
		file: U,
		field: 'publishedDate',
		message: /全角/,
	},
	{
		name: 'date: full-width hyphen',
		apply: () => editJson(T, (t) => (t.dueDate = '2019－12－31')),
		file: T,
		field: 'dueDate',
		message: /全角/,
	},
	{
		name: 'date: slashes',
		apply: () => editJson(T, (t) => (t.dueDate = '2019/12/31')),
		file: T,
		field: 'dueDate',
		message: /格式不对/,
	},
	{
		name: 'date: a number',
		apply: () => editJson(T, (t) => (t.dueDate = 20191231)),
		file: T,
		field: 'dueDate',
		message: /应为日期字符串/,
	},

	// Unknown status, unit, task, measure, …
	{
		name: 'unknown status',
		apply: () => swap(U, 'status: on_track', 'status: done'),
		file: U,
		field: 'status',
		line: 3,
		message: /状态只能是/,
	},
	{
		name: 'status as Chinese label',
		apply: () => swap(U, 'status: on_track', 'status: 已完成'),
		file: U,
		field: 'status',
		message: /状态只能是/,
	},
	{
		name: 'unknown lead unit',
		apply: () => editJson(T, (t) => (t.leadUnits = ['nope'])),
		file: `content/${T}`,
		field: 'leadUnits[0]',
		message: /不存在的责任单位“nope”/,
	},
	{
		name: 'unknown support unit',
		apply: () => editJson(T, (t) => (t.supportUnits = ['u1', 'zz'])),
		file: `content/${T}`,
		field: 'supportUnits[1]',
		message: /不存在的责任单位“zz”/,
	},
	{
		name: 'unknown task in an update',
		apply: () => write('updates/zz-99/2019-10-08.md', UPDATE.replace('task: s-01', 'task: zz-99')),
		file: 'content/updates/zz-99/2019-10-08.md',
		field: 'task',
		message: /不存在的整改任务“zz-99”/,
	},
	{
		name: 'update filed under another task',
		apply: () => swap(U, 'task: s-01', 'task: s-02'),
		file: `content/${U}`,
		field: 'task',
		message: /却指向任务“s-02”/,
	},
	{
		name: 'unknown measure',
		apply: () => editJson(T, (t) => (t.measure = 'm9')),
		file: `content/${T}`,
		field: 'measure',
		message: /不存在的整改措施“m9”/,
	},
	{
		name: 'unknown problem area',
		apply: () => editJson(T, (t) => (t.area = 'a9')),
		file: `content/${T}`,
		field: 'area',
		message: /不存在的问题方面“a9”/,
	},
	{
		name: 'unknown city',
		apply: () => editJson(T, (t) => (t.cities = ['mars'])),
		file: `content/${T}`,
		field: 'cities[0]',
		message: /不存在的城市“mars”/,
	},
	{
		name: 'unknown batch',
		apply: () => editJson(T, (t) => (t.batch = 'end-2030')),
		file: `content/${T}`,
		field: 'batch',
		message: /不存在的整改时限批次/,
	},
	{
		name: 'unknown series',
		apply: () => editJson(T, (t) => (t.series = 'x')),
		file: `content/${T}`,
		field: 'series',
		message: /不存在的任务系列/,
	},
	{
		name: 'correction of an unknown update',
		apply: () => swap(U, 'title: 推进中', 'title: 推进中\ncorrects: s-01/nope'),
		file: `content/${U}`,
		field: 'corrects',
		message: /不存在的进展“s-01\/nope”/,
	},
	{
		name: 'id with capitals',
		apply: () => editJson(T, (t) => (t.leadUnits = ['U1'])),
		file: T,
		field: 'leadUnits.0',
		message: /小写字母/,
	},

	// Duplicates
	{
		name: 'duplicate unit id',
		apply: () => editJson('units.json', (u) => u.push({ ...u[0], name: '另一个' })),
		file: 'content/units.json',
		field: '[2].id',
		message: /编号“u1”重复/,
	},
	{
		name: 'duplicate city id',
		apply: () => editJson('cities.json', (c) => c.push({ ...c[0] })),
		file: 'content/cities.json',
		field: '[1].id',
		message: /编号“c1”重复/,
	},
	{
		name: 'duplicate task number',
		apply: () => cpSync(path(T), path('tasks/s-01-copy.json')),
		file: 'content/tasks/s-01-copy.json',
		field: 'no',
		message: /任务编号与 .* 重复/,
	},
	{
		name: 'duplicate measure id',
		apply: () => editJson('measures.json', (m) => m.push({ ...m[0], no: 2 })),
		file: 'content/measures.json',
		field: '[1].id',
		message: /编号“m1”重复/,
	},

	// Dates against the plan and the as-of date
	{
		name: 'update before the feedback date',
		apply: () => edit(U, (s) => s.replace('"2019-09-30"', '"2019-04-01"').replace('"2019-10-08"', '"2019-04-02"')),
		file: `content/${U}`,
		field: 'factDate',
		message: /早于督察反馈日 2019-05-06/,
	},
	{
		name: 'update published after the as-of date',
		apply: () => swap(U, '"2019-10-08"', '"2021-07-01"'),
		file: `content/${U}`,
		field: 'publishedDate',
		message: /晚于截至日期 2021-06-30/,
	},
	{
		name: 'fact after the as-of date',
		apply: () => edit(U, (s) => s.replace('"2019-09-30"', '"2021-07-02"').replace('"2019-10-08"', '"2021-07-03"')),
		file: `content/${U}`,
		field: 'factDate',
		message: /形成日期 2021-07-02 晚于截至日期/,
	},
	{
		name: 'published before the fact',
		apply: () => swap(U, '"2019-10-08"', '"2019-09-01"'),
		file: U,
		field: 'publishedDate',
		message: /早于形成日期/,
	},

	// Closure
	{
		name: 'notice window ends before it starts',
		apply: () => write(U, CLOSING('  notice:\n    start: "2019-10-01"\n    end: "2019-09-20"\n    contact: "0351-1"')),
		file: U,
		field: 'closure.notice.end',
		message: /公示结束日 2019-09-20 早于开始日 2019-10-01/,
	},
	{
		name: 'notice before acceptance',
		apply: () =>
			write(
				U,
				CLOSING(
					'  acceptance:\n    date: "2019-10-05"\n    by: 省生态环境厅\n  notice:\n    start: "2019-10-01"\n    end: "2019-10-07"\n    contact: "0351-1"',
				),
			),
		file: U,
		field: 'closure.notice.start',
		message: /早于验收日/,
	},
	{
		name: 'closed before the notice ended',
		apply: () =>
			write(
				U,
				CLOSING(
					'  notice:\n    start: "2019-09-01"\n    end: "2019-10-07"\n    contact: "0351-1"\n  closedDate: "2019-10-01"',
					'closed',
				),
			),
		file: U,
		field: 'closure.closedDate',
		message: /早于公示结束日/,
	},
	{
		name: 'closed without a notice window',
		apply: () => write(U, CLOSING('  closedDate: "2019-09-30"', 'closed')),
		file: `content/${U}`,
		field: 'status',
		message: /销号前没有销号公示记录/,
	},
	{
		name: 'closed without a closed date',
		apply: () => swap(U, 'status: on_track', 'status: closed'),
		file: U,
		field: 'closure.closedDate',
		message: /必须填写 closure.closedDate/,
	},
	{
		name: 'notice window on an on-track update',
		apply: () =>
			write(U, CLOSING('  notice:\n    start: "2019-09-01"\n    end: "2019-09-07"\n    contact: "0351-1"', 'on_track')),
		file: U,
		field: 'closure.notice',
		message: /只有已完成或已销号的进展才能有销号公示/,
	},
	{
		name: 'notice without objection contact',
		apply: () => write(U, CLOSING('  notice:\n    start: "2019-09-01"\n    end: "2019-09-07"')),
		file: U,
		field: 'closure.notice.contact',
		message: /缺少必填字段/,
	},

	// Declared totals
	{
		name: 'declared task total does not match',
		apply: () => editJson('plans/p1.json', (p) => (p.declaredTotals.tasks = 38)),
		file: 'content/plans/p1.json',
		field: 'declaredTotals.tasks',
		message: /声明整改任务 38 项，记录中有 2 项/,
	},
	{
		name: 'declared specific measures do not match',
		apply: () => editJson(T, (t) => t.measures.push('新增措施')),
		file: 'content/plans/p1.json',
		field: 'declaredTotals.specificMeasures',
		message: /声明具体整改措施 4 项，记录中有 5 项/,
	},
	{
		name: 'a task file deleted',
		apply: () => rmSync(path('tasks/s-02.json')),
		file: 'content/plans/p1.json',
		field: 'declaredTotals.tasks',
		message: /记录中有 1 项/,
	},

	// Missing fields, empty files, encodings
	{
		name: 'missing required field (title)',
		apply: () => editJson(T, (t) => delete t.title),
		file: T,
		field: 'title',
		message: /缺少必填字段/,
	},
	{
		name: 'missing provenance in an update',
		apply: () => edit(U, (s) => s.replace(/provenance:\n {2}kind: sample\n {2}note: 示例\n/, '')),
		file: U,
		field: 'provenance',
		message: /缺少必填字段/,
	},
	{ name: 'unknown field', apply: () => editJson(T, (t) => (t.colour = 'red')), file: T, message: /未知字段 colour/ },
	{
		name: 'empty text field',
		apply: () => editJson(T, (t) => (t.problem = '   ')),
		file: T,
		field: 'problem',
		message: /不能为空/,
	},
	{
		name: 'no targets',
		apply: () => editJson(T, (t) => (t.targets = [])),
		file: T,
		field: 'targets',
		message: /至少要有一条整改目标/,
	},
	{
		name: 'task number not two digits',
		apply: () => editJson(T, (t) => (t.no = '1')),
		file: T,
		field: 'no',
		message: /两位数字/,
	},
	{
		name: 'sample without a note',
		apply: () => editJson(T, (t) => (t.provenance = { kind: 'sample' })),
		file: T,
		field: 'provenance.note',
		message: /必须写明说明/,
	},
	{
		name: 'partial without unsourced fields',
		apply: () => editJson(T, (t) => (t.provenance = { kind: 'partial', note: '部分' })),
		file: T,
		field: 'provenance.unsourced',
		message: /未核实的字段/,
	},
	{
		name: 'placeholder identity that does not say so',
		apply: () => editJson('settings.json', (s) => (s[0].identity.icp.value = '晋ICP备12345678号')),
		file: 'settings.json',
		field: '[0].identity.icp.value',
		message: /占位值必须写明/,
	},
	{ name: 'empty file', apply: () => write(T, ''), file: T, message: /文件是空的/ },
	{ name: 'whitespace-only update', apply: () => write(U, '\n\n  \n'), file: U, message: /文件是空的/ },
	{
		name: 'update without narrative',
		apply: () => edit(U, (s) => s.replace('正文。\n', '')),
		file: U,
		message: /进展正文为空/,
	},
	{ name: 'BOM in JSON', apply: () => edit(T, (s) => '\ufeff' + s), file: T, line: 1, message: /BOM/ },
	{ name: 'BOM in Markdown', apply: () => edit(U, (s) => '\ufeff' + s), file: U, line: 1, message: /BOM/ },
	{
		name: 'CRLF in Markdown',
		apply: () => edit(U, (s) => s.replace(/\n/g, '\r\n')),
		file: U,
		line: 1,
		message: /CRLF/,
	},
	{
		name: 'CRLF in JSON from line 3',
		apply: () =>
			edit(T, (s) =>
				s
					.split('\n')
					.map((l, i) => (i >= 2 ? l + '\r' : l))
					.join('\n'),
			),
		file: T,
		line: 3,
		message: /CRLF/,
	},

	// Script and HTML injection, unsafe links
	{
		name: 'script tag in the narrative',
		apply: () => edit(U, (s) => s + '\n<script>alert(1)</script>\n'),
		file: U,
		field: '正文',
		line: 16,
		message: /正文不能包含 HTML 标签/,
	},
	{
		name: 'img onerror in the narrative',
		apply: () => swap(U, '正文。', '正文<img src=x onerror=alert(1)>。'),
		file: U,
		field: '正文',
		line: 14,
		message: /正文不能包含 HTML 标签/,
	},
	{
		name: 'iframe in the narrative',
		apply: () => swap(U, '正文。', '<iframe src="https://evil.example"></iframe>'),
		file: U,
		field: '正文',
		message: /正文不能包含 HTML 标签/,
	},
	{
		name: 'javascript: link in the narrative',
		apply: () => swap(U, '正文。', '[点此](javascript:alert(1))'),
		file: U,
		field: '正文',
		line: 14,
		message: /不是 http\(s\) 网址/,
	},
	{
		name: 'entity-encoded javascript: link',
		apply: () => swap(U, '正文。', '[点此](javascript&#x3A;alert(1))'),
		file: U,
		field: '正文',
		message: /不是 http\(s\) 网址/,
	},
	{
		name: 'javascript: evidence url',
		apply: () => swap(U, 'url: https://www.shanxi.gov.cn/x', 'url: "javascript:alert(1)"'),
		file: U,
		field: 'evidence.0.url',
		line: 9,
		message: /链接必须是 http/,
	},
	{
		name: 'data: evidence url',
		apply: () => swap(U, 'url: https://www.shanxi.gov.cn/x', 'url: "data:text/html,<script>alert(1)</script>"'),
		file: U,
		field: 'evidence.0.url',
		message: /链接必须是 http/,
	},
	{
		name: 'javascript: source url in a task',
		apply: () =>
			editJson(
				T,
				(t) => (t.sources = [{ publisher: '某报', title: '标题', date: '2019-12-30', url: 'javascript:alert(1)' }]),
			),
		file: T,
		field: 'sources.0.url',
		message: /链接必须是 http/,
	},
];

describe('bad-input corpus', () => {
	it('the untouched fixture is valid', () => {
		expect(validateContent(join(root, 'content'), AS_OF, root).problems).toEqual([]);
	});
	it('has at least 40 cases', () => expect(cases.length).toBeGreaterThanOrEqual(40));
	it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
		c.apply();
		const { problems } = validateContent(join(root, 'content'), AS_OF, root);
		const file = c.file.startsWith('content/') ? c.file : `content/${c.file}`;
		const hit = problems.find(
			(p) => p.file === file && c.message.test(p.message) && (c.field === undefined || p.field === c.field),
		);
		expect(
			hit,
			`expected ${file} [${c.field ?? ''}] ${c.message} among:\n${problems.map((p) => `${p.file}:${p.line ?? ''} [${p.field ?? ''}] ${p.message}`).join('\n')}`,
		).toBeDefined();
		if (c.line !== undefined) expect(hit!.line).toBe(c.line);
	});
});
