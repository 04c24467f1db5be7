// Script and HTML typed into any text field must reach the public only as text.
// Builds a small site from a temp content tree full of injection attempts and inspects every HTML file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContent, makeTask, makeUpdate } from '../unit/fixtures.ts';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const JS_LINK = '[点此](javascript:alert(1))';
const ALL = `${SCRIPT}${IMG}${JS_LINK} javascript:alert(1)`;

let tmp: string;
let html: { file: string; text: string }[] = [];

function writeTree(dir: string) {
	const w = (rel: string, v: unknown) => {
		mkdirSync(join(dir, rel, '..'), { recursive: true });
		writeFileSync(join(dir, rel), typeof v === 'string' ? v : JSON.stringify(v, null, 2));
	};
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
			makeTask('s-02', { batch: 'end-2020', dueDate: '2020-12-31' }),
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
	const u = makeUpdate('s-01/2019-09-30');
	w(
		'updates/s-01/2019-09-30.md',
		`---\n${JSON.stringify({ task: u.task, status: u.status, factDate: u.factDate, publishedDate: u.publishedDate, title: `进展${ALL}`, evidence: [{ title: `材料${ALL}`, url: 'https://www.shanxi.gov.cn/x', publisher: `单位${SCRIPT}` }], provenance: { kind: 'sample', note: `说明${ALL}` } })}\n---\n正文里的 PM2.5 < 35，以及 [正常链接](https://www.shanxi.gov.cn/)。\n`,
	);
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
