/**
 * The gate that reads text, not markup: what a reader copies (a line of a page, a row of a data file, a feed item, a
 * citation, a search sentence) must carry the basis of any judgment it states. A unit of text fails when it states a
 * verdict (a status label, 逾期, 未完成, 已完成, 销号, 预警, 按期, 超期, or a count of tasks by status) about a sample
 * or partly-sourced task, about a real body (a unit or a city), or as a count, and has no mark of its basis in
 * itself (示例, 未核实, 未见来源, 无法判断, 有来源). Run by scripts/check-dist.ts beside the markup check
 * (judgment-marks.ts), which only sees elements that declare themselves judgments.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';
import { STATUS_GROUPS, STATUS_TABLE, TASK_STATUSES } from '#src/lib/model/statuses.ts';
import { sentences } from '#src/lib/search/query.ts';
import { taskPath } from '#src/lib/publish/urls.ts';

/** The words that state a verdict, besides every status and status-group label of the status table. */
const VERDICT_WORDS = ['逾期', '未完成', '已完成', '新完成', '销号', '预警', '按期', '超期', '进度滞后'];

/** A verdict word anywhere in a text. */
export const VERDICT = new RegExp(
	[
		...new Set([
			...VERDICT_WORDS,
			...TASK_STATUSES.map((s) => STATUS_TABLE[s].label),
			...Object.values(STATUS_GROUPS).map((g) => g.label),
		]),
	]
		.sort((a, b) => b.length - a.length)
		.join('|'),
);

/** The status labels and the timing words: what a line on a sample task's page must not state unmarked. */
const STATUS_VERDICT = new RegExp(
	[...TASK_STATUSES.map((s) => STATUS_TABLE[s].label), '逾期', '按期', '超期', '进度滞后']
		.sort((a, b) => b.length - a.length)
		.join('|'),
);

/**
 * The verdicts the site derives from a task's fields (due date, dates of reports) rather than reads from a sourced
 * report: about a partly-sourced task they may rest on its unsourced fields, so they need their mark; a status the
 * task's sourced report states (已完成) does not.
 */
const DERIVED_VERDICT = /逾期|按期|超期|公示期满|进度滞后/;

/**
 * The mark of a basis in a unit of text: a sample, named unsourced inputs, no verdict possible, sourced, or the
 * official report it quotes (…通报).
 */
export const BASIS_TEXT_MARK = /示例|未核实|无法判断|来源|通报/;

/** A count of tasks by status in prose: 逾期未完成 3 项, 已完成（3 项）, 3 项逾期未完成 (zero counts state nothing). */
const COUNT = new RegExp(
	`(?:${VERDICT.source})[^0-9\\n]{0,8}?[1-9][0-9]*\\s*(?:项|个)|[1-9][0-9]*\\s*(?:项|个)[^0-9\\n]{0,4}?(?:${VERDICT.source})`,
);

/** One unit of text as a reader copies it; `context` adds what tells its meaning (a table row's column headers). */
export interface TextUnit {
	/** Where it is in its file: line 12, row 3, item 2 title, sentence 4. */
	where: string;
	/** The text itself: what a reader copies, and where the mark must be. */
	text: string;
	/** The text with its column headers, for finding verdicts and counts; defaults to `text`. */
	context?: string;
	/** A table row with a non-zero number under a verdict column (a count by status). */
	count?: boolean;
	/** The record's own words (data-record-text: a measure, an update's title or narrative), not the site's verdict. */
	record?: boolean;
}

/** True when a unit states a verdict and carries no mark: the only ones worth keeping until the subjects are known. */
export function unmarkedVerdict(u: TextUnit): boolean {
	return VERDICT.test(u.context ?? u.text) && !BASIS_TEXT_MARK.test(u.text);
}

const BLOCK = new Set(
	(
		'address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption figure footer form ' +
		'h1 h2 h3 h4 h5 h6 header hr li main nav ol option p pre section summary table tbody tfoot thead title tr ul'
	).split(' '),
);
const SKIP = new Set(['script', 'style', 'template', 'svg', 'canvas']);
const CELL = new Set(['td', 'th']);

