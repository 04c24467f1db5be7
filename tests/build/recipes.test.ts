// The recipes of docs/architecture.md ("How to add a status / a field"), kept true: each is applied to a copy of the
// project, touching only the source files the recipe names (read from the docs), then the copy is type-checked, the
// unit tests that read the vocabulary run in it, and it is built; the new status and the new fields (one of each
// field type) must come out in the pages, the data files and the editors' spreadsheet.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync, type Dirent } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, cleanup, tempDir } from './helpers.ts';

const ROOT = process.cwd();
const SKIP = new Set(['node_modules', '.git', 'dist', '.astro', '.cache', 'bench-results', 'exports', 'portal-dist']);

/** The source files a recipe of docs/architecture.md names: the paths in its “N source files — …” sentence. */
function recipeFiles(docs: string, title: string): string[] {
	const start = docs.indexOf(`**${title}`);
	if (start < 0) throw new Error(`docs/architecture.md has no recipe “${title}”`);
	const m = /(\d+) source files — ([\s\S]*?)\.(?:\s|$)/.exec(docs.slice(start));
	if (!m) throw new Error(`the recipe “${title}” does not say “N source files — …”`);
	const files = [...m[2]!.matchAll(/`((?:src|scripts)\/[^`]+)`/g)].map((x) => x[1]!);
	if (files.length !== Number(m[1])) throw new Error(`the recipe “${title}” counts ${m[1]} files and names ${files}`);
	return files;
}

/** Inserts `text` before the line that holds the first `anchor` of a file of the copy; the anchor must exist. */
function insert(dir: string, file: string, anchor: string, text: string): void {
	const path = join(dir, file);
	const s = readFileSync(path, 'utf8');
	const i = s.indexOf(anchor);
	if (i < 0) throw new Error(`${file}: the recipe's anchor “${anchor.trim().slice(0, 60)}” is gone; update this test`);
	const at = s.lastIndexOf('\n', i) + 1;
	writeFileSync(path, s.slice(0, at) + text + s.slice(at));
}

// The status recipe: 暂缓, reported by editors, a spare fill, a figure between the open ones.
const STATUS_EDITS: Record<string, (dir: string) => void> = {
	'src/lib/model/statuses.ts': (dir) =>
		insert(
			dir,
			'src/lib/model/statuses.ts',
			'} as const satisfies Record<string, StatusDef>;',
			`	suspended: {
		label: '暂缓',
		meaning: '经批准暂缓整改，待条件具备后恢复。',
		reported: true,
		groups: [],
		color: '#222222',
		pattern: 'diag-dash',
		mark: '‖',
		figure: 4.5,
		occurs: 'while_open',
	},
`,
		),
	'src/lib/model/rules.ts': (dir) => {
		const file = 'src/lib/model/rules.ts';
		const s = readFileSync(join(dir, file), 'utf8');
		const end = s.lastIndexOf('\t];\n}');
		if (end < 0) throw new Error(`${file}: the end of ruleExamples is gone; update this test`);
		const example = `		example(
			'suspended',
			'报告暂缓',
			[{ status: 'suspended', factDate: '2020-06-30', publishedDate: '2020-07-10' }],
			'2020-09-30',
		),
`;
		writeFileSync(join(dir, file), s.slice(0, end) + example + s.slice(end));
	},
};

// One new task field of each type the recipe promises to carry without code of its own.
const FIELDS = [
	{ key: 'fundingSource', label: '资金来源', type: 'text', zod: 'Text', value: '省级专项资金', shown: '省级专项资金' },
	{
		key: 'investment',
		label: '资金投入',
		type: 'number',
		zod: 'z.number().nonnegative()',
		value: 1234.5,
		shown: '1234.5',
	},
	{ key: 'sites', label: '点位数', type: 'int', zod: 'z.number().int().nonnegative()', value: 12, shown: '12' },
	{ key: 'reviewDate', label: '复查日期', type: 'date', zod: 'IsoDate', value: '2021-03-15', shown: '2021-03-15' },
	{ key: 'onSiteCheck', label: '是否现场核查', type: 'bool', zod: 'z.boolean()', value: true, shown: '是' },
	{
		key: 'keywords',
		label: '关键词',
		type: 'texts',
		zod: 'z.array(Text)',
		value: ['燃煤', '散煤'],
		shown: '燃煤、散煤',
	},
] as const;
const SAMPLE_TASK = 'dq-01';

