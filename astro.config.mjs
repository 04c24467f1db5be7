// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { contentGate } from './src/integrations/content-gate.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { distCheck } from './src/integrations/dist-check.ts';
import { cspMeta } from './src/integrations/csp-meta.ts';
import { statusStyles } from './src/integrations/status-styles.ts';
import { siteSitemap } from './src/integrations/sitemap.ts';
import { contentCacheDir, incrementalBuild } from './src/integrations/content-cache.ts';

// The check takes the files as they render from the prerenderer that also feeds Pagefind.
const check = distCheck();

export default defineConfig({
	site: process.env.SITE_URL || 'https://zhenggai.example.gov.cn',
	trailingSlash: 'always',
	// No inlined <script>/<style>: the CSP header (ops/nginx.conf) has no hashes, so every script and stylesheet is a
	// file.
	build: { format: 'directory', inlineStylesheets: 'never' },
	vite: { build: { assetsInlineLimit: 0 } },
	// distCheck after pagefindIndex: its last step scans the index Pagefind has just written.
	integrations: [
		contentGate(),
		cspMeta(),
		statusStyles(),
		mdx(),
		siteSitemap(),
		pagefindIndex([check.observer]),
		check,
	],
	devToolbar: { enabled: false },
	// No `security.csp`: Base.astro writes the <meta> policy itself in builds (src/lib/publish/csp.ts, the same policy as
	// the
	// HTTP header in ops/nginx.conf). Astro's option hashed the (empty) bodies of the page's scripts and
	// styles on every page, about 3 s at 10,000 tasks, for hashes the policy does not need: the pages have
	// no inline script or style (scripts/check-dist.ts refuses them).
	// No Shiki: its inline styles break the CSP.
	markdown: { syntaxHighlight: false },
	// Inside the checkout (not node_modules/.astro) so parallel worktrees sharing node_modules never share a cache.
	// One cache per content directory: another tree (CONTENT_DIR) never reuses stale entries
	// (src/integrations/content-cache.ts).
	cacheDir: contentCacheDir(),
	// Opt-in (`node scripts/build.ts --incremental` sets INCREMENTAL_BUILD=1): Astro skips the task pages and feeds whose
	// cache key (src/lib/publish/cache-keys.ts) and code are unchanged and restores them from cacheDir; Pagefind reads
	// them back from the output (src/integrations/pagefind.ts). See docs/scale.md, "Incremental build".
	experimental: { incrementalBuild: incrementalBuild() },
});
