import { basename, join, relative, sep } from 'node:path';
import type { z } from 'astro/zod';
import { COLLECTION_SCHEMAS as S } from '#src/schemas/collections.ts';
import { existsSync } from 'node:fs';
import { CONTENT_LAYOUT } from './layout.ts';
import { byId, type Content, type TaskRecord, type UpdateRecord } from '#src/lib/model/content.ts';
import type { Problem } from './problems.ts';
import { walkContent, type ContentWalk } from './load/walk.ts';
import { parseJson, planTextFileProblems } from './load/parse.ts';
import { validateArray, validateRecord, validateUpdateFile } from './load/validate.ts';

export { pathLine, parseFrontmatter } from './load/parse.ts';

/** What failed to load, so whole-content checks can skip what they cannot judge (instead of reporting noise). */
export interface LoadGaps {
	/** Task ids whose file exists but did not load. */
	tasks: Set<string>;
	/** Update ids whose file exists but did not load. */
	updates: Set<string>;
	/** Ids of records in the array files that did not load (where the record gave an id). */
	records: Set<string>;
	/** Array files (CONTENT_LAYOUT keys) that did not load at all, or lost a record without an id. */
	lists: Set<string>;
}

/** Result of reading content/: the records that parsed, every problem found on the way, and what did not load. */
export interface LoadResult {
	content: Content;
	problems: Problem[];
	gaps: LoadGaps;
	/** Ids of the plan texts (content/plans/<id>.mdx) that were found. */
	planTexts: string[];
}

/** The walk with what did not load. */
type Load = ContentWalk & { gaps: LoadGaps };

/** The valid records of an array file (settings.json, units.json …): walked, parsed, validated. */
function readArray<S extends z.ZodType>(ld: Load, key: keyof typeof CONTENT_LAYOUT, schema: S): z.output<S>[] {
	const path = join(ld.contentDir, CONTENT_LAYOUT[key]);
	const file = ld.rel(path);
	const text = ld.readText(path);
	const { value, problems } = text === undefined ? { problems: [] } : parseJson(file, text);
	ld.problems.push(...problems);
	if (text === undefined || problems.length) {
		ld.gaps.lists.add(key);
		return [];
	}
	if (!Array.isArray(value)) {
		ld.problems.push({
			file,
			line: 1,
			message: '应为 JSON 数组 [ … ] / expected a JSON array',
			hint: '最外层用方括号包住所有记录。',
		});
		ld.gaps.lists.add(key);
		return [];
	}
	return validateArray(file, text, value, schema, ld.problems, (id) =>
		id === undefined ? ld.gaps.lists.add(key) : ld.gaps.records.add(id),
	);
}

/** The record of one JSON file (a plan, a task), or undefined after reporting why not. */
function readJsonFile<S extends z.ZodType>(ld: Load, path: string, schema: S): z.output<S> | undefined {
	const file = ld.rel(path);
	const text = ld.readText(path);
	if (text === undefined) return undefined;
	const { value, problems } = parseJson(file, text);
	ld.problems.push(...problems);
	if (problems.length) return undefined;
	return validateRecord(file, text, value, schema, ld.problems);
}

/** The plans (plans/<id>.json) and the ids of the plan texts (plans/<id>.mdx), each text checked. */
function readPlans(ld: Load) {
	const plans = [];
	const planTexts: string[] = [];
	for (const path of ld.list('plans', ['.json', '.mdx'], 0)) {
		if (path.endsWith('.json')) {
			const plan = readJsonFile(ld, path, S.plans);
			if (plan) plans.push(plan);
			continue;
		}
		const text = ld.readText(path);
		if (text === undefined) continue;
		const id = basename(path, '.mdx');
		planTexts.push(id);
		ld.problems.push(...planTextFileProblems(ld.rel(path), text, id));
	}
	return { plans, planTexts };
}

/** The tasks (tasks/<id>.json); a task whose file does not load is a gap. */
function readTasks(ld: Load): TaskRecord[] {
	const tasks: TaskRecord[] = [];
	for (const path of ld.list('tasks', ['.json'], 0)) {
		const id = basename(path, '.json');
		const t = readJsonFile(ld, path, S.tasks);
		if (t) tasks.push({ ...t, id });
		else ld.gaps.tasks.add(id);
	}
	return tasks;
}

/** The updates (updates/<task>/<file>.md); an update whose file does not load is a gap. */
function readUpdates(ld: Load): UpdateRecord[] {
	const updates: UpdateRecord[] = [];
	const updatesDir = join(ld.contentDir, CONTENT_LAYOUT.updates);
	for (const path of ld.list('updates', ['.md'], 1)) {
		const id = relative(updatesDir, path).split(sep).join('/').slice(0, -'.md'.length);
		const text = ld.readText(path);
		const r = text === undefined ? undefined : validateUpdateFile(ld.rel(path), text, S.updates, ld.problems);
		if (r) updates.push({ ...r.data, id, body: r.body });
		else ld.gaps.updates.add(id);
	}
	return updates;
}

/** Reads and validates every record under `contentDir`; never throws on bad content, it reports. */
export function loadContent(contentDir: string, root: string = process.cwd()): LoadResult {
	const gaps: LoadGaps = { tasks: new Set(), updates: new Set(), records: new Set(), lists: new Set() };
	const ld: Load = { ...walkContent(contentDir, root), gaps };
	const { problems } = ld;
	const settingsList = readArray(ld, 'settings', S.settings);
	if (settingsList.length !== 1 && !problems.some((p) => p.file.endsWith(CONTENT_LAYOUT.settings)))
		problems.push({
			file: ld.rel(join(contentDir, CONTENT_LAYOUT.settings)),
			message: `应恰好有一条站点设置，现有 ${settingsList.length} 条 / expected exactly one settings record`,
			hint: '文件中只保留一条 id 为 "site" 的记录。',
		});
	const { plans, planTexts } = readPlans(ld);
	const tasks = readTasks(ld);
	const updates = readUpdates(ld);
	const content: Content = {
		settings: settingsList[0] as Content['settings'],
		plans: plans.sort(byId),
		measureGroups: readArray(ld, 'measureGroups', S.measureGroups),
		measures: readArray(ld, 'measures', S.measures),
		problemAreas: readArray(ld, 'problemAreas', S.problemAreas),
		units: readArray(ld, 'units', S.units),
		cities: readArray(ld, 'cities', S.cities),
		tasks: tasks.sort(byId),
		updates: updates.sort(byId),
		// Optional: most plans have no reported figures.
		reportedFigures: existsSync(join(contentDir, CONTENT_LAYOUT.reportedFigures))
			? readArray(ld, 'reportedFigures', S.reportedFigures).sort(byId)
			: [],
	};
	return { content, problems, gaps, planTexts: planTexts.sort() };
}
