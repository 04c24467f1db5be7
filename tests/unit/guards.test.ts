import { describe, expect, it } from 'vitest';
import { appendOnlyProblems, firstDifferentLine, gitBlobId, updateIdOf } from '#src/lib/content/append-only.ts';
import { narrativeProblems } from '#src/lib/content/narrative.ts';
import { renderNarrative } from '#src/lib/publish/markdown.ts';
import { isSafeLinkDestination } from '#src/lib/model/link-rule.ts';
import { isReleaseBuild, releaseBlockers, releaseProblems } from '#src/lib/content/release.ts';
import { makeContent, makeTask, makeUpdate } from './fixtures.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('append-only guard', () => {
	it('computes git blob ids like git hash-object', () => {
		expect(gitBlobId(enc(''))).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
		expect(gitBlobId(enc('hello\n'))).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
	});
	it('passes unchanged and new files, fails edited and deleted ones naming them', () => {
		const base = new Map([
			['content/updates/a/1.md', gitBlobId(enc('x\ny\n'))],
			['content/updates/a/2.md', gitBlobId(enc('keep\n'))],
			['content/updates/b/1.md', gitBlobId(enc('gone\n'))],
		]);
		const now = new Map([
			['content/updates/a/1.md', enc('x\nY\n')],
			['content/updates/a/2.md', enc('keep\n')],
			['content/updates/a/3.md', enc('new\n')],
		]);
		const p = appendOnlyProblems('origin/main', base, now, () => 'x\ny\n');
		expect(p.map((x) => [x.file, x.line])).toEqual([
			['content/updates/a/1.md', 2],
			['content/updates/b/1.md', undefined],
		]);
		expect(p[0]!.message).toContain('被修改');
		expect(p[0]!.hint).toContain('corrects: a/1');
		expect(p[1]!.message).toContain('被删除');
	});
	it('finds the first different line and the update id', () => {
		expect(firstDifferentLine('a\nb\nc', 'a\nb\nd')).toBe(3);
		expect(updateIdOf('content/updates/hkk-02/2020-12-31.md')).toBe('hkk-02/2020-12-31');
	});
});

describe('release guard', () => {
	it('lists sample tasks and updates and placeholder identity fields with their files', () => {
		const c = makeContent({
			updates: [makeUpdate('s-01/a'), makeUpdate('s-01/b', { provenance: { kind: 'official' } })],
		});
		c.tasks[1] = makeTask('s-02', { batch: 'end-2020', dueDate: '2020-12-31', provenance: { kind: 'official' } });
		const b = releaseBlockers(c);
		expect(b.filter((x) => x.kind === 'identity')).toHaveLength(9);
		expect(b.filter((x) => x.kind !== 'identity').map((x) => x.file)).toEqual([
			'content/tasks/s-01.json',
			'content/updates/s-01/a.md',
		]);
		const p = releaseProblems(c);
		expect(p.find((x) => x.field === 'identity.icp')!.message).toContain('ICP备案号');
		expect(p.find((x) => x.file === 'content/tasks/s-01.json')!.message).toContain('示例数据');
	});
	it('is empty for official content with real identity fields', () => {
		const c = makeContent();
		c.tasks = c.tasks.map((t) => ({ ...t, provenance: { kind: 'official' as const } }));
		for (const f of Object.values(c.settings.identity)) f.placeholder = false;
		expect(releaseBlockers(c)).toEqual([]);
	});
	it('reads RELEASE from the environment', () => {
		expect(isReleaseBuild({ RELEASE: '1' })).toBe(true);
		expect(isReleaseBuild({})).toBe(false);
	});
});

