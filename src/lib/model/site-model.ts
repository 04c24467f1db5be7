import type { City, Measure, MeasureGroup, Plan, ProblemArea, Unit } from '#src/schemas/index.ts';
import { byId, type Content, type TaskRecord, type UpdateRecord } from './content.ts';
import { compareUpdates, statesAt, type TaskState } from './status.ts';
import { siteShape, type SiteShape } from './shape.ts';

/** Content with its lookups and every task's state at the build's as-of date. */
export interface SiteModel {
	content: Content;
	asOf: string;
	states: Map<string, TaskState>;
	plans: Map<string, Plan>;
	groups: Map<string, MeasureGroup>;
	measures: Map<string, Measure>;
	areas: Map<string, ProblemArea>;
	units: Map<string, Unit>;
	cities: Map<string, City>;
	tasks: Map<string, TaskRecord>;
	/** Updates per task, in story order (all of them; pages filter by the as-of state's `known`). */
	updatesByTask: Map<string, UpdateRecord[]>;
	/** Which optional parts (measures, areas, cities, batches …) the content has: pages show only those. */
	shape: SiteShape;
}

/** Builds the lookups and states the pages, data files and feeds all read from. */
export function buildSiteModel(content: Content, asOf: string): SiteModel {
	const updatesByTask = new Map<string, UpdateRecord[]>();
	for (const u of [...content.updates].sort(compareUpdates)) {
		const list = updatesByTask.get(u.task);
		if (list) list.push(u);
		else updatesByTask.set(u.task, [u]);
	}
	const index = <T extends { id: string }>(list: readonly T[]) => new Map([...list].sort(byId).map((r) => [r.id, r]));
	return {
		content,
		asOf,
		states: statesAt(content.tasks, content.updates, asOf),
		plans: index(content.plans),
		groups: index(content.measureGroups),
		measures: index(content.measures),
		areas: index(content.problemAreas),
		units: index(content.units),
		cities: index(content.cities),
		tasks: index(content.tasks),
		updatesByTask,
		shape: siteShape(content),
	};
}
