#!/usr/bin/env node
// npm run ledger — add every newly published update and task to content/ledger.json (the fingerprints that
// `npm run check` and every build compare the content with). Existing entries are never changed or removed.
import { asOfFromEnv, exit, parseCli } from './lib/cli.ts';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contentDirOf } from '#src/lib/content/layout.ts';
import { extendLedger, LEDGER_FILE, ledgerText, readLedger } from '#src/lib/content/ledger.ts';
import { formatProblems } from '#src/lib/content/problems.ts';
import { validateContent } from '#src/lib/content/validate.ts';
import { restoreFromSite } from './lib/release-ledger.ts';

const USAGE = `用法 / usage: npm run ledger [-- --content-dir <目录>]
  把截至今天（或 AS_OF）已发布、尚未登记的进展和任务加入 content/${LEDGER_FILE}；已有条目不变。
  内容检查不通过时不写入。（正式发布 npm run build:release 会自动登记，一般不需要手工运行。）
  --restore <进展编号>   从上次正式发布的网站取回这条进展发布时的原文，写回 content/updates/
  --restore-ledger       从上次正式发布的网站恢复整个账本（账本丢失或被改坏时）
  --previous <文件夹或网址>  上次正式发布的网站，默认 dist`;
const { values } = parseCli(
	{
		options: {
			'content-dir': { type: 'string' },
			restore: { type: 'string' },
			'restore-ledger': { type: 'boolean' },
			previous: { type: 'string' },
		},
	},
	USAGE,
);
const root = process.cwd();
const contentDir = contentDirOf(values['content-dir'], root);
if (values.restore !== undefined || values['restore-ledger']) {
	exit(
		await restoreFromSite({
			contentDir,
			root,
			previous: values.previous ?? 'dist',
			update: values.restore,
		}),
	);
}
const asOf = asOfFromEnv();
const { content, problems } = validateContent(contentDir, asOf, root);
if (problems.length) {
	console.error(formatProblems(problems));
	console.error('\n内容检查未通过，账本没有改动 / ledger not changed');
	exit(1);
}
const path = join(contentDir, LEDGER_FILE);
const { ledger, added } = extendLedger(readLedger(contentDir), content, asOf);
if (added.length === 0) {
	console.log(`${relative(root, path)}：没有新登记的记录（截至 ${asOf}）。`);
	exit(0);
}
writeFileSync(path, ledgerText(ledger));
console.log(`${relative(root, path)}：新登记 ${added.length} 条（截至 ${asOf}）。提交时一并提交该文件。`);
