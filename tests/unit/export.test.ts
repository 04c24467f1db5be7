import { describe, expect, it } from 'vitest';
import { toCsv } from '#src/lib/publish/csv.ts';
import { parseCsv } from '#src/lib/publish/csv.ts';
import { dataFiles, sha256 } from '#src/lib/publish/data-files.ts';
import { rowSchema } from '#src/lib/publish/data-schema.ts';
import { DATASETS, TASKS, UPDATES, exportContext } from '#src/lib/publish/datasets.ts';
import { csvRows, publishedRecord, recordFromRow, rowsFromCsv, toJsonRow } from '#src/lib/publish/columns.ts';
import { STATUS_LABELS } from '#src/lib/model/statuses.ts';
import { buildSiteModel } from '#src/lib/model/site-model.ts';
import { datasetJsonLd, jsonForScript, taskCitation, taskJsonLd } from '#src/lib/publish/citation.ts';
import { citationText } from '#src/lib/publish/citation-formats.ts';
import { makeContent, makeTask, makeUpdate } from './fixtures.ts';

const content = makeContent({
	tasks: [
		makeTask('s-01', { responsible: null, targets: ['目标, 含逗号', '第二条 "引号"'] }),
		makeTask('s-02', { supportUnits: ['u2'], provenance: { kind: 'partial', note: '部分', unsourced: ['dueDate'] } }),
	],
	updates: [
		makeUpdate('s-01/a', { evidence: [{ title: '通报', url: 'https://example.gov.cn/a' }] }),
		makeUpdate('s-01/b', {
			status: 'behind',
			factDate: '2019-11-01',
			publishedDate: '2019-12-05',
			dueDateChange: { to: '2020-06-30', reason: '原因，含逗号\n和换行' },
		}),
		makeUpdate('s-02/a', {
			status: 'completed',
			factDate: '2019-12-01',
			publishedDate: '2019-12-02',
			closure: {
				acceptance: { date: '2019-12-02', by: '省厅' },
				notice: { start: '2019-12-03', end: '2019-12-09', contact: '0351-0000000' },
			},
		}),
		makeUpdate('s-02/b', {
			corrects: 's-02/a',
			status: 'completed',
			factDate: '2019-12-01',
			publishedDate: '2019-12-04',
		}),
	].map((u) => ({ ...u, body: '正文第一段\n\n> 引文 "x", y\n' })),
});
const model = buildSiteModel(content, '2019-12-31');
const ctx = exportContext(model, 'https://example.gov.cn/');
const strip = (v: unknown) => JSON.parse(JSON.stringify(v));

describe('export columns', () => {
	it('cover every record field: JSON rows turn back into exactly the records', () => {
		for (const ds of DATASETS) {
			const records = ds.records(model);
			const back = records.map((r: unknown) => recordFromRow(ds.columns, strip(toJsonRow(ds.columns, r, ctx))));
			expect(back, ds.name).toEqual(strip(records.map((r: unknown) => publishedRecord(ds.columns, r))));
		}
	});

	it('CSV rows decode back into exactly the records (lists, nulls, nested closure, JSON cells, newlines)', () => {
		for (const ds of DATASETS) {
			const records = ds.records(model);
			const parsed = parseCsv(toCsv(csvRows(ds, records, ctx)));
			const back = rowsFromCsv(ds, parsed).map((row) => recordFromRow(ds.columns, row));
			expect(back, ds.name).toEqual(strip(records.map((r: unknown) => publishedRecord(ds.columns, r))));
		}
	});

	it('writes a series number as 第NN号 in CSV, so spreadsheets keep its leading zero, and reads it back', () => {
		const rows = csvRows(TASKS, TASKS.records(model), ctx);
		const col = rows[0]!.indexOf('系列内序号');
		expect(col).toBeGreaterThan(-1);
		expect(rows.slice(1).map((r) => r[col])).toEqual(['第01号', '第02号']);
		expect(toJsonRow(TASKS.columns, TASKS.records(model)[1]!, ctx).no).toBe('02');
		expect(() => rowsFromCsv(TASKS, [rows[0]!, rows[1]!.map((c, i) => (i === col ? '01' : c))])).toThrow(/第NN号/);
	});

	it('derives status, timeliness and corrections from the model', () => {
		const t = toJsonRow(TASKS.columns, model.tasks.get('s-02')!, ctx);
		expect(t).toMatchObject({
			status: 'completed',
			statusLabel: '已完成',
			number: '系列第02号',
			supportUnitNames: ['太原市人民政府'],
			url: 'https://example.gov.cn/tasks/s-02/',
		});
		const rows = UPDATES.records(model).map((u) => toJsonRow(UPDATES.columns, u, ctx));
		expect(rows.find((r) => r.id === 's-01/b')).toMatchObject({ workdaysToPublish: 24, lateDisclosure: true });
		expect(rows.find((r) => r.id === 's-02/a')).toMatchObject({ correctedBy: 's-02/b' });
		expect(rows.find((r) => r.id === 's-01/a')).toMatchObject({
			correctedBy: null,
			url: 'https://example.gov.cn/tasks/s-01/#u-s-01-a',
		});
	});

	it('has unique keys and headers per dataset', () => {
		for (const ds of DATASETS) {
			expect(new Set(ds.columns.map((c) => c.key)).size, ds.name).toBe(ds.columns.length);
			expect(new Set(ds.columns.map((c) => c.header)).size, ds.name).toBe(ds.columns.length);
		}
	});
});

