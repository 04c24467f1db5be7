import { describe, expect, it } from 'vitest';
import { checkIntegrity, updateDateProblems } from '#src/lib/content/integrity.ts';
import { makeContent, makeTask, makeUpdate } from './fixtures.ts';

const fields = (c: ReturnType<typeof makeContent>, asOf = '2021-06-30') =>
	checkIntegrity(c, asOf).map((p) => `${p.file}|${p.field}`);

describe('checkIntegrity', () => {
	it('accepts a consistent content set', () => {
		expect(checkIntegrity(makeContent(), '2021-06-30')).toEqual([]);
	});
	it('reports declared totals that do not match the records', () => {
		const c = makeContent();
		c.plans[0]!.declaredTotals!.tasks = 38;
		c.plans[0]!.declaredTotals!.specificMeasures = 96;
		const p = checkIntegrity(c, '2021-06-30');
		expect(p.map((x) => x.field)).toEqual(['declaredTotals.tasks', 'declaredTotals.specificMeasures']);
		expect(p[0]!.message).toContain('声明整改任务 38 项，记录中有 2 项');
		expect(p[0]!.file).toBe('content/plans/p1.json');
	});
	it('names the file and field of a dangling reference', () => {
		const c = makeContent({
			tasks: [
				makeTask('s-01', { leadUnits: ['nope'] }),
				makeTask('s-02', { batch: 'end-2020', dueDate: '2020-12-31' }),
			],
		});
		const p = checkIntegrity(c, '2021-06-30');
		expect(p).toHaveLength(1);
		expect(p[0]).toMatchObject({ file: 'content/tasks/s-01.json', field: 'leadUnits[0]' });
		expect(p[0]!.message).toContain('nope');
	});
	it('reports unknown measure, area, city, series and batch', () => {
		const c = makeContent({
			tasks: [
				makeTask('s-01', { measure: 'm9', area: 'a9', cities: ['c9'] }),
				makeTask('x-02', { batch: 'end-2020', dueDate: '2020-12-31' }),
			],
		});
		const f = fields(c);
		expect(f).toContain('content/tasks/s-01.json|measure');
		expect(f).toContain('content/tasks/s-01.json|area');
		expect(f).toContain('content/tasks/s-01.json|cities[0]');
		expect(f).toContain('content/tasks/x-02.json|series');
	});
	it('reports duplicate ids and duplicate task numbers', () => {
		const c = makeContent();
		c.units.push({ ...c.units[0]! });
		c.tasks.push({ ...c.tasks[0]!, id: 's-01-copy' });
		const f = fields(c);
		expect(f).toContain('content/units.json|[2].id');
		expect(f).toContain('content/tasks/s-01-copy.json|no');
	});
	it('rejects updates before the feedback date, after the as-of date, or for unknown tasks', () => {
		const c = makeContent({
			updates: [
				makeUpdate('s-01/early', { factDate: '2019-04-01', publishedDate: '2019-04-02' }),
				makeUpdate('s-01/late', { factDate: '2021-07-01', publishedDate: '2021-07-05' }),
				makeUpdate('zz-99/a'),
			],
		});
		const f = fields(c);
		expect(f).toContain('content/updates/s-01/early.md|factDate');
		expect(f).toContain('content/updates/s-01/late.md|publishedDate');
		expect(f).toContain('content/updates/zz-99/a.md|task');
	});
	it('rejects a closure without a notice window and one closed before the window ended', () => {
		const noWindow = makeContent({
			updates: [
				makeUpdate('s-01/a', {
					status: 'closed',
					closure: { closedDate: '2019-10-01' },
					factDate: '2019-10-01',
					publishedDate: '2019-10-02',
				}),
			],
		});
		expect(fields(noWindow)).toContain('content/updates/s-01/a.md|status');
		const early = makeContent({
			updates: [
				makeUpdate('s-01/a', {
					status: 'completed',
					factDate: '2019-10-01',
					publishedDate: '2019-10-01',
					closure: { notice: { start: '2019-10-02', end: '2019-10-20', contact: '电话' } },
				}),
				makeUpdate('s-01/b', {
					status: 'closed',
					factDate: '2019-10-10',
					publishedDate: '2019-10-10',
					closure: { closedDate: '2019-10-10' },
				}),
			],
		});
		expect(fields(early)).toContain('content/updates/s-01/b.md|closure.closedDate');
	});
	it('rejects a correction of an unknown update', () => {
		const c = makeContent({ updates: [makeUpdate('s-01/a', { corrects: 's-01/zzz' })] });
		expect(fields(c)).toContain('content/updates/s-01/a.md|corrects');
	});
});

describe('file names in the report', () => {
	it('follow the content directory the loader read (CONTENT_DIR), not a fixed content/', () => {
		const c = makeContent({
			tasks: [
				makeTask('s-01', { leadUnits: ['nope'] }),
				makeTask('s-02', { batch: 'end-2020', dueDate: '2020-12-31' }),
			],
		});
		expect(checkIntegrity(c, '2021-06-30', '../fixtures/site')[0]!.file).toBe('../fixtures/site/tasks/s-01.json');
	});
});

describe('updateDateProblems (the whole-content check and the prompts of npm run update)', () => {
	it('refuses a publication or fact after the as-of date and a fact before the feedback, naming the field', () => {
		const at = (factDate: string, publishedDate: string) =>
			updateDateProblems({ factDate, publishedDate }, '2021-06-30', '2019-09-05').map((q) => q.field);
		expect(at('2021-06-28', '2021-06-30')).toEqual([]);
		expect(at('2021-06-28', '2021-07-02')).toEqual(['publishedDate']);
		expect(at('2021-07-01', '2021-07-02')).toEqual(['publishedDate', 'factDate']);
		expect(at('2019-09-04', '2019-09-10')).toEqual(['factDate']);
	});
});
