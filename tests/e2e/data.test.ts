// Post-build checks of dist/: the data files give back the content exactly, the manifest matches, feeds and sitemap are
// right.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { Parser } from 'htmlparser2';
import { validateContent } from '#src/lib/content/validate.ts';
import { buildSiteModel } from '#src/lib/model/site-model.ts';
import { BOM } from '#src/lib/publish/csv.ts';
import { parseCsv } from '#src/lib/publish/csv.ts';
import { DATASETS, TASKS } from '#src/lib/publish/datasets.ts';
import { publishedRecord, recordFromRow, rowsFromCsv } from '#src/lib/publish/columns.ts';
import { FEED_LIMIT } from '#src/lib/publish/feeds.ts';
import { changesBetween, hasChanges, historyDates, previousMonthEnd } from '#src/lib/model/changes.ts';
import { withoutAsOf } from '#src/lib/publish/data-files.ts';
import { statesAt } from '#src/lib/model/status.ts';
import { statusFromEvents, type StatusEvent } from '#src/lib/model/history.ts';
import { elements } from '#tests/support/xml.ts';

const DIST = resolve('dist');
const asOf = inject('asOf');
const { content, problems } = validateContent(resolve(process.env.CONTENT_DIR ?? 'content'), asOf);
const model = buildSiteModel(content, asOf);
const read = (p: string) => readFileSync(join(DIST, p));
const text = (p: string) => read(p).toString('utf8');
const strip = (v: unknown) => JSON.parse(JSON.stringify(v));

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((n) => {
		const p = join(dir, n);
		return statSync(p).isDirectory() ? walk(p) : [relative(DIST, p)];
	});
}

/** The <link> elements in an HTML page's head. */
function headLinks(html: string): Record<string, string>[] {
	const links: Record<string, string>[] = [];
	let inHead = false;
	const p = new Parser({
		onopentag(name, attrs) {
			if (name === 'head') inHead = true;
			if (inHead && name === 'link') links.push(attrs);
		},
		onclosetag(name) {
			if (name === 'head') inHead = false;
		},
	});
	p.write(html);
	p.end();
	return links;
}

