import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
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
} from './schemas/index.ts';

// Ids are the path without extension, exactly as src/lib/load.ts derives them for the CLIs.
const pathId = ({ entry }: { entry: string }) => entry.replace(/\.(json|md|mdx)$/, '');

export const collections = {
	settings: defineCollection({ loader: file('content/settings.json'), schema: SettingsSchema }),
	plans: defineCollection({ loader: glob({ pattern: '*.json', base: './content/plans', generateId: pathId }), schema: PlanSchema }),
	planTexts: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/plans', generateId: pathId }) }),
	measureGroups: defineCollection({ loader: file('content/measure-groups.json'), schema: MeasureGroupSchema }),
	measures: defineCollection({ loader: file('content/measures.json'), schema: MeasureSchema }),
	problemAreas: defineCollection({ loader: file('content/problem-areas.json'), schema: ProblemAreaSchema }),
	units: defineCollection({ loader: file('content/units.json'), schema: UnitSchema }),
	cities: defineCollection({ loader: file('content/cities.json'), schema: CitySchema }),
	tasks: defineCollection({ loader: glob({ pattern: '*.json', base: './content/tasks', generateId: pathId }), schema: TaskSchema }),
	updates: defineCollection({ loader: glob({ pattern: '**/*.md', base: './content/updates', generateId: pathId }), schema: UpdateSchema }),
};
