import { z } from 'astro/zod';
import { Id, IsoDate, ProvenanceSchema, SourceSchema, Text } from './common.ts';

/** A rectification task (整改任务): one row of the plan's task list, one JSON file each. */
export const TaskSchema = z.strictObject({
	/** Plan id this task belongs to. */
	plan: Id,
	/** Series id within the plan (e.g. hkk = 回头看). */
	series: Id,
	/** Number within the series, as many digits as the series says (default two: 02), shown as 第02号. */
	no: z.string().regex(/^\d{1,4}$/, { error: '编号应为数字，如 "02" / no: digits, e.g. "02"' }),
	/** Short title for lists. */
	title: Text,
	/** The feedback problem the task answers (反馈问题). */
	problem: Text,
	// Every field from `targets` to `dueDate` is optional (issue #22): a plan that has no targets, measures, units or
	// deadlines leaves the key out, and pages show nothing for it. An empty list is refused: leave the key out instead.
	/** Targets (整改目标). */
	targets: z
		.array(Text)
		.min(1, { error: '至少要有一条整改目标；方案没有整改目标时删去 targets 字段 / at least one target' })
		.optional(),
	/** Specific measures (具体整改措施). */
	measures: z
		.array(Text)
		.min(1, { error: '至少要有一条具体整改措施；方案没有时删去 measures 字段 / at least one specific measure' })
		.optional(),
	/** The plan measure (one of the 19) the task implements; absent when the plan has no measure groups. */
	measure: Id.optional(),
	/** The problem area (one of the 8) the task answers; absent when the plan has no problem areas. */
	area: Id.optional(),
	/** Lead units (牵头单位; 牵头验收单位 in lists that name the implementing unit apart). */
	leadUnits: z
		.array(Id)
		.min(1, { error: '至少要有一个牵头单位；方案没有责任单位时删去 leadUnits 字段 / at least one lead unit' })
		.optional(),
	/** Supporting units (配合单位). */
	supportUnits: z.array(Id).default([]),
	/** The units doing the work (整改实施主体), when the list names them apart from the lead units that accept it. */
	implementers: z.array(Id).min(1).optional(),
	/** Responsible person as a post title (责任人); null when no source gives it; absent when the plan names none. */
	responsible: Text.nullable().optional(),
	/** A contact named instead of a responsible person (联系人, 联系电话), as published lists give it. */
	contact: z.strictObject({ name: Text, phone: Text.optional() }).optional(),
	/** Deadline batch id (立行立改 …); absent when the plan has no batches. */
	batch: Id.optional(),
	/** Due date (整改时限) as a calendar date; absent when the plan sets none for the task. */
	dueDate: IsoDate.optional(),
	/** Cities concerned. */
	cities: z.array(Id).default([]),
	sources: z.array(SourceSchema).default([]),
	provenance: ProvenanceSchema,
});
export type Task = z.output<typeof TaskSchema>;
