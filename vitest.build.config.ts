import { defineConfig } from 'vitest/config';

// Whole builds through scripts/build.ts (robustness, reproducibility): slow, so one file at a time.
export default defineConfig({
	test: {
		environment: 'node',
		include: ['tests/build/**/*.test.ts'],
		testTimeout: 240_000,
		hookTimeout: 60_000,
		fileParallelism: false,
	},
});
