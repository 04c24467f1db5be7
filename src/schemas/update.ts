import { z } from 'astro/zod';
import { REPORTED_STATUSES, STATUS_LABELS } from '#src/lib/model/statuses.ts';
import { statusOfWording } from '#src/lib/model/status-wording.ts';
import { HttpUrl, Id, IsoDate, UpdateId, ProvenanceSchema, SourceSchema, Text } from './common.ts';

/** A piece of evidence linked from an update (a notice, a report, a photo page). */
export const EvidenceSchema = z.strictObject({
	title: Text,
	url: HttpUrl.optional(),
	publisher: Text.optional(),
	date: IsoDate.optional(),
});

/** Closure facts: acceptance (验收), notice window (销号公示) with objection contact, closed date. */
export const ClosureSchema = z
	.strictObject({
		acceptance: z.strictObject({ date: IsoDate, by: Text }).optional(),
		notice: z
			.strictObject({
				start: IsoDate,
				end: IsoDate,
				/** Where objections go during the window (phone or e-mail). */
				contact: Text,
			})
			.optional(),
		closedDate: IsoDate.optional(),
	})
	.superRefine((c, ctx) => {
		if (c.notice && c.notice.end < c.notice.start)
			ctx.addIssue({
				code: 'custom',
				path: ['notice', 'end'],
				message: `公示结束日 ${c.notice.end} 早于开始日 ${c.notice.start} / notice window ends before it starts`,
			});
		if (c.notice && c.acceptance && c.notice.start < c.acceptance.date)
			ctx.addIssue({
				code: 'custom',
				path: ['notice', 'start'],
				message: `公示开始日 ${c.notice.start} 早于验收日 ${c.acceptance.date} / notice starts before acceptance`,
			});
		if (c.closedDate && c.notice && c.closedDate < c.notice.end)
			ctx.addIssue({
				code: 'custom',
				path: ['closedDate'],
				message: `销号日 ${c.closedDate} 早于公示结束日 ${c.notice.end} / closed before the notice window ended`,
			});
	});

/** Frontmatter of a progress update (整改进展), one Markdown file each; the body is the narrative. */
export const UpdateSchema = z
	.strictObject({
		/** Task id (file name of the task without .json). */
		task: Id,
		/** Status the responsible unit reports. */
		status: z.enum(REPORTED_STATUSES, {
			error: `状态只能是 ${REPORTED_STATUSES.join('、')} 之一 / unknown status`,
		}),
		/** The office's own wording of the status (基本完成, 持续整改跟踪中 …), shown beside our status (issue #22). */
		statusText: Text.optional(),
		/** Date the fact arose or changed (形成/变更日期). */
		factDate: IsoDate,
		/** Date it was published on the site or by the responsible unit. */
		publishedDate: IsoDate,
		/** One-line headline. */
		title: Text,
		evidence: z.array(EvidenceSchema).default([]),
		closure: ClosureSchema.optional(),
		/** A change of the task's due date, with its reason. */
		dueDateChange: z.strictObject({ to: IsoDate, reason: Text }).optional(),
		/** Id of an earlier update this one corrects (updates are append-only). */
		corrects: UpdateId.optional(),
		sources: z.array(SourceSchema).default([]),
		provenance: ProvenanceSchema,
	})
	.superRefine((u, ctx) => {
		const meant = u.statusText === undefined ? undefined : statusOfWording(u.statusText);
		if (meant && meant !== u.status)
			ctx.addIssue({
				code: 'custom',
				path: ['statusText'],
				message: `原文表述“${u.statusText}”按本站口径是 ${meant}（${STATUS_LABELS[meant]}），与 status: ${u.status} 不一致 / statusText and status disagree`,
			});
		if (u.publishedDate < u.factDate)
			ctx.addIssue({
				code: 'custom',
				path: ['publishedDate'],
				message: `发布日期 ${u.publishedDate} 早于形成日期 ${u.factDate} / published before the fact arose`,
			});
		if (u.status === 'closed' && !u.closure?.closedDate)
			ctx.addIssue({
				code: 'custom',
				path: ['closure', 'closedDate'],
				message: '状态为已销号（closed）时必须填写 closure.closedDate / a closed update needs closure.closedDate',
			});
		if (u.closure?.notice && u.status !== 'completed' && u.status !== 'closed')
			ctx.addIssue({
				code: 'custom',
				path: ['closure', 'notice'],
				message: '只有已完成或已销号的进展才能有销号公示 / a notice window needs status completed or closed',
			});
	});
export type Update = z.output<typeof UpdateSchema>;
export type Evidence = z.output<typeof EvidenceSchema>;
