import { z } from 'astro/zod';
import { ISO_DATE, isRealIsoDate } from '#src/lib/model/dates.ts';

const FULL_WIDTH_DIGIT = /[０-９－]/;

/**
 * A calendar date in China time, kept as the string `YYYY-MM-DD`.
 * YAML parsers may hand us a Date for unquoted dates; we turn it back into the string
 * (a rolled-over impossible date is caught by the raw-text check in the loader).
 */
export const IsoDate = z.preprocess(
	(v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
	z.string({ error: '应为日期字符串 YYYY-MM-DD / expected a date string YYYY-MM-DD' }).superRefine((s, ctx) => {
		if (FULL_WIDTH_DIGIT.test(s)) {
			ctx.addIssue({
				code: 'custom',
				message: `日期“${s}”含全角数字或符号，请改用半角，如 2019-12-31 / full-width digits in date`,
			});
		} else if (!ISO_DATE.test(s)) {
			ctx.addIssue({ code: 'custom', message: `日期“${s}”格式不对，应为 YYYY-MM-DD / date must be YYYY-MM-DD` });
		} else if (!isRealIsoDate(s)) {
			ctx.addIssue({ code: 'custom', message: `日期“${s}”不存在（日历上没有这一天）/ no such calendar date` });
		}
	}),
);

/** The one id pattern: lower-case ASCII letters, digits and hyphens (file names, references, URLs). */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** An update id: the task id, a slash and the update's file name without .md (hkk-02/2020-12-31). */
export const UPDATE_ID_PATTERN = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/;

/** A record id: lower-case ASCII letters, digits and hyphens, used in file names and URLs. */
export const Id = z.string().regex(ID_PATTERN, {
	error: '编号只能用小写字母（a–z）、数字和连字符 / id: lower-case letters, digits, hyphens',
});

/** A reference to an update by id (<task>/<file name>). */
export const UpdateId = z.string().regex(UPDATE_ID_PATTERN, {
	error: '进展编号应为“任务编号/文件名”，如 hkk-02/2020-12-31 / update id: <task>/<file name>',
});

/** A web link that is safe to put in an href: http or https only (never javascript:, data: …). */
export const HttpUrl = z.url({
	protocol: /^https?$/,
	error: '链接必须是 http:// 或 https:// 开头的网址 / url must be http(s)',
});

/** Non-empty trimmed text. */
// Format characters (zero-width spaces, joiners, direction marks) and spaces of every kind show nothing.
const INVISIBLE = /[\p{Cf}\p{Z}\s\u3164\u115f\u1160\uffa0]/gu;

/** True when a text shows at least one visible character (not only spaces or zero-width characters). */
export function hasVisibleText(s: string): boolean {
	return s.replace(INVISIBLE, '') !== '';
}

/** Non-empty trimmed text with at least one visible character. */
export const Text = z
	.string()
	.trim()
	.min(1, { error: '不能为空 / must not be empty' })
	.refine(hasVisibleText, { error: '只有空格或不可见字符（如零宽空格），没有可见文字 / no visible text' });

/** A citation: who published what, when; a link only to the original publisher or a government site. */
export const SourceSchema = z.strictObject({
	/** Original publisher, e.g. 山西日报, 生态环境部. */
	publisher: Text,
	/** Title of the piece as published. */
	title: Text,
	/** Publication date of the piece. */
	date: IsoDate,
	/** Link to the original (government site or original outlet only); optional. */
	url: HttpUrl.optional(),
	/** Where our copy was found when it is a repost (shown as 转载自…, never linked). */
	via: Text.optional(),
	/** What exactly this source supports, when it covers only part of the record. */
	supports: Text.optional(),
});
export type Source = z.output<typeof SourceSchema>;

/** Where a record comes from: an official source, official in part, or an illustrative sample. */
export const ProvenanceSchema = z
	.strictObject({
		kind: z.enum(['official', 'partial', 'sample'], {
			error: '数据性质只能是 official、partial 或 sample / provenance.kind: official | partial | sample',
		}),
		/** Plain-language note shown on the page, required unless the record is wholly official. */
		note: Text.optional(),
		/** For `partial`: the fields that are NOT supported by a source (shown as 未核实). */
		unsourced: z.array(z.string()).optional(),
	})
	.superRefine((p, ctx) => {
		if (p.kind !== 'official' && !p.note)
			ctx.addIssue({
				code: 'custom',
				path: ['note'],
				message: '非正式来源的记录必须写明说明 note / a non-official record needs a note',
			});
		if (p.kind === 'partial' && !(p.unsourced && p.unsourced.length))
			ctx.addIssue({
				code: 'custom',
				path: ['unsourced'],
				message: '部分有来源的记录要列出未核实的字段 unsourced / list the unsourced fields',
			});
	});
export type Provenance = z.output<typeof ProvenanceSchema>;