/**
 * Collects the visible lines of an HTML document from htmlparser2's events: the text of each block element
 * (without its nested blocks), a table row as one line with its cells joined by " | " and, in `context`, each cell
 * after its column header; a <pre> line by line; legends (data-legend) left out.
 */
export class LineCollector {
	readonly units: TextUnit[] = [];
	private stack: { name: string; text: string; legend: boolean; skip: boolean; record: boolean }[] = [];
	private cells: string[] | undefined;
	private headers: string[] = [];
	private inHead = false;
	private n = 0;

	/** An element opens. */
	open(name: string, attrs: Record<string, string>): void {
		const top = this.stack.at(-1);
		const legend = attrs['data-legend'] !== undefined || (top?.legend ?? false);
		const skip = SKIP.has(name) || (top?.skip ?? false);
		const record = attrs['data-record-text'] !== undefined || (top?.record ?? false);
		if (name === 'thead') this.inHead = true;
		if (name === 'tr') this.cells = [];
		if (CELL.has(name) && this.cells) this.cells.push('');
		if (BLOCK.has(name) || CELL.has(name) || SKIP.has(name)) {
			if (name === 'br' || name === 'hr') this.flushTop();
			else this.stack.push({ name, text: '', legend, skip, record });
		}
	}

	/** Text inside the open elements. */
	text(t: string): void {
		const top = this.stack.at(-1);
		if (!top || top.skip) return;
		top.text += t;
	}

	/** An element closes. */
	close(name: string): void {
		if (!(BLOCK.has(name) || CELL.has(name) || SKIP.has(name)) || name === 'br' || name === 'hr') return;
		const i = this.stack.findLastIndex((o) => o.name === name);
		if (i < 0) return;
		while (this.stack.length > i + 1) this.close(this.stack.at(-1)!.name);
		const el = this.stack.pop()!;
		if (CELL.has(name) && this.cells) {
			this.cells[this.cells.length - 1] = norm(el.text);
			return;
		}
		if (name === 'tr' && this.cells) this.row(el.legend);
		else if (name === 'thead') this.inHead = false;
		else if (!el.legend && !el.skip) this.emit(el.name === 'pre' ? el.text.split('\n') : [el.text], el.record);
		this.cells = name === 'tr' ? undefined : this.cells;
	}

	private flushTop(): void {
		const top = this.stack.at(-1);
		if (!top || top.skip || top.legend) return;
		this.emit([top.text], top.record);
		top.text = '';
	}

	private emit(texts: string[], record: boolean): void {
		for (const raw of texts) {
			const text = norm(raw);
			this.n += 1;
			if (text) this.units.push({ where: `line ${this.n}`, text, ...(record ? { record } : {}) });
		}
	}

	private row(legend: boolean): void {
		const cells = this.cells ?? [];
		this.n += 1;
		if (this.inHead) this.headers = cells;
		if (legend || this.inHead || !cells.some(Boolean)) return;
		// A column's header says what a number in it counts (已完成 | 34); a cell of words states its own verdict, if any.
		const counted = (c: string) => /^[1-9][0-9]*(?:\s*项)?(?:（[^）]*）)*$/.test(c);
		const headed = cells.map((c, i) => (this.headers[i] && counted(c) ? `${this.headers[i]}：${c}` : c));
		const count = cells.some((c, i) => counted(c) && VERDICT.test(this.headers[i] ?? ''));
		this.units.push({ where: `row ${this.n}`, text: cells.join(' | '), context: headed.join(' | '), count });
	}
}

function norm(s: string): string {
	return s.replace(/[\s\u200b]+/g, ' ').trim();
}

