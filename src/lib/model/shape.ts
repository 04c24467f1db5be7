/**
 * Which parts of Shanxi's shape a site's content has (issue #22): a plan may have no measure groups, problem areas,
 * cities, batches, due dates, units or responsible persons. Pages, filters and tables show a part only when the
 * content has it, so no reader meets an empty column, a "无" or a link to an empty index.
 */
import type { Content, TaskRecord } from './content.ts';
import { TASK_FIELDS } from './fields.ts';

/** The optional parts of the content, each true when at least one record has it. */
export interface SiteShape {
	units: boolean;
	measures: boolean;
	areas: boolean;
	cities: boolean;
	batches: boolean;
	dueDates: boolean;
	leadUnits: boolean;
	supportUnits: boolean;
	implementers: boolean;
	responsible: boolean;
	contacts: boolean;
	targets: boolean;
	specificMeasures: boolean;
}

/** The shape of the content: which optional parts any record has. */
export function siteShape(
	content: Pick<Content, 'plans' | 'measureGroups' | 'problemAreas' | 'cities' | 'units' | 'tasks'>,
): SiteShape {
	const any = (f: (t: Content['tasks'][number]) => unknown) => content.tasks.some((t) => Boolean(f(t)));
	return {
		units: content.units.length > 0,
		measures: content.measureGroups.length > 0,
		areas: content.problemAreas.length > 0,
		cities: content.cities.length > 0,
		batches: content.plans.some((p) => p.batches.length > 0),
		dueDates: any((t) => t.dueDate),
		leadUnits: any((t) => t.leadUnits?.length),
		supportUnits: any((t) => t.supportUnits.length),
		implementers: any((t) => t.implementers?.length),
		responsible: any((t) => t.responsible),
		contacts: any((t) => t.contact),
		targets: any((t) => t.targets?.length),
		specificMeasures: any((t) => t.measures?.length),
	};
}

/** The labels of a task's unit roles: 牵头/配合验收单位 when the task names the implementing units apart. */
export function unitRoleLabels(task: Pick<TaskRecord, 'implementers'>): { lead: string; support: string } {
	return task.implementers
		? { lead: '牵头验收单位', support: '配合验收单位' }
		: { lead: TASK_FIELDS.leadUnitNames.label, support: TASK_FIELDS.supportUnitNames.label };
}

/** True when the task has anything for its 责任 list (units, a person or contact, cities, measure, area). */
export function hasResponsibility(task: TaskRecord): boolean {
	return Boolean(
		task.implementers ||
		task.leadUnits ||
		task.supportUnits.length ||
		task.responsible !== undefined ||
		task.contact ||
		task.cities.length ||
		task.measure ||
		task.area,
	);
}
