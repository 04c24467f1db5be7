// What the post-build checker needs to know about one HTML page, read in a single streaming pass.
import { Parser } from 'htmlparser2';

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
	};
	let inTitle = false;
	let title = '';
	const parser = new Parser(
		{
			onopentag(name, attrs) {
				if (name === 'html') facts.lang = attrs.lang;
				if (name === 'title') {
					inTitle = true;
					title = '';
				}
				if (name === 'h1') facts.h1Count += 1;
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
			},
			onclosetag(name) {
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
