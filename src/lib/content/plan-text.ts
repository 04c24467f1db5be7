// Plan text is MDX (the plan page renders it with @astrojs/mdx), but content is data: the syntax tree
// may hold Markdown and a few plain HTML elements, never code. Checked by `npm run check` and the build's gate.
import { mdxToMdast } from 'satteri';
import { isSafeLinkDestination } from '#src/lib/model/link-rule.ts';
import type { Problem } from './problems.ts';

/** Components the site hands to plan MDX (none today); a capitalised tag must be one of these. */
const PLAN_COMPONENTS: readonly string[] = [];

/** Plain HTML elements a plan text may use, without attributes (everything else is Markdown). */
export const PLAN_HTML_ELEMENTS: readonly string[] = ['br', 'sub', 'sup'];

interface Node {
	type: string;
	name?: string | null;
	value?: unknown;
	url?: string;
	attributes?: { type: string; name?: string; value?: unknown }[];
	children?: Node[];
	position?: { start?: { line?: number } };
}

const HINT_TEXT =
	'方案正文只能用 Markdown 书写（标题 ##、段落、列表、表格、[文字](https://…) 链接）；要写花括号或尖括号请用全角“｛｝＜＞”。';

/**
 * Every way a plan's MDX text could run code, reach the disk or environment, or publish markup:
 * ESM import/export, JS expressions `{…}`, components outside PLAN_COMPONENTS, HTML outside
 * PLAN_HTML_ELEMENTS or with attributes, unsafe link targets, and MDX syntax errors, each with its line.
 */
export function planTextProblems(file: string, text: string): Problem[] {
	let tree: Node;
	try {
		tree = mdxToMdast(text) as Node;
	} catch (e) {
		const msg = String((e as Error).message ?? e).split('\n')[0]!;
		const at = /^(\d+):(\d+)/.exec(msg);
		return [
			{
				file,
				line: at ? Number(at[1]) : undefined,
				field: '正文',
				message: `方案正文无法解析：${msg.replace(/^\d+:\d+:\s*/, '').replace(/\s*\(note:.*$/, '')} / MDX syntax error`,
				hint: HINT_TEXT,
			},
		];
	}
	const problems: Problem[] = [];
	const add = (node: Node, message: string, hint = HINT_TEXT) =>
		problems.push({ file, line: node.position?.start?.line, field: '正文', message, hint });
	const snippet = (v: unknown) =>
		String(v ?? '')
			.replace(/\s+/g, ' ')
			.slice(0, 40);
	const visit = (node: Node) => {
		switch (node.type) {
			case 'mdxjsEsm':
				add(
					node,
					`方案正文不能包含 import/export 语句：“${snippet(node.value)}” / no ESM in plan text`,
					'删除这一行：方案正文是数据，不能引入代码或文件。',
				);
				return;
			case 'mdxFlowExpression':
			case 'mdxTextExpression':
				add(node, `方案正文不能包含花括号表达式：“{${snippet(node.value)}}” / no JS expressions in plan text`);
				return;
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement': {
				const name = node.name ?? '';
				const component = /^[A-Z]/.test(name) || name.includes('.');
				if (component && !PLAN_COMPONENTS.includes(name))
					add(
						node,
						`方案正文不能使用组件 <${name}>（本站没有提供）/ unknown component`,
						'删除该标记；本站为方案正文提供的组件见 docs/editing.md。',
					);
				else if (!component && !PLAN_HTML_ELEMENTS.includes(name))
					add(
						node,
						`方案正文不能包含 HTML 标签 <${name || '>'}> / HTML element not allowed`,
						`只允许 ${PLAN_HTML_ELEMENTS.map((e) => `<${e}>`).join('、')}；其余请用 Markdown。`,
					);
				else if (node.attributes?.length)
					add(
						node,
						`方案正文中的 <${name}> 不能带属性（${node.attributes.map((a) => a.name ?? '{…}').join('、')}）/ no attributes`,
						`写成不带属性的 <${name}>。`,
					);
				break;
			}
			case 'html':
				add(node, `方案正文不能包含 HTML：“${snippet(node.value)}” / raw HTML not allowed`);
				return;
			case 'link':
			case 'image':
			case 'definition':
				if (node.url !== undefined && !isSafeLinkDestination(node.url))
					add(
						node,
						`方案正文中的链接“${snippet(node.url)}”不是 http(s) 网址或站内路径 / unsafe link`,
						'链接只能是 https://… 网址、mailto: 邮箱，或以 / 开头的站内路径。',
					);
				break;
		}
		for (const child of node.children ?? []) visit(child);
	};
	visit(tree);
	return problems;
}