const FIELD_EDITS: Record<string, (dir: string) => void> = {
	'src/schemas/task.ts': (dir) =>
		insert(
			dir,
			'src/schemas/task.ts',
			'\tsources: z.array(SourceSchema)',
			FIELDS.map((f) => `\t${f.key}: ${f.zod}.optional(),\n`).join(''),
		),
	'src/lib/model/fields.ts': (dir) =>
		insert(
			dir,
			'src/lib/model/fields.ts',
			'\tsources: SOURCES,\n\t...PROVENANCE,\n\tstatus: {',
			FIELDS.map(
				(f) =>
					`\t${f.key}: { label: '${f.label}', meaning: '${f.label}（配方测试）', type: '${f.type}', ${f.type === 'number' ? "unit: '万元', " : ''}optional: true, sheet: { aliases: [] } },\n`,
			).join(''),
		),
	'src/pages/tasks/[id]/index.astro': (dir) =>
		insert(
			dir,
			'src/pages/tasks/[id]/index.astro',
			'{task.cities.length > 0 && (',
			FIELDS.map(
				(f) =>
					`\t\t\t{task.${f.key} !== undefined && (<><dt>{TASK_FIELDS.${f.key}.label}</dt><dd>{${
						f.type === 'texts'
							? `task.${f.key}.join('、')`
							: f.type === 'bool'
								? `task.${f.key} ? '是' : '否'`
								: `String(task.${f.key})`
					}}</dd></>)}\n`,
			).join(''),
		),
};

