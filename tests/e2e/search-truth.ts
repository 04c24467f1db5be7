// Ground truth for search tests: the text Pagefind is asked to index, read from the built HTML.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Parser } from 'htmlparser2';

const VOID = new Set([
	'area',
	'base',
	'br',
	'col',
	'embed',
	'hr',
	'img',
	'input',
	'link',
	'meta',
	'source',
	'track',
	'wbr',
]);

/** Text inside data-pagefind-body, without data-pagefind-ignore subtrees, for one HTML document ('' if not indexed). */
export function indexedText(html: string): string {
	let body = 0; // depth inside the body element (0 = outside)
	let ignore = 0; // depth inside an ignored element
	let depth = 0;
	let bodyAt = -1;
	let ignoreAt = -1;
	const out: string[] = [];
	const parser = new Parser(
		{
			onopentag(name, attrs) {
				if (VOID.has(name)) return;
				depth++;
				if (bodyAt < 0 && 'data-pagefind-body' in attrs) bodyAt = depth;
				if (ignoreAt < 0 && 'data-pagefind-ignore' in attrs) ignoreAt = depth;
				body = bodyAt > 0 ? 1 : 0;
				ignore = ignoreAt > 0 ? 1 : 0;
			},
			ontext(text) {
				if (body && !ignore) out.push(text);
			},
			onclosetag(name) {
				if (VOID.has(name)) return;
				if (depth === ignoreAt) ignoreAt = -1;
				if (depth === bodyAt) bodyAt = -1;
				depth--;
				body = bodyAt > 0 ? 1 : 0;
				ignore = ignoreAt > 0 ? 1 : 0;
			},
		},
		{ decodeEntities: true },
	);
	parser.write(html);
	parser.end();
	return out.join('');
}

/** Indexed text of every page of a built site, keyed by URL path (/tasks/hkk-02/). */
export function indexedPages(dist: string): Map<string, string> {
	const pages = new Map<string, string>();
	const walk = (dir: string) => {
		for (const e of readdirSync(dir, { withFileTypes: true })) {
			const p = join(dir, e.name);
			if (e.isDirectory()) walk(p);
			else if (e.name === 'index.html') {
				const text = indexedText(readFileSync(p, 'utf8'));
				if (text.trim())
					pages.set(
						'/' +
							relative(dist, dir)
								.split(sep)
								.filter(Boolean)
								.map((s) => s + '/')
								.join(''),
						text,
					);
			}
		}
	};
	walk(dist);
	return pages;
}

/** The pages whose indexed text contains the term verbatim. */
export function pagesContaining(pages: ReadonlyMap<string, string>, term: string): string[] {
	return [...pages]
		.filter(([, text]) => text.includes(term))
		.map(([url]) => url)
		.sort();
}
