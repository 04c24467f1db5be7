// Hostile links in a narrative, judged by the renderer's own parser (src/lib/publish/markdown.ts narrativeLinks):
// what the check passes, the renderer keeps, and backslash or protocol-relative forms are refused with the fix.
import type { Fixture, HostileCase } from './hostile-cases.ts';

const U = 'updates/s-01/2019-10-08.md';
const body = (snippet: string) => (fx: Fixture) => fx.swap(U, '正文。', `正文。\n\n${snippet}`);

export const LINK_CASES: HostileCase[] = [
	{
		name: 'links: /\\/evil.example/x (Markdown reads //evil.example/x)',
		kind: 'update',
		apply: body('[通报](/\\/evil.example/x)'),
		file: U,
		field: '正文',
		line: { containing: '[通报]' },
		message: /^正文中的链接“\/\/evil\.example\/x”以 \/\/ 开头/,
	},
	{
		name: 'links: /\\evil.example/y (a backslash browsers read as /)',
		kind: 'update',
		apply: body('[通报](/\\evil.example/y)'),
		file: U,
		field: '正文',
		line: { containing: '[通报]' },
		message: /^正文中的链接“\/\\evil\.example\/y”含有反斜杠/,
	},
	{
		name: 'links: protocol-relative image //evil.example/i.png',
		kind: 'update',
		apply: body('![图](//evil.example/i.png)'),
		file: U,
		field: '正文',
		line: { containing: '![图]' },
		message: /以 \/\/ 开头/,
	},
	{
		name: 'links: a reference definition to https:\\\\evil.example',
		kind: 'update',
		apply: body('[通报][a]\n\n[a]: https:\\\\evil.example/z'),
		file: U,
		field: '正文',
		line: { containing: '[a]: ' },
		message: /含有反斜杠/,
	},
];