describe('narrative guard', () => {
	it.each([
		['<script>alert(1)</script>', 'HTML'],
		['<img src=x onerror=alert(1)>', 'HTML'],
		['a <b>bold</b> word', 'HTML'],
		['<!-- hidden -->', 'HTML'],
		['[x](javascript:alert(1))', 'http(s)'],
		['[x](JavaScript:alert(1))', 'http(s)'],
		['[x](javascript&#58;alert(1))', 'http(s)'],
		['[x](data:text/html,hi)', 'http(s)'],
		['[x](/\\/evil.example/x)', '以 // 开头'],
		['[x](//evil.example/x)', '以 // 开头'],
		['[x](/\\evil.example/y)', '反斜杠'],
		['![x](https:\\\\evil.example/i.png)', '反斜杠'],
		['[x](tasks/hkk-02/)', '不是 http(s) 网址'],
	])('rejects %j', (body, kind) => {
		const p = narrativeProblems('f.md', `第一行\n${body}\n`, 10);
		expect(p.length).toBeGreaterThanOrEqual(1);
		expect(p[0]).toMatchObject({ file: 'f.md', line: 11 });
		expect(p.map((x) => x.message).join('\n')).toContain(
			kind === 'HTML' ? '正文不能包含 HTML 标签' : kind === 'http(s)' ? '不是 http(s) 网址' : kind,
		);
	});
	it.each([
		'PM2.5 浓度 < 35 微克',
		'a<3',
		'[公告](https://www.shanxi.gov.cn/x)',
		'<https://www.shanxi.gov.cn/>',
		'[同页](#u-1)',
		'[站内](/tasks/hkk-02/)',
		'邮件 [联系](mailto:a@b.cn)',
		'> 引文',
	])('accepts %j', (body) => {
		expect(narrativeProblems('f.md', body)).toEqual([]);
	});
	it('judges a link reference definition on its own line', () => {
		const p = narrativeProblems('f.md', '第一行\n\n[x]: javascript:alert(1)\n\n[y][x]\n', 10);
		expect(p).toEqual([expect.objectContaining({ line: 12, message: expect.stringContaining('不是 http(s) 网址') })]);
	});
	// The renderer escapes every '<' and reads the Markdown as CommonMark does, so these are text, not links: the
	// check, with the renderer's parser, agrees, and the page shows them as typed.
	it.each([
		['[x](<java\tscript:alert(1)>)', '[x](&lt;java'],
		['<javascript:alert(1)>', '&lt;javascript:alert(1)&gt;'],
		['第一行\n[x]: javascript:alert(1)\n\n[y][x]', '[x]: javascript:alert(1)'],
	])('publishes %j as text, not as a link', (body, shown) => {
		expect(narrativeProblems('f.md', body).filter((p) => p.message.includes('链接'))).toEqual([]);
		const html = renderNarrative(body);
		expect(html).toContain(shown);
		expect(html).not.toMatch(/<a\s[^>]*href="(?!https?:|mailto:|\/|#)/);
	});
	it('classifies link destinations', () => {
		expect(isSafeLinkDestination('https://a.cn')).toBe(true);
		expect(isSafeLinkDestination('vbscript:x')).toBe(false);
		expect(isSafeLinkDestination('foo/bar:baz')).toBe(false);
		expect(isSafeLinkDestination('tasks/x')).toBe(false);
		expect(isSafeLinkDestination('/tasks/x/')).toBe(true);
	});
});

describe('validateContent with the release rules', () => {
	it('adds the release problems only when asked, and only to otherwise valid content', async () => {
		const { validateContent } = await import('#src/lib/content/validate.ts');
		expect(validateContent('content', '2021-06-30').problems).toEqual([]);
		const release = validateContent('content', '2021-06-30', process.cwd(), { release: true }).problems;
		expect(release.length).toBeGreaterThan(0);
		expect(release.every((p) => p.file.startsWith('content/'))).toBe(true);
		expect(release.some((p) => /sample record/.test(p.message))).toBe(true);
	});
});

describe('isWithin (path containment by path.relative)', () => {
	it('tells a folder and its contents from a sibling that shares its prefix', async () => {
		const { isWithin } = await import('#src/lib/content/paths.ts');
		expect(isWithin('/work/site', '/work/site')).toBe(true);
		expect(isWithin('/work/site', '/work/site/dist/a.html')).toBe(true);
		expect(isWithin('/work/site', '/work/site-out')).toBe(false);
		expect(isWithin('/work/site', '/work/site-out/x')).toBe(false);
		expect(isWithin('/work/site', '/work/site/../other')).toBe(false);
		expect(isWithin('/work/site', '/work/site/..foo')).toBe(true);
	});
});
