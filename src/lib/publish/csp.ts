// The site's Content-Security-Policy, defined once: Base.astro writes it into a <meta> tag on every page
// and ops/nginx.conf (scripts/lib/nginx-conf.ts) sends the same policy as an HTTP header. Neither carries
// hashes: the build emits no inline <script> or <style> (scripts/check-dist.ts refuses them), so 'self'
// covers everything the pages load.

/** script-src sources: own bundles, plus WebAssembly compilation for Pagefind's search index. */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/** style-src sources: own stylesheets only (never 'unsafe-inline'). */
export const STYLE_SOURCES = ["'self'"] as const;

/**
 * The other directives, valid both in a <meta> tag and in a header. Pagefind 1.6 starts its search
 * worker from /pagefind/pagefind-worker.js (no blob: URL in the shipped pagefind.js) and fetches its
 * index from /pagefind/. The site draws its own search UI, so the data: icon of Pagefind's
 * component UI stylesheet is not needed (that UI would need img-src data:). Chart.js, bundled as a
 * module, needs nothing extra.
 */
export const DIRECTIVES = [
	"default-src 'self'",
	"connect-src 'self'",
	"img-src 'self'",
	"font-src 'self'",
	"worker-src 'self'",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
] as const;

/** Directives that browsers ignore (and complain about) in a <meta> tag: header only. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"] as const;

/** The policy of every page's <meta> tag (Base.astro). */
export function metaPolicy(): string {
	return [...DIRECTIVES, `script-src ${SCRIPT_SOURCES.join(' ')}`, `style-src ${STYLE_SOURCES.join(' ')}`].join('; ');
}

/** The full policy as one header value, e.g. for nginx's `add_header Content-Security-Policy`. */
export function headerPolicy(): string {
	return [metaPolicy(), ...HEADER_ONLY_DIRECTIVES].join('; ');
}

/** Splits a policy string into a map directive → sorted sources (for comparing two policies). */
export function parsePolicy(policy: string): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const part of policy.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
		if (name) out.set(name.toLowerCase(), sources.sort());
	}
	return out;
}
