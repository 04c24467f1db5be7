// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { contentGate } from './src/integrations/content-gate.ts';
import { astroCsp } from './src/lib/csp.ts';
import { escapeRawHtml } from './src/integrations/escape-raw-html.ts';

export default defineConfig({
	site: process.env.SITE_URL || 'https://zhenggai.example.gov.cn',
	trailingSlash: 'always',
	build: { format: 'directory' },
	integrations: [contentGate(), mdx()],
	devToolbar: { enabled: false },
	// One policy for the <meta> tag (here) and the HTTP header (ops/nginx.conf): src/lib/csp.ts.
	security: { csp: astroCsp() },
	// Raw HTML in Markdown content is shown as text; no Shiki (its inline styles break the CSP).
	markdown: { syntaxHighlight: false, processor: satteri({ mdastPlugins: [escapeRawHtml] }) },
	// Inside the checkout (not node_modules/.astro) so parallel worktrees sharing node_modules never share a cache.
	cacheDir: './.cache/astro',
});
