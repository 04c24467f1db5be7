// Reported figures (#23 item 6): a plan-level figure a body reported is content of its own kind, with source, date and
// basis; the schema refuses what would misstate it; it is compared with the site's own figure for the same thing,
// the difference stated; it never changes a computed count.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '#src/lib/content/load.ts';
import { validateContent } from '#src/lib/content/validate.ts';
import { buildSiteModel } from '#src/lib/model/site-model.ts';
import { compareReported, reportedFiguresOf, reportedMark } from '#src/lib/model/reported-figures.ts';
import { ReportedFigureSchema } from '#src/schemas/reported-figure.ts';
import { dataFiles } from '#src/lib/publish/data-files.ts';
import { REPORTED_FIGURES } from '#src/lib/publish/reported-dataset.ts';
import { exportContext } from '#src/lib/publish/datasets.ts';
import { csvRows, publishedRecord, recordFromRow, rowsFromCsv, toJsonRow } from '#src/lib/publish/columns.ts';
import { parseCsv, toCsv } from '#src/lib/publish/csv.ts';
import { rowSchema } from '#src/lib/publish/data-schema.ts';

const { content } = loadContent(resolve('content'), resolve('.'));
const figure = content.reportedFigures![0]!;
const raw = JSON.parse(readFileSync('content/reported-figures.json', 'utf8'))[0];
const tmp = mkdtempSync(join(tmpdir(), 'zg-reported-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The schema's messages for the bundled record after one change. */
const refusal = (mutate: (f: any) => void): string[] => {
	const f = structuredClone(raw);
	mutate(f);
	const r = ReportedFigureSchema.safeParse(f);
	return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the schema of a reported figure', () => {
	it('accepts the bundled statement (domain.md §1.6), with its basis: a reprint, the original unseen', () => {
		expect(refusal(() => undefined)).toEqual([]);
		expect(reportedMark(figure.basis)).toBe('官方通报（转载，原发未见，未核实）');
		expect([figure.reportedBy, figure.source.publisher, figure.source.date, figure.source.url]).toEqual([
			null,
			null,
			null,
			undefined,
		]);
	});

	it.each([
		['a negative count', (f: any) => (f.numbers[0].value = -1), 'numbers.0.value: 数值不能为负'],
		['a count that is not whole', (f: any) => (f.numbers[0].value = 27.5), 'numbers.0.value'],
		['two numbers with one key', (f: any) => (f.numbers[1].key = f.numbers[0].key), 'numbers.1.key: 数字的 key'],
		['a reprint without where it was read', (f: any) => delete f.source.via, 'source.via: 转载来的通报'],
		[
			'a reprint linked (a repost is never cited)',
			(f: any) => (f.source.url = 'http://sxbeiying.com/sxxw/262.html'),
			'source.url: 原发未见的通报',
		],
		['verified without the original', (f: any) => (f.basis = 'verified'), 'source: 已核对原文的通报'],
		['an unknown basis', (f: any) => (f.basis = 'official'), 'basis: basis 只能是'],
		['a due count without its window', (f: any) => delete f.numbers[2].dueTo, 'numbers.2.dueTo'],
		['nothing to compare, without saying why', (f: any) => delete f.numbers[1].note, 'numbers.1.note'],
		['a window that ends before it starts', (f: any) => (f.numbers[6].dueFrom = '2021-01-01'), 'numbers.6.dueFrom'],
		['no numbers', (f: any) => (f.numbers = []), 'numbers: 至少要有一个数字'],
		['a javascript: link', (f: any) => ((f.basis = 'original'), (f.source.url = 'javascript:alert(1)')), 'source.url'],
		['an impossible date', (f: any) => (f.referenceDate = '2019-02-30'), 'referenceDate'],
	])('refuses %s', (_what, mutate, message) => {
		expect(refusal(mutate).join('\n')).toContain(message);
	});

	it('npm run check names the file and field, and a plan that does not exist', () => {
		const dir = join(tmp, 'content');
		cpSync('content', dir, { recursive: true });
		const bad = structuredClone(raw);
		bad.numbers[3].value = -27;
		bad.plan = 'no-such-plan';
		writeFileSync(join(dir, 'reported-figures.json'), JSON.stringify([bad], null, '\t'));
		const problems = validateContent(dir, '2021-06-30', tmp).problems.map((p) => `${p.file} [${p.field}] ${p.message}`);
		expect(problems).toEqual([
			expect.stringMatching(/^content\/reported-figures\.json \[\[0\]\.numbers\.3\.value\] 数值不能为负/),
		]);
		bad.numbers[3].value = 27;
		writeFileSync(join(dir, 'reported-figures.json'), JSON.stringify([bad], null, '\t'));
		const dangling = validateContent(dir, '2021-06-30', tmp).problems.map((p) => `${p.file} [${p.field}] ${p.message}`);
		expect(dangling).toEqual([expect.stringMatching(/^content\/reported-figures\.json \[\[0\]\.plan\].*no-such-plan/)]);
	});
});

describe('beside the computed figures, never merged into them', () => {
	const rows = compareReported(figure, content.tasks, content.updates);
	const row = (key: string) => rows.find((r) => r.number.key === key)!;

	it('compares like with like at the reference date, with the computed figure’s basis in its own words', () => {
		expect(row('tasks-total')).toMatchObject({
			computed: { value: 38, samples: 37, basisText: '（含示例 37 项）' },
			difference: 0,
		});
		expect(row('due-2019').computed!.value).toBe(28);
		expect(row('projects-total').computed).toBeUndefined();
		expect(row('projects-total').differenceText).toContain('不是方案的 96 项具体整改措施');
	});

	it('where the two disagree, both are kept and the difference is stated with how the site counts', () => {
		const done = row('done-of-due-2019');
		expect(done.number.value).toBe(27);
		expect(done.computed!.value).not.toBe(27);
		expect(done.difference).toBe(27 - done.computed!.value);
		expect(done.differenceText).toMatch(new RegExp(`^相差 ${27 - done.computed!.value} 项（通报多）。上一行的任务中`));
		expect(done.differenceText).toContain('只计比较日及以前发布的进展');
		expect(done.verdict).toBe(`相差 ${27 - done.computed!.value} 项（通报多）。`);
		expect(done.differenceText).toBe(`${done.verdict}${done.definition}`);
	});

	it('counts only updates published by the reference date', () => {
		const late = { ...figure, referenceDate: '2021-06-30' };
		const at2019 = compareReported(figure, content.tasks, content.updates).find(
			(r) => r.number.key === 'done-of-due-2019',
		)!;
		const at2021 = compareReported(late, content.tasks, content.updates).find(
			(r) => r.number.key === 'done-of-due-2019',
		)!;
		expect(at2021.computed!.value).toBeGreaterThan(at2019.computed!.value);
	});

	it('is not shown before the date its figures hold', () => {
		expect(reportedFiguresOf(buildSiteModel(content, '2019-12-30'), 'shanxi-2019')).toEqual([]);
		expect(reportedFiguresOf(buildSiteModel(content, '2019-12-31'), 'shanxi-2019')).toHaveLength(1);
	});

	it('leaves every other data file byte for byte as it is without it', () => {
		const site = 'https://example.gov.cn/';
		const without = dataFiles(buildSiteModel({ ...content, reportedFigures: [] }, '2021-06-30'), site);
		const withIt = dataFiles(buildSiteModel(content, '2021-06-30'), site);
		const own = /^(reported-figures\.|schema\.json|manifest\.json)/;
		const bytes = (fs: typeof withIt) =>
			fs.filter((f) => !own.test(f.name)).map((f) => [f.name, Buffer.from(f.bytes).toString('base64')]);
		expect(bytes(withIt)).toEqual(bytes(without));
		expect(withIt.find((f) => f.name === 'reported-figures.json')!.records).toBe(8);
	});
});

describe('/data/reported-figures.csv and .json', () => {
	const model = buildSiteModel(content, '2021-06-30');
	const ctx = exportContext(model, 'https://example.gov.cn/');
	const records = REPORTED_FIGURES.records(model);
	const strip = (v: unknown) => JSON.parse(JSON.stringify(v));

	it('every row names its basis (官方通报（…）) and passes the row schema', () => {
		for (const r of records) {
			const json = toJsonRow(REPORTED_FIGURES.columns, r, ctx);
			expect(json.reportedBasis).toBe('官方通报（转载，原发未见，未核实）');
			expect(() => rowSchema('reported-figures').parse(json)).not.toThrow();
		}
		const csv = csvRows(REPORTED_FIGURES, records, ctx);
		for (const line of csv.slice(1)) expect(line.join(',')).toContain('未核实');
	});

	it('JSON and CSV rows turn back into exactly the records', () => {
		const fromJson = records.map((r) =>
			recordFromRow(REPORTED_FIGURES.columns, strip(toJsonRow(REPORTED_FIGURES.columns, r, ctx))),
		);
		const fromCsv = rowsFromCsv(REPORTED_FIGURES, parseCsv(toCsv(csvRows(REPORTED_FIGURES, records, ctx)))).map((row) =>
			recordFromRow(REPORTED_FIGURES.columns, row),
		);
		const expected = strip(records.map((r) => publishedRecord(REPORTED_FIGURES.columns, r)));
		expect(fromJson).toEqual(expected);
		expect(fromCsv).toEqual(expected);
	});
});
