import { describe, expect, it } from 'vitest';
import { pageFacts, srcsetUrls } from '#src/integrations/dist-check/html-facts.ts';
import { findLeaks, secretEnvLiterals, STRAY_FILE } from '#src/integrations/dist-check/leaks.ts';
import { resolveLink, targetOf, urlPathOf } from '#src/integrations/dist-check/links.ts';
import { oversizedPages, templateKey, validationSample } from '#src/integrations/dist-check/validation-sample.ts';

describe('pageFacts', () => {
	const html = `<!doctype html><html lang="zh-CN"><head><title> 任务 &amp; 进展 </title>
		<link rel="canonical" href="https://x.gov.cn/a/"><link rel="stylesheet" href="/_astro/a.css">
		<meta http-equiv="Content-Security-Policy" content="default-src 'self'">
		<script type="module" src="/_astro/a.js"></script><script type="application/ld+json">{}</script></head>
		<body><h1 id="top">标题</h1><a name="old"></a><a href="#top">上</a><img src="/a.png" srcset="/a.png 1x, /b.png 2x">
		<p id="top" style="color:red" onclick="x()">x</p><script>inline()</script><style>p{}</style></body></html>`;
	const f = pageFacts(html);

	it('reads lang, the decoded title, canonical, h1 count and the CSP meta', () => {
		expect(f.lang).toBe('zh-CN');
		expect(f.titles).toEqual(['任务 & 进展']);
		expect(f.canonicals).toEqual(['https://x.gov.cn/a/']);
		expect(f.h1Count).toBe(1);
		expect(f.cspMetas).toEqual(["default-src 'self'"]);
	});
	it('collects ids (and a[name]) and reports duplicates', () => {
		expect([...f.ids].sort()).toEqual(['old', 'top']);
		expect(f.duplicateIds).toEqual(['top']);
	});
	it('collects every URL attribute except the canonical, srcset entries one by one', () => {
		expect(f.links.map((l) => `${l.tag}[${l.attr}]=${l.value}`)).toEqual([
			'link[href]=/_astro/a.css',
			'script[src]=/_astro/a.js',
			'a[href]=#top',
			'img[src]=/a.png',
			'img[srcset]=/a.png',
			'img[srcset]=/b.png',
		]);
	});
	it('counts what the CSP would block: inline script (not JSON data), <style>, style="", on…=""', () => {
		expect(f.inlineScripts).toBe(1);
		expect(f.inlineStyles).toBe(1);
		expect(f.styleAttrs).toBe(1);
		expect(f.handlerAttrs).toEqual(['p[onclick]']);
	});
	it('srcsetUrls drops descriptors', () => {
		expect(srcsetUrls(' a.png 1x,b.png  2x , ')).toEqual(['a.png', 'b.png']);
	});
});

describe('links', () => {
	const o = 'https://x.gov.cn';
	it('urlPathOf maps dist files to the URLs they are served at', () => {
		expect(urlPathOf('index.html')).toBe('/');
		expect(urlPathOf('tasks/hkk-02/index.html')).toBe('/tasks/hkk-02/');
		expect(urlPathOf('404.html')).toBe('/404.html');
		expect(urlPathOf('data/tasks.csv')).toBe('/data/tasks.csv');
	});
	it('resolveLink resolves relative, root-relative and absolute same-origin links, decoding path and fragment', () => {
		expect(resolveLink('../dq-01/#u-1', '/tasks/hkk-02/', o)).toEqual({
			kind: 'internal',
			path: '/tasks/dq-01/',
			fragment: 'u-1',
		});
		expect(resolveLink('/tasks/?q=1', '/', o)).toEqual({ kind: 'internal', path: '/tasks/', fragment: undefined });
		expect(resolveLink('https://x.gov.cn/%E4%BB%BB%E5%8A%A1/#%E6%A0%87', '/', o)).toEqual({
			kind: 'internal',
			path: '/任务/',
			fragment: '标',
		});
		expect(resolveLink('#', '/a/', o)).toEqual({ kind: 'internal', path: '/a/', fragment: '' });
	});
	it('resolveLink tells other sites, other schemes and javascript: apart', () => {
		expect(resolveLink('https://www.mee.gov.cn/x', '/', o).kind).toBe('external');
		expect(resolveLink('//cdn.example.com/a.js', '/', o).kind).toBe('external');
		expect(resolveLink('mailto:a@b.cn', '/', o)).toEqual({ kind: 'other', scheme: 'mailto:' });
		expect(resolveLink('javascript:alert(1)', '/', o).kind).toBe('invalid');
	});
	it('targetOf finds the served file, and names a missing page or a missing trailing slash', () => {
		const files = new Set(['index.html', 'tasks/index.html', 'favicon.svg']);
		expect(targetOf('/', files)).toEqual({ ok: true, file: 'index.html' });
		expect(targetOf('/tasks/', files)).toEqual({ ok: true, file: 'tasks/index.html' });
		expect(targetOf('/favicon.svg', files)).toEqual({ ok: true, file: 'favicon.svg' });
		expect(targetOf('/tasks', files)).toEqual({ ok: false, reason: 'missing trailing slash (use "/tasks/")' });
		expect(targetOf('/plans/', files)).toEqual({ ok: false, reason: 'no such page' });
	});
});

