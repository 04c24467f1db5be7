import { resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import type { Content } from '#src/lib/model/content.ts';
import { buildAsOf } from '#src/lib/content/as-of.ts';
import { loadContent } from '#src/lib/content/load.ts';
import { isWithin } from '#src/lib/content/paths.ts';
import { CONTENT_LAYOUT } from '#src/lib/content/layout.ts';

// The content gate validates every file before the build; handing its result to the loaders
// means tasks and updates are read and parsed once per build, not twice (it matters at 60,000 files).
const KEY = Symbol.for('zhenggai.validatedContent');
type Shared = { [KEY]?: { dir: string; asOf: string; content: Content } };

/** Called by the content gate once the content has passed validation. */
export function shareValidatedContent(dir: string, asOf: string, content: Content): void {
	(globalThis as Shared)[KEY] = { dir: resolve(dir), asOf, content };
}

/** The content the gate validated for this build, with its as-of date (undefined before the gate has run). */
export function validatedContent(): { asOf: string; content: Content } | undefined {
	return (globalThis as Shared)[KEY];
}

function currentContent(dir: string): Content {
	const shared = (globalThis as Shared)[KEY];
	if (shared && shared.dir === resolve(dir) && shared.asOf === buildAsOf()) return shared.content;
	// Dev server or a reload: read again; invalid records are already reported by the gate and skipped here.
	return loadContent(resolve(dir)).content;
}

/** A content-layer loader for tasks (JSON), updates (Markdown) or reported figures: it reuses the validated records. */
export function validatedLoader(kind: 'tasks' | 'updates' | 'reportedFigures', dir: string): Loader {
	return {
		name: `zhenggai-${kind}`,
		load: async ({ store, watcher, logger }) => {
			// No digests: the records were just validated, and hashing 60,000 of them costs more than it saves.
			const fill = (content: Content) => {
				store.clear();
				if (kind === 'tasks') for (const { id, ...data } of content.tasks) store.set({ id, data });
				else if (kind === 'reportedFigures')
					for (const f of content.reportedFigures ?? []) store.set({ id: f.id, data: f });
				else for (const { id, body, ...data } of content.updates) store.set({ id, data, body });
			};
			fill(currentContent(dir));
			watcher?.on('all', (_event, path) => {
				if (!isWithin(resolve(dir, CONTENT_LAYOUT[kind]), path)) return;
				logger.info(`reloading ${kind} after a change to ${path}`);
				(globalThis as Shared)[KEY] = undefined;
				fill(currentContent(dir));
			});
		},
	};
}
