// Runs Debian's nginx with the shipped ops/nginx.conf over a directory, as a foreground child
// process with every writable path in a temporary directory, so the tests see what readers get.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { nginxMainConfig, retarget } from '#tests/support/nginx-harness.ts';

/** Debian's nginx binary. */
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** A running nginx: its base URL and how to stop it. */
export interface RunningNginx {
	baseUrl: string;
	/** The error log so far (for failure messages). */
	errorLog(): string;
	stop(): Promise<void>;
}

function freePort(): Promise<number> {
	return new Promise((ok, fail) => {
		const s = createServer();
		s.once('error', fail);
		s.listen(0, '127.0.0.1', () => {
			const addr = s.address();
			const port = typeof addr === 'object' && addr ? addr.port : 0;
			s.close(() => ok(port));
		});
	});
}

async function waitUntilServing(baseUrl: string, child: ChildProcess, log: () => string): Promise<void> {
	const deadline = Date.now() + 10_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${log()}`);
		try {
			await fetch(baseUrl + '/', { signal: AbortSignal.timeout(1000) });
			return;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	throw new Error(`nginx did not answer at ${baseUrl} within 10 s:\n${log()}`);
}

/** Serves `root` with ops/nginx.conf (listen and root replaced) on a free 127.0.0.1 port. */
export async function startNginx(root: string, confPath = 'ops/nginx.conf'): Promise<RunningNginx> {
	const prefix = mkdtempSync(join(tmpdir(), 'zhenggai-nginx-'));
	const port = await freePort();
	const server = retarget(readFileSync(confPath, 'utf8'), { listen: `127.0.0.1:${port}`, root: resolve(root) });
	const conf = join(prefix, 'nginx.conf');
	// As root (CI), workers would switch to an unprivileged user that may not read the checkout.
	writeFileSync(conf, nginxMainConfig({ prefix, server, asRoot: process.getuid?.() === 0 }));
	const log = () => {
		try {
			return readFileSync(join(prefix, 'error.log'), 'utf8');
		} catch {
			return '';
		}
	};
	let stderr = '';
	const child = spawn(NGINX, ['-p', prefix, '-c', conf, '-e', join(prefix, 'error.log')], {
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	child.stderr!.on('data', (d) => (stderr += String(d)));
	const baseUrl = `http://127.0.0.1:${port}`;
	try {
		await waitUntilServing(baseUrl, child, () => stderr + log());
	} catch (e) {
		child.kill('SIGKILL');
		rmSync(prefix, { recursive: true, force: true });
		throw e;
	}
	return {
		baseUrl,
		errorLog: log,
		stop: () =>
			new Promise((ok) => {
				const done = () => {
					rmSync(prefix, { recursive: true, force: true });
					ok();
				};
				if (child.exitCode !== null) return done();
				child.once('exit', done);
				child.kill('SIGQUIT'); // graceful: the master waits for its worker
				setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5000).unref();
			}),
	};
}
