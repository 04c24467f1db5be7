#!/usr/bin/env node
// npm run check — validate every content file without building the site.
import { resolve } from 'node:path';
import { resolveAsOf } from '../src/lib/dates.ts';
import { formatProblems } from '../src/lib/problems.ts';
import { validateContent } from '../src/lib/validate.ts';

const root = process.cwd();
const asOf = resolveAsOf(process.env.AS_OF);
const started = performance.now();
const { content, problems } = validateContent(resolve(root, process.env.CONTENT_DIR ?? 'content'), asOf, root);
const ms = Math.round(performance.now() - started);
if (problems.length) {
	console.error(formatProblems(problems));
	console.error(`\n检查未通过（截至 ${asOf}，用时 ${ms} ms）/ check failed`);
	process.exit(1);
}
console.log(`内容检查通过：${content.plans.length} 个方案，${content.tasks.length} 项任务，${content.updates.length} 条进展（截至 ${asOf}，用时 ${ms} ms）/ content OK`);
