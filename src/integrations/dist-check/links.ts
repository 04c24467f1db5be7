// Link resolution for the post-build checker: where a link in a built page points inside dist/.

/** The URL path a file in dist/ is served at ("tasks/index.html" → "/tasks/", "404.html" → "/404.html"). */
export function urlPathOf(file: string): string {
	const f = file.split('\\').join('/').replace(/^\/+/, '');
	if (f === 'index.html') return '/';
	if (f.endsWith('/index.html')) return `/${f.slice(0, -'index.html'.length)}`;
	return `/${f}`;
}

/** A link classified: inside the site (with decoded path and fragment), elsewhere, or not followable. */
export type ResolvedLink =
	| { kind: 'internal'; path: string; fragment: string | undefined }
	| { kind: 'external'; url: string }
	| { kind: 'other'; scheme: string }
	| { kind: 'invalid'; reason: string };

/** Resolves `href` as written on the page at `pagePath` of the site at `origin` (e.g. https://x.gov.cn). */
export function resolveLink(href: string, pagePath: string, origin: string): ResolvedLink {
	const value = href.trim();
	let url: URL;
	try {
		url = new URL(value, origin + pagePath);
	} catch {
		return { kind: 'invalid', reason: 'not a valid URL' };
	}
	if (url.protocol === 'javascript:') return { kind: 'invalid', reason: 'javascript: URLs are blocked by the CSP' };
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'other', scheme: url.protocol };
	if (url.origin !== origin) return { kind: 'external', url: url.href };
	let path: string;
	try {
		path = decodeURIComponent(url.pathname);
	} catch {
		return { kind: 'invalid', reason: 'bad percent-encoding in the path' };
	}
	const hashIndex = value.indexOf('#');
	let fragment: string | undefined;
	if (hashIndex >= 0) {
		const raw = value.slice(hashIndex + 1);
		try {
			fragment = decodeURIComponent(raw);
		} catch {
			return { kind: 'invalid', reason: 'bad percent-encoding in the fragment' };
		}
	}
	return { kind: 'internal', path, fragment };
}

/** Where an internal path lands in dist/: the file served, or why there is none. */
export type Target = { ok: true; file: string } | { ok: false; reason: string };

/**
 * The dist-relative file served for `path`, given the set of files in dist/ (relative, "/"-separated).
 * A directory without its trailing slash counts as broken: the site uses trailingSlash 'always',
 * so such a link costs every reader a redirect and signals a typo.
 */
export function targetOf(path: string, files: ReadonlySet<string>): Target {
	const rel = path.replace(/^\/+/, '');
	if (path.endsWith('/')) {
		const file = `${rel}index.html`;
		return files.has(file) ? { ok: true, file } : { ok: false, reason: 'no such page' };
	}
	if (files.has(rel)) return { ok: true, file: rel };
	if (files.has(`${rel}/index.html`)) return { ok: false, reason: `missing trailing slash (use "${path}/")` };
	return { ok: false, reason: 'no such file' };
}
