// The hostile-content corpus: what a careless or a malicious editor can put into content/, one case per
// attempt, over every file type (settings, plans and plan text, taxonomies, tasks, updates, the ledger,
// and the file system itself). Each case names the file, the field and the line the report must point at.
// Used by tests/unit/hostile-content.test.ts; scripts in the closing notes run it against older trees too,
// so it depends only on the fixture builder and node:fs.
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeContent } from './fixtures.ts';
import { TEXT_POLICY_CASES } from './hostile-cases-text.ts';
import { LIMIT_CASES } from './hostile-cases-limits.ts';
import { LINK_CASES } from './hostile-cases-links.ts';

/** Where the report must point: a line number, or the first line containing a needle (after the case applied). */
export type LineSpec = number | { containing: string } | 'last' | 'none';

/** One hostile input. */
export interface HostileCase {
	name: string;
	/** File kind, for the per-kind counts. */
	kind: 'settings' | 'plan' | 'plan text' | 'taxonomy' | 'task' | 'update' | 'ledger' | 'file system';
	apply: (fx: Fixture) => void;
	/** File the problem must name, relative to the content directory. */
	file: string;
	/** The field it must name; null for problems about the file as a whole. */
	field: string | null;
	line: LineSpec;
	message: RegExp;
	/**
	 * Instead of a refusal: the update is published, and its narrative renders to HTML matching this (the hostile
	 * text shown escaped, as text), with no link the link rule refuses.
	 */
	published?: RegExp;
}

/** A content tree in a temporary root, with helpers to spoil it. */
export interface Fixture {
	root: string;
	content: string;
	path: (rel: string) => string;
	write: (rel: string, text: string | Uint8Array) => void;
	edit: (rel: string, fn: (s: string) => string) => void;
	editJson: (rel: string, fn: (v: any) => void) => void;
	swap: (rel: string, from: string, to: string) => void;
	append: (rel: string, text: string) => void;
}

export const U = 'updates/s-01/2019-10-08.md';
export const T = 'tasks/s-01.json';
export const MDX = 'plans/p1.mdx';

export const UPDATE = `---
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

export const PLAN_TEXT = `---
plan: p1
title: 测试方案正文
---

## 概述