/** The visible lines of an HTML page (or of an HTML fragment: a feed entry's content). */
export function htmlLines(html: string): TextUnit[] {
	const c = new LineCollector();
	const p = new Parser(
		{ onopentag: (n, a) => c.open(n, a), ontext: (t) => c.text(t), onclosetag: (n) => c.close(n) },
		{ decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
	);
	p.write(`<div>${html}</div>`);
	p.end();
	return c.units;
}

/** The rows of a CSV file (RFC 4180 quoting; a BOM is dropped), each a unit with its column headers as context. */
export function csvRows(text: string): TextUnit[] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const s = text.replace(/^\ufeff/, '');
	const endCell = () => {
		row.push(cell);
		cell = '';
	};
	for (let i = 0; i < s.length; i++) {
		const ch = s[i]!;
		if (quoted) {
			if (ch === '"' && s[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') endCell();
		else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && s[i + 1] === '\n') i++;
			endCell();
			rows.push(row);
			row = [];
		} else cell += ch;
	}
	if (cell || row.length) {
		endCell();
		rows.push(row);
	}
	const [head = [], ...body] = rows;
	return body.map((r, i) => ({
		where: `row ${i + 2}`,
		text: r.map(norm).join(' | '),
		context: r.map((c, j) => (/^[1-9][0-9]*$/.test(c) ? `${head[j] ?? ''}：${c}` : norm(c))).join(' | '),
	}));
}

/** The string values of a JSON value, depth first. */
function strings(v: unknown, out: string[] = []): string[] {
	if (typeof v === 'string') out.push(v);
	else if (Array.isArray(v)) for (const x of v) strings(x, out);
	else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
	return out;
}

/** The records of a dataset JSON file (`records`), each a unit: its string values joined. */
export function jsonRecords(text: string): TextUnit[] {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return [];
	}
	const records = (data as { records?: unknown }).records;
	if (!Array.isArray(records)) return [];
	return records.map((r, i) => ({ where: `record ${i + 1}`, text: norm(strings(r).join(' | ')) }));
}

/**
 * The string values of a JSON-LD block, each a unit (names, citations, statuses); a `description` is the record's
 * own words (a task's feedback problem), like data-record-text on the page.
 */
export function jsonLdStrings(text: string): TextUnit[] {
	const out: TextUnit[] = [];
	const walk = (v: unknown, key: string) => {
		if (typeof v === 'string')
			out.push({ where: `JSON-LD ${key}`, text: norm(v), ...(key === 'description' ? { record: true } : {}) });
		else if (Array.isArray(v)) for (const x of v) walk(x, key);
		else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
	};
	try {
		walk(JSON.parse(text), '');
	} catch {
		return [];
	}
	return out;
}

function decodeXml(s: string): string {
	return s
		.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&amp;/g, '&');
}

/** The items of an RSS or Atom feed: each title a unit, and each line of its summary and content. */
export function feedUnits(xml: string): TextUnit[] {
	const out: TextUnit[] = [];
	let n = 0;
	for (const m of xml.matchAll(/<(item|entry)[\s>][\s\S]*?<\/\1>/g)) {
		n += 1;
		const item = m[0];
		const title = /<title[^>]*>([\s\S]*?)<\/title>/.exec(item)?.[1];
		if (title !== undefined) out.push({ where: `item ${n} title`, text: norm(decodeXml(title)) });
		for (const part of item.matchAll(/<(summary|content|description)[^>]*>([\s\S]*?)<\/\1>/g))
			for (const u of htmlLines(decodeXml(part[2]!))) out.push({ ...u, where: `item ${n} ${part[1]} ${u.where}` });
	}
	return out;
}

/** The sentences Pagefind indexed from one page (a fragment file, gzip with a "pagefind_dcd" header). */
export function fragmentSentences(gz: Buffer): { url: string; units: TextUnit[] } {
	const raw = gunzipSync(gz).toString('utf8');
	const data = JSON.parse(raw.slice(raw.indexOf('{'))) as { url?: string; content?: string };
	// Cut as the search page widens an excerpt (wholeSentenceParts): a sentence is what a reader of a result sees whole.
	const units = sentences(data.content ?? '')
		.map((s, i) => ({ where: `sentence ${i + 1}`, text: norm(s.replace(/\u200b/g, '')) }))
		.filter((u) => u.text);
	return { url: data.url ?? '', units };
}

