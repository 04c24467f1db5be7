// The bundled Shanxi content: valid, matching every declared total, and exercising every status.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '#src/lib/content/validate.ts';
import { statesAt } from '#src/lib/model/status.ts';
import { countByStatus } from '#src/lib/model/rollups.ts';
import { declaredVsRecords } from '#src/lib/model/totals.ts';

const AS_OF = '2021-06-30';
const { content, problems } = validateContent(resolve('content'), AS_OF, resolve('.'));

describe('bundled Shanxi 2019 content', () => {
	it('passes every check as of the test date', () => {
		expect(problems).toEqual([]);
	});
	it('matches every declared total of the plan', () => {
		const rows = declaredVsRecords(content, 'shanxi-2019');
		// [key, declared, recorded, placeholders, of which samples]: hkk-02's one measure is a "（未核实）…待补录" placeholder.
		expect(rows.map((r) => [r.key, r.declared, r.actual, r.placeholders, r.samples])).toEqual([
			['problemAreas', 8, 8, 0, 0],
			['measureGroups', 5, 5, 0, 0],
			['measures', 19, 19, 0, 0],
			['tasks', 38, 38, 0, 37],
			['tasksBySeries.hkk', 24, 24, 0, 23],
			['tasksBySeries.dq', 14, 14, 0, 14],
			['tasksByBatch.immediate', 11, 11, 0, 11],
			['tasksByBatch.end-2019', 17, 17, 0, 17],
			['tasksByBatch.end-2020', 10, 10, 0, 9],
			['specificMeasures', 96, 95, 1, 95],
		]);
	});
	it('uses every measure and every problem area', () => {
		expect(new Set(content.tasks.map((t) => t.measure)).size).toBe(19);
		expect(new Set(content.tasks.map((t) => t.area)).size).toBe(8);
	});
	it('marks only 回头看第02号 as a partly sourced task; every other task is a sample', () => {
		const nonSample = content.tasks.filter((t) => t.provenance.kind !== 'sample').map((t) => t.id);
		expect(nonSample).toEqual(['hkk-02']);
	});
	it('exercises every status over 2019–2021, incl. overdue, long-term, in-notice and closed', () => {
		const seen = new Set<string>();
		for (const d of ['2019-09-30', '2019-12-31', '2020-06-30', '2020-12-31', AS_OF]) {
			const counts = countByStatus(content.tasks, statesAt(content.tasks, content.updates, d));
			for (const [s, n] of Object.entries(counts)) if (n > 0) seen.add(s);
		}
		expect([...seen].sort()).toEqual([
			'behind',
			'closed',
			'completed',
			'in_notice',
			'long_term',
			'not_reported',
			'on_track',
			'overdue',
		]);
		const now = countByStatus(content.tasks, statesAt(content.tasks, content.updates, AS_OF));
		expect(now.overdue).toBeGreaterThan(0);
		expect(now.long_term).toBeGreaterThan(0);
		expect(now.in_notice).toBeGreaterThan(0);
		expect(now.closed).toBeGreaterThan(0);
	});
	it('dates every update between the feedback (2019-05-06) and mid-2021', () => {
		for (const u of content.updates) {
			expect(u.factDate >= '2019-05-06').toBe(true);
			expect(u.publishedDate <= AS_OF).toBe(true);
		}
	});
});
