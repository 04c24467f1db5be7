import { parseDocument, isNode, type Document } from 'yaml';
import { load as loadYaml, CORE_SCHEMA } from 'js-yaml';
import { lineAt, type Problem } from '#src/lib/content/problems.ts';
import { duplicateJsonKeys } from '#src/lib/content/json-keys.ts';
import { planTextProblems } from '#src/lib/content/plan-text.ts';

/** The YAML frontmatter at the top of a Markdown or MDX file. */
export const FRONTMATTER = /^---\n([\s\S]*?)\n---(?:\n|$)/;

/** Rejects encodings and line endings that editors on Windows produce, before parsing. */
export function textProblems(file: string, text: string): Problem[] {
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

/** Parses a JSON text, reporting syntax errors with a line number. */
export function parseJson(file: string, text: string): { value?: unknown; problems: Problem[] } {
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

/** Problems of a plan text file: its frontmatter (plan id matching the file name) and its MDX syntax tree. */
export function planTextFileProblems(file: string, text: string, id: string): Problem[] {
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
