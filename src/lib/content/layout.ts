import { resolve } from 'node:path';

/** The content directory: a --content-dir flag, else CONTENT_DIR, else content/ (resolved against `root`). */
export function contentDirOf(flag?: string, root: string = process.cwd()): string {
	return resolve(root, flag ?? process.env.CONTENT_DIR ?? 'content');
}

/** Where each kind of record lives under the content directory. */
export const CONTENT_LAYOUT = {
	settings: 'settings.json',
	plans: 'plans',
	measureGroups: 'measure-groups.json',
	measures: 'measures.json',
	problemAreas: 'problem-areas.json',
	units: 'units.json',
	cities: 'cities.json',
	reportedFigures: 'reported-figures.json',
	tasks: 'tasks',
	updates: 'updates',
} as const;