describe('data files and manifest', () => {
	const files = dataFiles(model, 'https://example.gov.cn/');
	const manifest = JSON.parse(new TextDecoder().decode(files.find((f) => f.name === 'manifest.json')!.bytes));

	it('hashes exactly the bytes the endpoints serve, and counts the records', () => {
		expect(manifest.asOf).toBe('2019-12-31');
		expect(manifest.counts).toMatchObject({ tasks: 2, updates: 4, units: 2 });
		const listed = manifest.files.map((f: { name: string }) => f.name);
		expect(listed).toEqual(files.filter((f) => f.name !== 'manifest.json').map((f) => f.name));
		for (const e of manifest.files) {
			const f = files.find((x) => x.name === e.name)!;
			expect(e.sha256).toBe(sha256(f.bytes));
			expect(e.bytes).toBe(f.bytes.length);
		}
		expect(sha256(new TextEncoder().encode('abc'))).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
		);
	});

	it('starts every CSV with a UTF-8 BOM and uses Chinese headers', () => {
		const csv = files.find((f) => f.name === 'tasks.csv')!;
		expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		// TextDecoder drops the BOM by default, as Excel does.
		expect(new TextDecoder().decode(csv.bytes).slice(0, 9)).toBe('任务编号,任务序号');
	});

	it('JSON rows satisfy the zod row schema that schema.json is generated from', () => {
		for (const ds of DATASETS) {
			const json = JSON.parse(new TextDecoder().decode(files.find((f) => f.name === `${ds.name}.json`)!.bytes));
			expect(json.count).toBe(json.records.length);
			for (const r of json.records) expect(() => rowSchema(ds.name).parse(r), `${ds.name} ${r.id}`).not.toThrow();
		}
		const schema = JSON.parse(new TextDecoder().decode(files.find((f) => f.name === 'schema.json')!.bytes));
		expect(Object.keys(schema.$defs)).toEqual([...DATASETS.map((d) => d.name), 'manifest', 'versions']);
		expect(schema.$defs.tasks.properties.records.items.properties.status.enum).toContain('overdue');
		expect(schema.$defs.updates.properties.records.items.properties.factDate.title).toBe('形成日期');
	});
});

describe('citation', () => {
	it('names site, sample flag, number, title, status at the date, the dates and the permalink (GB/T 7714-2015)', () => {
		const c = taskCitation(model, 'https://example.gov.cn/', model.tasks.get('s-01')!, {
			pinned: true,
			accessed: '2026-11-30',
		});
		expect(citationText(c)).toBe(
			`整改公开. 【示例数据，非官方信息】系列第01号：任务 s-01：截至2019-12-31状态为${STATUS_LABELS[model.states.get('s-01')!.status]}[EB/OL]. (2019-12-31)[2026-11-30]. https://example.gov.cn/as-of/2019-12-31/#t-s-01.`,
		);
		const official = buildSiteModel(
			makeContent({ tasks: [makeTask('s-01', { provenance: { kind: 'official' } })], updates: [] }),
			'2019-12-31',
		);
		expect(citationText(taskCitation(official, 'https://example.gov.cn/', official.tasks.get('s-01')!))).not.toContain(
			'示例',
		);
	});

	it('escapes JSON so content can never close the script element', () => {
		const text = jsonForScript({ a: '</script><script>alert(1)</script>', b: 'x&y', c: '\u2028' });
		expect(text).not.toMatch(/[<>&\u2028]/);
		expect(JSON.parse(text)).toEqual({ a: '</script><script>alert(1)</script>', b: 'x&y', c: '\u2028' });
	});

	it('describes the task in JSON-LD with its status and the sample warning', () => {
		const ld = taskJsonLd(model, 'https://example.gov.cn/', model.tasks.get('s-02')!);
		expect(ld).toMatchObject({
			'@type': 'CreativeWork',
			url: 'https://example.gov.cn/tasks/s-02/',
			creativeWorkStatus: '已完成（示例）',
			identifier: 's-02',
		});
		// How to cite is a credit line, not `citation` (works the page cites); the licence is a URL.
		expect(ld).not.toHaveProperty('citation');
		expect(ld.creditText).toBe(citationText(taskCitation(model, 'https://example.gov.cn/', model.tasks.get('s-02')!)));
		expect(ld.license).toBe('https://example.gov.cn/data/#lic');
		const ds = datasetJsonLd(model, 'https://example.gov.cn/', []);
		expect(ds).not.toHaveProperty('citation');
		expect(ds).toMatchObject({
			license: 'https://example.gov.cn/data/#lic',
			creditText: expect.stringContaining('[DS/OL]'),
		});
		// The due date is a property, not `expires` (which would declare the page itself expired).
		expect(ld).not.toHaveProperty('expires');
		expect(ld.additionalProperty).toEqual([
			expect.objectContaining({ propertyID: 'dueDate', value: model.states.get('s-02')!.dueDate }),
		]);
		expect(taskJsonLd(model, 'https://example.gov.cn/', model.tasks.get('s-01')!).disambiguatingDescription).toContain(
			'示例',
		);
	});
});
