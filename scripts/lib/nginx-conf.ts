// The nginx server block that serves dist/ (ops/nginx.conf is this text, written by
// scripts/nginx-conf.ts), and the small wrapper the end-to-end tests run it in.
import { gzipSync } from 'node:zlib';
import { headerPolicy } from '#src/lib/publish/csp.ts';

/** Where and as what the site is served. */
export interface SiteServerOptions {
	/** nginx `listen` value, e.g. "80" or "127.0.0.1:8080". */
	listen: string;
	serverName: string;
	/** Absolute path of the deployed dist/. */
	root: string;
	/**
	 * The Content-Security-Policy header value; default: the site's own (src/lib/publish/csp.ts). The national portal
	 * passes its own.
	 */
	policy?: string;
}

/** The values in the shipped ops/nginx.conf; deployers change them there or regenerate with flags. */
export const SHIPPED_SITE: SiteServerOptions = {
	listen: '80',
	serverName: 'zhenggai.example.gov.cn',
	root: '/srv/zhenggai/dist',
};

/**
 * How nginx compresses (gzip_comp_level, gzip_min_length) and which of this site's files it compresses:
 * the extensions of the gzip_types below. The benchmarks count bytes with wireBytes, so their figures
 * are what this configuration sends.
 */
export const GZIP = { level: 6, minLength: 256, extensions: /\.(html|css|js|mjs|json|xml|csv|txt|svg|wasm)$/ } as const;

/** The body bytes nginx sends for a file of this path: gzipped as configured, or as it is. */
export function wireBytes(path: string, body: Uint8Array): number {
	return GZIP.extensions.test(path) && body.length >= GZIP.minLength
		? gzipSync(body, { level: GZIP.level }).length
		: body.length;
}

/** Cache-Control for files whose name changes with their content (Vite's /_astro/, Pagefind's chunks). */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cache-Control for everything else (HTML, data files, feeds): always revalidate, so a rebuild shows at once. */
export const CACHE_REVALIDATE = 'no-cache';

/**
 * The security headers sent with every page, the CSP among them (under SHARED_PREFIXES, CORP is cross-origin instead).
 */
