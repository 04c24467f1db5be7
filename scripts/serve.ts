#!/usr/bin/env node
// A minimal static file server for dist/ (tests and local preview); production uses ops/nginx.conf.
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { isWithin } from '#src/lib/content/paths.ts';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm',
	'.pf_meta': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pagefind': 'application/octet-stream',
};

/** Serves `root` on `port` (0 = any free port); resolves with the server once listening. */
export function serveDir(root: string, port = 0): Promise<Server> {
	const base = resolve(root);
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let decoded: string;
		try {
			decoded = decodeURIComponent(url.pathname);
		} catch {
			res.writeHead(400).end();
			return;
		}
		let path = normalize(join(base, decoded));
		if (!isWithin(base, path)) {
			res.writeHead(403).end();
			return;
		}
		if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
		if (!existsSync(path)) {
			const notFound = join(base, '404.html');
			res.writeHead(404, { 'content-type': TYPES['.html']! });
			if (existsSync(notFound)) createReadStream(notFound).pipe(res);
			else res.end('404');
			return;
		}
		res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
		createReadStream(path).pipe(res);
	});
	return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const port = Number(process.env.PORT ?? 4321);
	const dir = process.argv[2] ?? 'dist';
	const server = await serveDir(dir, port);
	const addr = server.address();
	console.log(`serving ${dir}/ at http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : port}/`);
}
