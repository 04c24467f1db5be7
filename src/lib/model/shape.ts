/**
 * Which parts of Shanxi's shape a site's content has (issue #22): a plan may have no measure groups, problem areas,
 * cities, batches, due dates, units or responsible persons. Pages, filters and tables show a part only when the
 * content has it, so no reader meets an empty column, a "无" or a link to an empty index.
 */
import type { Content } from './content.ts';

/** The optional parts of the content, each true when at least one record has it. */
export interface SiteShape {
	units: boolean;
	measures: boolean;
	areas: boolean;
	cities: boolean;
	batches: boolean;
}

/** The shape of the content: which optional parts any record has. */
export function siteShape(
	content: Pick<Content, 'plans' | 'measureGroups' | 'problemAreas' | 'cities' | 'units' | 'tasks'>,
): SiteShape {
	return {
		units: content.units.length > 0,
		measures: content.measureGroups.length > 0,
		areas: content.problemAreas.length > 0,
		cities: content.cities.length > 0,
		batches: content.plans.some((p) => p.batches.length > 0),
	};
}