describe('leaks', () => {
	it('finds local paths and file: URLs, but not URL paths that merely contain /home/', () => {
		expect(findLeaks('see /work/wt-quality/content/tasks/hkk-02.json').map((l) => l.kind)).toEqual(['local path']);
		expect(findLeaks('a\nb "/root/.npm/x"').map((l) => l.line)).toEqual([2]);
		expect(
			findLeaks('file:///home/u/a.md')
				.map((l) => l.kind)
				.sort(),
		).toEqual(['file: URL', 'local path']);
		expect(findLeaks('<a href="https://www.gov.cn/home/index.htm">x</a> ./tmp/x')).toEqual([]);
		// A bare home folder, as {process.env.HOME} in a plan text would print it.
		expect(findLeaks('<p>/root</p>').map((l) => l.excerpt)).toEqual(['/root']);
		expect(findLeaks('主目录是 /home 。').map((l) => l.kind)).toEqual(['local path']);
		expect(findLeaks('/rooted /homework /tmpl')).toEqual([]);
	});
	it('finds the shapes of secrets and masks them in the report', () => {
		const key = 'ghp_' + 'a1B2'.repeat(9);
		const [leak] = findLeaks(`const t = "${key}";`);
		expect(leak?.kind).toBe('GitHub token');
		expect(leak?.excerpt).not.toContain(key);
		expect(findLeaks('-----BEGIN OPENSSH PRIVATE KEY-----').map((l) => l.kind)).toEqual(['private key']);
		expect(findLeaks('AKIAABCDEFGHIJKLMNOP').map((l) => l.kind)).toEqual(['AWS access key id']);
		expect(findLeaks('{"api_key": "0123456789abcdef"}').map((l) => l.kind)).toEqual(['assigned secret']);
		expect(findLeaks('https://user:hunter22@example.com/').map((l) => l.kind)).toEqual(['password in URL']);
		expect(findLeaks('整改任务 task-runner sk-1 AIza')).toEqual([]);
	});
	it('finds given literals (editor names) and secret env values, naming the variable only', () => {
		expect(findLeaks('由 张三 编辑', [{ label: 'editor name', value: '张三' }])).toEqual([
			{ kind: 'editor name', line: 1, excerpt: '张三' },
		]);
		const lits = secretEnvLiterals({ DEPLOY_TOKEN: 's3cr3t-value-42', PATH: '/usr/bin', SHORT_SECRET: 'abc' });
		expect(lits).toEqual([{ label: 'value of environment variable DEPLOY_TOKEN', value: 's3cr3t-value-42' }]);
		const [leak] = findLeaks('x s3cr3t-value-42 y', lits);
		expect(leak?.excerpt).not.toContain('s3cr3t-value-42');
	});
	it('matches Latin names as whole words only, CJK names anywhere', () => {
		const ann = [{ label: 'editor name', value: 'Ann Lee', word: true }];
		expect(findLeaks('Annual report by Ann Leeds', ann)).toEqual([]);
		expect(findLeaks('edited by Ann Lee.', ann).map((l) => l.excerpt)).toEqual(['Ann Lee']);
		expect(findLeaks('由李四编辑', [{ label: 'editor name', value: '李四' }])).toHaveLength(1);
	});
	it('recognises stray editor and system files', () => {
		for (const f of [
			'.DS_Store',
			'tasks/.index.html.swp',
			'a.html~',
			'x/#a.md#',
			'notes.bak',
			'.git/config',
			'x/.vscode/settings.json',
		])
			expect(STRAY_FILE.test(f), f).toBe(true);
		for (const f of ['index.html', '_astro/a.B1c.js', 'pagefind/wasm.zh-cn.pagefind'])
			expect(STRAY_FILE.test(f), f).toBe(false);
	});
});

describe('validationSample', () => {
	it('groups pages below the top level by parent, and keeps top-level pages apart', () => {
		expect(templateKey('/tasks/hkk-02/')).toBe(templateKey('/tasks/dq-01/'));
		expect(templateKey('/tasks/')).not.toBe(templateKey('/plans/'));
		expect(templateKey('/404.html')).toBe('/404.html');
	});
	it('takes the largest page of each template plus the largest pages overall', () => {
		const pages = [
			{ path: '/', size: 50 },
			{ path: '/tasks/', size: 900 },
			{ path: '/tasks/a/', size: 10 },
			{ path: '/tasks/b/', size: 30 },
			{ path: '/tasks/c/', size: 20 },
			{ path: '/404.html', size: 5 },
		];
		expect(validationSample(pages, 1)).toEqual(['/', '/404.html', '/tasks/', '/tasks/b/']);
		expect(validationSample(pages, 3)).toEqual(['/', '/404.html', '/tasks/', '/tasks/b/']);
		expect(validationSample(pages, 5)).toContain('/tasks/c/');
	});
});

describe('validationSample size cap', () => {
	it('represents a template by its largest page within the cap and names the pages over it', () => {
		const pages = [
			{ path: '/as-of/a/', size: 3_000_000 },
			{ path: '/as-of/b/', size: 2_000_000 },
			{ path: '/units/x/', size: 500 },
			{ path: '/units/y/', size: 900 },
			{ path: '/tasks/', size: 5_000_000 },
		];
		expect(validationSample(pages, 1, 1000)).toEqual(['/units/y/']);
		expect(oversizedPages(pages, 1000)).toEqual(['/as-of/a/', '/as-of/b/', '/tasks/']);
	});
});
