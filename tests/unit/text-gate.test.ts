// The gate that reads text as a reader copies it (src/integrations/dist-check/text-gate.ts): each item of issue #23,
// as the old main printed it (built as of the dates named), must fail; the same text with its basis must pass.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
	csvRows,
	feedUnits,
	fragmentSentences,
	htmlLines,
	jsonLdStrings,
	jsonRecords,
	searchTextFindings,
	textFinding,
	textGateFindings,
	textSubjects,
	type TextUnit,
} from '#src/integrations/dist-check/text-gate.ts';
import { workbookRows } from '#src/integrations/dist-check/workbook-text.ts';
import ExcelJS from 'exceljs';

// The subjects of the bundled site: hkk-02 partly sourced, hkk-23 and dq-04 samples, two real bodies, a topic title.
const SUBJECTS = textSubjects({
	tasks: [
		{ id: 'hkk-02', number: '回头看第02号', title: '压减焦化总产能', provenance: { kind: 'partial' } },
		{ id: 'hkk-23', number: '回头看第23号', title: '严格卫生防护距离内规划建设管控', provenance: { kind: 'sample' } },
		{
			id: 'hkk-04',
			number: '回头看第04号',
			title: '推动第一轮督察未按期完成任务整改到位',
			provenance: { kind: 'sample' },
		},
		{ id: 'off-01', number: '正式第01号', title: '有来源的任务', provenance: { kind: 'official' } },
	],
	units: [
		{ id: 'gxt', name: '山西省工业和信息化厅', shortName: '省工业和信息化厅' },
		{ id: 'zrzyt', name: '山西省自然资源厅', shortName: '省自然资源厅' },
	],
	cities: [{ id: 'xinzhou', name: '忻州市' }],
});

/** The findings of a list of units (page-less: the page rule is tested on its own). */
const findings = (units: readonly TextUnit[], file = 'x.html', url = '/x/') =>
	textGateFindings(file, units, SUBJECTS, url);

// What the old main printed (issue #23, "what was seen").
const OLD = {
	overdueRow:
		'<ol class="overdue-list"><li><a href="/tasks/hkk-02/">回头看第02号：压减焦化总产能</a><span class="od-meta">已逾期 <strong>90</strong> 天（整改时限 <time datetime="2020-12-31">2020-12-31</time>）· 牵头：省工业和信息化厅</span></li></ol>',
	gbt: '<pre class="cite-text">整改公开. 回头看第02号：压减焦化总产能：截至2021-03-31状态为逾期未完成[EB/OL]. (2021-03-31)[2021-06-30]. https://zhenggai.example.gov.cn/as-of/2021-03-31/#t-hkk-02.</pre>',
	bibtex:
		'<pre class="cite-text">@misc{hkk-02-2021-03-31,\n  author = {{整改公开}},\n  title = {{回头看第02号：压减焦化总产能：截至2021-03-31状态为逾期未完成}},\n  year = {2021}\n}</pre>',
	ris: '<pre class="cite-text">TY  - ELEC\nTI  - 回头看第02号：压减焦化总产能：截至2021-03-31状态为逾期未完成\nER  -\n</pre>',
	csl: '[{"id":"hkk-02-2021-03-31","type":"webpage","title":"回头看第02号：压减焦化总产能：截至2021-03-31状态为逾期未完成"}]',
	feed: `<feed><entry><title>2021年1月的变化：新完成 3 项，进度滞后 5 项，新进展 9 条</title><content type="html">&lt;ul&gt;&lt;li&gt;&lt;a href=&quot;/tasks/hkk-02/&quot;&gt;回头看第02号 压减焦化总产能&lt;/a&gt;：转为逾期未完成&lt;/li&gt;&lt;/ul&gt;</content></entry></feed>`,
	historyCsv:
		'\ufeff任务编号,任务序号,日期,状态代码,状态,依据代码,所依据的进展,现行整改时限,数据截至\nhkk-23,回头看第23号,2020-01-01,overdue,逾期未完成,due_date,,2019-12-31,2021-06-30\n',
	historyJson: JSON.stringify({
		records: [
			{ task: 'hkk-23', taskNumber: '回头看第23号', date: '2020-01-01', status: 'overdue', statusLabel: '逾期未完成' },
		],
	}),
	search: '山西省自然资源厅. 记分卡（截至 2021-06-30） 牵头任务1 项. 逾期未完成1 项',
	plansRow:
		'<table><thead><tr><th>方案</th><th>任务（声明数）</th><th>完成合计（含已销号、长期坚持）</th><th>逾期未完成</th></tr></thead><tbody><tr><th><a href="/plans/shanxi-2019/">山西省督察“回头看”整改方案（2019）</a></th><td>38（38）</td><td>34</td><td>4</td></tr></tbody></table>',
	changeCount:
		'<ul class="change-counts"><li>新完成 <strong>3</strong> 项</li><li>进度滞后 <strong>5</strong> 项</li></ul>',
	bodyRow:
		'<table><thead><tr><th>单位</th><th>牵头</th><th>逾期未完成</th></tr></thead><tbody><tr><td>山西省自然资源厅</td><td>1</td><td>1</td></tr></tbody></table>',
};

