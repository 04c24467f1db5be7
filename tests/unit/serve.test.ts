import { spawnSync } from 'node:child_process';
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

describe('npm run preview as a person meets it', { timeout: 60_000 }, () => {
	const preview = (env: Record<string, string>, dir = join(tmp, 'dist')) =>
		spawnSync(process.execPath, ['scripts/serve.ts', dir], { env: { ...process.env, ...env }, encoding: 'utf8' });
	it('a port already taken is one sentence naming the port and another to use, not a stack trace', () => {
		const r = preview({ PORT: String(port) });
		expect(r.status).toBe(1);
		expect(r.stderr).toBe(
			`端口 ${port} 已被占用（可能已有一个预览在运行）：换一个端口，如 PORT=${port + 1} npm run preview / port unavailable\n`,
		);
	});
	it('a missing folder and a malformed PORT are messages too', () => {
		const missing = preview({ PORT: '0' }, join(tmp, 'no-such-dist'));
		expect(missing.status).toBe(1);
		expect(missing.stderr).toContain('找不到网站目录');
		const bad = preview({ PORT: 'abc' });
		expect(bad.status).toBe(2);
		expect(bad.stderr).toContain('PORT=abc 不是端口号');
	});
});
