import { z } from 'astro/zod';
import { Id, IsoDate, ProvenanceSchema, SourceSchema, Text } from './common.ts';

/** A rectification task (整改任务): one row of the plan's task list, one JSON file each. */
export const TaskSchema = z.strictObject({
	/** Plan id this task belongs to. */
	plan: Id,
	/** Series id within the plan (e.g. hkk = 回头看). */
	series: Id,
	/** Two-digit number within the series, shown as 第02号. */
	no: z.string().regex(/^\d{2}$/, { error: '编号应为两位数字，如 "02" / no: two digits, e.g. "02"' }),
	/** Short title for lists. */
	title: Text,
	/** The feedback problem the task answers (反馈问题). */
	problem: Text,
	/** Targets (整改目标). */
	targets: z.array(Text).min(1, { error: '至少要有一条整改目标 / at least one target' }),
	/** Specific measures (具体整改措施). */
	measures: z.array(Text).min(1, { error: '至少要有一条具体整改措施 / at least one specific measure' }),
	/** The plan measure (one of the 19) the task implements. */
	measure: Id,
	/** The problem area (one of the 8) the task answers. */
	area: Id,
	/** Lead units (牵头单位). */
	leadUnits: z.array(Id).min(1, { error: '至少要有一个牵头单位 / at least one lead unit' }),
	/** Supporting units (配合单位). */
	supportUnits: z.array(Id).default([]),
	/** Responsible person as a post title (责任人); null when no source gives it. */
	responsible: Text.nullable(),
	/** Deadline batch id (立行立改 …). */
	batch: Id,
	/** Due date (整改时限) as a calendar date. */
	dueDate: IsoDate,
	/** Cities concerned. */
	cities: z.array(Id).default([]),
	sources: z.array(SourceSchema).default([]),
	provenance: ProvenanceSchema,
});
export type Task = z.output<typeof TaskSchema>;
