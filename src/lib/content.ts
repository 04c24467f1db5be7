import { resolve } from 'node:path';
import type { City, Measure, MeasureGroup, Plan, ProblemArea, Settings, Task, Unit, Update } from '../schemas/index.ts';

/** A task with the id taken from its file name. */
export type TaskRecord = Task & { id: string };
/** An update with its id (task/file name) and Markdown narrative. */
export type UpdateRecord = Update & { id: string; body: string };

/** Everything in content/, validated record by record but not yet checked as a whole. */
export interface Content {
	settings: Settings;
	plans: Plan[];
	measureGroups: MeasureGroup[];
	measures: Measure[];
	problemAreas: ProblemArea[];
	units: Unit[];
	cities: City[];
	tasks: TaskRecord[];
	updates: UpdateRecord[];
}

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
	tasks: 'tasks',
	updates: 'updates',
} as const;

/** Compares two records by id, for deterministic ordering everywhere. */
export function byId(a: { id: string }, b: { id: string }): number {
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
