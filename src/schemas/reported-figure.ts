import { z } from 'astro/zod';
import { HttpUrl, Id, IsoDate, Text } from './common.ts';
import { REPORTED_BASES, REPORTED_MEASURES } from '#src/lib/model/reported-figures.ts';

/**
 * Where a reported figure was read. Unlike a record's source, the publisher, title and date may be unknown (a reprint
 * without byline or date): null says so, and the page prints 未署名 / 无日期 instead of guessing.
 */
export const ReportedSourceSchema = z.strictObject({
	/** Who published the statement; null when the copy names nobody. */
	publisher: Text.nullable(),
	/** Title of the piece; null when unknown. */
	title: Text.nullable(),
	/** Publication date of the piece; null when the copy has none. */
	date: IsoDate.nullable(),
	/** Link to the original (government site or original outlet only); never a repost. */
	url: HttpUrl.optional(),
	/** Where our copy was found when it is a reprint (shown as 转载自…, never linked). */
	via: Text.optional(),
});

/** One number of a reported statement, and which figure the site computes that counts the same thing, if any. */
export const ReportedNumberSchema = z
	.strictObject({
		/** Key of the number within its statement (tasks-total, due-2019 …). */
		key: Id,
		/** What is counted, in the statement's words: 2019年到期的任务. */
		label: Text,
		value: z.number().int().nonnegative({ error: '数值不能为负 / a count is never negative' }),
		/** 项, 个 … */
		unit: Text,
		/**
		 * The site's own figure that counts the same thing (reported-figures.ts, REPORTED_MEASURES): tasks, due,
		 * done_of_due; none when the site counts nothing comparable (e.g. 项目, a level below tasks).
		 */
		compare: z.enum(REPORTED_MEASURES, {
			error: `compare 只能是 ${REPORTED_MEASURES.join('、')} / compare: one of ${REPORTED_MEASURES.join(', ')}`,
		}),
		/** For due / done_of_due: tasks whose due date in force falls in [dueFrom, dueTo]. */
		dueFrom: IsoDate.optional(),
		dueTo: IsoDate.optional(),
		/** Why the numbers may differ in definition, or (compare: none) why the site has no figure to compare. */
		note: Text.optional(),
	})
	.superRefine((n, ctx) => {
		if ((n.compare === 'due' || n.compare === 'done_of_due') && !n.dueTo)
			ctx.addIssue({
				code: 'custom',
				path: ['dueTo'],
				message: `compare 为 ${n.compare} 时要写 dueTo（到期日截止），如 2019-12-31 / dueTo is required`,
			});
		if (n.compare === 'none' && !n.note)
			ctx.addIssue({
				code: 'custom',
				path: ['note'],
				message: '本站无可比数字（compare: none）时要在 note 说明原因 / say why nothing compares',
			});
		if (n.dueFrom && n.dueTo && n.dueFrom > n.dueTo)
			ctx.addIssue({ code: 'custom', path: ['dueFrom'], message: 'dueFrom 不能晚于 dueTo / dueFrom after dueTo' });
	});

/**
 * A figure a government body reported about a whole plan (官方通报的方案级数字): its words, source, date and basis.
 * It is shown beside the site's computed figures, never merged into them.
 */
export const ReportedFigureSchema = z
	.strictObject({
		id: Id,
		/** The plan the statement is about. */
		plan: Id,
		/** A short heading: 方案级进展数（2019 年到期任务）. */
		title: Text,
		/** The statement's words as read, quoted on the page. */
		quote: Text,
		/** The body that reported it; null when the copy names none (printed 原文未署名). */
		reportedBy: Text.nullable(),
		/** The date the figures hold at (end of the period they describe); the site compares its own count that day. */
		referenceDate: IsoDate,
		/** How the reference date was read from the statement: 原文说“2019年”，按 2019-12-31 比较. */
		referenceNote: Text.optional(),
		/** How far the statement is verified (reported-figures.ts, REPORTED_BASES). */
		basis: z.enum(REPORTED_BASES, {
			error: `basis 只能是 ${REPORTED_BASES.join('、')} / basis: one of ${REPORTED_BASES.join(', ')}`,
		}),
		source: ReportedSourceSchema,
		numbers: z.array(ReportedNumberSchema).min(1, { error: '至少要有一个数字 / at least one number' }),
		/** What else a reader should know (what the statement does not say). */
		notes: z.array(Text).default([]),
	})
	.superRefine((f, ctx) => {
		const seen = new Set<string>();
		f.numbers.forEach((n, i) => {
			if (seen.has(n.key))
				ctx.addIssue({
					code: 'custom',
					path: ['numbers', i, 'key'],
					message: `数字的 key“${n.key}”重复 / duplicate key`,
				});
			seen.add(n.key);
		});
		if (f.basis === 'reprint' && !f.source.via)
			ctx.addIssue({
				code: 'custom',
				path: ['source', 'via'],
				message: '转载来的通报（basis: reprint）要在 source.via 写明在哪里读到 / a reprint needs source.via',
			});
		if (f.basis === 'reprint' && f.source.url)
			ctx.addIssue({
				code: 'custom',
				path: ['source', 'url'],
				message:
					'原发未见的通报（basis: reprint）不能有链接：转载站只供核对，不作引用 / no link for a reprint: the original is unseen',
			});
		if (f.basis === 'verified' && (!f.source.url || !f.source.publisher || !f.source.date))
			ctx.addIssue({
				code: 'custom',
				path: ['source'],
				message:
					'已核对原文的通报（basis: verified）要写明原发单位 publisher、日期 date 和原文链接 url / verified needs publisher, date and url',
			});
	});
export type ReportedFigure = z.output<typeof ReportedFigureSchema>;
export type ReportedNumber = z.output<typeof ReportedNumberSchema>;
