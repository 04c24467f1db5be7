import { describe, expect, it } from 'vitest';
import { datasetCitation, isMonthEnd, taskCitation, taskSnapshotPath } from '#src/lib/publish/citation.ts';
import {
	citationBibTeX,
	citationCsl,
	citationRis,
	citationText,
	CITATION_FORMATS,
	type CitationParts,
} from '#src/lib/publish/citation-formats.ts';
import { buildSiteModel } from '#src/lib/model/site-model.ts';
import { statesAt } from '#src/lib/model/status.ts';
import { STATUS_LABELS } from '#src/lib/model/statuses.ts';
import { makeContent, makeTask, makeUpdate } from './fixtures.ts';

const content = makeContent({
	tasks: [makeTask('s-01'), makeTask('s-02', { provenance: { kind: 'official' } } as never)],
	updates: [makeUpdate('s-02/2019-09-30', { status: 'completed', publishedDate: '2019-10-10' })],
});
const model = buildSiteModel(content, '2021-06-30');

const parts = (over: Partial<CitationParts> = {}): CitationParts => ({
	siteName: '整改公开',
	author: '整改公开',
	number: '回头看第02号',
	title: '压减焦化总产能',
	date: '2020-12-31',
	status: '已完成',
	accessed: '2026-11-30',
	url: 'https://example.gov.cn/as-of/2020-12-31/#t-hkk-02',
	kind: 'EB/OL',
	sample: false,
	key: 'hkk-02-2020-12-31',
	...over,
});

describe('task citation at a date', () => {
	it('carries the status at that date and a URL pinned to its snapshot', () => {
		const task = model.tasks.get('s-02')!;
		const before = statesAt(content.tasks, content.updates, '2019-09-30').get('s-02')!.status;
		const c = taskCitation(model, 'https://example.gov.cn/', task, {
			date: '2019-09-30',
			status: before,
			pinned: true,
		});
		expect(c.status).toBe(STATUS_LABELS[before]);
		expect(c.url).toBe('https://example.gov.cn/as-of/2019-09-30/#t-s-02');
		expect(c.sample).toBe(false);
		// Unpinned (a mid-month as-of date has no lasting snapshot): the task page.
		expect(taskCitation(model, 'https://example.gov.cn/', task).url).toBe('https://example.gov.cn/tasks/s-02/');
		expect(taskCitation(model, 'https://example.gov.cn/', task).status).toBe('已完成');
	});
	it('says in the status what it rests on when that is unsourced (issue #23): 无法判断（…未核实）', () => {
		const task = model.tasks.get('s-02')!;
		const c = taskCitation(model, 'https://example.gov.cn/', task, {
			date: '2021-03-31',
			status: 'undetermined',
			basis: { kind: 'partial', unsourced: ['dueDate', 'publishedDate'] },
		});
		expect(c.status).toBe('无法判断（原定整改时限、发布日期未核实）');
		expect(citationText(c)).toContain('截至2021-03-31状态为无法判断（原定整改时限、发布日期未核实）[EB/OL]');
	});
	it('names the publishing body from settings as author once it is set, the site only while it is a placeholder', () => {
		const task = model.tasks.get('s-02')!;
		expect(taskCitation(model, 'https://example.gov.cn/', task).author).toBe('整改公开');
		const settings = {
			...content.settings,
			identity: { ...content.settings.identity, organizer: { value: '山西省生态环境厅', placeholder: false } },
		};
		const real = buildSiteModel({ ...content, settings }, '2021-06-30');
		const c = taskCitation(real, 'https://example.gov.cn/', real.tasks.get('s-02')!);
		expect(c.author).toBe('山西省生态环境厅');
		expect(c.siteName).toBe('整改公开');
		expect(citationText(c)).toMatch(/^山西省生态环境厅\. /);
		for (const f of CITATION_FORMATS) expect(f.format(c), f.key).toContain('山西省生态环境厅');
		expect(datasetCitation(real, 'https://example.gov.cn/').author).toBe('山西省生态环境厅');
	});
	it('knows which dates keep a snapshot', () => {
		expect(isMonthEnd('2020-02-29')).toBe(true);
		expect(isMonthEnd('2021-02-28')).toBe(true);
		expect(isMonthEnd('2020-02-28')).toBe(false);
		expect(isMonthEnd('2021-06-15')).toBe(false);
		expect(taskSnapshotPath('hkk-02', '2020-12-31')).toBe('/as-of/2020-12-31/#t-hkk-02');
	});
});