/** What a unit of text may be about, read from the site's own data files. */
export interface TextSubjects {
	/** Task number labels (回头看第02号) and ids (hkk-02) → provenance kind (official, partial, sample). */
	tasks: Map<string, string>;
	/** Task page path (/tasks/hkk-02/) → provenance kind, for sample and partly-sourced tasks. */
	pages: Map<string, string>;
	/** Task page path → its heading as the index holds it (回头看第02号：压减焦化总产能), a line of its own on the page. */
	headings?: Map<string, string>;
	/** Names of real bodies (units, short names, cities), longest first, as one pattern. */
	bodies: RegExp | undefined;
	/** Titles that hold a verdict word as a topic (推动第一轮督察未按期完成任务整改到位): not a verdict of the site. */
	topics: string[];
	/**
	 * The site holds a sample task: any count or line about a real body may rest on it, so it needs a mark. (Without
	 * samples an unmarked count is a sourced one: the model notes every count that holds an unsourced input, and a
	 * line about a partly-sourced task is judged by the task rules.)
	 */
	unverified: boolean;
}

type DataRecord = Record<string, unknown>;

/** The records of the site's data files by dataset name (tasks, units, cities, areas, measures, measure-groups). */
export function textSubjects(data: Partial<Record<string, readonly DataRecord[]>>): TextSubjects {
	const tasks = new Map<string, string>();
	const pages = new Map<string, string>();
	const headings = new Map<string, string>();
	for (const r of data.tasks ?? []) {
		const kind = (r.provenance as { kind?: string } | undefined)?.kind ?? 'sample';
		for (const key of [r.number, r.id]) if (typeof key === 'string') tasks.set(key, kind);
		if (typeof r.id === 'string' && kind !== 'official') pages.set(taskPath(r.id), kind);
		if (typeof r.id === 'string' && typeof r.number === 'string' && typeof r.title === 'string')
			headings.set(taskPath(r.id), `${r.number}：${r.title}`);
	}
	const text = (v: unknown): v is string => typeof v === 'string' && v.length >= 2;
	const names = [...(data.units ?? []), ...(data.cities ?? [])].flatMap((r) => [r.name, r.shortName]).filter(text);
	const uniq = [...new Set(names)].sort((a, b) => b.length - a.length);
	const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const titled = ['tasks', 'areas', 'measures', 'measure-groups'].flatMap((k) => data[k] ?? []);
	const topics = [...new Set(titled.map((r) => r.title).filter(text))].filter((t) => VERDICT.test(t));
	return {
		tasks,
		pages,
		headings,
		bodies: uniq.length ? new RegExp(uniq.map(esc).join('|')) : undefined,
		topics: topics.sort((a, b) => b.length - a.length),
		unverified: [...pages.values()].includes('sample'),
	};
}

const TASK_REF = /[\p{Script=Han}A-Za-z]+第[0-9A-Za-z]+号|\b[a-z][a-z0-9]*-[0-9a-z]+\b/gu;

/**
 * Why a unit of text fails the gate, or undefined when it passes. `pageKind` is the provenance of the task a page is
 * about (every line of a sample task's page is about that task).
 */
export function textFinding(u: TextUnit, s: TextSubjects, pageKind?: string): string | undefined {
	if (!unmarkedVerdict(u)) return undefined;
	let said = u.context ?? u.text;
	for (const t of s.topics) if (said.includes(t)) said = said.split(t).join('〔题〕');
	if (!VERDICT.test(said)) return undefined;
	const about = (kind: string, any: RegExp) => (kind === 'sample' ? any : DERIVED_VERDICT).test(said);
	// A line that names a task judges that task: its provenance decides, not the bodies it names (its lead unit).
	let namesTask = false;
	for (const m of u.text.matchAll(TASK_REF)) {
		const kind = s.tasks.get(m[0]);
		namesTask ||= kind !== undefined;
		if (kind && kind !== 'official' && about(kind, VERDICT))
			return `verdict about ${kind === 'sample' ? 'a sample' : 'a partly-sourced'} task (${m[0]}) without its mark`;
	}
	if (pageKind && !u.record && about(pageKind, STATUS_VERDICT))
		return `verdict on the page of ${pageKind === 'sample' ? 'a sample' : 'a partly-sourced'} task without its mark`;
	if (!s.unverified || namesTask) return undefined;
	const body = s.bodies?.exec(u.text)?.[0];
	if (body) return `verdict beside a real body's name (${body}) without its basis`;
	if (u.count || COUNT.test(said)) return 'count of tasks by status without its basis';
	return undefined;
}

