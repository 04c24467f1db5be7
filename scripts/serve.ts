#!/usr/bin/env node
// A minimal static file server for dist/ (tests and local preview); production uses ops/nginx.conf.
import { createServer, type Server, type ServerResponse } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { isWithin } from '#src/lib/content/paths.ts';
import { exit } from './lib/cli.ts';

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
			if (existsSync(notFound)) send(notFound, res);
			else res.end('404');
			return;
		}
		res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
		send(path, res);
	});
	// A port already taken rejects (the command says so) instead of crashing the process with an 'error' event.
	return new Promise((ok, fail) => {
		server.once('error', fail);
		server.listen(port, '127.0.0.1', () => ok(server));
	});
}

/** Streams a file as the response; a file that cannot be read (removed meanwhile, no permission) ends it. */
function send(path: string, res: ServerResponse): void {
	createReadStream(path)
		.on('error', () => res.destroy())
		.pipe(res);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const port = Number(process.env.PORT ?? 4321);
	const dir = process.argv[2] ?? 'dist';
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		console.error(`PORT=${process.env.PORT} 不是端口号：应为 0–65535 的整数，如 PORT=4322 npm run preview / bad port`);
		exit(2);
	}
	if (!existsSync(dir) || !statSync(dir).isDirectory()) {
		console.error(`找不到网站目录 ${dir}/：先运行 npm run build 生成网站 / no such folder`);
		exit(1);
	}
	const server = await serveDir(dir, port).catch((e: NodeJS.ErrnoException) => {
		if (e.code !== 'EADDRINUSE' && e.code !== 'EACCES') throw e;
		console.error(
			`端口 ${port} ${e.code === 'EADDRINUSE' ? '已被占用（可能已有一个预览在运行）' : '不允许使用'}：换一个端口，如 PORT=${port + 1} npm run preview / port unavailable`,
		);
		exit(1);
	});
	const addr = server.address();
	console.log(`serving ${dir}/ at http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : port}/`);
}
