import { CONTENT_LAYOUT } from '#src/lib/content/layout.ts';
import type { Content } from '#src/lib/model/content.ts';
import type { Problem } from '#src/lib/content/problems.ts';

/** What failed to load (see LoadGaps in load.ts): checks that depend on it are skipped rather than misreported. */
export interface IntegrityGaps {
	tasks: ReadonlySet<string>;
	updates: ReadonlySet<string>;
	records: ReadonlySet<string>;
	lists: ReadonlySet<string>;
}

/** No record failed to load. */
export const NO_GAPS: IntegrityGaps = { tasks: new Set(), updates: new Set(), records: new Set(), lists: new Set() };

type ById<T extends { id: string }> = ReadonlyMap<string, T>;
type Entry<K extends keyof Content> = Content[K] extends readonly (infer T)[] ? T : never;

/** What every family of checks reads: the content by id, the file names the loader reports, and where to report. */
export interface IntegrityContext {
	content: Content;
	asOf: string;
	base: string;
	gaps: IntegrityGaps;
	plans: ById<Entry<'plans'>>;
	groups: ById<Entry<'measureGroups'>>;
	measures: ById<Entry<'measures'>>;
	areas: ById<Entry<'problemAreas'>>;
	units: ById<Entry<'units'>>;
	cities: ById<Entry<'cities'>>;
	tasks: ById<Entry<'tasks'>>;
	updates: ById<Entry<'updates'>>;
	taskFile: (id: string) => string;
	updateFile: (id: string) => string;
	planFile: (id: string) => string;
	/** The file of a taxonomy list (measures.json …) as the loader names it. */
	listFile: (kind: Exclude<keyof typeof CONTENT_LAYOUT, 'plans' | 'tasks' | 'updates' | 'settings'>) => string;
	add: (p: Problem) => void;
	/** Reports a reference to a record that does not exist (`kind` in Chinese), unless that record failed to load. */
	dangling: (file: string, field: string, kind: string, id: string, listFile: string) => void;
}

// The Chinese kind of a reference → the list whose failed load excuses it.
const LIST_OF: Record<string, string | undefined> = {
	方案: 'plans',
	措施方面: 'measureGroups',
	整改措施: 'measures',
	问题方面: 'problemAreas',
	责任单位: 'units',
	城市: 'cities',
};

const byId = <T extends { id: string }>(list: readonly T[]): ById<T> => new Map(list.map((r) => [r.id, r]));

/** The context of one integrity run; problems are appended to `problems`. */
export function integrityContext(
	content: Content,
	asOf: string,
	base: string,
	gaps: IntegrityGaps,
	problems: Problem[],
): IntegrityContext {
	const add = (p: Problem) => void problems.push(p);
	// A reference to a record that exists but failed to load is not dangling: its own problem is already reported.
	const unloaded = (id: string, list?: string) =>
		gaps.records.has(id) || gaps.tasks.has(id) || gaps.updates.has(id) || (list !== undefined && gaps.lists.has(list));
	return {
		content,
		asOf,
		base,
		gaps,
		plans: byId(content.plans),
		groups: byId(content.measureGroups),
		measures: byId(content.measures),
		areas: byId(content.problemAreas),
		units: byId(content.units),
		cities: byId(content.cities),
		tasks: byId(content.tasks),
		updates: byId(content.updates),
		// File names as the loader reports them (relative to the project root), so both halves of a report agree.
		taskFile: (id) => `${base}/${CONTENT_LAYOUT.tasks}/${id}.json`,
		updateFile: (id) => `${base}/${CONTENT_LAYOUT.updates}/${id}.md`,
		planFile: (id) => `${base}/${CONTENT_LAYOUT.plans}/${id}.json`,
		listFile: (kind) => `${base}/${CONTENT_LAYOUT[kind]}`,
		add,
		dangling: (file, field, kind, id, listFile) => {
			if (!unloaded(id, LIST_OF[kind]))
				add({
					file,
					field,
					message: `引用了不存在的${kind}“${id}” / unknown ${field} reference`,
					hint: `检查拼写，或先在 ${listFile} 中添加它。`,
				});
		},
	};
}
