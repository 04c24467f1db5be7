// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { contentGate } from './src/integrations/content-gate.ts';

export default defineConfig({
	site: process.env.SITE_URL || 'https://zhenggai.example.gov.cn',
	trailingSlash: 'always',
	build: { format: 'directory' },
	integrations: [contentGate(), mdx()],
	devToolbar: { enabled: false },
});
