import { defineConfig } from 'vitest/config';

// Pure logic only: src/lib and src/schemas have no Astro imports, so a plain node environment suffices.
export default defineConfig({
	test: {
		environment: 'node',
		include: ['tests/unit/**/*.test.ts'],
	},
});
