import type { AstroIntegration } from 'astro';
import { statusCss } from '#src/lib/model/statuses.ts';

const ID = 'virtual:zhenggai/status.css';
const RESOLVED = '\0' + ID;

/**
 * The status badges' colours and marks as a stylesheet generated from the status table (src/lib/model/statuses.ts),
 * so the badges and the charts read one palette. Injected into every page like a stylesheet file (no inline style).
 */
export function statusStyles(): AstroIntegration {
	return {
		name: 'zhenggai:status-styles',
		hooks: {
			'astro:config:setup': ({ updateConfig, injectScript }) => {
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'zhenggai:status-css',
								resolveId: (id: string) => (id === ID ? RESOLVED : undefined),
								load: (id: string) => (id === RESOLVED ? statusCss() : undefined),
							},
						],
					},
				});
				injectScript('page-ssr', `import '${ID}';`);
			},
		},
	};
}
