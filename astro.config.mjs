// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { contentGate } from './src/integrations/content-gate.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';

export default defineConfig({
	site: process.env.SITE_URL || 'https://zhenggai.example.gov.cn',
	trailingSlash: 'always',
	build: { format: 'directory' },
	integrations: [contentGate(), mdx(), pagefindIndex()],
	devToolbar: { enabled: false },
	// Never inline small bundled scripts into the page: the CSP forbids inline scripts.
	vite: { build: { assetsInlineLimit: 0 } },
	// Inside the checkout (not node_modules/.astro) so parallel worktrees sharing node_modules never share a cache.
	cacheDir: './.cache/astro',
});
