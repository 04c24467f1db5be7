import { SettingsSchema } from './settings.ts';
import { PlanSchema } from './plan.ts';
import { CitySchema, MeasureGroupSchema, MeasureSchema, ProblemAreaSchema, UnitSchema } from './taxonomy.ts';
import { TaskSchema } from './task.ts';
import { UpdateSchema } from './update.ts';
import { ReportedFigureSchema } from './reported-figure.ts';

/**
 * The schema of each content collection, by the collection's name (the keys of CONTENT_LAYOUT): Astro's collections
 * (src/content.config.ts) and the Node loader (src/lib/content/load.ts) read the same table.
 */
export const COLLECTION_SCHEMAS = {
	settings: SettingsSchema,
	plans: PlanSchema,
	measureGroups: MeasureGroupSchema,
	measures: MeasureSchema,
	problemAreas: ProblemAreaSchema,
	units: UnitSchema,
	cities: CitySchema,
	tasks: TaskSchema,
	updates: UpdateSchema,
	reportedFigures: ReportedFigureSchema,
} as const;
