import { defineConfig } from 'vitest/config';

// Browser tests against the built site; the global setup builds dist/ once with a fixed as-of date.
export default defineConfig({
	test: {
		environment: 'node',
		include: ['tests/e2e/**/*.test.ts'],
		globalSetup: ['tests/e2e/global-setup.ts'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		fileParallelism: false,
	},
});
