// The shipped ops/nginx.conf against Debian's nginx over a small tree of files of every type the site publishes:
// which responses other sites may read (CORS, CORP), which are compressed, and that the benchmark's byte count
// (wireBytes) is what nginx sends. Independent of the built dist/ (the e2e global setup still builds it).
import { get as httpGet } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GZIP, crossOriginHeaders, wireBytes } from '#scripts/lib/nginx-conf.ts';
import { startNginx, type RunningNginx } from './nginx.ts';

// Text that compresses as real data files do (repeated field values), long enough for gzip_min_length.
const rows = Array.from(
	{ length: 400 },
	(_, i) => `p0001-hkk-${String(i % 50).padStart(2, '0')},焦化企业专项整治,达到序时进度,2020-12-31,太原市`,
).join('\n');
const FILES: Record<string, string> = {
	'index.html': `<!doctype html><html lang="zh-CN"><title>首页</title><p>${rows}</p></html>`,
	'404.html': '<!doctype html><title>未找到</title>',
	'tasks/index.html': `<!doctype html><title>任务</title><p>${rows}</p>`,
	'data/updates.csv': '\uFEFF' + rows,
	'data/tasks.json': JSON.stringify({ records: rows.split('\n') }),
	'feeds/updates.xml': `<?xml version="1.0"?><feed>${rows}</feed>`,
	'pagefind/pagefind.js': `export const x = ${JSON.stringify(rows)};`,
	'pagefind/pagefind-entry.json': JSON.stringify({ version: '1.6.0', rows }),
	'pagefind/pagefind.zh-cn_abc.pf_meta': rows,
	'pagefind/wasm.unknown.pagefind': rows,
	'_astro/app.abc.js': `export const y = ${JSON.stringify(rows)};`,
	'_astro/app.abc.css': `p{color:red}/*${rows}*/`,
	'scripts/x.mjs': `export const z = ${JSON.stringify(rows)};`,
	'favicon.svg': `<svg xmlns="http://www.w3.org/2000/svg"><desc>${rows}</desc></svg>`,
	'robots.txt': rows,
};

let root: string;
let nginx: RunningNginx;

beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'zhenggai-nginx-conf-'));
	for (const [rel, text] of Object.entries(FILES)) {
		mkdirSync(dirname(join(root, rel)), { recursive: true });
		writeFileSync(join(root, rel), text);
	}
	nginx = await startNginx(root);
});
afterAll(async () => {
	await nginx?.stop();
	rmSync(root, { recursive: true, force: true });
});

/** The response headers and the body bytes as they came over the wire (node:http does not decompress). */
function fetchRaw(
	path: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: number }> {
	return new Promise((ok, fail) => {
		httpGet(
			nginx.baseUrl + path,
			{ headers: { 'accept-encoding': 'gzip', origin: 'https://portal.example.gov.cn' } },
			(res) => {
				let bytes = 0;
				res.on('data', (d: Buffer) => (bytes += d.length));
				res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
				res.on('error', fail);
			},
		).on('error', fail);
	});
}

describe('ops/nginx.conf served by nginx', () => {
	it.each([
		'/data/updates.csv',
		'/data/tasks.json',
		'/feeds/updates.xml',
		'/pagefind/pagefind.js',
		'/pagefind/pagefind-entry.json',
		'/pagefind/pagefind.zh-cn_abc.pf_meta',
		'/pagefind/wasm.unknown.pagefind',
	])('%s may be read by other sites (CORS *, CORP cross-origin)', async (path) => {
		const r = await fetchRaw(path);
		expect(r.status).toBe(200);
		expect(r.headers['access-control-allow-origin']).toBe('*');
		expect(r.headers['cross-origin-resource-policy']).toBe('cross-origin');
		expect(crossOriginHeaders(path)['Access-Control-Allow-Origin']).toBe('*');
	});

	it.each(['/', '/tasks/', '/_astro/app.abc.js', '/favicon.svg', '/no-such-page/'])(
		'%s stays same-origin (no CORS header, CORP same-origin)',
		async (path) => {
			const r = await fetchRaw(path);
			expect(r.headers['access-control-allow-origin']).toBeUndefined();
			expect(r.headers['cross-origin-resource-policy']).toBe('same-origin');
			expect(crossOriginHeaders(path)['Access-Control-Allow-Origin']).toBeUndefined();
		},
	);

	it.each(['/data/no-such-file.csv', '/feeds/tasks/no-such-task.xml', '/pagefind/no-such-chunk.pf_meta'])(
		'%s: a missing file under a shared folder is a 404 that other sites may still read',
		async (path) => {
			const r = await fetchRaw(path);
			expect(r.status).toBe(404);
			expect(r.headers['access-control-allow-origin']).toBe('*');
			expect(r.headers['cross-origin-resource-policy']).toBe('cross-origin');
		},
	);

	it('sends feeds as application/atom+xml; charset=utf-8, gzipped', async () => {
		const r = await fetchRaw('/feeds/updates.xml');
		expect(r.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
		expect(r.headers['content-encoding']).toBe('gzip');
	});

	it('sends the CSV files gzipped as text/csv; charset=utf-8, several times smaller than the file', async () => {
		const r = await fetchRaw('/data/updates.csv');
		expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
		expect(r.headers['content-encoding']).toBe('gzip');
		expect(r.bytes).toBeLessThan(Buffer.byteLength(FILES['data/updates.csv']!) / 5);
	});

	it('sends ES modules gzipped as text/javascript; charset=utf-8', async () => {
		const r = await fetchRaw('/scripts/x.mjs');
		expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
		expect(r.headers['content-encoding']).toBe('gzip');
	});

	it.each(Object.keys(FILES).filter((f) => f !== '404.html'))(
		'/%s: the benchmark counts what nginx sends (compressed or not, within 3%)',
		async (rel) => {
			const path = '/' + rel.replace(/index\.html$/, '');
			const r = await fetchRaw(path);
			expect(r.status).toBe(200);
			const body = Buffer.from(FILES[rel]!);
			const compressed = GZIP.extensions.test(rel);
			expect(r.headers['content-encoding'], `${rel} compressed`).toBe(compressed ? 'gzip' : undefined);
			const expected = wireBytes(rel, body);
			expect(Math.abs(r.bytes - expected) / expected, `${r.bytes} bytes sent, wireBytes says ${expected}`).toBeLessThan(
				0.03,
			);
		},
	);
});
