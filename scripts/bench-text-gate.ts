#!/usr/bin/env node
// What the text gate (src/integrations/dist-check/text-gate.ts) costs on a built site: the time to read every page,
// data file and feed into units of text, keep the unmarked verdicts, and judge them, plus the search sentences.
// Usage: node scripts/bench-text-gate.ts DIR (a built site, e.g. one of `npm run bench`'s synthetic builds).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseCli } from './lib/cli.ts';
import {
	searchTextFindings,
	subjectsOfSite,
	textGateFindings,
	unmarkedUnitsOf,
} from '#src/integrations/dist-check/text-gate.ts';
import { workbookUnits } from '#src/integrations/dist-check/workbook-text.ts';

const { positionals } = parseCli({ allowPositionals: true, options: {} }, 'usage: node scripts/bench-text-gate.ts DIR');
const dir = positionals[0] ?? 'dist';
const files: string[] = [];
const books: string[] = [];
const walk = (d: string) => {
	for (const e of readdirSync(d, { withFileTypes: true })) {
		const p = join(d, e.name);
		if (e.isDirectory()) walk(p);
		else if (/\.(html|csv|json|xml)$/.test(e.name)) files.push(relative(dir, p).split('\\').join('/'));
		else if (e.name.endsWith('.xlsx')) books.push(relative(dir, p).split('\\').join('/'));
	}
};
walk(dir);
const texts = files.map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const);
const bytes = texts.reduce((n, [, t]) => n + Buffer.byteLength(t), 0);
const t0 = performance.now();
const kept = texts.map(([f, t]) => [f, unmarkedUnitsOf(f, t)] as const);
const t1 = performance.now();
const subjects = subjectsOfSite(dir);
let findings = 0;
for (const [f, u] of kept) findings += textGateFindings(f, u.unmarked, subjects).length;
const t2 = performance.now();
const search = searchTextFindings(dir, subjects);
const t3 = performance.now();
// Workbooks: read while later pages render (DistChecker.addWorkbook), so off the build's path unless written last.
let bookRows = 0;
for (const f of books) {
	const b = await workbookUnits(join(dir, f));
	bookRows += b.read;
	findings += textGateFindings(f, b.unmarked, subjects).length;
}
const t4 = performance.now();
const units = kept.reduce((n, [, u]) => n + u.read, 0);
const ms = (a: number, b: number) => Math.round(b - a);
console.log(
	`text gate over ${dir}: ${files.length} files (${(bytes / 1e6).toFixed(1)} MB), ${units} units read, ` +
		`${kept.reduce((n, [, u]) => n + u.unmarked.length, 0)} kept, ${findings} findings; ${search.read} search ` +
		`sentences, ${search.findings.length} findings. Reading units ${ms(t0, t1)} ms (beside the build, per file), ` +
		`judging ${ms(t1, t2)} ms, search ${ms(t2, t3)} ms, ${books.length} workbook(s) of ${bookRows} rows ${ms(t3, t4)} ms.`,
);
