import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headerPolicy } from '../../src/lib/publish/csp.ts';
import { CACHE_IMMUTABLE, nginxSiteConfig, securityHeaders } from '../../scripts/lib/nginx-conf.ts';
import { nginxMainConfig, retarget } from '../support/nginx-harness.ts';

describe('ops/nginx.conf', () => {
	it('is exactly what `npm run nginx-conf` generates from src/lib (regenerate it after changing the CSP)', () => {
		expect(readFileSync('ops/nginx.conf', 'utf8')).toBe(nginxSiteConfig());
	});

	it('repeats every security header, the CSP first, in every location (nginx does not inherit add_header)', () => {
		const conf = nginxSiteConfig();
		const locations = conf.split(/\n\tlocation /).slice(1);
		expect(locations.length).toBeGreaterThanOrEqual(4);
		for (const block of locations) {
			for (const [name, value] of securityHeaders())
				expect(block, `${name} in location ${block.split('\n')[0]}`).toContain(`add_header ${name} "${value}" always;`);
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
