import { basename, join, relative, sep } from 'node:path';
import { parseDocument, isNode, type Document } from 'yaml';
import { load as loadYaml, CORE_SCHEMA } from 'js-yaml';
import type { z } from 'astro/zod';
import {
	CitySchema,
	MeasureGroupSchema,
	MeasureSchema,
	PlanSchema,
	ProblemAreaSchema,
	SettingsSchema,
	TaskSchema,
	UnitSchema,
	UpdateSchema,
} from '#src/schemas/index.ts';
import { CONTENT_LAYOUT } from './layout.ts';
import { byId, type Content, type TaskRecord, type UpdateRecord } from '#src/lib/model/content.ts';
import { lineAt, schemaIssueText, type Problem, type SchemaIssue } from './problems.ts';
import { listContentFiles, readContentDir, readContentFile } from './files.ts';
import { duplicateJsonKeys } from './json-keys.ts';
import { planTextProblems } from './plan-text.ts';
import { LEDGER_FILE } from './ledger.ts';
import { narrativeProblems } from './narrative.ts';

const FRONTMATTER = /^---\n([\s\S]*?)\n---(?:\n|$)/;

/** Rejects encodings and line endings that editors on Windows produce, before parsing. */
function textProblems(file: string, text: string): Problem[] {
	if (text.length === 0 || text.trim() === '')
		return [{ file, message: '文件是空的 / the file is empty', hint: '删除该文件，或按同类文件的格式填写内容。' }];
	if (text.charCodeAt(0) === 0xfeff)
		return [
			{
				file,
				line: 1,
				message: '文件以 BOM（字节顺序标记）开头 / file starts with a byte-order mark',
				hint: '用编辑器另存为“UTF-8（无 BOM）”。',
			},
		];
	if (text.includes('\r'))
		return [
			{
				file,
				line: lineAt(text, text.indexOf('\r')),
				message: '文件使用了 Windows 换行符（CRLF）/ CRLF line endings',
				hint: '把换行符改为 LF（编辑器右下角通常可切换），或运行 git config core.autocrlf input。',
			},
		];
	return [];
}

/** The 1-based line of the deepest node on `path` in a parsed YAML/JSON document. */
export function pathLine(doc: Document, text: string, path: readonly PropertyKey[], offset = 0): number | undefined {
	for (let n = path.length; n >= 0; n--) {
		const node = doc.getIn(path.slice(0, n) as (string | number)[], true);
		if (isNode(node) && node.range) return lineAt(text, node.range[0]) + offset;
	}
	return undefined;
}

function zodProblems(
	file: string,
	error: z.ZodError,
	input: unknown,
	doc: Document | undefined,
	text: string,
	lineOffset = 0,
	basePath: PropertyKey[] = [],
): Problem[] {
	return error.issues.map((issue) => {
		const path = [...basePath, ...issue.path];
		const field = issue.path.map(String).join('.') || undefined;
		const { message, hint } = schemaIssueText(issue as SchemaIssue, input);
		// For an unknown key, point at the key itself rather than the object that holds it.
		const at = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...path, issue.keys[0]] : path;
		return { file, field, line: doc ? pathLine(doc, text, at, lineOffset) : undefined, message, hint };
	});
}

/** Parses a JSON text, reporting syntax errors with a line number. */
function parseJson(file: string, text: string): { value?: unknown; problems: Problem[] } {
	const pre = textProblems(file, text);
	if (pre.length) return { problems: pre };
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (e) {
		const msg = (e as Error).message;
		const pos = /position (\d+)/.exec(msg);
		const lc = /line (\d+)/.exec(msg);
		const line = lc ? Number(lc[1]) : pos ? lineAt(text, Number(pos[1])) : undefined;
		return {
			problems: [
				{
					file,
					line,
					message: `JSON 格式错误：${msg} / invalid JSON`,
					hint: '检查引号、逗号和括号是否成对；最后一项后面不能有逗号。',
				},
			],
		};
	}
	const dup = duplicateJsonKeys(text);
	if (dup.length)
		return {
			problems: dup.map((d) => ({
				file,
				line: lineAt(text, d.offset),
				field: d.key,
				message: `字段“${d.key}”在同一条记录中写了两次 / duplicate key`,
				hint: '删除多余的一处；JSON 中同名字段只有最后一个生效，容易把正确的值悄悄覆盖掉。',
			})),
		};
	return { value, problems: [] };
}