// The same text carrying its basis.
const NEW = {
	overdueRow:
		'<ol class="overdue-list"><li><a href="/tasks/hkk-02/">回头看第02号：压减焦化总产能</a><span class="od-meta">已逾期 <strong>90</strong> 天（整改时限 2020-12-31，整改时限未核实）· 牵头：省工业和信息化厅</span></li></ol>',
	gbt: '<pre class="cite-text">整改公开. 回头看第02号：压减焦化总产能：截至2021-03-31状态为无法判断（发布日期未核实）[EB/OL].</pre>',
	feed: `<feed><entry><title>2021年1月的变化：新完成 3 项（均为示例），进度滞后 5 项（均为示例）</title><content type="html">&lt;ul&gt;&lt;li&gt;回头看第02号 压减焦化总产能：转为逾期未完成（整改时限、发布日期未核实）&lt;/li&gt;&lt;/ul&gt;</content></entry></feed>`,
	historyCsv:
		'\ufeff任务编号,任务序号,日期,状态代码,状态,状态依据,数据性质\nhkk-23,回头看第23号,2020-01-01,overdue,逾期未完成,示例,示例\n',
	plansRow:
		'<table><thead><tr><th>方案</th><th>逾期未完成</th></tr></thead><tbody><tr><th>山西省督察“回头看”整改方案（2019）</th><td>4（均为示例）</td></tr></tbody></table>',
	changeCount: '<ul><li>进度滞后 <strong>5</strong> 项（均为示例）</li></ul>',
};

