import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { validatedLoader } from './integrations/validated-loader.ts';
import {
	CitySchema,
	MeasureGroupSchema,
	MeasureSchema,
	PlanSchema,
	ProblemAreaSchema,
	SettingsSchema,
	TaskSchema,
	UnitSchema,
	UpdateSchema,
	ReportedFigureSchema,
} from './schemas/index.ts';

// CONTENT_DIR lets tests and the benchmark build from another content tree (default: content/).
const dir = process.env.CONTENT_DIR ?? 'content';
// Tasks and updates come through the validated loader (the same records `npm run check` accepted);
// the small collections use Astro's loaders. Ids are the path without extension, as src/lib/content/load.ts derives
// them.
const pathId = ({ entry }: { entry: string }) => entry.replace(/\.(json|md|mdx)$/, '');

export const collections = {
	settings: defineCollection({ loader: file(`${dir}/settings.json`), schema: SettingsSchema }),
	plans: defineCollection({
		loader: glob({ pattern: '*.json', base: `${dir}/plans`, generateId: pathId }),
		schema: PlanSchema,
	}),
	planTexts: defineCollection({ loader: glob({ pattern: '*.mdx', base: `${dir}/plans`, generateId: pathId }) }),
	measureGroups: defineCollection({ loader: file(`${dir}/measure-groups.json`), schema: MeasureGroupSchema }),
	measures: defineCollection({ loader: file(`${dir}/measures.json`), schema: MeasureSchema }),
	problemAreas: defineCollection({ loader: file(`${dir}/problem-areas.json`), schema: ProblemAreaSchema }),
	units: defineCollection({ loader: file(`${dir}/units.json`), schema: UnitSchema }),
	cities: defineCollection({ loader: file(`${dir}/cities.json`), schema: CitySchema }),
	tasks: defineCollection({ loader: validatedLoader('tasks', dir), schema: TaskSchema }),
	updates: defineCollection({ loader: validatedLoader('updates', dir), schema: UpdateSchema }),
	// Optional file, so not Astro's file() loader (which requires it).
	reportedFigures: defineCollection({ loader: validatedLoader('reportedFigures', dir), schema: ReportedFigureSchema }),
};