/** Runs a command in the copy; returns its status and output (for the failure message). */
function run(dir: string, cmd: string, args: string[], env: Record<string, string> = {}) {
	const r = spawnSync(cmd, args, {
		cwd: dir,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	return { status: r.status, output: `${r.stdout}\n${r.stderr}`.slice(-20000) };
}

/** The files under src/, scripts/ and tests/ that differ between the project and the copy (or exist in one only). */
function changedSources(copy: string): string[] {
	const list = (root: string) =>
		['src', 'scripts', 'tests'].flatMap((top) =>
			(readdirSync(join(root, top), { recursive: true, withFileTypes: true }) as Dirent[])
				.filter((e) => e.isFile())
				.map((e) => relative(root, join(e.parentPath, e.name))),
		);
	const files = new Set([...list(ROOT), ...list(copy)]);
	const text = (root: string, f: string) => (existsSync(join(root, f)) ? readFileSync(join(root, f), 'utf8') : null);
	return [...files].filter((f) => text(ROOT, f) !== text(copy, f)).sort();
}

let dir = '';
let dist = '';
const docs = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
const statusFiles = recipeFiles(docs, 'A status such as 暂缓');
const fieldFiles = recipeFiles(docs, 'A task field such as 资金投入');

describe('the recipes of docs/architecture.md', () => {
	beforeAll(() => {
		dir = join(tempDir('recipes'), 'project');
		cpSync(ROOT, dir, { recursive: true, filter: (src) => !SKIP.has(src.slice(ROOT.length + 1).split('/')[0]!) });
		symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
		for (const f of statusFiles) (STATUS_EDITS[f] ?? missingEdit(f))(dir);
		for (const f of fieldFiles) (FIELD_EDITS[f] ?? missingEdit(f))(dir);
		// The data: the new fields filled in on one sample task.
		const task = join(dir, 'content/tasks', `${SAMPLE_TASK}.json`);
		// Where the schema has them (before `sources`), as `npm run import` writes a task file.
		const t = Object.entries(JSON.parse(readFileSync(task, 'utf8')) as Record<string, unknown>).flatMap((e) =>
			e[0] === 'sources' ? [...FIELDS.map((f) => [f.key, f.value]), e] : [e],
		);
		writeFileSync(task, JSON.stringify(Object.fromEntries(t), null, 2) + '\n');
		dist = join(dir, 'dist');
	});
	afterAll(cleanup);

	it('name the files this test edits, no more, no fewer', () => {
		expect(statusFiles).toEqual(Object.keys(STATUS_EDITS));
		expect(fieldFiles).toEqual(Object.keys(FIELD_EDITS));
	});

	it('type-check, .astro files included (npm run typecheck)', () => {
		const r = run(dir, join(dir, 'node_modules/.bin/astro'), ['check']);
		expect(r.status, r.output).toBe(0);
	});

	it('pass the unit tests that read the vocabulary', () => {
		const tests = [
			'vocabulary',
			'status-colours',
			'each-status',
			'field-types',
			'spreadsheet',
			'data-schema',
			'export',
			'csv',
		];
		const r = run(dir, join(dir, 'node_modules/.bin/vitest'), ['run', ...tests.map((t) => `tests/unit/${t}.test.ts`)]);
		expect(r.status, r.output).toBe(0);
	});

	it('build, and the status and the fields come out in the pages and the data files', () => {
		const r = run(dir, process.execPath, ['scripts/build.ts', '--out', dist], { AS_OF });
		expect(r.status, r.output).toBe(0);
		const page = (p: string) => readFileSync(join(dist, p), 'utf8');
		expect(page('about/rules/index.html')).toContain('报告暂缓');
		expect(page('data/schema.json')).toContain('"suspended"');
		const csv = page('data/tasks.csv');
		const taskPage = page(`tasks/${SAMPLE_TASK}/index.html`);
		for (const f of FIELDS) {
			expect(csv, f.key).toContain(f.label);
			expect(page('data/index.html'), f.key).toContain(`<code>${f.key}</code>`);
			expect(page('data/schema.json'), f.key).toContain(`"${f.key}"`);
			// A page with scoped styles gives its elements a data-astro-cid attribute.
			expect(taskPage, f.key).toMatch(new RegExp(`<dt(?: [^>]*)?>${f.label}</dt>`));
			expect(taskPage, f.key).toContain(f.shown);
		}
		expect(csv).toContain('1234.5');
	});

	it('carry the fields through the editors’ spreadsheet, and name a bad cell in Chinese', () => {
		const script = join(dir, 'recipe-sheet.ts');
		writeFileSync(
			script,
			`import { isDeepStrictEqual } from 'node:util';
import { loadContent } from '#src/lib/content/load.ts';
import { taskToRow } from '#src/lib/publish/task-sheet.ts';
import { rowToTask } from '#scripts/lib/spreadsheet.ts';
const { content } = loadContent('content');
const t = content.tasks.find((x) => x.id === '${SAMPLE_TASK}');
const row = taskToRow(t, 1, { content });
const back = rowToTask(row, 2, { content }, 'tasks.xlsx');
const bad = rowToTask({ ...row, investment: '约五百' }, 3, { content }, 'tasks.xlsx');
// Keys left undefined are not written to a task file: compare the records as JSON.
const json = (x) => JSON.parse(JSON.stringify(x));
console.log(JSON.stringify({ same: isDeepStrictEqual(json(back.task), json(t)), problems: back.problems, row, bad: bad.problems }));
`,
		);
		const r = run(dir, process.execPath, [script]);
		expect(r.status, r.output).toBe(0);
		const out = JSON.parse(
			r.output
				.trim()
				.split('\n')
				.find((l) => l.startsWith('{'))!,
		) as {
			same: boolean;
			problems: unknown[];
			row: Record<string, string>;
			bad: { field: string; message: string }[];
		};
		expect(out.problems).toEqual([]);
		expect(out.same).toBe(true);
		expect(out.row.investment).toBe('1234.5');
		expect(out.bad).toEqual([
			expect.objectContaining({ field: '资金投入', message: expect.stringContaining('应为数字，现在是文字“约五百”') }),
		]);
	});

	it('leave every other source file as it was', () => {
		expect(changedSources(dir)).toEqual([...statusFiles, ...fieldFiles].sort());
	});
});

function missingEdit(file: string): (dir: string) => void {
	return () => {
		throw new Error(`docs/architecture.md names ${file}, which this test does not know how to edit`);
	};
}