/** Splits a Markdown file into YAML frontmatter data and body, reporting problems with lines. */
export function parseFrontmatter(
	file: string,
	text: string,
): { data?: unknown; doc?: Document; yamlText?: string; body: string; problems: Problem[] } {
	const pre = textProblems(file, text);
	if (pre.length) return { body: '', problems: pre };
	const m = FRONTMATTER.exec(text);
	if (!m)
		return {
			body: text,
			problems: [
				{
					file,
					line: 1,
					message: '缺少开头的 YAML 元数据（--- … ---）/ missing frontmatter',
					hint: '文件第一行应为 ---，元数据之后再写一行 ---，然后是正文。',
				},
			],
		};
	const yamlText = m[1] ?? '';
	const body = text.slice(m[0].length);
	// Fast path: js-yaml with the core schema (no timestamps, so dates stay strings). The slower `yaml`
	// document, which knows line numbers, is built only when there is a problem to report.
	let data: unknown;
	try {
		data = loadYaml(yamlText, { schema: CORE_SCHEMA, json: false });
	} catch {
		data = undefined;
	}
	// js-yaml also throws on duplicate keys, so anything it accepts the `yaml` parser accepts too.
	if (data !== undefined) return { data, yamlText, body, problems: [] };
	const doc = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
	// Warnings too: an unknown tag (!!js/function …) would otherwise come through as a plain string.
	const errors = [...doc.errors, ...doc.warnings];
	if (errors.length) {
		return {
			body: '',
			problems: errors.map((err) => ({
				file,
				line: (err.linePos?.[0]?.line ?? 0) + 1,
				message: `YAML 元数据格式错误：${err.message.split('\n')[0]} / invalid YAML frontmatter`,
				hint: '检查缩进（用空格，不用 Tab）、冒号后的空格，以及含冒号的文字是否加了引号。',
			})),
		};
	}
	return { data: doc.toJS(), doc, yamlText, body, problems: [] };
}

/** What failed to load, so whole-content checks can skip what they cannot judge (instead of reporting noise). */
export interface LoadGaps {
	/** Task ids whose file exists but did not load. */
	tasks: Set<string>;
	/** Update ids whose file exists but did not load. */
	updates: Set<string>;
	/** Ids of records in the array files that did not load (where the record gave an id). */
	records: Set<string>;
	/** Array files (CONTENT_LAYOUT keys) that did not load at all, or lost a record without an id. */
	lists: Set<string>;
}

/** Result of reading content/: the records that parsed, every problem found on the way, and what did not load. */
export interface LoadResult {
	content: Content;
	problems: Problem[];
	gaps: LoadGaps;
	/** Ids of the plan texts (content/plans/<id>.mdx) that were found. */
	planTexts: string[];
}

const KNOWN_TOP = new Set<string>([
	...Object.values(CONTENT_LAYOUT),
	LEDGER_FILE,
	'.gitkeep',
	'.gitignore',
	'README.md',
]);

