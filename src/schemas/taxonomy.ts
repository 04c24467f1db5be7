import { z } from 'astro/zod';
import { Id, SourceSchema, Text } from './common.ts';
import { ChannelFieldSchema } from './settings.ts';

/** A measure group (方面) of a plan, e.g. 一是聚焦提高政治站位…. */
export const MeasureGroupSchema = z.strictObject({
	id: Id,
	plan: Id,
	no: z.number().int().positive(),
	title: Text,
	/** The group's sentence as the plan text states it. */
	text: Text,
	sources: z.array(SourceSchema).min(1),
});
export type MeasureGroup = z.output<typeof MeasureGroupSchema>;

/** A measure (整改措施) inside a group; the plan names 19. */
export const MeasureSchema = z.strictObject({
	id: Id,
	group: Id,
	no: z.number().int().positive(),
	title: Text,
	note: Text.optional(),
});
export type Measure = z.output<typeof MeasureSchema>;

/** A problem area (问题方面) of the inspection feedback. */
export const ProblemAreaSchema = z.strictObject({
	id: Id,
	plan: Id,
	no: z.number().int().positive(),
	title: Text,
	summary: Text,
	sources: z.array(SourceSchema).min(1),
});
export type ProblemArea = z.output<typeof ProblemAreaSchema>;

/** A responsible unit (责任单位): a provincial department or a city government. */
export const UnitSchema = z.strictObject({
	id: Id,
	name: Text,
	shortName: Text,
	kind: z.enum(['department', 'city', 'other']),
	/** For city governments, the city they govern. */
	city: Id.optional(),
	/** The unit's own 监督举报 channel, from its published notice (never guessed). */
	reportContact: ChannelFieldSchema.optional(),
});
export type Unit = z.output<typeof UnitSchema>;

/** A prefecture-level city concerned by tasks. */
export const CitySchema = z.strictObject({ id: Id, name: Text, order: z.number().int() });
export type City = z.output<typeof CitySchema>;
