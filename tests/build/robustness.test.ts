// A build is all or nothing, escapes what content says, and publishes nothing from the build machine.
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, cleanup, contentCopy, leftovers, tempDir } from './helpers.ts';

afterAll(cleanup);

/** An output directory holding a previous "site" (one marker file), to see whether a build touched it. */
function previousOutput(): { parent: string; out: string } {
	const parent = tempDir('out');
	const out = join(parent, 'dist');
	mkdirSync(out);
	writeFileSync(join(out, 'previous.txt'), 'the previous build');
	return { parent, out };
}

describe('scripts/build.ts (npm run build)', () => {
	it('a content error fails the build as a whole: the previous output stays untouched, no partial output is left', () => {
		const content = contentCopy();
		const task = join(content, 'tasks', 'hkk-03.json');
		writeFileSync(task, readFileSync(task, 'utf8').replace(/"batch":\s*"[^"]+"/, '"batch": "no-such-batch"'));
		const { parent, out } = previousOutput();
		const r = build(out, { contentDir: content });
		expect(r.status).not.toBe(0);
		expect(r.output).toContain('hkk-03.json');
		expect(r.output).toContain('dist/ unchanged');
		expect(readdirSync(out)).toEqual(['previous.txt']);
		expect(leftovers(parent)).toEqual([]);
	});

	it('a failing dist check (a local path and a token in content) fails the build, naming file and leak; the previous output stays', () => {
		const content = contentCopy();
		// A new update (published ones are in the ledger and may not be edited): a copy of the first, under a new name.
		const first = join(content, 'updates', 'hkk-02', readdirSync(join(content, 'updates', 'hkk-02')).sort()[0]!);
		const update = join(content, 'updates', 'hkk-02', '2021-06-29.md');
		writeFileSync(update, readFileSync(first, 'utf8'));
		appendFileSync(update, `\n\n草稿见 /home/editor/草稿.docx，令牌 ghp_${'Ab12'.repeat(9)}。\n`);
		const { parent, out } = previousOutput();
		const r = build(out, { contentDir: content });
		expect(r.status).toBe(1);
		expect(r.output).toMatch(/tasks\/hkk-02\/index\.html: line \d+: local path: \/home\/editor\//);
		expect(r.output).toMatch(/tasks\/hkk-02\/index\.html: line \d+: GitHub token: ghp_…\(40 chars\)/);
		expect(r.output).not.toContain('Ab12Ab12'); // the secret itself is never printed
		expect(r.output).toContain('the built site failed its checks; ');
		expect(readdirSync(out)).toEqual(['previous.txt']);
		expect(leftovers(parent)).toEqual([]);
	});

	it('escapes everything that comes from content, and then replaces the output', () => {
		// Raw HTML in update narratives is refused by the content check (tests/unit on the injection guard);
		// plain text fields may contain "<" and must arrive as text.
		const content = contentCopy();
		// This decorates a published task's problem text, which the ledger of published records (rightly) refuses: an
		// empty ledger (a site never released; a missing one is an error) lets it through.
		writeFileSync(join(content, 'ledger.json'), '{"updates": {}, "tasks": {}}\n');
		const task = join(content, 'tasks', 'hkk-02.json');
		const json = JSON.parse(readFileSync(task, 'utf8'));
		json.title = `${json.title}<script>alert("title")</script>`;
		json.problem = `${json.problem}<img src="x" onerror="alert(1)">`;
		json.targets = [...json.targets, '<b onclick="x()">粗体</b>'];
		writeFileSync(task, JSON.stringify(json, null, '\t'));
		const { parent, out } = previousOutput();
		const r = build(out, { contentDir: content });
		expect(r.status, r.output.slice(-3000)).toBe(0);
		expect(existsSync(join(out, 'previous.txt'))).toBe(false);
		expect(leftovers(parent)).toEqual([]);
		const html = readFileSync(join(out, 'tasks', 'hkk-02', 'index.html'), 'utf8');
		expect(html).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
		expect(html).toContain('&lt;img src=&quot;x&quot; onerror=&quot;alert(1)&quot;&gt;');
		expect(html).toContain('&lt;b onclick=&quot;x()&quot;&gt;粗体&lt;/b&gt;');
		expect(html).not.toMatch(/<script>alert|<img src="x"|<b onclick/);
		// the JSON-LD block keeps "<" out of the script element
		expect(html).toContain('\\u003cscript\\u003ealert');
	});

	it('a build from another content tree after the first was deleted does not reuse its stale cache', () => {
		const first = contentCopy();
		const { out } = previousOutput();
		expect(build(out, { contentDir: first }).status).toBe(0);
		rmSync(first, { recursive: true, force: true });
		const second = contentCopy();
		const r = build(out, { contentDir: second });
		expect(r.status, r.output.slice(-2000)).toBe(0);
		expect(existsSync(join(out, 'tasks', 'hkk-02', 'index.html'))).toBe(true);
	});
});