describe('open data files in dist/data', () => {
	it('content loads cleanly through src/lib/content/validate.ts', () => expect(problems).toEqual([]));

	for (const ds of DATASETS) {
		it(`${ds.name}.csv (BOM, Chinese headers) and ${ds.name}.json give back exactly the model's records`, () => {
			const expected = strip(ds.records(model).map((r: unknown) => publishedRecord(ds.columns, r)));
			const csv = text(`data/${ds.name}.csv`);
			expect(csv.startsWith(BOM)).toBe(true);
			const fromCsv = rowsFromCsv(ds, withoutAsOf(parseCsv(csv))).map((r) => recordFromRow(ds.columns, r));
			expect(fromCsv).toEqual(expected);
			const json = JSON.parse(text(`data/${ds.name}.json`));
			expect(json).toMatchObject({ dataset: ds.name, asOf, count: expected.length });
			expect(json.records.map((r: Record<string, unknown>) => recordFromRow(ds.columns, r))).toEqual(expected);
		});
	}

	it('tasks carry their status as of the build date, from the one status rule', () => {
		const json = JSON.parse(text('data/tasks.json'));
		for (const r of json.records) expect(r.status, r.id).toBe(model.states.get(r.id)?.status);
		const rows = parseCsv(text('data/tasks.csv'));
		const statusCol = TASKS.columns.findIndex((c) => c.key === 'statusLabel');
		expect(rows[0]?.[statusCol]).toBe('状态');
		expect(rows.slice(1).find((r) => r[0] === 'hkk-02')?.[statusCol]).toBe('已完成');
	});

	it('updates.json does not call hkk-02 late: its publication date is a repost date, so timeliness cannot be judged', () => {
		const u = JSON.parse(text('data/updates.json')).records.find((r: { id: string }) => r.id === 'hkk-02/2020-12-31');
		expect(u).toMatchObject({
			factDate: '2020-12-31',
			publishedDate: '2021-06-04',
			timeliness: '无法判断（原始发布日期未见来源）',
		});
		// Before #13: lateDisclosure true and workdaysToPublish 105, counted from the repost date.
		expect(u.lateDisclosure ?? null).toBeNull();
		expect(u.workdaysToPublish ?? null).toBeNull();
		expect(u.provenance.unsourced).toContain('publishedDate');
	});

	it('status-history.json and .csv rebuild every month-end snapshot (and the as-of date) by the one status rule', () => {
		const json = JSON.parse(text('data/status-history.json'));
		const byTask = new Map<string, StatusEvent[]>();
		for (const r of json.records as StatusEvent[]) byTask.set(r.task, [...(byTask.get(r.task) ?? []), r]);
		const csvRows = withoutAsOf(parseCsv(text('data/status-history.csv')));
		expect(csvRows.length - 1).toBe(json.records.length);
		const dates = historyDates(model.plans.values(), asOf);
		for (const d of dates) {
			const states = statesAt(content.tasks, content.updates, d);
			for (const t of content.tasks)
				expect(statusFromEvents(byTask.get(t.id) ?? [], d)?.status, `${t.id} at ${d}`).toBe(states.get(t.id)!.status);
		}
	});

	it('offers the readers workbook zhenggai.xlsx, not the editors template tasks.xlsx (that is `npm run export`)', () => {
		expect(text('data/index.html')).toContain('href="/data/zhenggai.xlsx"');
		expect(text('data/index.html')).not.toContain('tasks.xlsx');
		expect(existsSync(join(DIST, 'data/tasks.xlsx'))).toBe(false);
	});

	it('each task page links its own status history file: its rows of status-history.csv, same columns', () => {
		const all = parseCsv(text('data/status-history.csv'));
		for (const t of ['hkk-02', 'dq-01']) {
			expect(text(`tasks/${t}/index.html`), t).toContain(`href="/data/status-history/${t}.csv"`);
			const own = parseCsv(text(`data/status-history/${t}.csv`));
			expect(own[0], t).toEqual(all[0]);
			expect(own.slice(1), t).toEqual(all.slice(1).filter((r) => r[0] === t));
			expect(own.length, t).toBeGreaterThan(1);
		}
	});

	it('without JavaScript, the cite block gives the month-end form once and the page links each month end; the dictionary names 数据截至', () => {
		const page = text('tasks/hkk-02/index.html');
		const noscript = /<noscript><p class="note cite-months">(.*?)<\/noscript>/s.exec(page)?.[1] ?? '';
		const monthEnds = historyDates(model.plans.values(), asOf).filter(
			(d) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).getUTCDate() === 1,
		);
		expect(monthEnds.length).toBeGreaterThan(12);
		// The form: the page's citation with the month end's date, status and snapshot URL left open (issue #28)…
		expect(noscript).toContain('截至〔月末日期〕状态为〔当月末的状态〕[EB/OL]. (〔月末日期〕)');
		expect(noscript).toContain('/as-of/〔月末日期〕/#t-hkk-02.');
		// …and what fills it, once: each month end's snapshot link (the fixed URL), with the status beside it.
		const nav = /<details class="history-nav">(.*?)<\/details>/s.exec(page)?.[1] ?? '';
		for (const d of monthEnds) expect(nav, d).toContain(`href="/as-of/${d}/#t-hkk-02"`);
		const dictionaries = text('data/index.html').match(/<th scope="row">数据截至<\/th>/g) ?? [];
		expect(dictionaries).toHaveLength(DATASETS.length);
	});

	it('manifest.json: as-of date, record counts and a SHA-256 per file that matches the file in dist/', () => {
		const m = JSON.parse(text('data/manifest.json'));
		expect(m.asOf).toBe(asOf);
		expect(m.counts).toEqual(Object.fromEntries(DATASETS.map((d) => [d.name, d.records(model).length])));
		const inDist = walk(join(DIST, 'data'))
			.map((p) => p.replace(/^data\//, ''))
			.filter((n) => n !== 'index.html' && n !== 'manifest.json')
			.sort();
		expect(m.files.map((f: { name: string }) => f.name).sort()).toEqual(inDist);
		for (const f of m.files) {
			const bytes = read(`data/${f.name}`);
			expect(createHash('sha256').update(bytes).digest('hex'), f.name).toBe(f.sha256);
			expect(bytes.length, f.name).toBe(f.bytes);
		}
	});
});

describe('feeds in dist/feeds', () => {
	const entryIds = (xml: string) =>
		elements(xml)
			.filter((e, i, all) => e.name === 'id' && all[i - 1]?.name === 'entry')
			.map((e) => e.text);
	const permalink = (id: string) =>
		`${model.content.settings.siteUrl.replace(/\/$/, '')}/tasks/${id.split('/')[0]}/#u-${id.replaceAll('/', '-')}`;
	const newestFirst = (ids: string[]) =>
		ids
			.map((id) => content.updates.find((u) => u.id === id)!)
			.sort((a, b) => (a.publishedDate !== b.publishedDate ? (a.publishedDate > b.publishedDate ? -1 : 1) : 0));

	it('every feed is well-formed Atom', () => {
		const feeds = walk(join(DIST, 'feeds'));
		expect(feeds.length).toBe(2 + model.tasks.size + model.units.size);
		for (const f of feeds) {
			const els = elements(text(f));
			expect(els[0]?.name, f).toBe('feed');
			expect(els[0]?.attrs.xmlns).toBe('http://www.w3.org/2005/Atom');
			for (const e of els.filter((x) => x.name === 'link')) expect(e.attrs.href, f).toMatch(/^https?:\/\//);
		}
	});

	it("each task feed has exactly the task's published updates (corrected ones marked), each with date, task and status", () => {
		for (const t of model.tasks.values()) {
			const xml = text(`feeds/tasks/${t.id}.xml`);
			const known = model.states.get(t.id)!.published;
			expect(new Set(entryIds(xml)), t.id).toEqual(new Set(known.map((u) => permalink(u.id))));
			const els = elements(xml);
			expect(els.filter((e) => e.name === 'published')).toHaveLength(known.length);
			expect(els.filter((e) => e.name === 'category' && e.attrs.term === `task:${t.id}`)).toHaveLength(known.length);
		}
	});

	it('each unit feed has the known updates of the tasks the unit leads or supports; the site feed has the newest', () => {
		for (const unit of model.units.keys()) {
			const ids = [...model.tasks.values()]
				.filter((t) => t.leadUnits?.includes(unit) || t.supportUnits.includes(unit))
				.flatMap((t) => model.states.get(t.id)!.published.map((u) => u.id));
			expect(new Set(entryIds(text(`feeds/units/${unit}.xml`))), unit).toEqual(
				new Set(
					newestFirst(ids)
						.slice(0, FEED_LIMIT)
						.map((u) => permalink(u.id)),
				),
			);
		}
		const all = [...model.states.values()].flatMap((s) => s.published.map((u) => u.id));
		const got = entryIds(text('feeds/updates.xml'));
		expect(got).toHaveLength(Math.min(all.length, FEED_LIMIT));
		expect(new Set(got)).toEqual(
			new Set(
				newestFirst(all)
					.slice(0, FEED_LIMIT)
					.map((u) => permalink(u.id)),
			),
		);
	});

	it('a correction publishes: the corrected update stays listed, marked 已更正 with a link, in the page, the feeds and the data', () => {
		const corrections = content.updates.filter((u) => u.corrects);
		expect(corrections.length).toBeGreaterThan(0); // the bundled sample correction, hkk-03/2020-07-24
		for (const c of corrections) {
			const old = c.corrects!;
			const task = c.task;
			const page = text(`tasks/${task}/index.html`);
			const anchor = `u-${old.replaceAll('/', '-')}`;
			const li = new RegExp(`<li id="${anchor}" class="corrected"[^>]*>[\\s\\S]*?</li>`).exec(page)?.[0] ?? '';
			expect(li, old).toContain('已更正');
			expect(li).toContain(`href="#u-${c.id.replaceAll('/', '-')}"`);
			expect(page).toContain(`href="#${anchor}"`);
			// The status history lists the updates in force: the correction, linking to what it corrected.
			const history = /<table class="history">[\s\S]*?<\/table>/.exec(page)?.[0] ?? '';
			expect(history).toContain('被更正的进展不列入，以更正为准');
			expect(history).toContain(`（更正<a href="#${anchor}">此前一条</a>）`);
			const feed = text(`feeds/tasks/${task}.xml`);
			expect(feed).toContain(`【已更正，见进展 ${c.id}】`);
			const csv = text('data/updates.csv');
			const row = csv.split('\r\n').find((r) => r.startsWith(`${old},`));
			expect(row, old).toContain(c.id);
			const json = JSON.parse(text('data/updates.json')) as { records: { id: string; correctedBy?: string }[] };
			expect(json.records.find((r) => r.id === old)?.correctedBy).toBe(c.id);
		}
	});

	it('entry content is sanitised HTML (Atom type="html"); the monthly changes feed has one entry per month end', () => {
		const els = elements(text('feeds/updates.xml'));
		const contents = els.filter((e) => e.name === 'content');
		expect(contents.length).toBeGreaterThan(0);
		for (const c of contents) {
			expect(c.attrs.type).toBe('html');
			expect(c.text).toMatch(/^<p>/);
			expect(c.text).not.toMatch(/<script|javascript:/i);
		}
		const months = historyDates(model.plans.values(), asOf).filter(
			(d) => /-(31|30|29|28)$/.test(d) && new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).getUTCDate() === 1,
		);
		// Months without any change are no news: the feed leaves them out (issue #26).
		const changed = months.filter((d) =>
			hasChanges(changesBetween(content.tasks, content.updates, previousMonthEnd(d), d)),
		);
		expect(changed.length).toBeGreaterThan(0);
		expect(changed.length).toBeLessThan(months.length);
		const changes = elements(text('feeds/changes.xml'));
		expect(changes.filter((e) => e.name === 'entry')).toHaveLength(changed.length);
		expect(entryIds(text('feeds/changes.xml'))[0]).toBe(
			`${model.content.settings.siteUrl.replace(/\/$/, '')}/changes/${changed.at(-1)}/`,
		);
		expect(text('changes/index.html')).toMatch(
			/<link rel="alternate" type="application\/atom\+xml" href="\/feeds\/changes\.xml"/,
		);
		expect(text('changes/index.html')).toMatch(/<a href="\/feeds\/changes\.xml">/);
		for (const u of model.units.keys())
			expect(text(`units/${u}/index.html`), u).toContain(`href="/feeds/units/${u}.xml"`);
	});

	it('pages link their feeds with <link rel="alternate" type="application/atom+xml">', () => {
		const atom = (html: string) =>
			headLinks(html)
				.filter((l) => l.rel === 'alternate' && l.type === 'application/atom+xml')
				.map((l) => l.href);
		for (const t of model.tasks.keys())
			expect(atom(text(`tasks/${t}/index.html`)), t).toEqual(['/feeds/updates.xml', `/feeds/tasks/${t}.xml`]);
		for (const p of ['index.html', 'changes/index.html', 'data/index.html'])
			expect(atom(text(p)), p).toContain('/feeds/updates.xml');
	});
});

describe('the sitemap (@astrojs/sitemap) and history pages', () => {
	it('lists every HTML page of the site and nothing that does not exist', () => {
		const locsOf = (file: string) =>
			elements(text(file))
				.filter((e) => e.name === 'loc')
				.map((e) => new URL(e.text).pathname);
		const sitemaps = locsOf('sitemap-index.xml');
		expect(sitemaps.length).toBeGreaterThan(0);
		const locs = sitemaps.flatMap((p) => locsOf(p.slice(1)));
		const pages = walk(DIST)
			.filter((p) => p.endsWith('index.html'))
			.map((p) => '/' + p.replace(/index\.html$/, ''));
		expect(new Set(locs)).toEqual(new Set(pages));
		// A task page's <lastmod> is the publication date of its latest update.
		const [id, st] = [...model.states].find(([, x]) => x.lastPublished)!;
		const xml = sitemaps.map((p) => text(p.slice(1))).join('');
		expect(xml).toContain(`/tasks/${id}/</loc><lastmod>${st.lastPublished}T00:00:00.000Z</lastmod>`);
	});

	it('has a /changes/ and an /as-of/ page for every month end since publication', () => {
		const dates = historyDates(model.plans.values(), asOf);
		expect(dates[0]).toBe('2019-12-31');
		expect(dates.at(-1)).toBe(asOf);
		for (const d of dates) {
			expect(statSync(join(DIST, `changes/${d}/index.html`)).isFile()).toBe(true);
			expect(statSync(join(DIST, `as-of/${d}/index.html`)).isFile()).toBe(true);
		}
	});
});
