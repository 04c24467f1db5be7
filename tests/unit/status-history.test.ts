import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { statusEvents, statusFromEvents, eventBasis } from '#src/lib/model/history.ts';
import { statesAt } from '#src/lib/model/status.ts';
import { historyDates, firstPublication } from '#src/lib/model/changes.ts';
import { loadContent } from '#src/lib/content/load.ts';
import { makeContent, makeTask, makeUpdate } from './fixtures.ts';

const day = (d: string, n: number) =>
	new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Rebuilds every task's state at `date` from the long format and compares it with the status rule. */
function expectRebuilds(content: ReturnType<typeof makeContent>, from: string, dates: readonly string[], asOf: string) {
	const events = new Map(content.tasks.map((t) => [t.id, statusEvents(t, content.updates, from, asOf)]));
	for (const date of dates) {
		const states = statesAt(content.tasks, content.updates, date);
		for (const t of content.tasks) {
			const s = states.get(t.id)!;
			const e = statusFromEvents(events.get(t.id)!, date);
			expect(e, `${t.id} at ${date}`).toBeDefined();
			expect(
				{
					status: e!.status,
					basis: e!.basis,
					update: e!.update,
					dueDate: e!.dueDate,
					statusBasis: e!.statusBasis,
					statusUnsourced: e!.statusUnsourced,
				},
				`${t.id} at ${date}`,
			).toEqual({
				status: s.status,
				basis: eventBasis(s),
				update: s.latest?.id ?? null,
				dueDate: s.dueDate,
				// What the status rests on is part of each row, so a row quoted alone keeps it (issue #23).
				statusBasis: s.basis.kind,
				statusUnsourced: s.basis.unsourced,
			});
		}
	}
}

describe('long-format status history', () => {
	it('rebuilds the state on every day of a fixture with a deadline change, a correction, a notice window and a closure', () => {
		const content = makeContent({
			tasks: [makeTask('s-01'), makeTask('s-02', { dueDate: '2019-09-30' }), makeTask('s-03')],
			updates: [
				makeUpdate('s-01/a', {
					status: 'behind',
					factDate: '2019-09-01',
					publishedDate: '2019-09-05',
					dueDateChange: { to: '2020-03-31', reason: '原因' },
				}),
				makeUpdate('s-01/b', {
					status: 'completed',
					factDate: '2020-01-10',
					publishedDate: '2020-01-15',
					closure: { notice: { start: '2020-01-20', end: '2020-01-27', contact: '0351-1234567' } },
				}),
				makeUpdate('s-01/c', {
					status: 'closed',
					factDate: '2020-02-10',
					publishedDate: '2020-02-12',
					closure: { closedDate: '2020-02-20' },
				}),
				makeUpdate('s-02/a', { status: 'on_track', factDate: '2019-08-01', publishedDate: '2019-08-03' }),
				makeUpdate('s-02/b', { status: 'completed', factDate: '2019-11-01', publishedDate: '2019-11-03' }),
				makeUpdate('s-02/c', {
					status: 'behind',
					factDate: '2019-11-01',
					publishedDate: '2019-12-01',
					corrects: 's-02/b',
				}),
			],
		} as never);
		const from = '2019-07-01';
		const asOf = '2020-06-30';
		const dates: string[] = [];
		for (let d = from; d <= asOf; d = day(d, 1)) dates.push(d);
		expectRebuilds(content, from, dates, asOf);
		const e1 = statusEvents(content.tasks[0]!, content.updates, from, asOf);
		expect(e1.map((e) => `${e.date} ${e.status}`)).toEqual([
			'2019-07-01 not_reported',
			'2019-09-05 behind',
			'2020-01-15 completed',
			'2020-01-20 in_notice',
			'2020-01-28 notice_lapsed',
			'2020-02-12 in_notice',
			'2020-02-20 closed',
		]);
	});

	it('rebuilds every month-end snapshot of the bundled content', () => {
		const { content, problems } = loadContent(resolve('content'), resolve('.'));
		expect(problems).toEqual([]);
		const asOf = '2021-06-30';
		const from = firstPublication(content.plans)!;
		const dates = historyDates(content.plans, asOf);
		expect(dates.length).toBeGreaterThan(12);
		expectRebuilds(content as never, from, dates, asOf);
	});
});