/** A finding as the report shows it: where, why, and the text (cut at 80 characters). */
export function showFinding(u: TextUnit, why: string): string {
	return `text gate, ${u.where}: ${why}: "${u.text.length > 80 ? `${u.text.slice(0, 80)}…` : u.text}"`;
}

/** The datasets a site's subjects are read from (data/<name>.json, written by src/lib/publish/datasets.ts). */
export const SUBJECT_DATASETS = ['tasks', 'units', 'cities', 'areas', 'measures', 'measure-groups'] as const;

/**
 * The units of one text file of a built site that state a verdict without a mark (all that the gate needs to keep
 * while the rest of the site is still being written): page lines and JSON-LD values, CSV rows, dataset records, feed
 * items. Other files give none.
 */
export function unmarkedUnitsOf(file: string, text: string): { read: number; unmarked: TextUnit[] } {
	let units: TextUnit[] = [];
	if (file.endsWith('.html')) {
		units = htmlLines(text);
		for (const m of text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g))
			units.push(...jsonLdStrings(m[1]!));
	} else if (file.endsWith('.csv')) units = csvRows(text);
	else if (file.startsWith('data/') && file.endsWith('.json')) units = jsonRecords(text);
	else if (file.endsWith('.xml') && file.startsWith('feeds/')) units = feedUnits(text);
	return { read: units.length, unmarked: units.filter(unmarkedVerdict) };
}

/** The site path of a page file: tasks/hkk-02/index.html → /tasks/hkk-02/. */
function pagePath(file: string): string {
	return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The gate's findings in one file, from its unmarked units; each a line of the report. */
export function textGateFindings(
	file: string,
	units: readonly TextUnit[],
	s: TextSubjects,
	url = pagePath(file),
): string[] {
	const out: string[] = [];
	const pageKind = file.endsWith('.html') ? s.pages.get(url) : undefined;
	for (const u of units) {
		const why = textFinding(u, s, pageKind);
		if (why) out.push(showFinding(u, why));
	}
	return out;
}

/** The gate over Pagefind's fragments (the text search excerpts are cut from), under `dir`/pagefind/fragment. */
export function searchTextFindings(
	dir: string,
	s: TextSubjects,
): { read: number; findings: { file: string; message: string }[] } {
	const sub = join(dir, 'pagefind', 'fragment');
	const out: { file: string; message: string }[] = [];
	let read = 0;
	for (const name of existsSync(sub) ? readdirSync(sub).sort() : []) {
		if (!name.endsWith('.pf_fragment')) continue;
		const { url, units } = fragmentSentences(readFileSync(join(sub, name)));
		read += units.length;
		// Search results show the page's title with its mark; a sentence is judged by what it names itself.
		for (const m of textGateFindings('', headingApart(units, s.headings?.get(url)).filter(unmarkedVerdict), s, url))
			out.push({ file: `pagefind/fragment/${name}`, message: `${m} (search excerpt of ${url})` });
	}
	return { read, findings: out };
}

/**
 * A task page's sentences with its heading (the H1, a line of its own on the page) apart from what follows it: Pagefind
 * ends a block with a full stop only when its text does not end in punctuation, so a title ending in ） runs into the
 * record's own words (its feedback problem), which are no verdict of the site's.
 */
function headingApart(units: TextUnit[], heading: string | undefined): TextUnit[] {
	const first = units[0];
	if (!heading || !first || !first.text.startsWith(`${heading} `)) return units;
	const rest = { where: `${first.where} (after the heading)`, text: first.text.slice(heading.length + 1) };
	return [{ where: first.where, text: heading }, rest, ...units.slice(1)];
}

/** The subjects of the site built under `dir`, from its own data files. */
export function subjectsOfSite(dir: string): TextSubjects {
	const records = (name: string): DataRecord[] => {
		const f = join(dir, 'data', `${name}.json`);
		if (!existsSync(f)) return [];
		return (JSON.parse(readFileSync(f, 'utf8')) as { records?: DataRecord[] }).records ?? [];
	};
	return textSubjects(Object.fromEntries(SUBJECT_DATASETS.map((n) => [n, records(n)])));
}
