#!/usr/bin/env node
// npm run check — validate every content file without building the site.
//   npm run check -- --base origin/main   also fail when an update published in that ref was edited or deleted,
//                                          or an entry of its ledger (content/ledger.json) changed
//   Without flags the check compares the content with content/ledger.json (no git history needed).
//   npm run check -- --release            also refuse sample records and placeholder identity fields
import { asOfFromEnv, exit, parseCli } from './lib/cli.ts';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { appendOnlyProblems } from '#src/lib/content/append-only.ts';
import { LEDGER_FILE, ledgerShrinkProblems, parseLedger, readLedger, type Ledger } from '#src/lib/content/ledger.ts';
import { CONTENT_LAYOUT, contentDirOf } from '#src/lib/content/layout.ts';
import { formatProblems, type Problem } from '#src/lib/content/problems.ts';
import { isReleaseBuild } from '#src/lib/content/release.ts';
import { validateContent } from '#src/lib/content/validate.ts';

const USAGE = `用法 / usage: npm run check [-- --base <git 引用>] [-- --release]
  --base <ref>   检查 <ref>（如 origin/main）中已有的进展文件没有被修改或删除
  --release      按正式发布的要求检查：不允许示例数据和占位的网站标识
环境变量：AS_OF=YYYY-MM-DD（截至日期，默认今天），CONTENT_DIR=<目录>（默认 content）`;

const args = parseCli({ options: { base: { type: 'string' }, release: { type: 'boolean' } } }, USAGE).values;

const git = (cwd: string, argv: string[]) =>
	execFileSync('git', argv, { cwd, maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });

/** Update files at `ref` (blob ids) and now (bytes), keyed by path relative to the project root. */
function appendOnly(contentDir: string, root: string, ref: string): Problem[] {
	try {
		git(contentDir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
	} catch {
		return [
			{
				file: ref,
				message: `找不到 git 引用“${ref}” / unknown git ref`,
				hint: '先 git fetch，或改用存在的分支名、标签或提交号。',
			},
		];
	}
	const rel = (p: string) => relative(root, join(contentDir, p)) || p;
	const base = new Map<string, string>();
	// Without --full-name, ls-tree prints paths relative to its working directory, here the content directory.
	for (const entry of git(contentDir, ['ls-tree', '-r', '-z', ref, '--', CONTENT_LAYOUT.updates])
		.toString('utf8')
		.split('\0')) {
		const m = /^\d+ blob ([0-9a-f]+)\t(.+\.md)$/.exec(entry);
		if (m) base.set(rel(m[2]!), m[1]!);
	}
	const current = new Map<string, Uint8Array>();
	const walk = (dir: string) => {
		if (!existsSync(dir)) return;
		for (const name of readdirSync(dir)) {
			const p = join(dir, name);
			if (statSync(p).isDirectory()) walk(p);
			else if (name.endsWith('.md')) current.set(relative(root, p) || p, readFileSync(p));
		}
	};
	walk(join(contentDir, CONTENT_LAYOUT.updates));
	const baseText = (path: string) => {
		try {
			return git(contentDir, ['show', `${ref}:./${relative(contentDir, resolve(root, path))}`]).toString('utf8');
		} catch {
			return undefined;
		}
	};
	const problems = appendOnlyProblems(ref, base, current, baseText);
	// The ledger itself only grows: an entry at the ref must still be there with the same fingerprint.
	let before: Ledger | undefined;
	try {
		before = parseLedger(git(contentDir, ['show', `${ref}:./${LEDGER_FILE}`]).toString('utf8'));
	} catch {
		before = undefined; // no ledger at the ref yet
	}
	if (before) {
		let now: Ledger | undefined;
		try {
			now = readLedger(contentDir);
		} catch {
			now = undefined;
		}
		problems.push(
			...ledgerShrinkProblems(before, now, relative(root, join(contentDir, LEDGER_FILE)) || LEDGER_FILE, ref),
		);
	}
	return problems;
}

const root = process.cwd();
const contentDir = contentDirOf(undefined, root);
const release = Boolean(args.release) || isReleaseBuild();
const started = performance.now();
const asOf = asOfFromEnv();
const { content, problems, warnings } = validateContent(contentDir, asOf, root, { release });
if (warnings.length)
	console.warn(
		formatProblems(warnings).replace(
			/^发现 (\d+) 个内容问题 \/ \d+ content problem\(s\)/,
			'提醒 $1 项 / $1 warning(s)',
		) + '\n',
	);
if (args.base) problems.push(...appendOnly(contentDir, root, args.base));
const ms = Math.round(performance.now() - started);
const mode = [release && '正式发布模式', args.base && `对照 ${args.base}`].filter(Boolean).join('，');
const info = `截至 ${asOf}${mode ? '，' + mode : ''}，用时 ${ms} ms`;
if (problems.length) {
	console.error(formatProblems(problems));
	console.error(`\n检查未通过（${info}）/ check failed`);
	exit(1);
}
console.log(
	`内容检查通过：${content.plans.length} 个方案，${content.tasks.length} 项任务，${content.updates.length} 条进展（${info}）/ content OK`,
);
