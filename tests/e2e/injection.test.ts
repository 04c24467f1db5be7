// Script and HTML typed into any text field must reach the public only as text.
// Builds a small site from a temp content tree full of injection attempts and inspects every HTML file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { makeContent, makeTask, makeUpdate } from '#tests/unit/fixtures.ts';
import { parseCsv } from '#src/lib/publish/csv.ts';
import { findLeaks } from '#src/integrations/dist-check/leaks.ts';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const JS_LINK = '[点此](javascript:alert(1))';
const ALL = `${SCRIPT}${IMG}${JS_LINK} javascript:alert(1)`;
// Cells a spreadsheet would run (OWASP CSV injection): the title LibreOffice opened as a live link, and the other
// starters.
const FORMULAS = [
	'=HYPERLINK("http://evil.example/","点此")',
	'+1+1 问题',
	'-2+3 目标',
	'@SUM(1) 措施',
	'\t=1 措施',
	"=cmd|' /C calc'!A0",
];

let tmp: string;
let html: { file: string; text: string }[] = [];

function writeTree(dir: string) {
	const w = (rel: string, v: unknown) => {
		mkdirSync(join(dir, rel, '..'), { recursive: true });
		writeFileSync(join(dir, rel), typeof v === 'string' ? v : JSON.stringify(v, null, 2));
	};
	// A site never released: an empty ledger (a missing one is an error).
	w('ledger.json', '{"updates": {}, "tasks": {}}\n');
	const c = makeContent({
		tasks: [
			makeTask('s-01', {
				title: `标题${ALL}`,
				problem: `问题${ALL}`,
				targets: [`目标${ALL}`],
				measures: [`措施${ALL}`, '措施二'],
				responsible: `厅长${SCRIPT}`,
				sources: [{ publisher: `报${IMG}`, title: `来源${ALL}`, date: '2019-12-30', supports: `支持${SCRIPT}` }],
			}),
			makeTask('s-02', {
				batch: 'end-2020',
				dueDate: '2020-12-31',
				title: FORMULAS[0],
				problem: FORMULAS[1],
				targets: [FORMULAS[2]],
				measures: [FORMULAS[3], FORMULAS[4]],
				responsible: FORMULAS[5],
			}),
		],
	});
	c.plans[0]!.title = `方案${ALL}`;
	c.plans[0]!.shortTitle = `简称${IMG}`;
	c.units[0]!.name = `生态环境厅${ALL}`;
	c.units[0]!.shortName = `省厅${SCRIPT}`;
	c.cities[0]!.name = `太原${IMG}`;
	c.measures[0]!.title = `措施标题${ALL}`;
	c.problemAreas[0]!.title = `方面${ALL}`;
	w('settings.json', [c.settings]);
	w('plans/p1.json', c.plans[0]);
	w('measure-groups.json', c.measureGroups);
	w('measures.json', c.measures);
	w('problem-areas.json', c.problemAreas);
	w('units.json', c.units);
	w('cities.json', c.cities);
	for (const { id, ...t } of c.tasks) w(`tasks/${id}.json`, t);
	w(
		'plans/p1.mdx',
		'---\nplan: p1\ntitle: 正文\n---\n\n## 概述\n\nPM<sub>2.5</sub> 年均浓度下降，见 [公告](https://www.shanxi.gov.cn/)。\n',
	);
	const u = makeUpdate('s-01/2019-09-30');
	w(
		'updates/s-01/2019-09-30.md',
		`---\n${JSON.stringify({ task: u.task, status: u.status, factDate: u.factDate, publishedDate: u.publishedDate, title: `进展${ALL}`, evidence: [{ title: `材料${ALL}`, url: 'https://www.shanxi.gov.cn/x', publisher: `单位${SCRIPT}` }], provenance: { kind: 'sample', note: `说明${ALL}` } })}\n---\n正文里的 PM2.5 < 35，以及 [正常链接](https://www.shanxi.gov.cn/)。\n`,
	);
}

function allFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((n) => {
		const p = join(dir, n);
		return statSync(p).isDirectory() ? allFiles(p) : [p];
	});
}

function htmlFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((n) => {
		const p = join(dir, n);
		return statSync(p).isDirectory() ? htmlFiles(p) : n.endsWith('.html') ? [p] : [];
	});
}

beforeAll(() => {
	tmp = mkdtempSync(join(tmpdir(), 'zg-inject-'));
	writeTree(join(tmp, 'content'));
	execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', join(tmp, 'dist')], {
		env: { ...process.env, CONTENT_DIR: join(tmp, 'content'), AS_OF: '2021-06-30', ASTRO_TELEMETRY_DISABLED: '1' },
		stdio: 'pipe',
	});
	html = htmlFiles(join(tmp, 'dist')).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}, 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('injected script and HTML in text fields', () => {
	it('built pages that show the injected records', () => {
		expect(html.length).toBeGreaterThan(2);
		expect(html.some((h) => h.file.endsWith(join('tasks', 's-01', 'index.html')))).toBe(true);
	});

	it('never become elements, event handlers or javascript: links', () => {
		for (const { file, text } of html) {
			const bad: string[] = [];
			let inScript = false;
			const parser = new Parser({
				onopentag(name, attrs) {
					// JSON data blocks (JSON-LD) are not executed; if "</script" could break out of one, the
					// parser would see the injected elements after it and flag them below.
					if (name === 'script' && !/json/i.test(attrs.type ?? '')) inScript = true;
					for (const [k, v] of Object.entries(attrs)) {
						if (/^on/i.test(k)) bad.push(`${name}[${k}]`);
						if (/^\s*(javascript|data|vbscript):/i.test(v) && /^(href|src|action|formaction|xlink:href)$/i.test(k))
							bad.push(`${name}[${k}=${v}]`);
					}
					if (name === 'img' && attrs.src === 'x') bad.push('img[src=x]');
				},
				ontext(t) {
					if (inScript && /alert\(1\)/.test(t)) bad.push('script containing alert(1)');
				},
				onclosetag(name) {
					if (name === 'script') inScript = false;
				},
			});
			parser.write(text);
			parser.end();
			expect(bad, file).toEqual([]);
		}
	});

	it('appear escaped, as text the reader can see', () => {
		const task = html.find((h) => h.file.endsWith(join('tasks', 's-01', 'index.html')))!.text;
		for (const field of ['标题', '问题', '目标', '措施', '进展', '材料', '来源'])
			expect(task, field).toMatch(
				new RegExp(
					`${field}&lt;script&gt;alert\\(1\\)&lt;/script&gt;&lt;img src=x onerror=alert\\(1\\)&gt;\\[点此\\]\\(javascript:alert\\(1\\)\\)`,
				),
			);
		expect(task).toContain('生态环境厅&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(task).toContain('太原&lt;img src=x onerror=alert(1)&gt;');
		// Attribute values (data-pagefind-title, checkbox values) may hold "<" as plain text: look outside them.
		const all = html.map((h) => h.text.replace(/="[^"]*"/g, '=""')).join('\n');
		expect(all).toContain('方案&lt;script&gt;');
		expect(all).toContain('措施标题&lt;script&gt;');
		expect(all).not.toContain(SCRIPT);
		expect(all).not.toContain(IMG);
	});

	it('keep ordinary Markdown in the narrative working', () => {
		const task = html.find((h) => h.file.endsWith(join('tasks', 's-01', 'index.html')))!.text;
		expect(task).toContain('PM2.5 &lt; 35');
		expect(task).toContain('href="https://www.shanxi.gov.cn/"');
	});
});

describe('every output of injected content (feeds, data, JSON-LD, search index)', () => {
	const dist = () => join(tmp, 'dist');
	/** Every published text: pages, feeds, data files, scripts, and the search index's fragments (gzip). */
	const texts = () =>
		allFiles(dist()).flatMap((file) => {
			if (/\.(html|xml|json|csv|txt|js|css|svg)$/.test(file)) return [{ file, text: readFileSync(file, 'utf8') }];
			if (/\.pf_(fragment|meta|filter|index)$/.test(file))
				return [{ file, text: gunzipSync(readFileSync(file)).toString('utf8') }];
			return [];
		});

	it('CSV cells never start a formula (OWASP): = + - @ tab and CR get a leading apostrophe', () => {
		const csvs = allFiles(dist()).filter((f) => f.endsWith('.csv'));
		expect(csvs.length).toBeGreaterThan(3);
		const cells = csvs.flatMap((f) =>
			parseCsv(readFileSync(f, 'utf8'))
				.flat()
				.map((cell) => ({ f, cell })),
		);
		expect(cells.filter(({ cell }) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
		// The values are all there, neutralised, and nothing else changed.
		// A list field is one cell with a value a line: only its first line starts the cell.
		// (Text fields are trimmed on input, so the tab case arrives as =1.)
		for (const v of FORMULAS.map((x) => x.trim()))
			expect(
				cells.some(({ cell }) => cell.startsWith(`'${v}`) || cell.includes(`\n${v}`)),
				v,
			).toBe(true);
		const json = JSON.parse(readFileSync(join(dist(), 'data', 'tasks.json'), 'utf8')) as {
			records: { title: string }[];
		};
		expect(json.records.map((r) => r.title)).toContain(FORMULAS[0]); // JSON is data: kept as typed
	});

	it('feeds carry injected text escaped, never as elements', () => {
		const feeds = texts().filter((t) => t.file.endsWith('.xml'));
		expect(feeds.length).toBeGreaterThan(2);
		for (const { file, text } of feeds) {
			expect(text, file).not.toContain(SCRIPT);
			expect(text, file).not.toContain(IMG);
		}
		expect(feeds.some((f) => f.text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))).toBe(true);
	});

	it('JSON-LD blocks cannot be broken out of', () => {
		let blocks = 0;
		for (const { file, text } of html)
			for (const m of text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
				blocks++;
				expect(m[1], file).not.toMatch(/<\/?script|<!--|<img/i);
				expect(() => JSON.parse(m[1]!), file).not.toThrow();
			}
		expect(blocks).toBeGreaterThan(0);
	});

	// A fragment is JSON: the page's visible text (`content`, Chinese words split by zero-width spaces) and its
	// title, meta and filters as plain strings. The injected tags are there as the characters the reader saw; the
	// search page turns excerpts into text nodes (excerptParts in src/lib/search/query.ts, rendered with textContent by
	// src/scripts/search.ts), never into HTML.
	it('the search index holds the injected text as text, not markup', () => {
		const index = texts()
			.filter((t) => t.file.endsWith('.pf_fragment'))
			.map((t) => ({
				...t,
				json: JSON.parse(t.text.replace(/^pagefind_dcd/, '')) as { content: string; meta: Record<string, string> },
			}));
		expect(index.length).toBeGreaterThan(0);
		const visible = index.map((t) => t.json.content.replaceAll('\u200b', ''));
		expect(visible.some((c) => c.includes(`标题${SCRIPT}${IMG}`))).toBe(true);
		for (const { file, json } of index) {
			expect(typeof json.content, file).toBe('string');
			for (const v of Object.values(json.meta ?? {})) expect(typeof v, file).toBe('string');
		}
	});

	it('no output names a path of the build machine (the content tree lives in a temp folder)', () => {
		const all = texts();
		expect(all.length).toBeGreaterThan(20);
		for (const { file, text } of all) {
			expect(text, file).not.toContain(tmp);
			expect(
				findLeaks(text).filter((l) => l.kind === 'local path' || l.kind === 'file: URL'),
				file,
			).toEqual([]);
		}
	});

	it('the plan text renders its allowed markup and nothing else', () => {
		const plan = html.find((h) => h.file.endsWith(join('plans', 'p1', 'index.html')))!.text;
		expect(plan).toContain('PM<sub>2.5</sub>');
		expect(plan).toContain('href="https://www.shanxi.gov.cn/"');
	});
});
