// @ts-check
// ESLint: correctness rules for TypeScript and Astro, and the borders between the folders of src/lib
// (docs/architecture.md). Formatting is Prettier's job (eslint-config-prettier turns off the style rules).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const NODE_MODULES = { group: ['node:*'], message: 'This folder runs in the browser too: no Node modules.' };
const ZOD = {
	group: ['zod', 'astro/zod', 'astro:*'],
	message: 'This folder runs in the browser too: no zod or Astro modules (the schemas live in src/schemas).',
};
const SCHEMA_VALUES = {
	group: ['**/schemas/*'],
	allowTypeImports: true,
	message: 'Import only types from src/schemas here (the schemas build zod objects).',
};
const TOOLS_MESSAGE = 'Site code never imports the CLIs, their libraries or the tests.';
const TOOLS = [
	{ regex: '^#(scripts|tests)/', message: TOOLS_MESSAGE },
	{
		group: ['**/scripts/lib/**', '**/scripts/*.ts', '!#src/scripts/*.ts', '**/tests/**'],
		message: TOOLS_MESSAGE,
	},
];
// Imports from another folder name it from the top (package.json "imports": #src/…, #scripts/…, #tests/…), so a
// file reads the same wherever it sits and moving it changes only its own imports.
const NO_CLIMB = {
	regex: '^\\.\\./',
	message: 'Import from another folder by its alias (#src/…, #scripts/…, #tests/…), not by climbing ../.',
};
const CONTENT_INTERNALS = {
	group: ['**/lib/content/*'],
	message: 'Pages and components read the content through src/data/site.ts, not the loaders.',
};

export default tseslint.config(
	{
		ignores: ['dist/', '.astro/', '.cache/', 'node_modules/', 'bench-results/', 'public/pagefind/', '**/.*.staging-*/'],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	...astro.configs.recommended,
	prettier,
	{
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'@typescript-eslint/consistent-type-imports': [
				'error',
				{ fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
			],
			'max-len': [
				'error',
				{
					code: 120,
					tabWidth: 2,
					ignoreUrls: true,
					ignoreStrings: true,
					ignoreTemplateLiterals: true,
					ignoreRegExpLiterals: true,
					// Chinese prose in comments and markup is not broken mid-sentence.
					ignorePattern: '[\\u3000-\\u9fff\\uff00-\\uffef]',
				},
			],
		},
	},
	{
		files: ['src/**', 'scripts/**', 'tests/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: [NO_CLIMB] }] },
	},
	{
		// Functions split at their seams (issue #24); generated data is JSON, not code, so nothing is exempt.
		files: ['src/**', 'scripts/**'],
		rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }] },
	},
	{
		files: ['src/lib/model/**', 'src/lib/view/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: [NODE_MODULES, ZOD, SCHEMA_VALUES, ...TOOLS, NO_CLIMB] }] },
	},
	{
		files: ['src/scripts/**'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [NODE_MODULES, ZOD, CONTENT_INTERNALS, ...TOOLS, NO_CLIMB] }],
		},
	},
	{
		files: ['src/pages/**', 'src/components/**', 'src/layouts/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: [CONTENT_INTERNALS, ...TOOLS, NO_CLIMB] }] },
	},
	{
		// Tests edit and read arbitrary JSON and browser objects (Chart.js on a canvas): `any` is the honest type there.
		files: ['tests/**'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' },
	},
	{
		files: ['src/lib/content/**', 'src/lib/publish/**', 'src/lib/search/**', 'src/data/**', 'src/integrations/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: [...TOOLS, NO_CLIMB] }] },
	},
);
