// Every published data file opened in a real client and compared with the JSON (issue #26): the CSV files and the
// workbook in LibreOffice (headless, its own profile), the JSON files with ajv against the published schema.json,
// the feeds with an Atom parser (@rowanmanning/feed-parser). A formula-like cell must come out of LibreOffice as the
// text we wrote, never as a computed value.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCellValue, parseCsv, toCsv } from '#src/lib/publish/csv.ts';
import { DATASETS } from '#src/lib/publish/datasets.ts';
import { rowsFromCsv } from '#src/lib/publish/columns.ts';
import { withoutAsOf } from '#src/lib/publish/data-files.ts';
import { READER_WORKBOOK, sheetName } from '#src/lib/publish/reader-workbook.ts';

const DIST = resolve('dist');
const text = (p: string) => readFileSync(join(DIST, p), 'utf8');
const json = (name: string) => JSON.parse(text(`data/${name}.json`));
const tmp = mkdtempSync(join(tmpdir(), 'zg-real-clients-'));
const out = join(tmp, 'out');
// What a spreadsheet would evaluate, in an ordinary and in a Markdown column, written by the site's own toCsv.
const HOSTILE = [
	['=HYPERLINK("http://evil.example/","点此")', '- 第一项\n- 第二项'],
	['=1+1', '+ 列表'],
	['@SUM(1)', '=2*3'],
	['-2+3', '@某单位 说明'],
	["'=1", ' 正文'],
];

// One soffice run per input kind; a profile of our own, so a LibreOffice another process has open is not reused.
function soffice(args: string[]): void {
	const profile = pathToFileURL(join(tmp, 'profile')).href;
	execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', ...args, '--outdir', out], {
		stdio: 'pipe',
		timeout: 120_000,
	});
}

beforeAll(() => {
	const input = join(tmp, 'in');
	mkdirSync(input, { recursive: true });
	for (const ds of DATASETS) copyFileSync(join(DIST, 'data', `${ds.name}.csv`), join(input, `${ds.name}.csv`));
	writeFileSync(join(input, 'hostile.csv'), toCsv([['文本', '正文'], ...HOSTILE], { markdown: [1] }));
	copyFileSync(join(DIST, 'data', READER_WORKBOOK), join(input, READER_WORKBOOK));
	const csvOut = 'csv:Text - txt - csv (StarCalc):44,34,76,1';
	const csvs = readdirSync(input).filter((f) => f.endsWith('.csv'));
	// UTF-8, comma, double quote, from line 1: how a reader opens the file; formulas are evaluated as usual.
	soffice(['--infilter=CSV:44,34,76,1', '--convert-to', csvOut, ...csvs.map((f) => join(input, f))]);
	// The last option (-1) writes every sheet of the workbook to its own CSV (<name>-<sheet>.csv).
	soffice(['--convert-to', `${csvOut},,0,false,true,false,false,false,-1`, join(input, READER_WORKBOOK)]);
}, 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const lo = (file: string) => parseCsv(readFileSync(join(out, file), 'utf8'));

describe('LibreOffice opens the published CSV files and the workbook', () => {
	it('evaluates none of the guarded cells, and each reads back to the original value', () => {
		const [, ...rows] = lo('hostile.csv');
		expect(rows.map((r) => [csvCellValue(r[0]!), csvCellValue(r[1]!, true)])).toEqual(HOSTILE);
	});

	it.each(DATASETS.map((d) => d.name))(
		'%s.csv: every cell as published, and the rows equal the JSON records',
		(name) => {
			const ds = DATASETS.find((d) => d.name === name)!;
			const read = lo(`${name}.csv`);
			expect(read).toEqual(parseCsv(text(`data/${name}.csv`)));
			expect(rowsFromCsv(ds, withoutAsOf(read))).toEqual(json(name).records);
		},
	);

	it.each(DATASETS.map((d) => d.name))(
		'zhenggai.xlsx, sheet of %s: the CSV header and cells, equal to the JSON',
		(name) => {
			const ds = DATASETS.find((d) => d.name === name)!;
			const read = lo(`zhenggai-${sheetName(ds)}.csv`);
			const md = [...ds.columns.map((c) => Boolean(c.markdown)), false];
			const published = parseCsv(text(`data/${name}.csv`)).map((r) => r.map((c, i) => csvCellValue(c, md[i])));
			expect(read).toEqual(published);
			expect(rowsFromCsv(ds, withoutAsOf(read))).toEqual(json(name).records);
		},
	);
});

describe('ajv validates every published JSON file against the published schema.json', () => {
	it('each JSON file under /data/ passes the definition it names', () => {
		const schema = JSON.parse(text('data/schema.json'));
		const ajv = new Ajv2020({ strict: true, allErrors: true });
		addFormats.default(ajv);
		ajv.addSchema(schema);
		const files = readdirSync(join(DIST, 'data')).filter((f) => f.endsWith('.json') && f !== 'schema.json');
		expect(files.sort()).toEqual([...DATASETS.map((d) => `${d.name}.json`), 'manifest.json', 'versions.json'].sort());
		for (const f of files) {
			const doc = JSON.parse(text(`data/${f}`));
			const validate = ajv.getSchema(doc.$schema)!;
			expect(validate(doc), `${f}: ${JSON.stringify(validate.errors?.slice(0, 2))}`).toBe(true);
		}
	});
});

describe('an Atom parser reads the feeds', () => {
	const updates = json('updates').records as { id: string; task: string; title: string; url: string }[];
	const byUrl = new Map(updates.map((u) => [u.url, u]));

	it('updates.xml: every entry is a published update, with its title and link', () => {
		const feed = parseFeed(text('feeds/updates.xml'));
		expect(feed.items.length).toBeGreaterThan(0);
		for (const item of feed.items) {
			const u = byUrl.get(item.url ?? '');
			expect(u, item.url ?? '').toBeDefined();
			expect(item.title).toContain(u!.title);
		}
	});

	it('each task feed lists exactly that task’s updates from updates.json', () => {
		for (const task of ['hkk-02', 'dq-01']) {
			const feed = parseFeed(text(`feeds/tasks/${task}.xml`));
			const expected = updates.filter((u) => u.task === task).map((u) => u.url);
			expect(feed.items.map((i) => i.url).sort(), task).toEqual(expected.sort());
		}
	});

	it('changes.xml parses, each entry linking a /changes/<month end>/ page', () => {
		const feed = parseFeed(text('feeds/changes.xml'));
		expect(feed.items.length).toBeGreaterThan(0);
		for (const item of feed.items) expect(item.url).toMatch(/\/changes\/\d{4}-\d{2}-\d{2}\/$/);
	});
});
