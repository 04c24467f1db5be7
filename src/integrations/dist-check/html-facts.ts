// What the post-build checker needs to know about one HTML page, read in a single streaming pass.
import { Parser } from 'htmlparser2';
import { BASIS_ATTR } from '#src/lib/model/basis.ts';

/** A URL-valued attribute found in a page (href, src, srcset entry, action …). */
export interface LinkRef {
	tag: string;
	attr: string;
	value: string;
}

/** Facts about one HTML page. */
export interface PageFacts {
	lang: string | undefined;
	titles: string[];
	canonicals: string[];
	h1Count: number;
	ids: Set<string>;
	duplicateIds: string[];
	links: LinkRef[];
	/** <script> elements with inline code (JSON data blocks excluded): blocked by the header CSP. */
	inlineScripts: number;
	/** <style> elements: blocked by the header CSP. */
	inlineStyles: number;
	/** style="" attributes: blocked without 'unsafe-inline'. */
	styleAttrs: number;
	/** on…="" event-handler attributes (onclick, onload …). */
	handlerAttrs: string[];
	/** content of every <meta http-equiv="content-security-policy">. */
	cspMetas: string[];
	/** Every element that renders a judgment (a status or warning badge, or anything with data-basis), with its text. */
	judgments: JudgmentFact[];
	/** data-subject-basis of the page (the basis of the record the page is about), if it declares one. */
	subjectBasis: string | undefined;
}

/** One judgment element of a page: its markup as written (for the report), its data-basis and its visible text. */
export interface JudgmentFact {
	tag: string;
	className: string;
	basis: string | undefined;
	text: string;
	/** Inside a legend (data-legend): a key explaining the badges, not a judgment about a record. */
	legend: boolean;
}

/** True when an element is a judgment: a status badge (badge s-…), a warning (warn w-…) or anything with data-basis. */
function isJudgmentElement(attrs: Record<string, string>): boolean {
	if (attrs[BASIS_ATTR] !== undefined) return true;
	const cls = (attrs.class ?? '').split(/\s+/);
	return (
		(cls.includes('badge') && cls.some((c) => c.startsWith('s-'))) ||
		(cls.includes('warn') && cls.some((c) => c.startsWith('w-')))
	);
}

// Attributes that hold a URL, by element ('*' = any element).
const URL_ATTRS: Record<string, string[]> = {
	a: ['href'],
	area: ['href'],
	link: ['href'],
	script: ['src'],
	img: ['src', 'srcset'],
	source: ['src', 'srcset'],
	video: ['src', 'poster'],
	audio: ['src'],
	track: ['src'],
	iframe: ['src'],
	embed: ['src'],
	object: ['data'],
	form: ['action'],
	use: ['href', 'xlink:href'],
	image: ['href', 'xlink:href'],
};
const DATA_SCRIPT_TYPES = new Set(['application/json', 'application/ld+json']);

/** The URLs of a srcset attribute ("a.png 1x, b.png 2x" → [a.png, b.png]). */
export function srcsetUrls(srcset: string): string[] {
	return srcset
		.split(',')
		.map((part) => part.trim().split(/\s+/)[0] ?? '')
		.filter(Boolean);
}

/** Reads lang, titles, canonical links, h1 count, ids, URL attributes and CSP-relevant markup from HTML. */
export function pageFacts(html: string): PageFacts {
	const facts: PageFacts = {
		lang: undefined,
		titles: [],
		canonicals: [],
		h1Count: 0,
		ids: new Set(),
		duplicateIds: [],
		links: [],
		inlineScripts: 0,
		inlineStyles: 0,
		styleAttrs: 0,
		handlerAttrs: [],
		cspMetas: [],
		judgments: [],
		subjectBasis: undefined,
	};
	let inTitle = false;
	let title = '';
	// Open elements, so text reaches every judgment it is inside; legends (data-legend) exempt what they contain.
	const open: { name: string; judgment?: JudgmentFact; legend: boolean }[] = [];
	const parser = new Parser(
		{
			onopentag(name, attrs) {
				if (name === 'html') facts.lang = attrs.lang;
				if (name === 'title') {
					inTitle = true;
					title = '';
				}
				if (name === 'h1') facts.h1Count += 1;
				const legend = attrs['data-legend'] !== undefined || (open.at(-1)?.legend ?? false);
				const judgment = isJudgmentElement(attrs)
					? { tag: name, className: attrs.class ?? '', basis: attrs[BASIS_ATTR], text: '', legend }
					: undefined;
				if (judgment) facts.judgments.push(judgment);
				if (attrs['data-subject-basis'] !== undefined) facts.subjectBasis = attrs['data-subject-basis'];
				open.push({ name, judgment, legend }); // htmlparser2 closes void elements (br, img …) at once
				if (name === 'style') facts.inlineStyles += 1;
				if (name === 'script' && attrs.src === undefined && !DATA_SCRIPT_TYPES.has((attrs.type ?? '').toLowerCase()))
					facts.inlineScripts += 1;
				if (name === 'meta' && attrs['http-equiv']?.toLowerCase() === 'content-security-policy')
					facts.cspMetas.push(attrs.content ?? '');
				const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
				if (name === 'link' && rels.includes('canonical')) facts.canonicals.push(attrs.href ?? '');
				for (const [attr, value] of Object.entries(attrs)) {
					if (attr === 'id') {
						if (facts.ids.has(value)) facts.duplicateIds.push(value);
						facts.ids.add(value);
					} else if (attr === 'style') facts.styleAttrs += 1;
					else if (/^on[a-z]+$/.test(attr)) facts.handlerAttrs.push(`${name}[${attr}]`);
				}
				if (name === 'a' && attrs.name !== undefined) facts.ids.add(attrs.name);
				for (const attr of URL_ATTRS[name] ?? []) {
					const value = attrs[attr];
					if (value === undefined) continue;
					// the canonical link is checked on its own: it must name the page itself
					if (name === 'link' && rels.includes('canonical')) continue;
					if (attr === 'srcset') for (const u of srcsetUrls(value)) facts.links.push({ tag: name, attr, value: u });
					else facts.links.push({ tag: name, attr, value });
				}
			},
			ontext(text) {
				if (inTitle) title += text;
				for (const o of open) if (o.judgment) o.judgment.text += text;
			},
			onclosetag(name) {
				const i = open.findLastIndex((o) => o.name === name);
				if (i >= 0) open.length = i;
				if (name === 'title' && inTitle) {
					inTitle = false;
					facts.titles.push(title.trim());
				}
			},
		},
		{ decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true },
	);
	parser.write(html);
	parser.end();
	return facts;
}
