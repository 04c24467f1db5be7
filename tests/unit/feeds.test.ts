import { describe, expect, it } from 'vitest';
import { elements } from '#tests/support/xml.ts';
import {
	atomXml,
	changesFeed,
	changesHtml,
	escapeXml,
	FEED_LIMIT,
	allUpdatesFeed,
	taskFeed,
	unitFeed,
} from '#src/lib/publish/feeds.ts';
import { changeCounts, changesBetween, hasChanges, previousMonthEnd } from '#src/lib/model/changes.ts';
import { tasksUnder } from '#src/lib/model/browse.ts';
import { ROLLUP_KEYS } from '#src/lib/model/rollups.ts';
import { buildSiteModel } from '#src/lib/model/site-model.ts';
import { robotsTxt } from '#src/lib/publish/robots.ts';
import { makeContent, makeTask, makeUpdate } from './fixtures.ts';

// No control character: the text policy refuses it in content, and escapeXml refuses it as a last line (above).
const nasty = 'A & B <script>alert("x")</script> \'q\' ]]>';
const content = makeContent({
	tasks: [makeTask('s-01', { title: nasty }), makeTask('s-02', { leadUnits: ['u2'], supportUnits: ['u1'] })],
	updates: [
		makeUpdate('s-01/a', { title: '第一条 <b>', publishedDate: '2019-10-10' }),
		makeUpdate('s-01/b', { title: '第二条', factDate: '2019-11-30', publishedDate: '2019-12-05', status: 'completed' }),
		makeUpdate('s-02/a', { title: '第三条', factDate: '2019-11-01', publishedDate: '2019-11-08', status: 'behind' }),
	].map((u) => ({ ...u, body: `正文 ${nasty}` })),
});
const model = buildSiteModel(content, '2019-12-31');
const SITE = 'https://example.gov.cn/';

describe('escapeXml', () => {
	it('escapes the five XML specials and refuses characters XML 1.0 forbids', () => {
		expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
		expect(escapeXml('a\td\ne')).toBe('a\td\ne');
		expect(() => escapeXml('a\u0001b')).toThrow(/XML 无法承载字符 U\+0001/);
		expect(() => escapeXml('a\uFFFEb')).toThrow(/U\+FFFE/);
	});
});

describe('Atom feeds', () => {
	it('is well-formed with hostile text, and the text round-trips through a parser', () => {
		const xml = atomXml(taskFeed(model, SITE, model.tasks.get('s-01')!));
		const els = elements(xml);
		expect(els[0]?.name).toBe('feed');
		expect(els[0]?.attrs.xmlns).toBe('http://www.w3.org/2005/Atom');
		expect(els.find((e) => e.name === 'title')?.text).toBe(`系列第01号 ${nasty}：整改进展`);
		expect(xml).not.toContain('<script>');
	});

	it('gives each entry its date, task and status, with absolute URLs, newest first', () => {
		const els = elements(atomXml(taskFeed(model, SITE, model.tasks.get('s-01')!)));
		const entries = els.filter((e) => e.name === 'entry');
		expect(entries).toHaveLength(2);
		const ids = els.filter((e) => e.name === 'id').map((e) => e.text);
		expect(ids).toEqual([
			'https://example.gov.cn/feeds/tasks/s-01.xml',
			'https://example.gov.cn/tasks/s-01/#u-s-01-b',
			'https://example.gov.cn/tasks/s-01/#u-s-01-a',
		]);
		expect(els.filter((e) => e.name === 'published').map((e) => e.text)).toEqual([
			'2019-12-05T00:00:00+08:00',
			'2019-10-10T00:00:00+08:00',
		]);
		expect(els.filter((e) => e.name === 'category').map((e) => e.attrs.term)).toEqual([
			'completed',
			'task:s-01',
			'on_track',
			'task:s-01',
		]);
		expect(els.find((e) => e.name === 'updated')?.text).toBe('2019-12-05T00:00:00+08:00');
		expect(els.filter((e) => e.name === 'summary')[0]?.text).toContain('形成日期：2019-11-30');
	});

	it('has a feed for all updates and one per unit (lead or support), and marks sample entries', () => {
		const all = elements(atomXml(allUpdatesFeed(model, SITE))).filter((e) => e.name === 'entry');
		expect(all).toHaveLength(3);
		const unitTasks = (u: string) => tasksUnder(model.content.tasks, ROLLUP_KEYS.anyUnit, u).map((t) => t.id);
		expect(unitTasks('u1')).toEqual(['s-01', 's-02']);
		const u2 = elements(atomXml(unitFeed(model, SITE, 'u2')));
		expect(u2.filter((e) => e.name === 'entry')).toHaveLength(1);
		expect(u2.filter((e) => e.name === 'title').at(-1)?.text).toMatch(/^【示例数据，非官方信息】/);
		expect(FEED_LIMIT).toBeGreaterThan(0);
	});

	it('marks an entry about a sample task even when its update is partly sourced, and names a stand-in date', () => {
		const m = buildSiteModel(
			makeContent({
				tasks: [makeTask('s-01')],
				updates: [
					makeUpdate('s-01/a', {
						status: 'completed',
						factDate: '2021-06-04',
						publishedDate: '2021-06-04',
						provenance: { kind: 'partial', note: '日期取转载日期', unsourced: ['factDate', 'publishedDate'] },
					}),
				],
			}),
			'2021-06-30',
		);
		const els = elements(atomXml(taskFeed(m, SITE, m.tasks.get('s-01')!)));
		expect(els.filter((e) => e.name === 'title').at(-1)?.text).toMatch(/^【示例数据，非官方信息】/);
		expect(els.find((e) => e.name === 'summary')?.text).toContain(
			'形成日期：2021-06-04（形成日期未核实）；发布日期：2021-06-04（发布日期未核实）',
		);
	});

	it('uses the as-of date as updated when a feed has no entries', () => {
		const empty = buildSiteModel(makeContent(), '2019-12-31');
		const els = elements(atomXml(taskFeed(empty, SITE, empty.tasks.get('s-01')!)));
		expect(els.filter((e) => e.name === 'entry')).toHaveLength(0);
		expect(els.find((e) => e.name === 'updated')?.text).toBe('2019-12-31T00:00:00+08:00');
	});
});

