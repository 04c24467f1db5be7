import { execFileSync } from 'node:child_process';
import type { Server } from 'node:http';
import type { TestProject } from 'vitest/node';
import { serveDir } from '../../scripts/serve.ts';

/** The as-of date of the test build: fixed, so the tests see the same figures on any day. */
export const E2E_AS_OF = '2021-06-30';
let server: Server | undefined;

export default async function setup(project: TestProject) {
	if (!process.env.E2E_SKIP_BUILD) {
		console.log(`[e2e] building the site as of ${E2E_AS_OF} …`);
		execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
			stdio: 'inherit',
			env: { ...process.env, AS_OF: E2E_AS_OF, ASTRO_TELEMETRY_DISABLED: '1' },
		});
	}
	server = await serveDir('dist', 0);
	const addr = server.address();
	const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
	project.provide('baseUrl', base);
	project.provide('asOf', E2E_AS_OF);
	return async () => {
		await new Promise((ok) => server?.close(ok));
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		asOf: string;
	}
}