describe('formats', () => {
	it('GB/T 7714-2015 [EB/OL] with (date)[引用日期], the sample flag inside the string', () => {
		expect(citationText(parts())).toBe(
			'整改公开. 回头看第02号：压减焦化总产能：截至2020-12-31状态为已完成[EB/OL]. (2020-12-31)[2026-11-30]. https://example.gov.cn/as-of/2020-12-31/#t-hkk-02.',
		);
		expect(citationText(parts({ sample: true }))).toContain('【示例数据，非官方信息】回头看第02号');
	});
	it('BibTeX: @misc with a braced corporate author, dates, URL, and LaTeX specials escaped', () => {
		const bib = citationBibTeX(parts({ title: '50% & #1_项目', sample: true }));
		expect(bib.startsWith('@misc{hkk-02-2020-12-31,\n')).toBe(true);
		expect(bib).toContain('  author = {{整改公开}}');
		expect(bib).toContain('50\\% \\& \\#1\\_项目');
		expect(bib).toContain('  urldate = {2026-11-30}');
		expect(bib).toContain('  year = {2020}');
		expect(bib).toContain('示例数据，非官方信息');
		expect(bib.trimEnd().endsWith('}')).toBe(true);
		// Braces balance, so a BibTeX parser reads one entry.
		expect([...bib].filter((ch) => ch === '{').length).toBe([...bib].filter((ch) => ch === '}').length);
	});
	it('RIS: ELEC (DATA for the dataset), one tag a line, CRLF, ending with ER', () => {
		const ris = citationRis(parts());
		const lines = ris.split('\r\n');
		expect(lines[0]).toBe('TY  - ELEC');
		expect(lines).toContain('DA  - 2020/12/31');
		expect(lines).toContain('Y2  - 2026/11/30');
		expect(lines).toContain('UR  - https://example.gov.cn/as-of/2020-12-31/#t-hkk-02');
		expect(lines.at(-2)).toBe('ER  -');
		expect(citationRis(parts({ kind: 'DS/OL', title: '一行\n两行' })).split('\r\n')[0]).toBe('TY  - DATA');
		expect(citationRis(parts({ title: '一行\n两行' }))).toContain('TI  - 回头看第02号：一行 两行：');
	});
	it('CSL-JSON: a webpage item with date parts', () => {
		expect(citationCsl(parts({ sample: true }))).toEqual([
			expect.objectContaining({
				id: 'hkk-02-2020-12-31',
				type: 'webpage',
				author: [{ literal: '整改公开' }],
				issued: { 'date-parts': [[2020, 12, 31]] },
				accessed: { 'date-parts': [[2026, 11, 30]] },
				URL: 'https://example.gov.cn/as-of/2020-12-31/#t-hkk-02',
				note: expect.stringContaining('示例数据'),
			}),
		]);
	});
	it('the dataset is cited as [DS/OL] by its month-end version, linking the version’s dated path, saying when it holds samples', () => {
		const c = datasetCitation(model, 'https://example.gov.cn/', '2026-11-30');
		expect(citationText(c)).toMatch(
			/^整改公开\. 整改公开开放数据：.*（数据版本2021-06-30；含示例数据，示例数据不是官方信息）\[DS\/OL\]\. \(2021-06-30\)\[2026-11-30\]\. https:\/\/example\.gov\.cn\/data\/2021-06-30\/status\.csv\.$/,
		);
		expect(citationCsl(c)[0]!.type).toBe('dataset');
		for (const format of [citationBibTeX, citationRis, (x: CitationParts) => JSON.stringify(citationCsl(x))]) {
			const text = format(c);
			expect(text).toContain('数据版本2021-06-30');
			expect(text).toContain('https://example.gov.cn/data/2021-06-30/status.csv');
		}
	});
	it('in the middle of a month the dataset citation names the latest month-end version, which stays, not today’s files', () => {
		const c = datasetCitation(buildSiteModel(content, '2021-06-15'), 'https://example.gov.cn/', '2021-06-15');
		expect(c).toMatchObject({ date: '2021-05-31', accessed: '2021-06-15', key: 'dataset-2021-05-31' });
		expect(c.title).toContain('数据版本2021-05-31');
		expect(c.url).toBe('https://example.gov.cn/data/2021-05-31/status.csv');
		const before = datasetCitation(buildSiteModel(content, '2019-12-30'), 'https://example.gov.cn/');
		expect([before.title.includes('数据截至2019-12-30'), before.url]).toEqual([true, 'https://example.gov.cn/data/']);
	});
});
