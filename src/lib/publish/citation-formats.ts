/**
 * The citation formats: GB/T 7714-2015 text, BibTeX, RIS and CSL-JSON, written from plain parts. The task page's cite
 * block runs them in the browser to re-cite at the month end a reader picks, so this module imports nothing: the
 * status at each month end is on the page already, and the model (with its holiday table) stays on the server.
 */

/** What a citation names. */
export interface CitationParts {
	/** The site's name (the container: 整改公开). */
	siteName: string;
	/** Responsible author: the publishing body from settings, or the site's name while that is a placeholder. */
	author: string;
	/** Task number as the plan writes it (回头看第02号); absent for the dataset. */
	number?: string;
	title: string;
	/** The date whose state is cited (YYYY-MM-DD). */
	date: string;
	/** The status label at that date; absent for the dataset. */
	status?: string;
	/** The date the reader looked it up (GB/T 7714's [引用日期]). */
	accessed: string;
	/** A URL that shows the cited state: pinned to the date when the site keeps a snapshot of it. */
	url: string;
	/** GB/T 7714 document type: EB/OL (online resource) or DS/OL (online dataset). */
	kind: 'EB/OL' | 'DS/OL';
	/** The record is an illustrative sample, not official information (said inside every format). */
	sample: boolean;
	/** Stable key for BibTeX/CSL ids. */
	key: string;
}

/** The words a citation carries when its record is a sample. */
export const SAMPLE_FLAG = '示例数据，非官方信息';

/** The full title a citation gives: number, title, and the state at the date (and the sample flag first). */
export function citedTitle(c: CitationParts): string {
	const flag = c.sample ? `【${SAMPLE_FLAG}】` : '';
	const name = c.number ? `${c.number}：${c.title}` : c.title;
	return `${flag}${name}${c.status ? `：截至${c.date}状态为${c.status}` : ''}`;
}

/**
 * GB/T 7714-2015 text for an online resource: 主要责任者. 题名[EB/OL]. (更新或修改日期)[引用日期]. 获取和访问路径.
 * The title carries the status at the cited date and, for samples, the sample flag.
 */
export function citationText(c: CitationParts): string {
	return `${c.author}. ${citedTitle(c)}[${c.kind}]. (${c.date})[${c.accessed}]. ${c.url}.`;
}

/** A note with the state and provenance, for the formats that have no title suffix convention. */
function citationNote(c: CitationParts): string {
	const parts = [c.status ? `截至 ${c.date} 的整改状态：${c.status}` : `数据截至 ${c.date}`];
	if (c.sample) parts.push(SAMPLE_FLAG);
	return parts.join('；');
}

const bibEscape = (s: string) =>
	s
		.replace(/[\\{}]/g, (ch) => `\\${ch}`)
		.replace(/[&%$#_]/g, (ch) => `\\${ch}`)
		.replace(/[~^]/g, (ch) => `\\${ch}{}`);

/** BibTeX (@misc, biblatex-friendly urldate), the author braced as one corporate name. */
export function citationBibTeX(c: CitationParts): string {
	const [y, m] = c.date.split('-');
	const fields: [string, string][] = [
		['author', `{${bibEscape(c.author)}}`],
		['title', `{${bibEscape(citedTitle(c))}}`],
		['year', y ?? ''],
		['month', String(Number(m))],
		['date', c.date],
		['url', c.url],
		['urldate', c.accessed],
		['howpublished', `\\url{${c.url}}`],
		['note', bibEscape(citationNote(c))],
		['language', 'chinese'],
	];
	return `@misc{${c.key.replace(/[^A-Za-z0-9_-]/g, '-')},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}`;
}

/** RIS (ELEC for a web page, DATA for the dataset); one tag per line, ending with ER. */
export function citationRis(c: CitationParts): string {
	const slash = (d: string) => d.replaceAll('-', '/');
	const clean = (s: string) => s.replace(/[\r\n]+/g, ' ');
	const lines = [
		['TY', c.kind === 'DS/OL' ? 'DATA' : 'ELEC'],
		['AU', c.author],
		['TI', citedTitle(c)],
		['PY', c.date.slice(0, 4)],
		['DA', slash(c.date)],
		['Y2', slash(c.accessed)],
		['UR', c.url],
		['N1', citationNote(c)],
		['LA', 'zh-CN'],
		['ER', ''],
	];
	return lines.map(([k, v]) => `${k}  - ${clean(v ?? '')}`.trimEnd()).join('\r\n') + '\r\n';
}

/** CSL-JSON (one item in an array, as citation managers import it). */
export function citationCsl(c: CitationParts): Record<string, unknown>[] {
	const parts = (d: string) => [d.split('-').map(Number)];
	return [
		{
			id: c.key,
			type: c.kind === 'DS/OL' ? 'dataset' : 'webpage',
			title: citedTitle(c),
			author: [{ literal: c.author }],
			'container-title': c.siteName,
			issued: { 'date-parts': parts(c.date) },
			accessed: { 'date-parts': parts(c.accessed) },
			URL: c.url,
			note: citationNote(c),
			language: 'zh-CN',
		},
	];
}

/** The citation formats offered, with their labels and how each is written. */
export const CITATION_FORMATS = [
	{ key: 'gbt', label: 'GB/T 7714-2015', format: citationText },
	{ key: 'bibtex', label: 'BibTeX', format: citationBibTeX },
	{ key: 'ris', label: 'RIS', format: citationRis },
	{ key: 'csl', label: 'CSL-JSON', format: (c: CitationParts) => JSON.stringify(citationCsl(c)) },
] as const;

/** One of the citation formats: its key, its label and how it is written. */
export type CitationFormat = (typeof CITATION_FORMATS)[number];
