import { describe, expect, it } from 'vitest';
import { HEADER_ONLY_DIRECTIVES, headerPolicy, metaPolicy, parsePolicy } from '#src/lib/publish/csp.ts';

describe('the site CSP (src/lib/publish/csp.ts)', () => {
	const header = parsePolicy(headerPolicy());

	it('never allows inline code or eval, nor any other origin', () => {
		expect(headerPolicy()).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*|https?:/);
		expect(header.get('default-src')).toEqual(["'self'"]);
		expect(header.get('object-src')).toEqual(["'none'"]);
	});

	it('allows what Pagefind needs and no more: WebAssembly compilation and a worker from the site', () => {
		expect(header.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"].sort());
		expect(header.get('worker-src')).toEqual(["'self'"]);
		expect(header.get('img-src')).toEqual(["'self'"]);
	});

	it('keeps header-only directives (frame-ancestors) out of the <meta> policy, where browsers ignore them', () => {
		const meta = parsePolicy(metaPolicy());
		for (const d of HEADER_ONLY_DIRECTIVES) {
			expect(meta.has(d.split(' ')[0]!)).toBe(false);
			expect(headerPolicy()).toContain(d);
		}
		expect([...meta]).toEqual([...header].filter(([k]) => !HEADER_ONLY_DIRECTIVES.some((d) => d.startsWith(`${k} `))));
		expect(header.get('frame-ancestors')).toEqual(["'none'"]);
	});

	it('parsePolicy splits directives and sorts their sources', () => {
		const p = parsePolicy("script-src 'self' 'sha256-b' 'sha256-a';style-src 'self'; ");
		expect([...p.keys()]).toEqual(['script-src', 'style-src']);
		expect(p.get('script-src')).toEqual(["'self'", "'sha256-a'", "'sha256-b'"]);
	});
});
