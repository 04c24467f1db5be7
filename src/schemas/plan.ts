import { z } from 'astro/zod';
import { Id, IsoDate, SourceSchema, Text } from './common.ts';

/** A dated event of the plan's story (inspection on site, feedback, submission, publication …). */
export const PlanEventSchema = z.strictObject({
	date: IsoDate,
	/** Optional end date for events that span days. */
	endDate: IsoDate.optional(),
	event: Text,
	sources: z.array(SourceSchema).min(1, { error: '时间线上的每个事件都要有来源 / every event needs a source' }),
});

/** A deadline batch of the plan (立行立改, 2019年底前 …). */
export const BatchSchema = z.strictObject({ id: Id, label: Text, order: z.number().int() });

/** A task series of the plan (回头看, 大气污染防治专项督察). */
export const SeriesSchema = z.strictObject({
	id: Id,
	/** Short label used in task numbers: 回头看第02号. */
	label: Text,
	/** Full name. */
	name: Text,
	order: z.number().int(),
	/**
	 * How the plan writes a task's number, with {label} and {no}: 省序{no} → 省序29, 第{no}号 → 第07号, {no} → 3.
	 * Default {label}第{no}号 (回头看第02号).
	 */
	numberFormat: Text.optional(),
	/** Digits the task number is zero-padded to (07 with 2; 7 and 29 with 1); default 2. */
	digits: z.number().int().min(1).max(4).optional(),
});

/** The totals the plan itself declares; the integrity report compares them with the records. */
// Only `tasks` is required: a plan that declares no problem areas, measures or batches leaves those out (issue #22).
export const DeclaredTotalsSchema = z.strictObject({
	problemAreas: z.number().int().nonnegative().optional(),
	measureGroups: z.number().int().nonnegative().optional(),
	measures: z.number().int().nonnegative().optional(),
	tasks: z.number().int().nonnegative(),
	specificMeasures: z.number().int().nonnegative().optional(),
	tasksBySeries: z.record(z.string(), z.number().int().nonnegative()).default({}),
	tasksByBatch: z.record(z.string(), z.number().int().nonnegative()).default({}),
	/** Where the totals are stated. */
	sources: z.array(SourceSchema).min(1),
});

/** A rectification plan (整改方案): metadata; its text lives in an MDX file of the same id. */
export const PlanSchema = z.strictObject({
	id: Id,
	title: Text,
	shortTitle: Text,
	jurisdiction: Text,
	/** The inspection the plan answers; optional for plans that answer no inspection (an audit notice, …). */
	inspection: z
		.strictObject({
			name: Text,
			team: Text,
			onSiteStart: IsoDate,
			onSiteEnd: IsoDate,
			feedbackDate: IsoDate,
			sources: z.array(SourceSchema).min(1),
		})
		.optional(),
	approval: z.strictObject({ text: Text, sources: z.array(SourceSchema).min(1) }).optional(),
	submittedDate: IsoDate.optional(),
	publishedDate: IsoDate,
	sources: z.array(SourceSchema).min(1),
	series: z.array(SeriesSchema).min(1),
	/** Deadline batches; a plan without batches has none (its tasks then have no `batch`). */
	batches: z.array(BatchSchema).default([]),
	/** The totals the plan states; left out when the plan states none. */
	declaredTotals: DeclaredTotalsSchema.optional(),
	timeline: z.array(PlanEventSchema).default([]),
	/** Notes shown on the plan page (e.g. how problem areas were summarised). */
	notes: z.array(Text).default([]),
	/**
	 * Groupings this site made itself rather than taking them from the plan (the problem areas, the split into measures):
	 * each note is shown on every page that presents that grouping.
	 */
	ownClassifications: z.strictObject({ problemAreas: Text.optional(), measures: Text.optional() }).default({}),
});
export type Plan = z.output<typeof PlanSchema>;
export type Batch = z.output<typeof BatchSchema>;
export type Series = z.output<typeof SeriesSchema>;
