// #23 item 6 on the built site: the plan page shows each reported figure (官方通报（转载，原发未见，未核实）) beside the
// site's own count for the same thing, both in one table row a reader copies, and the text gate finds nothing unmarked
// in the section, in /data/reported-figures.csv or .json.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { htmlLines, unmarkedUnitsOf } from '#src/integrations/dist-check/text-gate.ts';
import { loadContent } from '#src/lib/content/load.ts';
import { compareReported } from '#src/lib/model/reported-figures.ts';

const DIST = resolve('dist');
const read = (p: string) => readFileSync(join(DIST, p), 'utf8');
const { content } = loadContent(resolve(process.env.CONTENT_DIR ?? 'content'), resolve('.'));

describe(`the plan page as of ${inject('asOf')}`, { timeout: 30_000 }, () => {
	const html = read('plans/shanxi-2019/index.html');
	const lines = htmlLines(html.slice(html.indexOf('id="reported"'), html.indexOf('id="timeline"'))).map((u) => u.text);

	it('shows the reported number and the computed one in the same row, each with its basis, and the difference', () => {
		const done = compareReported(content.reportedFigures![0]!, content.tasks, content.updates).find(
			(r) => r.number.key === 'done-of-due-2019',
		)!;
		const row = lines.find((l) => l.startsWith('其中完成的任务 |'));
		expect(row).toBe(
			`其中完成的任务 | 27 项（转载，原发未见，未核实） | ${done.computed!.value} 项${done.computed!.basisText} | ${done.verdict}`,
		);
		expect(row).toContain('（含示例');
		expect(lines).toContain(done.definition);
		expect(lines.find((l) => l.startsWith('项目总数 |'))).toContain(
			'| 524 个（转载，原发未见，未核实） | 本站未统计 | 无可比数字。',
		);
		expect(lines.some((l) => l.startsWith('官方通报（转载，原发未见，未核实）。通报单位：原文未署名'))).toBe(true);
	});

	it('leaves the declared totals and the computed counts as they were (38 declared, 38 recorded)', () => {
		// the cells carry their column's label for the phone cards (data-label)
		expect(html).toMatch(/整改任务<\/th>\s*<td class="num"[^>]*>38<\/td>\s*<td class="num"[^>]*>38<\/td>/);
	});

	it('has no unmarked verdict in the section, nor in the data files', () => {
		expect(
			unmarkedUnitsOf('plans/shanxi-2019/index.html', html).unmarked.filter((u) => u.text.includes('通报')),
		).toEqual([]);
		for (const f of ['data/reported-figures.csv', 'data/reported-figures.json']) {
			const { read: n, unmarked } = unmarkedUnitsOf(f, read(f));
			expect(n, f).toBeGreaterThanOrEqual(8);
			expect(unmarked, f).toEqual([]);
		}
	});
});
