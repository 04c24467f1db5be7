import type { AstroIntegration } from 'astro';

/**
 * Tells Base.astro whether to write the CSP <meta> (import.meta.env.CSP_META): in `astro build` only, as Astro's
 * own `security.csp` did. The dev server injects inline styles and scripts, which the policy would block.
 * Decided by the command, not by import.meta.env.PROD: that follows NODE_ENV, and a build run with NODE_ENV=test
 * (under Vitest) or =development would otherwise ship pages without their policy.
 */
export function cspMeta(): AstroIntegration {
	return {
		name: 'zhenggai:csp-meta',
		hooks: {
			'astro:config:setup': ({ command, updateConfig }) => {
				updateConfig({ vite: { define: { 'import.meta.env.CSP_META': JSON.stringify(command === 'build') } } });
			},
		},
	};
}