describe('text gate: each item the old main printed fails', () => {
	it('the overdue list row for hkk-02 (partly sourced) on /as-of/2021-03-31/', () => {
		const f = findings(htmlLines(OLD.overdueRow));
		expect(f).toHaveLength(1);
		expect(f[0]).toContain('partly-sourced task (回头看第02号)');
	});
	it('the citation of hkk-02 in all four formats', () => {
		expect(findings(htmlLines(OLD.gbt))).toHaveLength(1);
		expect(findings(htmlLines(OLD.bibtex))).toHaveLength(1);
		expect(findings(htmlLines(OLD.ris))).toHaveLength(1);
		expect(findings(jsonLdStrings(OLD.csl))).toHaveLength(1);
	});
	it("the changes feed: a title's counts and an entry's line about hkk-02", () => {
		const f = findings(feedUnits(OLD.feed), 'feeds/changes.xml');
		expect(f).toHaveLength(2);
		expect(f[0]).toContain('item 1 title: count of tasks by status');
		expect(f[1]).toContain('回头看第02号');
	});
	it('a status-history row about a sample task, in CSV and in JSON', () => {
		expect(findings(csvRows(OLD.historyCsv), 'data/status-history.csv')).toHaveLength(1);
		expect(findings(jsonRecords(OLD.historyJson), 'data/status-history.json')).toHaveLength(1);
	});
	it("a search sentence naming a real body with a count and no mark (Pagefind's fragment)", () => {
		const gz = gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify({ url: '/units/zrzyt/', content: OLD.search })}`));
		const { url, units } = fragmentSentences(gz);
		expect(url).toBe('/units/zrzyt/');
		const f = findings(units, '', url);
		expect(f.some((m) => m.includes('逾期未完成1 项'))).toBe(true);
	});
	it('a table row of counts under verdict headers (/plans/), and one naming a real body', () => {
		expect(findings(htmlLines(OLD.plansRow))).toEqual([
			'text gate, row 2: count of tasks by status without its basis: "山西省督察“回头看”整改方案（2019） | 38（38） | 34 | 4"',
		]);
		expect(findings(htmlLines(OLD.bodyRow))[0]).toContain("real body's name (山西省自然资源厅)");
	});
	it('monthly change counts', () => {
		expect(findings(htmlLines(OLD.changeCount))).toHaveLength(2);
	});
	it('a row of a published workbook, on any sheet, as the CSV row it copies (/data/zhenggai.xlsx)', async () => {
		const wb = new ExcelJS.Workbook();
		wb.addWorksheet('说明').addRow(['数据截至 2021-06-30']);
		const ws = wb.addWorksheet('状态变化');
		ws.addRow(['任务编号', '任务序号', '日期', '状态']);
		ws.addRow(['hkk-23', '回头看第23号', new Date('2020-01-01T00:00:00Z'), '逾期未完成']);
		ws.addRow(['hkk-23', '回头看第23号', new Date('2020-02-01T00:00:00Z'), '逾期未完成（示例）']);
		const rows = await workbookRows(new Uint8Array(await wb.xlsx.writeBuffer()));
		expect(rows.map((r) => r.where)).toEqual([
			'sheet 说明 row 1',
			'sheet 状态变化 row 1',
			'sheet 状态变化 row 2',
			'sheet 状态变化 row 3',
		]);
		expect(rows[2]!.text).toBe('hkk-23 | 回头看第23号 | 2020-01-01 | 逾期未完成');
		expect(findings(rows, 'data/zhenggai.xlsx')).toEqual([
			'text gate, sheet 状态变化 row 2: verdict about a sample task (hkk-23) without its mark: "hkk-23 | 回头看第23号 | 2020-01-01 | 逾期未完成"',
		]);
	});
	it("a line on a sample task's page, which need not name the task", () => {
		const lines = htmlLines('<ul><li>2021-03-31（逾期未完成）</li></ul>');
		expect(findings(lines, 'tasks/hkk-23/index.html', '/tasks/hkk-23/')).toHaveLength(1);
		expect(findings(lines, 'tasks/off-01/index.html', '/tasks/off-01/')).toEqual([]);
	});
});

describe('text gate: the same text with its basis passes', () => {
	it('every item above, marked', () => {
		expect(findings(htmlLines(NEW.overdueRow))).toEqual([]);
		expect(findings(htmlLines(NEW.gbt))).toEqual([]);
		expect(findings(feedUnits(NEW.feed), 'feeds/changes.xml')).toEqual([]);
		expect(findings(csvRows(NEW.historyCsv), 'data/status-history.csv')).toEqual([]);
		expect(findings(htmlLines(NEW.plansRow))).toEqual([]);
		expect(findings(htmlLines(NEW.changeCount))).toEqual([]);
	});
	it("a task page's search text: its heading apart from the record's words that follow it, as on the page", () => {
		const dir = mkdtempSync(join(tmpdir(), 'zg-gate-'));
		const write = (name: string, content: string) => {
			mkdirSync(join(dir, 'pagefind', 'fragment'), { recursive: true });
			const data = `pagefind_dcd${JSON.stringify({ url: '/tasks/hkk-23/', content })}`;
			writeFileSync(join(dir, 'pagefind', 'fragment', name), gzipSync(data));
		};
		// A title ending in ） gets no full stop from Pagefind: the feedback problem runs on in the same sentence.
		write('a.pf_fragment', '回头看第23号：严格卫生防护距离内规划建设管控 部分项目未按期开工。');
		expect(searchTextFindings(dir, SUBJECTS).findings).toEqual([]);
		// …while a verdict that names the sample task itself still fails.
		write('b.pf_fragment', '回头看第23号：严格卫生防护距离内规划建设管控 回头看第23号逾期未完成。');
		expect(searchTextFindings(dir, SUBJECTS).findings.map((f) => f.file)).toEqual(['pagefind/fragment/b.pf_fragment']);
		rmSync(dir, { recursive: true, force: true });
	});
	it('leaves alone what is no verdict: a zero count, a title whose topic holds a verdict word, a legend, record text', () => {
		expect(findings(htmlLines('<p>逾期未完成 0 项</p>'))).toEqual([]);
		expect(findings(htmlLines('<p>回头看第04号：推动第一轮督察未按期完成任务整改到位</p>'))).toEqual([]);
		expect(findings(htmlLines('<dl data-legend><dt>逾期未完成</dt><dd>省自然资源厅 3 项</dd></dl>'))).toEqual([]);
		const record = htmlLines('<div class="narrative" data-record-text><p>部分市搬迁安置未按期完成</p></div>');
		expect(findings(record, 'tasks/hkk-23/index.html', '/tasks/hkk-23/')).toEqual([]);
	});
	it('a sourced status of a partly-sourced task needs no mark; a derived verdict about it does', () => {
		const u = (text: string): TextUnit => ({ where: 'line 1', text });
		expect(textFinding(u('回头看第02号：压减焦化总产能 已完成'), SUBJECTS)).toBeUndefined();
		expect(textFinding(u('回头看第02号：压减焦化总产能 已逾期 90 天'), SUBJECTS)).toContain('partly-sourced');
	});
	it('on a site with no sample task, counts and bodies need no mark (the model notes unsourced inputs in counts)', () => {
		const partial = textSubjects({
			tasks: [{ id: 'hkk-02', number: '回头看第02号', provenance: { kind: 'partial' } }],
			units: [{ name: '山西省自然资源厅' }],
		});
		expect(textGateFindings('x.html', htmlLines(OLD.bodyRow), partial)).toEqual([]);
		expect(textGateFindings('x.html', htmlLines(OLD.changeCount), partial)).toEqual([]);
		// …but a derived verdict about the partly-sourced task itself still needs its mark.
		expect(textGateFindings('x.html', htmlLines(OLD.overdueRow), partial)).toHaveLength(1);
	});
});
