import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent, parseFrontmatter } from '#src/lib/content/load.ts';
import { makeContent } from './fixtures.ts';

let dir: string;
function write(rel: string, text: string) {
	const p = join(dir, rel);
	mkdirSync(join(p, '..'), { recursive: true });
	writeFileSync(p, text);
}
/** Writes the fixture content as files, the way editors keep it. */
function writeFixture() {
	const c = makeContent();
	write('settings.json', JSON.stringify([c.settings], null, 2));
	write('plans/p1.json', JSON.stringify(c.plans[0], null, 2));
	write('measure-groups.json', JSON.stringify(c.measureGroups, null, 2));
	write('measures.json', JSON.stringify(c.measures, null, 2));
	write('problem-areas.json', JSON.stringify(c.problemAreas, null, 2));
	write('units.json', JSON.stringify(c.units, null, 2));
	write('cities.json', JSON.stringify(c.cities, null, 2));
	for (const t of c.tasks) {
		const { id, ...data } = t;
		write(`tasks/${id}.json`, JSON.stringify(data, null, 2));
	}
}
const UPDATE = `---
task: s-01
status: on_track
factDate: "2019-09-30"
publishedDate: "2019-10-08"
title: 推进中
provenance:
  kind: sample
  note: 示例
---
正文。
`;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'zg-load-'));
	writeFixture();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadContent', () => {
	it('reads a valid tree with ids from file names', () => {
		write('updates/s-01/2019-10-08.md', UPDATE);
		const { content, problems } = loadContent(dir, dir);
		expect(problems).toEqual([]);
		expect(content.tasks.map((t) => t.id)).toEqual(['s-01', 's-02']);
		expect(content.updates[0]).toMatchObject({ id: 's-01/2019-10-08', status: 'on_track', body: '正文。\n' });
	});
	it('reports broken JSON with its line', () => {
		write('tasks/s-02.json', '{\n  "plan": "p1",\n  "series": "s"\n  "no": "02"\n}');
		const { problems } = loadContent(dir, dir);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'tasks/s-02.json', line: 4 });
		expect(problems[0]!.message).toContain('JSON 格式错误');
	});
	it('reports a missing field and an unknown one with lines', () => {
		write(
			'tasks/s-02.json',
			JSON.stringify(
				{ ...JSON.parse(JSON.stringify(makeContent().tasks[1])), id: undefined, title: undefined, colour: 'red' },
				null,
				2,
			),
		);
		const { problems } = loadContent(dir, dir);
		const byField = Object.fromEntries(problems.map((p) => [p.field ?? '', p]));
		expect(byField['title']!.message).toContain('缺少必填字段');
		expect(byField['']!.message).toContain('未知字段 colour');
		expect(byField['']!.line).toBeGreaterThan(1);
	});
	it('reports an impossible date in frontmatter with field and line', () => {
		write('updates/s-01/a.md', UPDATE.replace('"2019-09-30"', '"2019-02-30"'));
		const { problems } = loadContent(dir, dir);
		expect(problems).toEqual([expect.objectContaining({ file: 'updates/s-01/a.md', field: 'factDate', line: 4 })]);
		expect(problems[0]!.message).toContain('不存在');
	});
	it('rejects BOM, CRLF and empty files with a fix', () => {
		write('updates/s-01/bom.md', '\ufeff' + UPDATE);
		write('updates/s-01/crlf.md', UPDATE.replace(/\n/g, '\r\n'));
		write('updates/s-01/empty.md', '');
		const msgs = loadContent(dir, dir).problems.map((p) => `${p.file}: ${p.message}`);
		expect(msgs).toEqual([
			expect.stringMatching(/bom\.md: .*BOM/),
			expect.stringMatching(/crlf\.md: .*CRLF/),
			expect.stringMatching(/empty\.md: .*空的/),
		]);
	});
	it('reports broken YAML frontmatter', () => {
		write('updates/s-01/a.md', UPDATE.replace('title: 推进中', 'title: [推进中'));
		const { problems } = loadContent(dir, dir);
		expect(problems[0]!.message).toContain('YAML');
		expect(problems[0]!.line).toBeGreaterThan(1);
	});
	it('reports every problem at once, not just the first', () => {
		write('tasks/s-01.json', '{');
		write('updates/s-01/a.md', 'no frontmatter');
		write('units.json', '{}');
		expect(loadContent(dir, dir).problems.length).toBe(3);
	});
});

describe('parseFrontmatter', () => {
	it('keeps unquoted dates as strings (no silent roll-over of 2019-02-30)', () => {
		const r = parseFrontmatter('x.md', '---\nfactDate: 2019-02-30\n---\nbody');
		expect((r.data as { factDate: unknown }).factDate).toBe('2019-02-30');
	});
});