正文。
`;

/** Builds the valid fixture tree under `root`/content and returns helpers to spoil it. */
export function writeFixture(root: string): Fixture {
	const content = join(root, 'content');
	const path = (rel: string) => join(content, rel);
	const write = (rel: string, text: string | Uint8Array) => {
		mkdirSync(join(path(rel), '..'), { recursive: true });
		writeFileSync(path(rel), text);
	};
	const edit = (rel: string, fn: (s: string) => string) => write(rel, fn(readFileSync(path(rel), 'utf8')));
	const fx: Fixture = {
		root,
		content,
		path,
		write,
		edit,
		editJson: (rel, fn) =>
			edit(rel, (s) => {
				const v = JSON.parse(s);
				fn(v);
				return JSON.stringify(v, null, 2);
			}),
		swap: (rel, from, to) =>
			edit(rel, (s) => {
				if (!s.includes(from)) throw new Error(`fixture ${rel} has no ${from}`);
				return s.replace(from, to);
			}),
		append: (rel, text) => edit(rel, (s) => s + text),
	};
	const c = makeContent();
	write('settings.json', JSON.stringify([c.settings], null, 2));
	write('plans/p1.json', JSON.stringify(c.plans[0], null, 2));
	write(MDX, PLAN_TEXT);
	write('measure-groups.json', JSON.stringify(c.measureGroups, null, 2));
	write('measures.json', JSON.stringify(c.measures, null, 2));
	write('problem-areas.json', JSON.stringify(c.problemAreas, null, 2));
	write('units.json', JSON.stringify(c.units, null, 2));
	write('cities.json', JSON.stringify(c.cities, null, 2));
	for (const { id, ...data } of c.tasks) write(`tasks/${id}.json`, JSON.stringify(data, null, 2));
	write(U, UPDATE);
	// A file outside content/ that symlinks try to publish.
	writeFileSync(join(root, 'secret.txt'), 'TOP SECRET /root/.ssh/id_rsa\n');
	return fx;
}

// "正文" and "标题" in GBK: what a Windows editor saving as ANSI on a Chinese system writes.
const GBK_ZHENGWEN = [0xd5, 0xfd, 0xce, 0xc4];
const gbk = (before: string, after: string) =>
	new Uint8Array([...new TextEncoder().encode(before), ...GBK_ZHENGWEN, ...new TextEncoder().encode(after)]);
const link = (fx: Fixture, rel: string, target = join(fx.root, 'secret.txt')) => {
	mkdirSync(join(fx.path(rel), '..'), { recursive: true });
	if (existsSync(fx.path(rel))) rmSync(fx.path(rel));
	symlinkSync(target, fx.path(rel));
};
const mv = (fx: Fixture, from: string, to: string) => {
	const text = readFileSync(fx.path(from));
	rmSync(fx.path(from));
	fx.write(to, text);
};
const mdx = (snippet: string) => (fx: Fixture) => fx.append(MDX, `\n${snippet}\n`);
const body = (snippet: string) => (fx: Fixture) => fx.swap(U, '正文。', snippet);
const fm = (from: string, to: string) => (fx: Fixture) => fx.swap(U, from, to);
const task = (fn: (t: any) => void) => (fx: Fixture) => fx.editJson(T, fn);
const on = (needle: string): LineSpec => ({ containing: needle });

const BODY_HTML = /正文不能包含 HTML 标签/;
const BODY_LINK = /正文中的链接/;
const MDX_CODE = /方案正文不能包含|方案正文无法解析/;

export const HOSTILE_CASES: HostileCase[] = [
	// ── Plan text (MDX): code, disk, environment, markup ─────────────────────────────────────────────
	{
		name: 'MDX: import of node:fs',
		kind: 'plan text',
		apply: mdx("import fs from 'node:fs'"),
		file: MDX,
		field: '正文',
		line: on('import fs'),
		message: /import\/export/,
	},
	{
		name: 'MDX: export of a constant',
		kind: 'plan text',
		apply: mdx('export const x = 1'),
		file: MDX,
		field: '正文',
		line: on('export const'),
		message: /import\/export/,
	},
	{
		name: 'MDX: export reading a file',
		kind: 'plan text',
		apply: mdx("export const s = (await import('node:fs')).readFileSync('/etc/passwd', 'utf8')"),
		file: MDX,
		field: '正文',
		line: on('export const s'),
		message: /import\/export/,
	},
	{
		name: 'MDX: {process.env.HOME}',
		kind: 'plan text',
		apply: mdx('主目录：{process.env.HOME}'),
		file: MDX,
		field: '正文',
		line: on('主目录'),
		message: /花括号表达式/,
	},
	{
		name: 'MDX: {process.env} whole',
		kind: 'plan text',
		apply: mdx('{JSON.stringify(process.env)}'),
		file: MDX,
		field: '正文',
		line: on('JSON.stringify'),
		message: /花括号表达式/,
	},
	{
		name: 'MDX: require(fs).readFileSync',
		kind: 'plan text',
		apply: mdx("{require('fs').readFileSync('/etc/passwd', 'utf8')}"),
		file: MDX,
		field: '正文',
		line: on('readFileSync'),
		message: /花括号表达式/,
	},
	{
		name: 'MDX: inline arithmetic expression',
		kind: 'plan text',
		apply: mdx('合计 {1 + 1} 项'),
		file: MDX,
		field: '正文',
		line: on('合计'),
		message: /花括号表达式/,
	},
	{
		name: 'MDX: expression comment',
		kind: 'plan text',
		apply: mdx('{/* 注释 */}'),
		file: MDX,
		field: '正文',
		line: on('注释'),
		message: /花括号表达式/,
	},
	{
		name: 'MDX: expression in a heading',
		kind: 'plan text',
		apply: mdx('## 标题{globalThis.x}'),
		file: MDX,
		field: '正文',
		line: on('## 标题'),
		message: /花括号表达式/,
	},
	{
		name: 'MDX: <script>',
		kind: 'plan text',
		apply: mdx('<script>alert(1)</script>'),
		file: MDX,
		field: '正文',
		line: on('<script>'),
		message: /HTML 标签 <script>/,
	},
	{
		name: 'MDX: <img onerror>',
		kind: 'plan text',
		apply: mdx('<img src="x" onerror="alert(1)" />'),
		file: MDX,
		field: '正文',
		line: on('<img'),
		message: /HTML 标签 <img>/,
	},
	{
		name: 'MDX: <iframe>',
		kind: 'plan text',
		apply: mdx('<iframe src="https://evil.example/"></iframe>'),
		file: MDX,
		field: '正文',
		line: on('<iframe'),
		message: /HTML 标签 <iframe>/,
	},
	{
		name: 'MDX: <a href=javascript:>',
		kind: 'plan text',
		apply: mdx('<a href="javascript:alert(1)">点此</a>'),
		file: MDX,
		field: '正文',
		line: on('<a href'),
		message: /HTML 标签 <a>/,
	},
	{
		name: 'MDX: <style>',
		kind: 'plan text',
		apply: mdx('<style>{"body{display:none}"}</style>'),
		file: MDX,
		field: '正文',
		line: on('<style>'),
		message: /HTML 标签 <style>|花括号表达式/,
	},
	{
		name: 'MDX: <svg onload>',
		kind: 'plan text',
		apply: mdx('<svg onload="alert(1)"></svg>'),
		file: MDX,
		field: '正文',
		line: on('<svg'),
		message: /HTML 标签 <svg>/,
	},
	{
		name: 'MDX: <object data>',
		kind: 'plan text',
		apply: mdx('<object data="/etc/passwd"></object>'),
		file: MDX,
		field: '正文',
		line: on('<object'),
		message: /HTML 标签 <object>/,
	},
	{
		name: 'MDX: unknown component',
		kind: 'plan text',
		apply: mdx('<Secret path="/root" />'),
		file: MDX,
		field: '正文',
		line: on('<Secret'),
		message: /组件 <Secret>/,
	},
	{
		name: 'MDX: member component',
		kind: 'plan text',
		apply: mdx('<Astro.Fragment>x</Astro.Fragment>'),
		file: MDX,
		field: '正文',
		line: on('<Astro.Fragment'),
		message: /组件 <Astro\.Fragment>/,
	},
	{
		name: 'MDX: allowed <sup> with an event handler',
		kind: 'plan text',
		apply: mdx('PM<sub onclick="alert(1)">2.5</sub>'),
		file: MDX,
		field: '正文',
		line: on('PM<sub'),
		message: /不能带属性/,
	},
	{
		name: 'MDX: spread attribute',
		kind: 'plan text',
		apply: mdx('<br {...process.env} />'),
		file: MDX,
		field: '正文',
		line: on('<br {'),
		message: /不能带属性/,
	},
	{
		name: 'MDX: javascript: link',
		kind: 'plan text',
		apply: mdx('[点此](javascript:alert(1))'),
		file: MDX,
		field: '正文',
		line: on('[点此]'),
		message: /不是 http\(s\) 网址/,
	},
	{
		name: 'MDX: data: link',
		kind: 'plan text',
		apply: mdx('[点此](data:text/html,hi)'),
		file: MDX,
		field: '正文',
		line: on('[点此]'),
		message: /不是 http\(s\) 网址/,
	},
	{
		name: 'MDX: javascript: image',
		kind: 'plan text',
		apply: mdx('![图](javascript:alert(1))'),
		file: MDX,
		field: '正文',
		line: on('![图]'),
		message: /不是 http\(s\) 网址/,
	},
	{
		name: 'MDX: file: link',
		kind: 'plan text',
		apply: mdx('[密钥](file:///root/.ssh/id_rsa)'),
		file: MDX,
		field: '正文',
		line: on('[密钥]'),
		message: /不是 http\(s\) 网址/,
	},
	{
		name: 'MDX: relative link that would lose its href',
		kind: 'plan text',
		apply: mdx('[任务](tasks/s-01)'),
		file: MDX,
		field: '正文',
		line: on('[任务]'),
		message: /不是 http\(s\) 网址或站内路径/,
	},
	{
		name: 'MDX: HTML comment (a syntax error in MDX)',
		kind: 'plan text',
		apply: mdx('<!-- 注释 -->'),
		file: MDX,
		field: '正文',
		line: on('<!--'),
		message: /无法解析/,
	},
	{
		name: 'MDX: unclosed element',
		kind: 'plan text',
		apply: mdx('<div>\n\n没有结束'),
		file: MDX,
		field: '正文',
		line: 'none',
		message: MDX_CODE,
	},
	{
		name: 'MDX: unbalanced brace',
		kind: 'plan text',
		apply: mdx('数量 { 没有闭合'),
		file: MDX,
		field: '正文',
		line: on('数量'),
		message: /无法解析/,
	},
	{
		name: 'MDX: plan id in frontmatter differs from the file name',
		kind: 'plan text',
		apply: (fx) => fx.swap(MDX, 'plan: p1', 'plan: other'),
		file: MDX,
		field: 'plan',
		line: 2,
		message: /与文件名一致/,
	},
	{
		name: 'MDX: a plan text without its plan',
		kind: 'plan text',
		apply: (fx) => fx.write('plans/ghost.mdx', PLAN_TEXT.replace('plan: p1', 'plan: ghost')),
		file: 'plans/ghost.mdx',
		field: 'plan',
		line: 2,
		message: /没有对应的方案文件/,
	},
	{
		name: 'MDX: symlink to a file outside content/',
		kind: 'file system',
		apply: (fx) => link(fx, 'plans/leak.mdx'),
		file: 'plans/leak.mdx',
		field: null,
		line: 'none',
		message: /符号链接/,
	},
	{
		name: 'MDX: GBK encoded',
		kind: 'plan text',
		apply: (fx) => fx.write(MDX, gbk('---\nplan: p1\ntitle: t\n---\n\n', '\n')),
		file: MDX,
		field: null,
		line: 6,
		message: /GBK/,
	},
	{
		name: 'MDX: byte-order mark',
		kind: 'plan text',
		apply: (fx) => fx.edit(MDX, (s) => '\ufeff' + s),
		file: MDX,
		field: null,
		line: 1,
		message: /BOM/,
	},
	{
		name: 'MDX: upper-case extension',
		kind: 'file system',
		apply: (fx) => mv(fx, MDX, 'plans/p1.MDX'),
		file: 'plans/p1.MDX',
		field: null,
		line: 'none',
		message: /扩展名应为小写/,
	},

	// ── Update narratives (Markdown) ────────────────────────────────────────────────────────────────
	{
		name: 'update: <script>',
		kind: 'update',
		apply: body('<script>alert(1)</script>'),
		file: U,
		field: '正文',
		line: 14,
		message: BODY_HTML,
	},
	{
		name: 'update: <img onerror>',
		kind: 'update',
		apply: body('图<img src=x onerror=alert(1)>'),
		file: U,
		field: '正文',
		line: 14,
		message: BODY_HTML,
	},
	{
		name: 'update: <svg onload>',
		kind: 'update',
		apply: body('<svg onload=alert(1)>'),
		file: U,
		field: '正文',
		line: 14,
		message: BODY_HTML,
	},
	{
		name: 'update: <a href=javascript:>',
		kind: 'update',
		apply: body('<a href="javascript:alert(1)">点</a>'),
		file: U,
		field: '正文',
		line: 14,
		message: BODY_HTML,
	},
	{
		name: 'update: <style>',
		kind: 'update',
		apply: body('<style>body{display:none}</style>'),
		file: U,
		field: '正文',
		line: 14,
		message: BODY_HTML,
	},
	{
		name: 'update: HTML comment',
		kind: 'update',
		apply: body('<!-- 隐藏 -->'),
		file: U,
		field: '正文',
		line: 14,
		message: BODY_HTML,
	},
	{
		name: 'update: processing instruction',
		kind: 'update',
		apply: body('<?php echo 1 ?>'),
		file: U,
		field: '正文',
		line: 14,
		message: BODY_HTML,
	},
	{
		name: 'update: HTML on a later line',
		kind: 'update',
		apply: body('第一段。\n\n第二段<iframe src=//evil.example>'),
		file: U,
		field: '正文',
		line: 16,
		message: BODY_HTML,
	},
	{
		name: 'update: javascript: link',
		kind: 'update',
		apply: body('[点此](javascript:alert(1))'),
		file: U,
		field: '正文',
		line: 14,
		message: BODY_LINK,
	},
	{
		name: 'update: upper-case JAVASCRIPT:',
		kind: 'update',
		apply: body('[点此](JAVASCRIPT:alert(1))'),
		file: U,
		field: '正文',
		line: 14,
		message: BODY_LINK,
	},
	{
		name: 'update: tab-split java\\tscript:',
		kind: 'update',
		apply: body('[点此](java&#x09;script:alert(1))'),
		file: U,
		field: '正文',
		line: 14,
		message: BODY_LINK,
	},
	{
		name: 'update: entity colon javascript&colon;',
		kind: 'update',
		apply: body('[点此](javascript&colon;alert(1))'),
		file: U,
		field: '正文',
		line: 14,
		message: BODY_LINK,
	},
	{
		name: 'update: vbscript:',
		kind: 'update',
		apply: body('[点此](vbscript:msgbox(1))'),
		file: U,
		field: '正文',
		line: 14,
		message: BODY_LINK,
	},
	{
		name: 'update: data: link',
		kind: 'update',
		apply: body('[点此](data:text/html;base64,PHNjcmlwdD4=)'),
		file: U,
		field: '正文',
		line: 14,
		message: BODY_LINK,
	},
	{
		name: 'update: file: link',
		kind: 'update',
		apply: body('[点此](file:///etc/passwd)'),
		file: U,
		field: '正文',
		line: 14,
		message: BODY_LINK,
	},
	{
		name: 'update: javascript: image',
		kind: 'update',
		apply: body('![图](javascript:alert(1))'),
		file: U,
		field: '正文',
		line: 14,
		message: BODY_LINK,
	},
	{
		name: 'update: reference definition to javascript:',
		kind: 'update',
		apply: body('[点此][x]\n\n[x]: javascript:alert(1)'),
		file: U,
		field: '正文',
		line: 16,
		message: BODY_LINK,
	},
	{
		// The renderer escapes every '<', so an autolink is never a link: shown as text, as the check's parser sees it.
		name: 'update: autolink to javascript: (published as text)',
		kind: 'update',
		apply: body('<javascript:alert(1)>'),
		file: U,
		field: '正文',
		line: 14,
		message: BODY_LINK,
		published: /<p>&lt;javascript:alert\(1\)&gt;<\/p>/,
	},
	{
		name: 'update: protocol-relative link',
		kind: 'update',
		apply: body('[点此](//evil.example/x)'),
		file: U,
		field: '正文',
		line: 14,
		message: BODY_LINK,
	},
	{
		name: 'update: relative link that would lose its href',
		kind: 'update',
		apply: body('[任务](tasks/s-02)'),
		file: U,
		field: '正文',
		line: 14,
		message: BODY_LINK,
	},
	{
		name: 'update: empty narrative',
		kind: 'update',
		apply: body(''),
		file: U,
		field: '正文',
		line: 14,
		message: /进展正文为空/,
	},

	// ── Update frontmatter ──────────────────────────────────────────────────────────────────────────
	{
		name: 'update: title of zero-width spaces',
		kind: 'update',
		apply: fm('title: 推进中', 'title: "\u200b\u200b\u200b"'),
		file: U,
		field: 'title',
		line: 6,
		message: /不可见字符|不能为空/,
	},
	{
		name: 'update: title of ideographic spaces',
		kind: 'update',
		apply: fm('title: 推进中', 'title: "\u3000\u3000"'),
		file: U,
		field: 'title',
		line: 6,
		message: /不可见字符|不能为空/,
	},
	{
		name: 'update: title of a BOM and a word joiner',
		kind: 'update',
		apply: fm('title: 推进中', 'title: "\ufeff\u2060"'),
		file: U,
		field: 'title',
		line: 6,
		message: /不可见字符|不能为空/,
	},
	{
		name: 'update: title as a number',
		kind: 'update',
		apply: fm('title: 推进中', 'title: 12'),
		file: U,
		field: 'title',
		line: 6,
		message: /类型不对：应为文字/,
	},
	{
		name: 'update: title as a list',
		kind: 'update',
		apply: fm('title: 推进中', 'title: [a, b]'),
		file: U,
		field: 'title',
		line: 6,
		message: /类型不对：应为文字/,
	},
	{
		name: 'update: status as a number',
		kind: 'update',
		apply: fm('status: on_track', 'status: 1'),
		file: U,
		field: 'status',
		line: 3,
		message: /状态只能是/,
	},
	{
		name: 'update: corrects itself',
		kind: 'update',
		apply: fm('title: 推进中', 'title: 推进中\ncorrects: s-01/2019-10-08'),
		file: U,
		field: 'corrects',
		line: 7,
		message: /不能更正它自己/,
	},
	{
		name: 'update: corrects with a bad id',
		kind: 'update',
		apply: fm('title: 推进中', 'title: 推进中\ncorrects: "../../etc/passwd"'),
		file: U,
		field: 'corrects',
		line: 7,
		message: /进展编号应为/,
	},
	{
		name: 'update: corrects an update of another task',
		kind: 'update',
		apply: (fx) => {
			fx.write('updates/s-02/2019-10-08.md', UPDATE.replace('task: s-01', 'task: s-02'));
			fx.swap(U, 'title: 推进中', 'title: 推进中\ncorrects: s-02/2019-10-08');
		},
		file: U,
		field: 'corrects',
		line: 7,
		message: /属于另一项任务/,
	},
	{
		name: 'update: corrects an unknown update',
		kind: 'update',
		apply: fm('title: 推进中', 'title: 推进中\ncorrects: s-01/nope'),
		file: U,
		field: 'corrects',
		line: 7,
		message: /不存在的进展/,
	},
	{
		name: 'update: unknown task (cross-file, line of the field)',
		kind: 'update',
		apply: (fx) => fx.write('updates/zz-99/2019-10-08.md', UPDATE.replace('task: s-01', 'task: zz-99')),
		file: 'updates/zz-99/2019-10-08.md',
		field: 'task',
		line: 2,
		message: /不存在的整改任务/,
	},
	{
		name: 'update: published after the as-of date (line of the field)',
		kind: 'update',
		apply: fm('"2019-10-08"', '"2021-07-01"'),
		file: U,
		field: 'publishedDate',
		line: 5,
		message: /晚于截至日期/,
	},
	{
		name: 'update: fact before the feedback (line of the field)',
		kind: 'update',
		apply: (fx) => fx.edit(U, (s) => s.replace('"2019-09-30"', '"2019-04-01"').replace('"2019-10-08"', '"2019-04-02"')),
		file: U,
		field: 'factDate',
		line: 4,
		message: /早于督察反馈日/,
	},
	{
		name: 'update: deadline moved to before the feedback',
		kind: 'update',
		apply: fm('title: 推进中', 'title: 推进中\ndueDateChange:\n  to: "2019-01-31"\n  reason: 调整'),
		file: U,
		field: 'dueDateChange.to',
		line: 8,
		message: /早于督察反馈日/,
	},
	{
		name: 'update: closed with no acceptance on record',
		kind: 'update',
		apply: (fx) => {
			fx.write(
				'updates/s-01/2019-09-01.md',
				UPDATE.replace('status: on_track', 'status: completed')
					.replace('"2019-09-30"', '"2019-08-20"')
					.replace('"2019-10-08"', '"2019-09-01"')
					.replace(
						'provenance:',
						'closure:\n  notice:\n    start: "2019-08-21"\n    end: "2019-08-28"\n    contact: "0351-1"\nprovenance:',
					),
			);
			fx.swap(U, 'status: on_track', 'status: closed\nclosure:\n  closedDate: "2019-09-30"');
		},
		file: U,
		field: 'status',
		line: 3,
		message: /没有验收记录/,
	},
	{
		name: 'update: closed with no notice window',
		kind: 'update',
		apply: fm(
			'status: on_track',
			'status: closed\nclosure:\n  acceptance:\n    date: "2019-09-20"\n    by: 省厅\n  closedDate: "2019-09-30"',
		),
		file: U,
		field: 'status',
		line: 3,
		message: /没有销号公示记录/,
	},
	{
		name: 'update: acceptance before the feedback',
		kind: 'update',
		apply: fm('status: on_track', 'status: completed\nclosure:\n  acceptance:\n    date: "2019-01-02"\n    by: 省厅'),
		file: U,
		field: 'closure.acceptance.date',
		line: 6,
		message: /早于督察反馈日/,
	},
	{
		name: 'update: evidence url javascript:',
		kind: 'update',
		apply: fm('url: https://www.shanxi.gov.cn/x', 'url: "javascript:alert(1)"'),
		file: U,
		field: 'evidence.0.url',
		line: 9,
		message: /链接必须是 http/,
	},
	{
		name: 'update: evidence url file:',
		kind: 'update',
		apply: fm('url: https://www.shanxi.gov.cn/x', 'url: "file:///etc/passwd"'),
		file: U,
		field: 'evidence.0.url',
		line: 9,
		message: /链接必须是 http/,
	},
	{
		name: 'update: source url data:',
		kind: 'update',
		apply: fm(
			'provenance:',
			'sources:\n  - publisher: 报\n    title: 题\n    date: "2019-10-01"\n    url: "data:text/html,x"\nprovenance:',
		),
		file: U,
		field: 'sources.0.url',
		line: 14,
		message: /链接必须是 http/,
	},
	{
		name: 'update: unknown field',
		kind: 'update',
		apply: fm('title: 推进中', 'title: 推进中\nlayout: ../../etc/passwd'),
		file: U,
		field: null,
		line: 7,
		message: /未知字段 layout/,
	},
	{
		name: 'update: duplicate YAML key',
		kind: 'update',
		apply: fm('title: 推进中', 'title: 推进中\nstatus: completed'),
		file: U,
		field: null,
		line: 7,
		message: /YAML 元数据格式错误/,
	},
	{
		name: 'update: YAML JavaScript tag',
		kind: 'update',
		apply: fm('title: 推进中', 'title: !!js/function "function(){return 1}"'),
		file: U,
		field: null,
		line: 6,
		message: /YAML 元数据格式错误/,
	},
	{
		name: 'update: date with full-width digits',
		kind: 'update',
		apply: fm('"2019-10-08"', '"２０１９-１０-０８"'),
		file: U,
		field: 'publishedDate',
		line: 5,
		message: /全角/,
	},
	{
		name: 'update: date as a number',
		kind: 'update',
		apply: fm('"2019-10-08"', '20191008'),
		file: U,
		field: 'publishedDate',
		line: 5,
		message: /应为日期字符串/,
	},
	{
		name: 'update: provenance kind unknown',
		kind: 'update',
		apply: fm('kind: sample', 'kind: official-ish'),
		file: U,
		field: 'provenance.kind',
		line: 11,
		message: /数据性质只能是/,
	},
	{
		name: 'update: GBK encoded',
		kind: 'update',
		apply: (fx) => fx.write(U, gbk('---\ntask: s-01\nstatus: on_track\n---\n', '\n')),
		file: U,
		field: null,
		line: 5,
		message: /GBK/,
	},
	{
		name: 'update: Latin-1 bytes (not UTF-8, not GBK)',
		kind: 'update',
		apply: (fx) =>
			fx.write(U, new Uint8Array([...new TextEncoder().encode(UPDATE.replace('正文。\n', '')), 0xe9, 0x0a])),
		file: U,
		field: null,
		line: 14,
		message: /不是 UTF-8/,
	},
	{
		name: 'update: CRLF line ends',
		kind: 'update',
		apply: (fx) => fx.edit(U, (s) => s.replace(/\n/g, '\r\n')),
		file: U,
		field: null,
		line: 1,
		message: /CRLF/,
	},
	{
		name: 'update: byte-order mark',
		kind: 'update',
		apply: (fx) => fx.edit(U, (s) => '\ufeff' + s),
		file: U,
		field: null,
		line: 1,
		message: /BOM/,
	},
	{
		name: 'update: empty file',
		kind: 'update',
		apply: (fx) => fx.write(U, ''),
		file: U,
		field: null,
		line: 'none',
		message: /文件是空的/,
	},

	// ── Update files on disk ────────────────────────────────────────────────────────────────────────
	{
		name: 'update: symlink to a file outside content/',
		kind: 'file system',
		apply: (fx) => link(fx, 'updates/s-01/2019-11-01.md'),
		file: 'updates/s-01/2019-11-01.md',
		field: null,
		line: 'none',
		message: /符号链接/,
	},
	{
		name: 'update: symlinked task folder',
		kind: 'file system',
		apply: (fx) => link(fx, 'updates/s-02', fx.root),
		file: 'updates/s-02',
		field: null,
		line: 'none',
		message: /符号链接/,
	},
	{
		name: 'update: .MD extension (silently ignored before)',
		kind: 'file system',
		apply: (fx) => mv(fx, U, 'updates/s-01/2019-10-08.MD'),
		file: 'updates/s-01/2019-10-08.MD',
		field: null,
		line: 'none',
		message: /扩展名应为小写/,
	},
	{
		name: 'update: .markdown extension',
		kind: 'file system',
		apply: (fx) => mv(fx, U, 'updates/s-01/2019-10-08.markdown'),
		file: 'updates/s-01/2019-10-08.markdown',
		field: null,
		line: 'none',
		message: /不认识的文件/,
	},
	{
		name: 'update: a folder named like a file',
		kind: 'file system',
		apply: (fx) => mkdirSync(fx.path('updates/s-01/2019-12-01.md'), { recursive: true }),
		file: 'updates/s-01/2019-12-01.md',
		field: null,
		line: 'none',
		message: /不应有子文件夹/,
	},
	{
		name: 'update: file directly under updates/',
		kind: 'file system',
		apply: (fx) => fx.write('updates/2019-10-08.md', UPDATE),
		file: 'updates/2019-10-08.md',
		field: null,
		line: 'none',
		message: /放错了层级/,
	},
	{
		name: 'update: space in the file name',
		kind: 'file system',
		apply: (fx) => mv(fx, U, 'updates/s-01/2019-10-08 copy.md'),
		file: 'updates/s-01/2019-10-08 copy.md',
		field: null,
		line: 'none',
		message: /文件名.*不合规/,
	},
	{
		name: 'update: Chinese file name',
		kind: 'file system',
		apply: (fx) => mv(fx, U, 'updates/s-01/十月进展.md'),
		file: 'updates/s-01/十月进展.md',
		field: null,
		line: 'none',
		message: /文件名.*不合规/,
	},
	{
		name: 'update: upper-case task folder',
		kind: 'file system',
		apply: (fx) => mv(fx, U, 'updates/S-01/2019-10-08.md'),
		file: 'updates/S-01',
		field: null,
		line: 'none',
		message: /文件夹名.*不合规/,
	},

	// ── Tasks (JSON) ────────────────────────────────────────────────────────────────────────────────
	{
		name: 'task: title of zero-width spaces',
		kind: 'task',
		apply: task((t) => (t.title = '\u200b\u200c\u200d')),
		file: T,
		field: 'title',
		line: on('"title"'),
		message: /不可见字符|不能为空/,
	},
	{
		name: 'task: title of spaces',
		kind: 'task',
		apply: task((t) => (t.title = '   ')),
		file: T,
		field: 'title',
		line: on('"title"'),
		message: /不能为空/,
	},
	{
		name: 'task: title as a number',
		kind: 'task',
		apply: task((t) => (t.title = 42)),
		file: T,
		field: 'title',
		line: on('"title"'),
		message: /类型不对：应为文字/,
	},
	{
		name: 'task: title as null',
		kind: 'task',
		apply: task((t) => (t.title = null)),
		file: T,
		field: 'title',
		line: on('"title"'),
		message: /类型不对：应为文字/,
	},
	{
		name: 'task: problem as an object',
		kind: 'task',
		apply: task((t) => (t.problem = { zh: '问题' })),
		file: T,
		field: 'problem',
		line: on('"problem"'),
		message: /类型不对：应为文字/,
	},
	{
		name: 'task: leadUnits as a string',
		kind: 'task',
		apply: task((t) => (t.leadUnits = 'u1')),
		file: T,
		field: 'leadUnits',
		line: on('"leadUnits"'),
		message: /类型不对：应为列表/,
	},
	{
		name: 'task: no as a number',
		kind: 'task',
		apply: task((t) => (t.no = 1)),
		file: T,
		field: 'no',
		line: on('"no"'),
		message: /类型不对：应为文字/,
	},
	{
		name: 'task: due date before the feedback',
		kind: 'task',
		apply: task((t) => (t.dueDate = '2019-03-31')),
		file: T,
		field: 'dueDate',
		line: on('"dueDate"'),
		message: /早于督察反馈日/,
	},
	{
		name: 'task: unknown lead unit (cross-file, line of the field)',
		kind: 'task',
		apply: task((t) => (t.leadUnits = ['nope'])),
		file: T,
		field: 'leadUnits[0]',
		line: on('"nope"'),
		message: /不存在的责任单位/,
	},
	{
		name: 'task: unknown city (cross-file, line of the field)',
		kind: 'task',
		apply: task((t) => (t.cities = ['mars'])),
		file: T,
		field: 'cities[0]',
		line: on('"mars"'),
		message: /不存在的城市/,
	},
	{
		name: 'task: unknown batch (cross-file, line of the field)',
		kind: 'task',
		apply: task((t) => (t.batch = 'end-2030')),
		file: T,
		field: 'batch',
		line: on('"batch"'),
		message: /不存在的整改时限批次/,
	},
	{
		name: 'task: upper-case unit id',
		kind: 'task',
		apply: task((t) => (t.leadUnits = ['U1'])),
		file: T,
		field: 'leadUnits.0',
		line: on('"U1"'),
		message: /小写字母/,
	},
	{
		name: 'task: Cyrillic look-alike city id',
		kind: 'task',
		apply: task((t) => (t.cities = ['с1'])),
		file: T,
		field: 'cities.0',
		line: on('"с1"'),
		message: /小写字母/,
	},
	{
		name: 'task: duplicate JSON key',
		kind: 'task',
		apply: (fx) => fx.swap(T, '"title": "任务 s-01",', '"title": "任务 s-01",\n  "title": "另一个标题",'),
		file: T,
		field: 'title',
		line: on('另一个标题'),
		message: /写了两次/,
	},
	{
		name: 'task: duplicate key in a nested object',
		kind: 'task',
		apply: (fx) => fx.swap(T, '"kind": "sample",', '"kind": "sample",\n    "kind": "official",'),
		file: T,
		field: 'kind',
		line: on('"official"'),
		message: /写了两次/,
	},
	{
		name: 'task: source url javascript:',
		kind: 'task',
		apply: task(
			(t) => (t.sources = [{ publisher: '报', title: '题', date: '2019-12-30', url: 'javascript:alert(1)' }]),
		),
		file: T,
		field: 'sources.0.url',
		line: on('javascript:'),
		message: /链接必须是 http/,
	},
	{
		name: 'task: unknown field',
		kind: 'task',
		apply: task((t) => (t.__proto__x = 1)),
		file: T,
		field: null,
		line: on('__proto__x'),
		message: /未知字段/,
	},
	{
		name: 'task: comment in JSON',
		kind: 'task',
		apply: (fx) => fx.swap(T, '"title"', '// 注释\n  "title"'),
		file: T,
		field: null,
		line: 5,
		message: /JSON 格式错误/,
	},
	{
		name: 'task: trailing comma',
		kind: 'task',
		apply: (fx) => fx.edit(T, (s) => s.replace(/\n\}\s*$/, ',\n}')),
		file: T,
		field: null,
		line: 'last',
		message: /JSON 格式错误/,
	},
	{
		name: 'task: array instead of an object',
		kind: 'task',
		apply: (fx) => fx.write(T, '[]'),
		file: T,
		field: null,
		line: 'none',
		message: /类型不对：应为对象/,
	},
	{
		name: 'task: GBK encoded',
		kind: 'task',
		apply: (fx) => fx.write(T, gbk('{"title": "', '"}')),
		file: T,
		field: null,
		line: 1,
		message: /GBK/,
	},
	{
		name: 'task: empty file',
		kind: 'task',
		apply: (fx) => fx.write(T, ''),
		file: T,
		field: null,
		line: 'none',
		message: /文件是空的/,
	},

	// ── Task files on disk ──────────────────────────────────────────────────────────────────────────
	{
		name: 'task: symlink to a file outside content/',
		kind: 'file system',
		apply: (fx) => link(fx, 'tasks/s-03.json'),
		file: 'tasks/s-03.json',
		field: null,
		line: 'none',
		message: /符号链接/,
	},
	{
		name: 'task: symlink to another task',
		kind: 'file system',
		apply: (fx) => link(fx, 'tasks/s-03.json', fx.path(T)),
		file: 'tasks/s-03.json',
		field: null,
		line: 'none',
		message: /符号链接/,
	},
	{
		name: 'task: upper-case file name HKK-23.json',
		kind: 'file system',
		apply: (fx) => mv(fx, T, 'tasks/S-01.json'),
		file: 'tasks/S-01.json',
		field: null,
		line: 'none',
		message: /文件名.*不合规/,
	},
	{
		name: 'task: space in the file name',
		kind: 'file system',
		apply: (fx) => mv(fx, T, 'tasks/s 01.json'),
		file: 'tasks/s 01.json',
		field: null,
		line: 'none',
		message: /文件名.*不合规/,
	},
	{
		name: 'task: Chinese file name',
		kind: 'file system',
		apply: (fx) => mv(fx, T, 'tasks/任务一.json'),
		file: 'tasks/任务一.json',
		field: null,
		line: 'none',
		message: /文件名.*不合规/,
	},
	{
		name: 'task: Cyrillic look-alike file name',
		kind: 'file system',
		apply: (fx) => mv(fx, T, 'tasks/ѕ-01.json'),
		file: 'tasks/ѕ-01.json',
		field: null,
		line: 'none',
		message: /文件名.*不合规/,
	},
	{
		name: 'task: .JSON extension',
		kind: 'file system',
		apply: (fx) => mv(fx, T, 'tasks/s-01.JSON'),
		file: 'tasks/s-01.JSON',
		field: null,
		line: 'none',
		message: /扩展名应为小写/,
	},
	{
		name: 'task: a folder where a task file belongs',
		kind: 'file system',
		apply: (fx) => mkdirSync(fx.path('tasks/s-09.json'), { recursive: true }),
		file: 'tasks/s-09.json',
		field: null,
		line: 'none',
		message: /不应有子文件夹/,
	},
	{
		name: 'task: stray text file',
		kind: 'file system',
		apply: (fx) => fx.write('tasks/notes.txt', 'x'),
		file: 'tasks/notes.txt',
		field: null,
		line: 'none',
		message: /不认识的文件/,
	},

	// ── Settings, plans, taxonomies ────────────────────────────────────────────────────────────────
	{
		name: 'settings: a folder',
		kind: 'file system',
		apply: (fx) => {
			rmSync(fx.path('settings.json'));
			mkdirSync(fx.path('settings.json'));
		},
		file: 'settings.json',
		field: null,
		line: 'none',
		message: /却是一个文件夹/,
	},
	{
		name: 'settings: symlink outside',
		kind: 'file system',
		apply: (fx) => link(fx, 'settings.json'),
		file: 'settings.json',
		field: null,
		line: 'none',
		message: /符号链接/,
	},
	{
		name: 'settings: GBK',
		kind: 'settings',
		apply: (fx) => fx.write('settings.json', gbk('[{"siteName": "', '"}]')),
		file: 'settings.json',
		field: null,
		line: 1,
		message: /GBK/,
	},
	{
		name: 'settings: duplicate key',
		kind: 'settings',
		apply: (fx) =>
			fx.swap('settings.json', '"siteName": "整改公开",', '"siteName": "整改公开",\n    "siteName": "别的名字",'),
		file: 'settings.json',
		field: 'siteName',
		line: on('别的名字'),
		message: /写了两次/,
	},
	{
		name: 'settings: site name of zero-width spaces',
		kind: 'settings',
		apply: (fx) => fx.editJson('settings.json', (s) => (s[0].siteName = '\u200b')),
		file: 'settings.json',
		field: '[0].siteName',
		line: on('"siteName"'),
		message: /不可见字符|不能为空/,
	},
	{
		name: 'settings: siteName as a number',
		kind: 'settings',
		apply: (fx) => fx.editJson('settings.json', (s) => (s[0].siteName = 7)),
		file: 'settings.json',
		field: '[0].siteName',
		line: on('"siteName"'),
		message: /类型不对：应为文字/,
	},
	{
		name: 'plan: feedback date as a number',
		kind: 'plan',
		apply: (fx) => fx.editJson('plans/p1.json', (p) => (p.inspection.feedbackDate = 20190506)),
		file: 'plans/p1.json',
		field: 'inspection.feedbackDate',
		line: on('"feedbackDate"'),
		message: /应为日期字符串/,
	},
	{
		name: 'plan: published after the as-of date',
		kind: 'plan',
		apply: (fx) => fx.editJson('plans/p1.json', (p) => (p.publishedDate = '2022-01-01')),
		file: 'plans/p1.json',
		field: 'publishedDate',
		line: on('"publishedDate"'),
		message: /晚于截至日期/,
	},
	{
		name: 'plan: upper-case file name',
		kind: 'file system',
		apply: (fx) => mv(fx, 'plans/p1.json', 'plans/P1.json'),
		file: 'plans/P1.json',
		field: null,
		line: 'none',
		message: /文件名.*不合规/,
	},
	{
		name: 'plan: duplicate key',
		kind: 'plan',
		apply: (fx) => fx.swap('plans/p1.json', '"title": "测试方案",', '"title": "测试方案",\n  "title": "假方案",'),
		file: 'plans/p1.json',
		field: 'title',
		line: on('假方案'),
		message: /写了两次/,
	},
	{
		name: 'plan: declared total off',
		kind: 'plan',
		apply: (fx) => fx.editJson('plans/p1.json', (p) => (p.declaredTotals.tasks = 3)),
		file: 'plans/p1.json',
		field: 'declaredTotals.tasks',
		line: on('"tasks": 3'),
		message: /声明整改任务 3 项/,
	},
	{
		name: 'units: duplicate key',
		kind: 'taxonomy',
		apply: (fx) =>
			fx.swap('units.json', '"name": "山西省生态环境厅",', '"name": "山西省生态环境厅",\n    "name": "x",'),
		file: 'units.json',
		field: 'name',
		line: on('"name": "x"'),
		message: /写了两次/,
	},
	{
		name: 'units: unit name of zero-width spaces',
		kind: 'taxonomy',
		apply: (fx) => fx.editJson('units.json', (u) => (u[0].name = '\u200b\u200b')),
		file: 'units.json',
		field: '[0].name',
		line: on('"name"'),
		message: /不可见字符|不能为空/,
	},
	{
		name: 'units: unknown city (cross-file, line of the field)',
		kind: 'taxonomy',
		apply: (fx) => fx.editJson('units.json', (u) => (u[1].city = 'nowhere')),
		file: 'units.json',
		field: 'u2.city',
		line: on('"nowhere"'),
		message: /不存在的城市/,
	},
	{
		name: 'units: kind not allowed',
		kind: 'taxonomy',
		apply: (fx) => fx.editJson('units.json', (u) => (u[0].kind = 'ministry')),
		file: 'units.json',
		field: '[0].kind',
		line: on('"ministry"'),
		message: /取值只能是/,
	},
	{
		name: 'units: duplicate id',
		kind: 'taxonomy',
		apply: (fx) => fx.editJson('units.json', (u) => u.push({ ...u[0] })),
		file: 'units.json',
		field: '[2].id',
		line: 16,
		message: /编号“u1”重复/,
	},
	{
		name: 'cities: order as a string',
		kind: 'taxonomy',
		apply: (fx) => fx.editJson('cities.json', (c) => (c[0].order = 'first')),
		file: 'cities.json',
		field: '[0].order',
		line: on('"order"'),
		message: /类型不对：应为数字/,
	},
	{
		name: 'cities: upper-case id',
		kind: 'taxonomy',
		apply: (fx) => fx.editJson('cities.json', (c) => (c[0].id = 'C1')),
		file: 'cities.json',
		field: '[0].id',
		line: on('"C1"'),
		message: /小写字母/,
	},
	{
		name: 'measures: unknown group (cross-file, line of the field)',
		kind: 'taxonomy',
		apply: (fx) => fx.editJson('measures.json', (m) => (m[0].group = 'g9')),
		file: 'measures.json',
		field: 'm1.group',
		line: on('"g9"'),
		message: /不存在的措施方面/,
	},
	{
		name: 'measure groups: unknown plan (cross-file, line of the field)',
		kind: 'taxonomy',
		apply: (fx) => fx.editJson('measure-groups.json', (g) => (g[0].plan = 'p9')),
		file: 'measure-groups.json',
		field: 'g1.plan',
		line: on('"p9"'),
		message: /不存在的方案/,
	},
	{
		name: 'problem areas: no sources',
		kind: 'taxonomy',
		apply: (fx) => fx.editJson('problem-areas.json', (a) => (a[0].sources = [])),
		file: 'problem-areas.json',
		field: '[0].sources',
		line: on('"sources"'),
		message: /至少需要 1 项/,
	},
	{
		name: 'problem areas: symlink outside',
		kind: 'file system',
		apply: (fx) => link(fx, 'problem-areas.json'),
		file: 'problem-areas.json',
		field: null,
		line: 'none',
		message: /符号链接/,
	},
	{
		name: 'content/: unknown top-level file (a typo)',
		kind: 'file system',
		apply: (fx) => fx.write('task.json', '{}'),
		file: 'task.json',
		field: null,
		line: 'none',
		message: /不认识的文件或文件夹/,
	},
	{
		name: 'content/: upper-case folder',
		kind: 'file system',
		apply: (fx) => fx.write('Tasks/s-05.json', '{}'),
		file: 'Tasks',
		field: null,
		line: 'none',
		message: /不认识的文件或文件夹/,
	},

	// ── The ledger of published records ────────────────────────────────────────────────────────────
	{
		name: 'ledger: a published update edited',
		kind: 'ledger',
		apply: (fx) => fx.swap(U, '正文。', '改写后的正文。'),
		file: U,
		field: null,
		line: 1,
		message: /已发布的进展.*被修改/,
	},
	{
		name: 'ledger: a published update deleted',
		kind: 'ledger',
		apply: (fx) => rmSync(fx.path(U)),
		file: U,
		field: 'updates',
		line: 'none',
		message: /已发布的进展.*被删除/,
	},
	{
		name: 'ledger: a published update status flipped',
		kind: 'ledger',
		apply: fm('status: on_track', 'status: behind'),
		file: U,
		field: null,
		line: 1,
		message: /已发布的进展.*被修改/,
	},
	{
		name: 'ledger: a published task deleted',
		kind: 'ledger',
		apply: (fx) => {
			rmSync(fx.path('tasks/s-02.json'));
			fx.editJson('plans/p1.json', (p) => {
				p.declaredTotals.tasks = 1;
				p.declaredTotals.specificMeasures = 2;
				p.declaredTotals.tasksBySeries.s = 1;
				p.declaredTotals.tasksByBatch['end-2020'] = 0;
			});
		},
		file: 'tasks/s-02.json',
		field: null,
		line: 'none',
		message: /已发布的整改任务.*被删除/,
	},
	{
		name: 'ledger: a published due date moved in the task file',
		kind: 'ledger',
		apply: task((t) => (t.dueDate = '2020-06-30')),
		file: T,
		field: 'dueDate',
		line: on('"dueDate"'),
		message: /已发布任务的“dueDate”被修改/,
	},
	{
		name: 'ledger: a published problem rewritten',
		kind: 'ledger',
		apply: task((t) => (t.problem = '改写后的问题')),
		file: T,
		field: 'problem',
		line: on('"problem"'),
		message: /已发布任务的“problem”被修改/,
	},
	{
		name: 'ledger: not JSON',
		kind: 'ledger',
		apply: (fx) => fx.write('ledger.json', '{'),
		file: 'ledger.json',
		field: null,
		line: 'none',
		message: /账本无法读取/,
	},
	// #25 item 3: a ledger deleted, emptied into lists or with a reshaped entry is an error, never a fresh start.
	{
		name: 'ledger: deleted',
		kind: 'ledger',
		apply: (fx) => rmSync(fx.path('ledger.json')),
		file: 'ledger.json',
		field: null,
		line: 'none',
		message: /缺少发布记录账本/,
	},
	{
		name: 'ledger: reshaped into empty lists',
		kind: 'ledger',
		apply: (fx) => fx.write('ledger.json', '{"updates": [], "tasks": []}'),
		file: 'ledger.json',
		field: null,
		line: 'none',
		message: /账本无法读取.*不能是列表/,
	},
	{
		name: 'ledger: a fingerprint replaced by an object',
		kind: 'ledger',
		apply: (fx) =>
			fx.editJson('ledger.json', (l) => {
				for (const k of Object.keys(l.updates)) l.updates[k] = {};
			}),
		file: 'ledger.json',
		field: null,
		line: 'none',
		message: /账本无法读取.*指纹不是文字/,
	},
	{
		name: 'corrections: a cycle of three, all published the same day',
		kind: 'update',
		apply: (fx) => {
			const ids = ['2019-10-09', '2019-10-10', '2019-10-11'];
			ids.forEach((d, i) =>
				fx.write(
					`updates/s-01/${d}.md`,
					UPDATE.replace('publishedDate: "2019-10-08"', 'publishedDate: "2019-10-12"').replace(
						'title:',
						`corrects: s-01/${ids[(i + 1) % 3]}\ntitle:`,
					),
				),
			);
		},
		file: 'updates/s-01/2019-10-09.md',
		field: 'corrects',
		line: on('corrects:'),
		message: /更正形成了循环：s-01\/2019-10-09 → s-01\/2019-10-10 → s-01\/2019-10-11 → s-01\/2019-10-09/,
	},
	...TEXT_POLICY_CASES,
	...LIMIT_CASES,
	...LINK_CASES,
];
