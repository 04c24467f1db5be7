import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { metaPolicy } from '#src/lib/publish/csp.ts';
import { Readable } from 'node:stream';
import {
	DistChecker,
	checkDist,
	checkLeaksUnder,
	formatReport,
	readPathStream,
} from '#src/integrations/dist-check/checker.ts';

const ORIGIN = 'https://x.gov.cn';
// The policy Base.astro writes on every page.
const CSP = metaPolicy();

/** A page that passes every check; `body` replaces the main content. */
function page(path: string, body = '<h1>标题</h1>', head = ''): string {
	return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>页面</title><link rel="canonical" href="${ORIGIN}${path}"><meta http-equiv="content-security-policy" content="${CSP}">${head}</head><body><main id="main">${body}</main></body></html>`;
}

let dirs: string[] = [];
afterEach(() => {
	for (const d of dirs) rmSync(d, { recursive: true, force: true });
	dirs = [];
});

/** Writes a small dist/ (home, 404, tasks list, one task) with `extra` files added or replaced. */
function fixture(extra: Record<string, string> = {}): string {
	const dir = mkdtempSync(join(tmpdir(), 'check-dist-'));
	dirs.push(dir);
	const files: Record<string, string> = {
		'index.html': page(
			'/',
			'<h1>首页</h1><a href="/tasks/">任务</a> <a href="/tasks/hkk-02/#u-1">进展</a> <a href="#main">正文</a>',
		),
		'404.html': page('/404.html', '<h1>页面不存在</h1><a href="/">首页</a>'),
		'tasks/index.html': page(
			'/tasks/',
			'<h1>任务清单</h1><a href="hkk-02/">回头看第02号</a> <a href="https://www.mee.gov.cn/">生态环境部</a>',
		),
		'tasks/hkk-02/index.html': page(
			'/tasks/hkk-02/',
			'<h1>回头看第02号</h1><ol><li id="u-1">进展</li></ol><a href="../">返回</a>',
		),
		...extra,
	};
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	return dir;
}

const check = (dir: string, validate = false) =>
	checkDist(dir, {
		forbidden: [{ label: 'editor name', value: '王编辑' }],
		validate,
		htmlValidateConfig: { extends: ['html-validate:recommended'] },
	});

describe('checkDist', () => {
	it('passes a correct site and counts what it checked', async () => {
		const { problems, stats } = await check(fixture(), true);
		expect(problems).toEqual([]);
		expect(stats.pages).toBe(4);
		expect(stats.internalLinks).toBe(6);
		expect(stats.fragments).toBe(2);
		expect(stats.externalLinks).toBe(1);
		expect(stats.validated).toEqual(['/', '/404.html', '/tasks/', '/tasks/hkk-02/']);
		expect(formatReport('dist', problems, stats)).toMatch(/check-dist OK in \d+ ms$/);
	});

	it('names the page and the link of a broken link and of a broken #fragment', async () => {
		const dir = fixture({
			'tasks/index.html': page(
				'/tasks/',
				'<h1>任务清单</h1><a href="/tasks/hkk-99/">不存在</a> <a href="/tasks/hkk-02/#u-9">没有这条</a> <a href="/tasks">无斜杠</a>',
			),
		});
		const { problems, stats } = await check(dir);
		expect(problems).toEqual([
			{ file: 'tasks/index.html', message: 'broken link <a href="/tasks/hkk-99/">: no such page' },
			{
				file: 'tasks/index.html',
				message: 'broken link <a href="/tasks/hkk-02/#u-9">: no element with id "u-9" on /tasks/hkk-02/',
			},
			{ file: 'tasks/index.html', message: 'broken link <a href="/tasks">: missing trailing slash (use "/tasks/")' },
		]);
		const report = formatReport('dist', problems, stats);
		expect(report).toContain('tasks/index.html: broken link <a href="/tasks/hkk-99/">: no such page');
		expect(report).toMatch(/check-dist failed in \d+ ms$/);
	});

	it('requires lang, one title, the canonical URL of the page itself, exactly one h1 and the CSP meta', async () => {
		const dir = fixture({
			'tasks/hkk-02/index.html': page('/tasks/hkk-01/', '<h1>a</h1><h1>b</h1>')
				.replace(' lang="zh-CN"', '')
				.replace('<title>页面</title>', '')
				.replace(/<meta http-equiv[^>]+>/, ''),
		});
		const messages = (await check(dir)).problems.map((p) => `${p.file}: ${p.message}`);
		expect(messages).toEqual([
			'index.html: broken link <a href="/tasks/hkk-02/#u-1">: no element with id "u-1" on /tasks/hkk-02/',
			'tasks/hkk-02/index.html: <html> has no lang attribute',
			'tasks/hkk-02/index.html: needs exactly one non-empty <title>, found 0',
			'tasks/hkk-02/index.html: needs exactly one <h1>, found 2',
			'tasks/hkk-02/index.html: canonical URL is "https://x.gov.cn/tasks/hkk-01/", expected "https://x.gov.cn/tasks/hkk-02/"',
			'tasks/hkk-02/index.html: needs exactly one Content-Security-Policy <meta>, found 0',
		]);
	});

	it('refuses what the CSP header would block, a weaker CSP and resources from other origins', async () => {
		const dir = fixture({
			'tasks/index.html': page(
				'/tasks/',
				'<h1>x</h1><p style="color:red" onclick="go()">x</p><script>go()</script><img src="https://cdn.example.com/a.png" alt=""> <a href="javascript:go()">x</a>',
				'<style>p{}</style>',
			),
			'404.html': page('/404.html').replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
			// A hash would let one inline script through the <meta> policy (the header has none).
			'index.html': page('/').replace("'wasm-unsafe-eval'", "'wasm-unsafe-eval' 'sha256-abc='"),
		});
		const messages = (await check(dir)).problems.map((p) => `${p.file}: ${p.message}`);
		expect(messages).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^404\.html: Content-Security-Policy <meta> differs from src\/lib\/publish\/csp\.ts/),
				expect.stringMatching(
					/^index\.html: Content-Security-Policy <meta> differs from src\/lib\/publish\/csp\.ts.*sha256-abc=/,
				),
				'tasks/index.html: 1 inline <script> element(s): the CSP header allows only bundled scripts',
				'tasks/index.html: 1 <style> element(s): the CSP header allows only stylesheets',
				'tasks/index.html: 1 style="" attribute(s): blocked by the CSP (use a class)',
				'tasks/index.html: event-handler attribute p[onclick]: blocked by the CSP (use a bundled script)',
				'tasks/index.html: loads a resource from another origin: <img src="https://cdn.example.com/a.png">',
				'tasks/index.html: bad link <a href="javascript:go()">: javascript: URLs are blocked by the CSP',
			]),
		);
		expect(messages).toHaveLength(8);
	});

	it('fails a page that shows a judgment about a sample without its mark (as every page did before #13)', async () => {
		const dir = fixture({
			'tasks/hkk-02/index.html': page(
				'/tasks/hkk-02/',
				'<h1>回头看第02号</h1><ol><li id="u-1">进展</li></ol><a href="../">返回</a>' +
					'<section data-subject-basis="sample"><span class="badge s-overdue">逾期未完成</span>' +
					'<span class="badge s-completed" data-basis="sample">已完成</span></section>',
			),
		});
		expect((await check(dir)).problems).toEqual([
			{
				file: 'tasks/hkk-02/index.html',
				message: 'judgment without data-basis (sample, partial or sourced): <span class="badge s-overdue">逾期未完成',
			},
			{
				file: 'tasks/hkk-02/index.html',
				message:
					'judgment about a sample without a visible 示例: <span class="badge s-completed" data-basis="sample">已完成',
			},
			{ file: 'tasks/hkk-02/index.html', message: 'page about a sample record without 示例 in its <title>: "页面"' },
		]);
	});

	it('finds local paths, editor names and secrets in any text file, stray files, and broken url() in CSS', async () => {
		const dir = fixture({
			'_astro/a.js': 'const p = "/home/builder/site/src/x.ts";',
			'data/tasks.json': '{"note":"由王编辑整理"}',
			'_astro/b.css': 'p{background:url(/img/missing.png)} i{background:url(https://fonts.example.com/x.woff)}',
			'notes.txt': `token: ghp_${'x9Y8'.repeat(9)}`,
			'tasks/.index.html.swp': 'x',
		});
		const messages = (await check(dir)).problems.map((p) => `${p.file}: ${p.message}`);
		expect(messages).toEqual([
			'_astro/b.css: broken link url(/img/missing.png)',
			'_astro/b.css: loads a resource from another origin: url(https://fonts.example.com/x.woff)',
			'_astro/a.js: line 1: local path: /home/builder/site/src/x.ts',
			'data/tasks.json: line 1: editor name: 王编辑',
			'notes.txt: line 1: GitHub token: ghp_…(40 chars)',
			'tasks/.index.html.swp: stray editor or system file',
		]);
	});

	it('runs html-validate on the sampled pages and names page, rule and line', async () => {
		const dir = fixture({
			'tasks/hkk-02/index.html': page('/tasks/hkk-02/', '<h1>x</h1><p><div id="u-1">块</div></p>'),
		});
		const { problems } = await check(dir, true);
		expect(problems.length).toBeGreaterThan(0);
		expect(
			problems.every(
				(p) => p.file === 'tasks/hkk-02/index.html' && /^html-validate [\w-]+ \(line 1:\d+\)/.test(p.message),
			),
		).toBe(true);
	});

	it('requires the home page and the 404 page', async () => {
		const dir = fixture();
		rmSync(join(dir, '404.html'));
		const { problems } = await check(dir);
		expect(problems).toContainEqual({ file: '404.html', message: 'the 404 page is missing' });
	});
});

describe('checking in two passes (pages while Pagefind writes, then its index)', () => {
	it('leaves out the skipped top-level directories, and only those', async () => {
		const dir = fixture({
			'pagefind/pagefind.js': 'const editor = "王编辑";',
			'tasks/pagefind/x.js': 'const editor = "王编辑";',
		});
		const { problems, stats } = await check(dir);
		expect(problems.map((p) => p.file)).toEqual(['pagefind/pagefind.js', 'tasks/pagefind/x.js']);
		const skipped = await checkDist(dir, {
			forbidden: [{ label: 'editor name', value: '王编辑' }],
			validate: false,
			skipDirs: ['pagefind'],
		});
		expect(skipped.problems.map((p) => p.file)).toEqual(['tasks/pagefind/x.js']);
		expect(skipped.stats.files).toBe(stats.files - 1);
	});

	it('scans the skipped directory for leaks and stray files on its own', () => {
		const dir = fixture({
			'pagefind/pagefind.js': 'const editor = "王编辑";',
			'pagefind/.DS_Store': 'x',
			'pagefind/fragment/a.pf_fragment': '王编辑',
		});
		const { problems, textFilesScanned } = checkLeaksUnder(dir, 'pagefind', [
			{ label: 'editor name', value: '王编辑' },
		]);
		expect(textFilesScanned).toBe(1);
		expect(problems).toEqual([
			{ file: 'pagefind/.DS_Store', message: 'stray editor or system file' },
			{ file: 'pagefind/pagefind.js', message: expect.stringMatching(/^line 1: editor name/) },
		]);
	});
});

describe('checking files while the build writes them (DistChecker, check-dist --stream)', () => {
	const forbidden = [{ label: 'editor name', value: '王编辑' }];

	it('uses what it checked during the build, and reads again a file that changed on disk since', async () => {
		const dir = fixture();
		const checker = new DistChecker({ forbidden, validate: false });
		checker.addFromDisk(dir, 'tasks/index.html');
		checker.addFromDisk(dir, 'tasks/hkk-02/index.html');
		// Rewritten after it was checked: a broken link and a leak the early check could not have seen.
		writeFileSync(
			join(dir, 'tasks/hkk-02/index.html'),
			page('/tasks/hkk-02/', '<h1>回头看第02号</h1><a href="/nowhere/">去</a> 王编辑'),
		);
		const { problems } = await checker.finish(dir);
		expect(checker.streamed).toBe(1);
		expect(problems.map((p) => `${p.file}: ${p.message.split(':')[0]}`)).toEqual([
			'index.html: broken link <a href="/tasks/hkk-02/#u-1">',
			'tasks/hkk-02/index.html: broken link <a href="/nowhere/">',
			'tasks/hkk-02/index.html: line 1',
		]);
	});

	it('reads at the end a file that was named before it was written, and ignores binary files', async () => {
		const dir = fixture();
		const checker = new DistChecker({ forbidden, validate: false });
		checker.addFromDisk(dir, 'tasks/new/index.html');
		checker.addFromDisk(dir, 'data/tasks.xlsx');
		mkdirSync(join(dir, 'tasks/new'), { recursive: true });
		writeFileSync(join(dir, 'tasks/new/index.html'), page('/tasks/new/', '<h2>没有一级标题</h2>'));
		const { problems, stats } = await checker.finish(dir);
		expect(checker.streamed).toBe(0);
		expect(stats.pages).toBe(5);
		expect(problems).toEqual([{ file: 'tasks/new/index.html', message: 'needs exactly one <h1>, found 0' }]);
	});

	it('reads the paths the build sends, one a line, and refuses an input that stops without its end line', async () => {
		const taken: string[] = [];
		await readPathStream(Readable.from(['tasks/a/index.html\ndata/t', 'asks.csv\n', '\n']), (f) => taken.push(f));
		expect(taken).toEqual(['tasks/a/index.html', 'data/tasks.csv']);
		await expect(readPathStream(Readable.from(['index.html\n']), () => undefined)).rejects.toThrow(
			/stopped before its end/,
		);
	});
});

describe("the repository's html-validate configuration", () => {
	it('counts links to files written after the check started (the sitemap index) only when told', async () => {
		const dir = fixture({
			'sitemap/index.html': page('/sitemap/', '<h1>网站地图</h1><a href="/sitemap-index.xml">XML</a>'),
		});
		const broken = (await checkDist(dir, { validate: false })).problems.map((p) => p.message);
		expect(broken).toEqual([expect.stringMatching(/broken link.*sitemap-index\.xml/)]);
		expect((await checkDist(dir, { validate: false, laterFiles: ['sitemap-index.xml'] })).problems).toEqual([]);
	});

	it('accepts a page whose title runs past 70 characters (official task titles are long)', async () => {
		const long = '大气专项第01号：' + '建筑工地扬尘排查整治'.repeat(8);
		const dir = fixture({
			'tasks/hkk-02/index.html': page(
				'/tasks/hkk-02/',
				'<h1>回头看第02号</h1><ol><li id="u-1">进展</li></ol><a href="../">返回</a>',
			).replace('<title>页面</title>', `<title>${long} - 整改公开</title>`),
		});
		const { problems } = await checkDist(dir, { forbidden: [], validate: true });
		expect(problems).toEqual([]);
	});
});
