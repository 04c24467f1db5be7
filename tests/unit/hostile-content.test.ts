// Runs the hostile-content corpus (tests/unit/hostile-cases.ts): every case must be refused by the same
// validation `npm run check` and the build run, with a message naming the file, the field and the line.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extendLedger, LEDGER_FILE, ledgerText } from '#src/lib/content/ledger.ts';
import { validateContent } from '#src/lib/content/validate.ts';
import { renderNarrative } from '#src/lib/publish/markdown.ts';
import { isSafeLinkDestination } from '#src/lib/model/link-rule.ts';
import { HOSTILE_CASES, writeFixture, type Fixture, type LineSpec } from './hostile-cases.ts';

const AS_OF = '2021-06-30';
let fx: Fixture;

beforeEach(() => {
	fx = writeFixture(mkdtempSync(join(tmpdir(), 'zg-hostile-')));
	// The fixture's records count as published: the ledger holds their fingerprints, as content/ledger.json does.
	const { content } = validateContent(fx.content, AS_OF, fx.root);
	writeFileSync(
		join(fx.content, LEDGER_FILE),
		ledgerText(extendLedger({ updates: {}, tasks: {} }, content, AS_OF).ledger),
	);
});
afterEach(() => rmSync(fx.root, { recursive: true, force: true }));

function expectedLine(spec: LineSpec, file: string): number | undefined {
	if (spec === 'none' || typeof spec === 'number') return spec === 'none' ? undefined : spec;
	const lines = readFileSync(join(fx.content, file), 'utf8').split('\n');
	if (spec === 'last') return lines.at(-1) === '' ? lines.length - 1 : lines.length;
	const i = lines.findIndex((l) => l.includes(spec.containing));
	if (i < 0) throw new Error(`case line needle ${spec.containing} not in ${file}`);
	return i + 1;
}

describe('hostile-content corpus', () => {
	it('the untouched fixture (with its ledger) is valid', () => {
		expect(validateContent(fx.content, AS_OF, fx.root).problems).toEqual([]);
	});

	it('has at least 100 cases over every file type', () => {
		expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(100);
		const kinds = new Set(HOSTILE_CASES.map((c) => c.kind));
		for (const k of ['settings', 'plan', 'plan text', 'taxonomy', 'task', 'update', 'ledger', 'file system'] as const)
			expect(kinds).toContain(k);
		expect(new Set(HOSTILE_CASES.map((c) => c.name)).size).toBe(HOSTILE_CASES.length);
	});

	it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
		c.apply(fx);
		const { problems, content } = validateContent(fx.content, AS_OF, fx.root);
		const file = `content/${c.file}`;
		if (c.published) {
			// The fixture's update is already in the ledger, so editing it is refused as such; nothing else may refuse it.
			expect(problems.filter((p) => p.file === file && !/^已发布的进展/.test(p.message))).toEqual([]);
			const html = renderNarrative(content.updates.find((u) => file.endsWith(`${u.id}.md`))!.body);
			expect(html).toMatch(c.published);
			for (const [, url] of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) expect(isSafeLinkDestination(url!)).toBe(true);
			return;
		}
		const shown = problems.map((p) => `${p.file}:${p.line ?? ''} [${p.field ?? ''}] ${p.message}`).join('\n');
		const hit = problems.find((p) => p.file === file && c.message.test(p.message));
		expect(hit, `expected ${file} ${c.message} among:\n${shown}`).toBeDefined();
		if (c.field !== null) expect(hit!.field, shown).toBe(c.field);
		const line = c.line === 'none' ? undefined : expectedLine(c.line, c.file);
		if (line !== undefined) expect(hit!.line, shown).toBe(line);
		// Every problem says how to fix it, in Chinese; no English-only text from zod reaches the editor.
		for (const p of problems) {
			expect(p.hint ?? '', `${p.file} ${p.message} has no fix`).toMatch(/[\u4e00-\u9fff]/);
			expect(p.message).toMatch(/[\u4e00-\u9fff]/);
			expect(p.message).not.toMatch(/^Invalid input|expected string, received|Too small|Unrecognized key/);
			// A message names what is wrong; it never echoes an oversized value.
			expect(p.message.length, p.message.slice(0, 80)).toBeLessThan(300);
		}
	});
});

// A light fuzz over the loaders and schemas: random bytes, random JSON shapes and random frontmatter in each
// file kind. Whatever comes in, validation returns problems (file, Chinese message) and never throws.
describe('random input never crashes validation', () => {
	let seed = 20261130;
	const rand = () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
	const value = (depth: number): unknown => {
		const kind = pick(['str', 'num', 'bool', 'null', 'arr', 'obj', 'date', 'cjk', 'zw']);
		if (depth > 2 && (kind === 'arr' || kind === 'obj')) return '';
		switch (kind) {
			case 'str':
				return pick(['', ' ', 'x', '<script>', '=1+1', '../../etc', 'javascript:alert(1)']);
			case 'num':
				return pick([0, -1, 1.5, 1e308, Number.MAX_SAFE_INTEGER]);
			case 'bool':
				return rand() < 0.5;
			case 'null':
				return null;
			case 'arr':
				return Array.from({ length: Math.floor(rand() * 3) }, () => value(depth + 1));
			case 'obj':
				return Object.fromEntries(
					Array.from({ length: Math.floor(rand() * 3) }, () => [
						pick(['id', 'title', 'plan', '__proto__', 'constructor', 'x']),
						value(depth + 1),
					]),
				);
			case 'date':
				return pick(['2019-02-29', '2020-13-01', '２０１９-01-01', '2019-10-08']);
			case 'cjk':
				return '整改';
			default:
				return '\u200b';
		}
	};
	const files = ['settings.json', 'plans/p1.json', 'units.json', 'cities.json', 'measures.json', 'tasks/s-01.json'];
	const cases = Array.from({ length: 60 }, (_, i) => i);
	it.each(cases)('round %i', (i) => {
		const target = i % 3 === 0 ? 'updates/s-01/2019-10-08.md' : i % 3 === 1 ? 'plans/p1.mdx' : pick(files);
		let text: string | Uint8Array;
		if (i % 5 === 0) text = new Uint8Array(Array.from({ length: 64 }, () => Math.floor(rand() * 256)));
		else if (target.endsWith('.json')) {
			const base = JSON.parse(readFileSync(join(fx.content, target), 'utf8'));
			const v = Array.isArray(base)
				? base.map((r) => ({ ...r, [pick(Object.keys(r))]: value(0) }))
				: { ...base, [pick(Object.keys(base))]: value(0) };
			text = JSON.stringify(v, null, 2);
		} else
			text = `---\n${pick(['task', 'status', 'title', 'corrects', 'closure', 'plan'])}: ${JSON.stringify(value(0))}\n---\n${pick(['正文', '{x}', '<b>', '[a](b)', ''])}\n`;
		fx.write(target, text);
		const { problems } = validateContent(fx.content, AS_OF, fx.root);
		for (const p of problems) {
			expect(p.file).toMatch(/^content\//);
			expect(p.message).toMatch(/[\u4e00-\u9fff]/);
		}
	});
});