/** Reads and validates every record under `contentDir`; never throws on bad content, it reports. */
export function loadContent(contentDir: string, root: string = process.cwd()): LoadResult {
	const problems: Problem[] = [];
	const gaps: LoadGaps = { tasks: new Set(), updates: new Set(), records: new Set(), lists: new Set() };
	const rel = (p: string) => relative(root, p) || p;

	/** The text of a file, or undefined after reporting why it cannot be read (symlink, folder, not UTF-8). */
	function readText(path: string): string | undefined {
		const r = readContentFile(path, rel(path));
		if ('problem' in r) {
			problems.push(r.problem);
			return undefined;
		}
		return r.text;
	}

	function readArray<S extends z.ZodType>(key: keyof typeof CONTENT_LAYOUT, schema: S): z.output<S>[] {
		const name = CONTENT_LAYOUT[key];
		const path = join(contentDir, name);
		const file = rel(path);
		const text = readText(path);
		if (text === undefined) {
			gaps.lists.add(key);
			return [];
		}
		const { value, problems: p } = parseJson(file, text);
		problems.push(...p);
		if (p.length) {
			gaps.lists.add(key);
			return [];
		}
		// Positions are only needed to report a problem, so the YAML/JSON document is built lazily.
		let doc: Document | undefined;
		const docOf = () => (doc ??= parseDocument(text));
		if (!Array.isArray(value)) {
			problems.push({
				file,
				line: 1,
				message: '应为 JSON 数组 [ … ] / expected a JSON array',
				hint: '最外层用方括号包住所有记录。',
			});
			gaps.lists.add(key);
			return [];
		}
		const out: z.output<S>[] = [];
		value.forEach((item, i) => {
			const r = schema.safeParse(item);
			if (r.success) {
				out.push(r.data);
				return;
			}
			const id = (item as { id?: unknown } | null)?.id;
			if (typeof id === 'string') gaps.records.add(id);
			else gaps.lists.add(key);
			problems.push(
				...zodProblems(file, r.error, item, docOf(), text, 0, [i]).map((q) => ({
					...q,
					field: `[${i}]${q.field ? '.' + q.field : ''}`,
				})),
			);
		});
		return out;
	}

	function readJsonFile<S extends z.ZodType>(path: string, schema: S): z.output<S> | undefined {
		const file = rel(path);
		const text = readText(path);
		if (text === undefined) return undefined;
		const { value, problems: p } = parseJson(file, text);
		problems.push(...p);
		if (p.length) return undefined;
		const r = schema.safeParse(value);
		if (r.success) return r.data;
		problems.push(...zodProblems(file, r.error, value, parseDocument(text), text));
		return undefined;
	}

	// The content directory itself, and anything at its top level that the site would silently ignore.
	const top = readContentDir(contentDir, rel);
	problems.push(...top.problems);
	for (const name of top.names)
		if (!KNOWN_TOP.has(name))
			problems.push({
				file: rel(join(contentDir, name)),
				message: `不认识的文件或文件夹“${name}”，它不会被发布 / unexpected entry in content/`,
				hint: `content/ 下只应有 ${Object.values(CONTENT_LAYOUT).join('、')} 和 ${LEDGER_FILE}；检查拼写（大小写也要一致）或删除它。`,
			});

	const settingsList = readArray('settings', SettingsSchema);
	if (settingsList.length !== 1 && !problems.some((p) => p.file.endsWith(CONTENT_LAYOUT.settings)))
		problems.push({
			file: rel(join(contentDir, CONTENT_LAYOUT.settings)),
			message: `应恰好有一条站点设置，现有 ${settingsList.length} 条 / expected exactly one settings record`,
			hint: '文件中只保留一条 id 为 "site" 的记录。',
		});

	const plansDir = join(contentDir, CONTENT_LAYOUT.plans);
	const planFiles = listContentFiles(plansDir, rel, { ext: ['.json', '.mdx'], depth: 0 });
	problems.push(...planFiles.problems);
	const plans = [];
	const planTexts: string[] = [];
	for (const path of planFiles.files) {
		if (path.endsWith('.json')) {
			const plan = readJsonFile(path, PlanSchema);
			if (plan) plans.push(plan);
			continue;
		}
		const text = readText(path);
		if (text === undefined) continue;
		const id = basename(path, '.mdx');
		planTexts.push(id);
		problems.push(...planTextFileProblems(rel(path), text, id));
	}

	const tasks: TaskRecord[] = [];
	const taskFiles = listContentFiles(join(contentDir, CONTENT_LAYOUT.tasks), rel, { ext: ['.json'], depth: 0 });
	problems.push(...taskFiles.problems);
	for (const path of taskFiles.files) {
		const id = basename(path, '.json');
		const t = readJsonFile(path, TaskSchema);
		if (t) tasks.push({ ...t, id });
		else gaps.tasks.add(id);
	}

	const updates: UpdateRecord[] = [];
	const updatesDir = join(contentDir, CONTENT_LAYOUT.updates);
	const updateFiles = listContentFiles(updatesDir, rel, { ext: ['.md'], depth: 1 });
	problems.push(...updateFiles.problems);
	for (const path of updateFiles.files) {
		const file = rel(path);
		const id = relative(updatesDir, path).split(sep).join('/').slice(0, -'.md'.length);
		const text = readText(path);
		if (text === undefined) {
			gaps.updates.add(id);
			continue;
		}
		const fm = parseFrontmatter(file, text);
		problems.push(...fm.problems);
		if (fm.problems.length) {
			gaps.updates.add(id);
			continue;
		}
		const r = UpdateSchema.safeParse(fm.data);
		const bodyLine = lineAt(text, text.length - fm.body.length);
		// The narrative is checked even when the frontmatter is wrong, so one run reports both.
		if (fm.body.trim() === '')
			problems.push({
				file,
				line: bodyLine,
				field: '正文',
				message: '进展正文为空 / the update has no narrative',
				hint: '在第二个 --- 之后写一段进展说明。',
			});
		problems.push(...narrativeProblems(file, fm.body, bodyLine));
		if (!r.success) {
			problems.push(
				...zodProblems(file, r.error, fm.data, fm.doc ?? parseDocument(fm.yamlText ?? ''), fm.yamlText ?? '', 1),
			);
			gaps.updates.add(id);
			continue;
		}
		updates.push({ ...r.data, id, body: fm.body });
	}

	const content: Content = {
		settings: settingsList[0] as Content['settings'],
		plans: plans.sort(byId),
		measureGroups: readArray('measureGroups', MeasureGroupSchema),
		measures: readArray('measures', MeasureSchema),
		problemAreas: readArray('problemAreas', ProblemAreaSchema),
		units: readArray('units', UnitSchema),
		cities: readArray('cities', CitySchema),
		tasks: tasks.sort(byId),
		updates: updates.sort(byId),
	};
	return { content, problems, gaps, planTexts: planTexts.sort() };
}

/** Problems of a plan text file: its frontmatter (plan id matching the file name) and its MDX syntax tree. */
function planTextFileProblems(file: string, text: string, id: string): Problem[] {
	const pre = textProblems(file, text);
	if (pre.length) return pre;
	const problems = planTextProblems(file, text);
	const m = FRONTMATTER.exec(text);
	if (m) {
		const fm = parseFrontmatter(file, text);
		problems.push(...fm.problems);
		const plan = (fm.data as { plan?: unknown } | undefined)?.plan;
		if (!fm.problems.length && plan !== id)
			problems.push({
				file,
				line: 2,
				field: 'plan',
				message: `方案正文的 plan 字段应为“${id}”（与文件名一致），现在是“${String(plan ?? '')}” / plan must match the file name`,
				hint: `写成 plan: ${id}。`,
			});
	}
	return problems;
}
