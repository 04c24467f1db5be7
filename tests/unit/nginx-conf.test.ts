import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headerPolicy } from '#src/lib/publish/csp.ts';
import {
	CACHE_IMMUTABLE,
	SHARED_PREFIXES,
	crossOriginHeaders,
	nginxSiteConfig,
	securityHeaders,
} from '#scripts/lib/nginx-conf.ts';
import { nginxMainConfig, retarget } from '#tests/support/nginx-harness.ts';

describe('ops/nginx.conf', () => {
	it('is exactly what `npm run nginx-conf` generates from src/lib (regenerate it after changing the CSP)', () => {
		expect(readFileSync('ops/nginx.conf', 'utf8')).toBe(nginxSiteConfig());
	});

	it('repeats every security header, the CSP first, in every location (nginx does not inherit add_header)', () => {
		const conf = nginxSiteConfig();
		const locations = conf.split(/\n\tlocation /).slice(1);
		expect(locations.length).toBeGreaterThanOrEqual(4);
		for (const block of locations) {
			for (const [name, value] of securityHeaders()) {
				// CORP comes from the map (same-origin except under SHARED_PREFIXES).
				const sent = name === 'Cross-Origin-Resource-Policy' ? '$zhenggai_corp' : value;
				expect(block, `${name} in location ${block.split('\n')[0]}`).toContain(`add_header ${name} "${sent}" always;`);
			}
			expect(block).toContain('add_header Access-Control-Allow-Origin "$zhenggai_cors" always;');
			expect(block).toMatch(/add_header Cache-Control "[^"]+" always;/);
		}
		expect(conf).toContain(`add_header Content-Security-Policy "${headerPolicy()}" always;`);
	});

	it('caches /_astro/ for a year, serves Pagefind files as octet-stream and .wasm as application/wasm, and has the 404 page', () => {
		const conf = nginxSiteConfig();
		expect(conf).toMatch(new RegExp(`location /_astro/ \\{[^}]*Cache-Control "${CACHE_IMMUTABLE}"`));
		expect(conf).toMatch(
			/location ~\* \\\.\(\?:pf_meta\|pf_index\|pf_fragment\)\$ \{\n\t\ttypes \{ \}\n\t\tdefault_type "application\/octet-stream";/,
		);
		expect(conf).toMatch(
			/location ~\* \\\.pagefind\$ \{\n\t\ttypes \{ \}\n\t\tdefault_type "application\/octet-stream";/,
		);
		expect(conf).toMatch(/location ~\* \\\.wasm\$ \{\n\t\ttypes \{ \}\n\t\tdefault_type "application\/wasm";/);
		expect(conf).toContain('error_page 404 /404.html;');
		expect(conf).toMatch(/gzip on;[\s\S]*gzip_static on;/);
	});

	it('maps exactly /data/, /feeds/ and /pagefind/ to CORS * and CORP cross-origin, everything else to same-origin', () => {
		const conf = nginxSiteConfig();
		expect(conf).toContain('map $request_uri $zhenggai_cors {\n\t~^/(?:data|feeds|pagefind)/ "*";\n\tdefault "";\n}');
		expect(conf).toContain(
			'map $request_uri $zhenggai_corp {\n\t~^/(?:data|feeds|pagefind)/ "cross-origin";\n\tdefault "same-origin";\n}',
		);
		expect(conf.indexOf('map $uri')).toBeLessThan(conf.indexOf('server {'));
		expect(SHARED_PREFIXES).toEqual(['/data/', '/feeds/', '/pagefind/']);
		expect(crossOriginHeaders('/data/tasks.csv')).toEqual({
			'Access-Control-Allow-Origin': '*',
			'Cross-Origin-Resource-Policy': 'cross-origin',
		});
		expect(crossOriginHeaders('/database/')).toEqual({ 'Cross-Origin-Resource-Policy': 'same-origin' });
		expect(crossOriginHeaders('/tasks/')).toEqual({ 'Cross-Origin-Resource-Policy': 'same-origin' });
	});

	it('serves CSV and ES modules with a bare type (charset_types adds the charset), so gzip_types matches them', () => {
		const conf = nginxSiteConfig();
		expect(conf).toMatch(/location ~\* \\\.csv\$ \{\n\t\ttypes \{ \}\n\t\tdefault_type "text\/csv";/);
		expect(conf).not.toMatch(/default_type "[^"]*charset/);
		const charsetTypes = /charset_types ([^;]+);/.exec(conf)![1]!.split(' ');
		const gzipTypes = /gzip_types ([^;]+);/.exec(conf)![1]!.split(' ');
		for (const t of ['text/csv', 'text/javascript']) {
			expect(charsetTypes).toContain(t);
			expect(gzipTypes).toContain(t);
		}
	});

	it('takes another Content-Security-Policy for every location when given one (the national portal)', () => {
		const conf = nginxSiteConfig({
			listen: '80',
			serverName: 'portal',
			root: '/srv/portal',
			policy: "default-src 'self'; connect-src 'self' https://a.example",
		});
		const locations = conf.split(/\n\tlocation /).slice(1);
		for (const block of locations)
			expect(block).toContain(
				`add_header Content-Security-Policy "default-src 'self'; connect-src 'self' https://a.example" always;`,
			);
	});

	it('retarget replaces listen and root, and refuses a config without exactly one of each', () => {
		const out = retarget(nginxSiteConfig(), { listen: '127.0.0.1:9999', root: '/tmp/site' });
		expect(out).toContain('\tlisten 127.0.0.1:9999;\n');
		expect(out).toContain('\troot /tmp/site;\n');
		expect(out).not.toContain('/srv/zhenggai/dist');
		expect(() => retarget('server { root /x; }', { listen: '1', root: '/y' })).toThrow(/one "listen"/);
	});

	it('the test wrapper keeps every writable path under its prefix', () => {
		const main = nginxMainConfig({ prefix: '/tmp/p', server: 'server {}' });
		for (const line of main.split('\n').filter((l) => /(_path|pid|error_log|access_log) /.test(l)))
			expect(line).toContain('/tmp/p/');
		expect(main).toContain('daemon off;');
		expect(main).not.toContain('user root;');
		expect(nginxMainConfig({ prefix: '/tmp/p', server: '', asRoot: true })).toMatch(/^user root;/);
	});
});
