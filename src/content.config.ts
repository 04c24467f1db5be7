import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { validatedLoader } from './integrations/validated-loader.ts';
import { COLLECTION_SCHEMAS as S } from './schemas/collections.ts';
import { CONTENT_LAYOUT as L } from './lib/content/layout.ts';

// CONTENT_DIR lets tests and the benchmark build from another content tree (default: content/).
const dir = process.env.CONTENT_DIR ?? 'content';
// Tasks and updates come through the validated loader (the same records `npm run check` accepted);
// the small collections use Astro's loaders. Ids are the path without extension, as src/lib/content/load.ts derives
// them.
const pathId = ({ entry }: { entry: string }) => entry.replace(/\.(json|md|mdx)$/, '');

export const collections = {
	settings: defineCollection({ loader: file(`${dir}/${L.settings}`), schema: S.settings }),
	plans: defineCollection({
		loader: glob({ pattern: '*.json', base: `${dir}/${L.plans}`, generateId: pathId }),
		schema: S.plans,
	}),
	planTexts: defineCollection({ loader: glob({ pattern: '*.mdx', base: `${dir}/${L.plans}`, generateId: pathId }) }),
	measureGroups: defineCollection({ loader: file(`${dir}/${L.measureGroups}`), schema: S.measureGroups }),
	measures: defineCollection({ loader: file(`${dir}/${L.measures}`), schema: S.measures }),
	problemAreas: defineCollection({ loader: file(`${dir}/${L.problemAreas}`), schema: S.problemAreas }),
	units: defineCollection({ loader: file(`${dir}/${L.units}`), schema: S.units }),
	cities: defineCollection({ loader: file(`${dir}/${L.cities}`), schema: S.cities }),
	tasks: defineCollection({ loader: validatedLoader('tasks', dir), schema: S.tasks }),
	updates: defineCollection({ loader: validatedLoader('updates', dir), schema: S.updates }),
	// Optional file, so not Astro's file() loader (which requires it).
	reportedFigures: defineCollection({ loader: validatedLoader('reportedFigures', dir), schema: S.reportedFigures }),
};