describe('feed content and the monthly changes feed', () => {
	it('carries a narrative as sanitised HTML: text escaped, unsafe links dropped', () => {
		const m = buildSiteModel(
			makeContent({ updates: [{ ...makeUpdate('s-01/a'), body: '**完成** 1 < 2 & 3 [链接](javascript:alert(1))' }] }),
			'2021-06-30',
		);
		const content = elements(atomXml(taskFeed(m, SITE, m.tasks.get('s-01')!))).find((e) => e.name === 'content')!;
		expect(content.attrs.type).toBe('html');
		expect(content.text).toContain('<strong>完成</strong>');
		expect(content.text).toContain('1 &lt; 2 &amp; 3');
		expect(content.text).not.toContain('javascript:');
	});
	it('has one entry per month given, newest first, naming the counts and linking the month page', () => {
		const updates = [
			makeUpdate('s-01/a', { status: 'completed' }),
			makeUpdate('s-02/a', { factDate: '2019-11-01', publishedDate: '2019-11-05' }),
		];
		const m = buildSiteModel(makeContent({ updates }), '2021-06-30');
		const months = ['2019-10-31', '2019-11-30'].map((to) =>
			changesBetween(m.content.tasks, m.content.updates, previousMonthEnd(to), to),
		);
		const els = elements(atomXml(changesFeed(m, SITE, months)));
		const ids = els.filter((e, i, all) => e.name === 'id' && all[i - 1]?.name === 'entry').map((e) => e.text);
		expect(ids).toEqual(['https://example.gov.cn/changes/2019-11-30/', 'https://example.gov.cn/changes/2019-10-31/']);
		const n = changeCounts(months[1]!);
		// A count says what it rests on in the same title and heading (the fixture's tasks are samples; issue #23).
		const done = (n: number, open: string, close: string) => `${open}${n} 项${close}${n ? '（均为示例）' : ''}`;
		expect(els.filter((e) => e.name === 'title')[1]!.text).toBe(
			`2019年11月的变化：${done(n.newlyCompleted, '新完成 ', '')}，进度滞后 ${n.slipped} 项，新进展 ${n.updates} 条`,
		);
		expect(changesHtml(m, months[1]!)).toContain(`<h3>${done(n.newlyCompleted, '新完成（', '）')}</h3>`);
		const first = changeCounts(months[0]!);
		expect(first.newlyCompleted).toBe(1);
		expect(els.filter((e) => e.name === 'title')[2]!.text).toContain('新完成 1 项（均为示例）');
	});
	it('leaves out months in which nothing changed', () => {
		const m = buildSiteModel(makeContent({ updates: [makeUpdate('s-01/a', { status: 'completed' })] }), '2021-06-30');
		const months = ['2021-04-30', '2021-05-31'].map((to) =>
			changesBetween(m.content.tasks, m.content.updates, previousMonthEnd(to), to),
		);
		expect(months.map(hasChanges)).toEqual([false, false]);
		const all = [...months, changesBetween(m.content.tasks, m.content.updates, '2019-08-31', '2019-10-31')];
		expect(hasChanges(all[2]!)).toBe(true);
		const els = elements(atomXml(changesFeed(m, SITE, all)));
		expect(els.filter((e) => e.name === 'entry')).toHaveLength(1);
	});
	it('robots.txt allows the site and names the sitemap', () => {
		expect(robotsTxt('https://example.gov.cn/')).toBe(
			'User-agent: *\nAllow: /\nDisallow: /pagefind/\n\nSitemap: https://example.gov.cn/sitemap-index.xml\n',
		);
	});
});
