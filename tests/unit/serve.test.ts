import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveDir } from '#scripts/serve.ts';

const tmp = mkdtempSync(join(tmpdir(), 'zg-serve-'));
mkdirSync(join(tmp, 'dist'));
mkdirSync(join(tmp, 'dist-x'));
writeFileSync(join(tmp, 'dist', 'index.html'), '<h1>首页</h1>');
writeFileSync(join(tmp, 'dist-x', 'secret.txt'), 'outside');
const server = await serveDir(join(tmp, 'dist'), 0);
const port = (server.address() as { port: number }).port;
afterAll(() => {
	server.close();
	rmSync(tmp, { recursive: true, force: true });
});

/** Sends a raw request path (no client-side normalisation) and returns status and body. */
function get(path: string): Promise<{ status: number; body: string }> {
	return new Promise((ok, fail) => {
		const req = request({ host: '127.0.0.1', port, path }, (res) => {
			let body = '';
			res.on('data', (d: Buffer) => (body += d));
			res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
		});
		req.on('error', fail);
		req.end();
	});
}

describe('scripts/serve.ts (npm run preview)', () => {
	it('serves the directory', async () => {
		expect(await get('/')).toEqual({ status: 200, body: '<h1>首页</h1>' });
	});
	it('refuses a path that climbs into a sibling directory sharing its name prefix', async () => {
		const r = await get('/..%2fdist-x/secret.txt');
		expect(r.status).toBe(403);
		expect(r.body).not.toContain('outside');
	});
	it('answers a malformed escape with 400 and keeps serving', async () => {
		expect((await get('/%E0%A4%A')).status).toBe(400);
		expect((await get('/')).status).toBe(200);
	});
});
