import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startNginx, type RunningNginx } from './nginx.ts';

/** The as-of date of the test build: fixed, so the tests see the same figures on any day. */
export const E2E_AS_OF = '2021-06-30';
let nginx: RunningNginx | undefined;

export default async function setup(project: TestProject) {
	if (!process.env.E2E_SKIP_BUILD) {
		console.log(`[e2e] building the site as of ${E2E_AS_OF} …`);
		// The same all-or-nothing build as `npm run build`, with the dist/ checks.
		execFileSync(process.execPath, ['scripts/build.ts'], {
			stdio: 'inherit',
			env: { ...process.env, AS_OF: E2E_AS_OF, ASTRO_TELEMETRY_DISABLED: '1' },
		});
	}
	// Debian's nginx with the shipped ops/nginx.conf: what readers get is what is tested.
	nginx = await startNginx('dist');
	project.provide('baseUrl', nginx.baseUrl);
	project.provide('asOf', E2E_AS_OF);
	return async () => {
		await nginx?.stop();
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		asOf: string;
	}
}
