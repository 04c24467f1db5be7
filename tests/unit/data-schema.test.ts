// The published JSON Schema, checked by an independent validator (ajv): every JSON data file of the bundled content
// names its definition and passes it, and the schema refuses what it should (unknown keys, bad dates, bad codes).
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { loadContent } from '#src/lib/content/load.ts';
import { buildSiteModel } from '#src/lib/model/site-model.ts';
import { dataFiles, withoutAsOf, AS_OF_HEADER } from '#src/lib/publish/data-files.ts';
import { DATASETS } from '#src/lib/publish/datasets.ts';
import { parseCsv } from '#src/lib/publish/csv.ts';

const SITE = 'https://example.gov.cn/';
const { content, problems } = loadContent(resolve('content'), resolve('.'));
const model = buildSiteModel(content, '2021-06-30');
const files = dataFiles(model, SITE);
const text = (name: string) => new TextDecoder().decode(files.find((f) => f.name === name)!.bytes);
const schema = JSON.parse(text('schema.json'));
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);
const validateDef = (def: string) => ajv.getSchema(`${schema.$id}#/$defs/${def}`)!;

describe('JSON Schema of the data files (ajv, draft 2020-12)', () => {
	it('compiles in strict mode, and every JSON file names its definition and passes it and the root', () => {
		expect(problems).toEqual([]);
		const jsons = files.filter((f) => f.name.endsWith('.json') && f.name !== 'schema.json');
		expect(jsons.map((f) => f.name)).toEqual([
			...DATASETS.map((d) => `${d.name}.json`),
			'versions.json',
			'manifest.json',
		]);
		for (const f of jsons) {
			const doc = JSON.parse(text(f.name));
			const def = f.dataset ?? f.name.replace(/\.json$/, '');
			expect(doc.$schema, f.name).toBe(`${SITE}data/schema.json#/$defs/${def}`);
			expect(validateDef(def)(doc), `${f.name}: ${JSON.stringify(validateDef(def).errors?.slice(0, 3))}`).toBe(true);
			expect(validate(doc), f.name).toBe(true);
			expect(doc.asOf, f.name).toBe('2021-06-30');
		}
	});

	it('refuses an unconstrained document, unknown keys, impossible dates and unknown codes', () => {
		const tasks = JSON.parse(text('tasks.json'));
		expect(validate({})).toBe(false);
		expect(validate({ anything: 1 })).toBe(false);
		expect(validate({ ...tasks, extra: 1 })).toBe(false);
		const badDate = structuredClone(tasks);
		badDate.records[0].dueDate = '2020-02-30';
		expect(validate(badDate)).toBe(false);
		const leap = structuredClone(tasks);
		leap.records[0].dueDate = '2020-02-29';
		expect(validateDef('tasks')(leap)).toBe(true);
		leap.records[0].dueDate = '2019-02-29';
		expect(validateDef('tasks')(leap)).toBe(false);
		const badStatus = structuredClone(tasks);
		badStatus.records[0].status = 'done';
		expect(validate(badStatus)).toBe(false);
		const missing = structuredClone(tasks);
		delete missing.records[0].title;
		expect(validate(missing)).toBe(false);
		const badAsOf = { ...tasks, asOf: '2021-13-01' };
		expect(validate(badAsOf)).toBe(false);
	});

	// Each case mutates one valid published file in one way; the schema must refuse every one (issue #26).
	const mutations: [string, string, (doc: Record<string, any>) => void][] = [
		[
			'tasks',
			'a javascript: link in a source',
			(d) => (d.records.find(hasSource).sources[0].url = 'javascript:alert(1)'),
		],
		['tasks', 'a data: link as the task URL', (d) => (d.records[0].url = 'data:text/html,<b>x</b>')],
		[
			'updates',
			'an ftp: evidence link',
			(d) => (d.records.find(hasEvidence).evidence[0].url = 'ftp://example.gov.cn/a'),
		],
		['manifest', 'a javascript: file URL', (d) => (d.files[0].url = 'javascript:alert(1)')],
		['tasks', 'a negative number of days overdue', (d) => (d.records[0].daysOverdue = -3)],
		['units', 'a negative task count', (d) => (d.records[0].leadTasks = -1)],
		['updates', 'negative working days to publish', (d) => (d.records.find(hasWorkdays).workdaysToPublish = -2)],
		['tasks', 'a task id with upper case and a space', (d) => (d.records[0].id = 'HKK 02')],
		['updates', 'an update id without its task', (d) => (d.records[0].id = '2020-12-31')],
		[
			'status-history',
			'a history row resting on a malformed update id',
			(d) => (d.records.find(hasUpdate).update = '../x'),
		],
		['tasks', 'a unit id that is not an id', (d) => (d.records[0].leadUnits = ['省 厅'])],
		['tasks', 'a count one above the records', (d) => (d.count += 1)],
		['tasks', 'a version that is no calendar date', (d) => (d.version = '2021-06-31')],
		['manifest', 'a version path with a javascript: link', (d) => (d.versionUrl = 'javascript:alert(1)')],
		['tasks', 'a record removed (count still says the old number)', (d) => d.records.pop()],
		['tasks', 'a record given twice', (d) => (d.records[1] = structuredClone(d.records[0]))],
		[
			'tasks',
			'a status label that is another status',
			(d) => (d.records[0].statusLabel = otherLabel(d.records[0].status)),
		],
		[
			'status-history',
			'a history label that is another status',
			(d) => (d.records[0].statusLabel = otherLabel(d.records[0].status)),
		],
	];
	const hasSource = (r: { sources: unknown[] }) => r.sources.length > 0;
	const hasEvidence = (r: { evidence: unknown[] }) => r.evidence.length > 0;
	const otherLabel = (s: string) => (s === 'closed' ? '已完成' : '已销号');
	const hasWorkdays = (r: { workdaysToPublish: number | null }) => r.workdaysToPublish !== null;
	const hasUpdate = (r: { update: string | null }) => r.update !== null;

	it.each(mutations)('%s.json: refuses %s', (name, _what, mutate) => {
		const doc = JSON.parse(text(`${name}.json`));
		const def = name === 'manifest' ? 'manifest' : name;
		expect(validateDef(def)(doc), 'the file as published passes').toBe(true);
		mutate(doc);
		expect(validateDef(def)(doc)).toBe(false);
		expect(validate(doc)).toBe(false);
	});

	it('every CSV ends with the as-of column, on every row', () => {
		for (const ds of DATASETS) {
			const rows = parseCsv(text(`${ds.name}.csv`));
			expect(rows[0]!.at(-1), ds.name).toBe(AS_OF_HEADER);
			for (const r of rows.slice(1)) expect(r.at(-1), ds.name).toBe('2021-06-30');
			expect(withoutAsOf(rows)[0]).toEqual(ds.columns.map((c) => c.header));
		}
	});
});