export function securityHeaders(policy = headerPolicy()): [string, string][] {
	return [
		['Content-Security-Policy', policy],
		['X-Content-Type-Options', 'nosniff'],
		['X-Frame-Options', 'DENY'],
		['Referrer-Policy', 'strict-origin-when-cross-origin'],
		['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
		['Cross-Origin-Opener-Policy', 'same-origin'],
		['Cross-Origin-Resource-Policy', 'same-origin'],
	];
}

/**
 * The folders other sites may read from a browser (a national portal, a newsroom's page): data files, feeds and
 * the search index. Responses under them carry `Access-Control-Allow-Origin: *` and
 * `Cross-Origin-Resource-Policy: cross-origin`; every other response keeps CORP same-origin and no CORS header.
 */
export const SHARED_PREFIXES = ['/data/', '/feeds/', '/pagefind/'] as const;

/** The CORS and CORP headers nginx sends for a request path (what the `map` blocks of the config compute). */
export function crossOriginHeaders(path: string): {
	'Access-Control-Allow-Origin'?: string;
	'Cross-Origin-Resource-Policy': string;
} {
	return SHARED_PREFIXES.some((p) => path.startsWith(p))
		? { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' }
		: { 'Cross-Origin-Resource-Policy': 'same-origin' };
}

/** nginx variables holding the CORS and CORP values per request (set by the `map` blocks before the server block). */
const CORS_VAR = '$zhenggai_cors';
const CORP_VAR = '$zhenggai_corp';

/** Extensions whose content type nginx's stock mime.types lacks or gets wrong, with their cache rule. */
const TYPE_OVERRIDES: { pattern: string; type: string; cache: string; why: string }[] = [
	{
		pattern: String.raw`\.(?:pf_meta|pf_index|pf_fragment)$`,
		type: 'application/octet-stream',
		cache: CACHE_IMMUTABLE,
		why: "Pagefind's index chunks (content-hashed names)",
	},
	{
		pattern: String.raw`\.pagefind$`,
		type: 'application/octet-stream',
		cache: CACHE_REVALIDATE,
		why: "Pagefind's WebAssembly (fixed name)",
	},
	{
		pattern: String.raw`^/feeds/.+\.xml$`,
		type: 'application/atom+xml',
		cache: CACHE_REVALIDATE,
		why: 'Atom feeds (stock mime.types says text/xml, which feed readers and browsers take for any XML)',
	},
	{ pattern: String.raw`\.wasm$`, type: 'application/wasm', cache: CACHE_REVALIDATE, why: 'WebAssembly' },
	{
		pattern: String.raw`\.csv$`,
		type: 'text/csv',
		cache: CACHE_REVALIDATE,
		why: 'data downloads (charset=utf-8 added by charset_types; a type with the charset in it would miss gzip_types)',
	},
	{
		pattern: String.raw`\.mjs$`,
		type: 'text/javascript',
		cache: CACHE_REVALIDATE,
		why: 'ES modules (charset added by charset_types)',
	},
];

const q = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;

/** Every location's add_header lines: the security headers (CORP from the map), CORS from the map, Cache-Control. */
function headerLines(cache: string, indent: string, policy: string): string {
	const headers: [string, string][] = securityHeaders(policy).map(([k, v]) => [
		k,
		k === 'Cross-Origin-Resource-Policy' ? CORP_VAR : v,
	]);
	headers.push(['Access-Control-Allow-Origin', CORS_VAR], ['Cache-Control', cache]);
	return headers.map(([k, v]) => `${indent}add_header ${k} ${q(v)} always;`).join('\n');
}

/**
 * The map blocks that give CORS_VAR and CORP_VAR their value per request path (nginx sends no header for an empty
 * value).
 */
function crossOriginMaps(): string {
	const re = `~^/(?:${SHARED_PREFIXES.map((p) => p.slice(1, -1)).join('|')})/`;
	// $request_uri, not $uri: a missing file is answered by an internal redirect to /404.html, which changes $uri, and
	// a script on another site must still read that 404 (and tell it from a network error).
	return `map $request_uri ${CORS_VAR} {\n\t${re} "*";\n\tdefault "";\n}\nmap $request_uri ${CORP_VAR} {\n\t${re} "cross-origin";\n\tdefault "same-origin";\n}`;
}

/** The server block for the site (the text of ops/nginx.conf for the shipped options). */
export function nginxSiteConfig(o: SiteServerOptions = SHIPPED_SITE): string {
	const t = '\t\t';
	const policy = o.policy ?? headerPolicy();
	const overrides = TYPE_OVERRIDES.map(
		(x) =>
			`\t# ${x.why}\n\tlocation ~* ${x.pattern} {\n${t}types { }\n${t}default_type ${q(x.type)};\n${headerLines(x.cache, t, policy)}\n${t}try_files $uri =404;\n\t}`,
	).join('\n');
	return `# 整改公开 — nginx server block serving the built site (dist/).
# Generated by \`npm run nginx-conf\` (scripts/nginx-conf.ts) from scripts/lib/nginx-conf.ts and the
# Content-Security-Policy in src/lib/publish/csp.ts, which the build also puts in every page's <meta>.
# Do not edit by hand: change those files and regenerate (a unit test fails when this file is stale).
# Install: copy to /etc/nginx/conf.d/zhenggai.conf, set root to the deployed dist/, \`nginx -t && nginx -s reload\`.
# HTTPS: add \`listen 443 ssl;\` with ssl_certificate/ssl_certificate_key here (or terminate TLS in
# front), and only then also send Strict-Transport-Security.

# Other sites may read ${SHARED_PREFIXES.join(', ')} from a browser (CORS; a national portal merges the search
# indexes): these maps give every location the header values for the request's path. They belong to the http
# context, as conf.d files are; two server blocks from this generator in one nginx need only one copy of them.
${crossOriginMaps()}

server {
	listen ${o.listen};
	server_name ${o.serverName};
	root ${o.root};
	index index.html;

	server_tokens off;
	# Directory redirects (/tasks → /tasks/) keep the scheme, host and port the reader used.
	absolute_redirect off;
	charset utf-8;
	charset_types text/css text/plain text/xml text/csv text/javascript application/javascript application/json application/xml application/rss+xml application/atom+xml image/svg+xml;

	# Compress on the fly, or send a precompressed file.gz when the build left one next to the file.
	gzip on;
	gzip_static on;
	gzip_vary on;
	gzip_comp_level ${GZIP.level};
	gzip_min_length ${GZIP.minLength};
	gzip_types text/css text/plain text/xml text/csv text/javascript application/javascript application/json application/xml application/rss+xml application/atom+xml image/svg+xml application/wasm;

	# The site's own "not found" page, sent with status 404.
	error_page 404 /404.html;

	# nginx drops inherited add_header lines in any location that sets its own, so every location
	# below repeats the security headers.

	# HTML, data files, feeds, favicon: revalidate on every visit.
	location / {
${headerLines(CACHE_REVALIDATE, t, policy)}
${t}try_files $uri $uri/ =404;
	}

	# Vite's bundles: the file name changes whenever the content does.
	location /_astro/ {
${headerLines(CACHE_IMMUTABLE, t, policy)}
${t}try_files $uri =404;
	}

${overrides}
}
`;
}
