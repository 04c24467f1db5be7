import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
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
} from '../../schemas/index.ts';
import { CONTENT_LAYOUT } from './layout.ts';
import { byId, type Content, type TaskRecord, type UpdateRecord } from '../model/content.ts';
import { isMissingField, lineAt, type Problem } from './problems.ts';
import { narrativeProblems } from './narrative.ts';

/** Result of reading content/: the records that parsed and every problem found on the way. */
export interface LoadResult {
	content: Content;
	problems: Problem[];
}

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

function pathLine(doc: Document, text: string, path: PropertyKey[], offset = 0): number | undefined {
	for (let n = path.length; n >= 0; n--) {
		const node = doc.getIn(path.slice(0, n) as (string | number)[], true);
		if (isNode(node) && node.range) return lineAt(text, node.range[0]) + offset;
	}
	return undefined;
}

function zodProblems(
	file: string,
	error: z.ZodError,
	doc: Document | undefined,
	text: string,
	lineOffset = 0,
	basePath: PropertyKey[] = [],
): Problem[] {
	return error.issues.map((issue) => {
		const path = [...basePath, ...issue.path];
		const field = issue.path.map(String).join('.') || undefined;
		let message = issue.message;
		if (issue.code === 'unrecognized_keys') message = `未知字段 ${issue.keys.join('、')} / unknown field(s)`;
		else if (isMissingField(issue)) message = `缺少必填字段 / missing required field`;
		// For an unknown key, point at the key itself rather than the object that holds it.
		const at = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...path, issue.keys[0]] : path;
		return {
			file,
			field,
			line: doc ? pathLine(doc, text, at, lineOffset) : undefined,
			message,
			hint: issue.code === 'unrecognized_keys' ? '检查拼写；字段名见 docs/editing.md。' : undefined,
		};
	});
}

/** Parses a JSON text, reporting syntax errors with a line number. */
function parseJson(file: string, text: string): { value?: unknown; problems: Problem[] } {
	const pre = textProblems(file, text);
	if (pre.length) return { problems: pre };
	try {
		return { value: JSON.parse(text), problems: [] };
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
	if (doc.errors.length) {
		return {
			body: '',
			problems: doc.errors.map((err) => ({
				file,
				line: (err.linePos?.[0]?.line ?? 0) + 1,
				message: `YAML 元数据格式错误：${err.message.split('\n')[0]} / invalid YAML frontmatter`,
				hint: '检查缩进（用空格，不用 Tab）、冒号后的空格，以及含冒号的文字是否加了引号。',
			})),
		};
	}
	return { data: doc.toJS(), doc, yamlText, body, problems: [] };
}

function listFiles(dir: string, ext: string): string[] {
	if (!existsSync(dir)) return [];
	const out: string[] = [];
	for (const name of readdirSync(dir).sort()) {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) out.push(...listFiles(p, ext));
		else if (name.endsWith(ext)) out.push(p);
	}
	return out;
}

/** Reads and validates every record under `contentDir`; never throws on bad content, it reports. */
export function loadContent(contentDir: string, root: string = process.cwd()): LoadResult {
	const problems: Problem[] = [];
	const rel = (p: string) => relative(root, p) || p;

	function readArray<S extends z.ZodType>(name: string, schema: S): z.output<S>[] {
		const path = join(contentDir, name);
		const file = rel(path);
		if (!existsSync(path)) {
			problems.push({ file, message: '文件不存在 / file is missing', hint: `在 content/ 下创建 ${name}。` });
			return [];
		}
		const text = readFileSync(path, 'utf8');
		const { value, problems: p } = parseJson(file, text);
		problems.push(...p);
		if (p.length) return [];
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
			return [];
		}
		const out: z.output<S>[] = [];
		value.forEach((item, i) => {
			const r = schema.safeParse(item);
			if (r.success) out.push(r.data);
			else
				problems.push(
					...zodProblems(file, r.error, docOf(), text, 0, [i]).map((q) => ({
						...q,
						field: `[${i}]${q.field ? '.' + q.field : ''}`,
					})),
				);
		});
		return out;
	}

	function readJsonFile<S extends z.ZodType>(path: string, schema: S): z.output<S> | undefined {
		const file = rel(path);
		const text = readFileSync(path, 'utf8');
		const { value, problems: p } = parseJson(file, text);
		problems.push(...p);
		if (p.length) return undefined;
		const r = schema.safeParse(value);
		if (r.success) return r.data;
		problems.push(...zodProblems(file, r.error, parseDocument(text), text));
		return undefined;
	}

	const settingsList = readArray(CONTENT_LAYOUT.settings, SettingsSchema);
	if (settingsList.length !== 1 && !problems.some((p) => p.file.endsWith(CONTENT_LAYOUT.settings)))
		problems.push({
			file: rel(join(contentDir, CONTENT_LAYOUT.settings)),
			message: `应恰好有一条站点设置，现有 ${settingsList.length} 条 / expected exactly one settings record`,
		});

	const plans = listFiles(join(contentDir, CONTENT_LAYOUT.plans), '.json')
		.map((p) => readJsonFile(p, PlanSchema))
		.filter((p) => p !== undefined);

	const tasks: TaskRecord[] = [];
	for (const path of listFiles(join(contentDir, CONTENT_LAYOUT.tasks), '.json')) {
		const id = path.slice(join(contentDir, CONTENT_LAYOUT.tasks).length + 1, -'.json'.length);
		const t = readJsonFile(path, TaskSchema);
		if (t) tasks.push({ ...t, id });
	}

	const updates: UpdateRecord[] = [];
	const updatesDir = join(contentDir, CONTENT_LAYOUT.updates);
	for (const path of listFiles(updatesDir, '.md')) {
		const file = rel(path);
		const id = path.slice(updatesDir.length + 1, -'.md'.length);
		const text = readFileSync(path, 'utf8');
		const fm = parseFrontmatter(file, text);
		problems.push(...fm.problems);
		if (fm.problems.length) continue;
		const r = UpdateSchema.safeParse(fm.data);
		if (!r.success) {
			problems.push(...zodProblems(file, r.error, fm.doc ?? parseDocument(fm.yamlText ?? ''), fm.yamlText ?? '', 1));
			continue;
		}
		if (fm.body.trim() === '')
			problems.push({
				file,
				message: '进展正文为空 / the update has no narrative',
				hint: '在第二个 --- 之后写一段进展说明。',
			});
		problems.push(...narrativeProblems(file, fm.body, lineAt(text, text.length - fm.body.length)));
		updates.push({ ...r.data, id, body: fm.body });
	}

	const content: Content = {
		settings: settingsList[0] as Content['settings'],
		plans: plans.sort(byId),
		measureGroups: readArray(CONTENT_LAYOUT.measureGroups, MeasureGroupSchema),
		measures: readArray(CONTENT_LAYOUT.measures, MeasureSchema),
		problemAreas: readArray(CONTENT_LAYOUT.problemAreas, ProblemAreaSchema),
		units: readArray(CONTENT_LAYOUT.units, UnitSchema),
		cities: readArray(CONTENT_LAYOUT.cities, CitySchema),
		tasks: tasks.sort(byId),
		updates: updates.sort(byId),
	};
	return { content, problems };
}
