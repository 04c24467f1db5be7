import { z } from 'astro/zod';
import { Text } from './common.ts';

/**
 * An identity field of a Chinese government site (主办单位, 网站标识码, ICP/公安备案 …).
 * A placeholder must say so in its value, so that nobody mistakes it for a real filing number.
 */
export const IdentityFieldSchema = z.strictObject({ value: Text, placeholder: z.boolean() }).superRefine((f, ctx) => {
	if (f.placeholder && !/演示|占位|示例/.test(f.value))
		ctx.addIssue({
			code: 'custom',
			path: ['value'],
			message: '占位值必须写明“演示”或“占位”字样 / a placeholder must read as one',
		});
});
export type IdentityField = z.output<typeof IdentityFieldSchema>;

/** An identity field or contact channel that may link somewhere (a query page, a form of the province's portal). */
export const ChannelFieldSchema = z
	.strictObject({ value: Text, placeholder: z.boolean(), href: z.url().optional() })
	.superRefine((f, ctx) => {
		if (f.placeholder && !/演示|占位|示例/.test(f.value))
			ctx.addIssue({
				code: 'custom',
				path: ['value'],
				message: '占位值必须写明“演示”或“占位”字样 / a placeholder must read as one',
			});
		if (f.placeholder && f.href)
			ctx.addIssue({
				code: 'custom',
				path: ['href'],
				message: '占位值不能带链接 / a placeholder must not link anywhere',
			});
	});
export type ChannelField = z.output<typeof ChannelFieldSchema>;

/** Site settings: name, public URL and the identity fields shown in the footer. */
export const SettingsSchema = z.strictObject({
	id: z.literal('site'),
	/** Site name shown in the header and titles. */
	siteName: Text,
	/** Absolute base URL the site is served from (used for canonical links, feeds, citations). */
	siteUrl: z.url(),
	/** One-line description for meta tags. */
	description: Text,
	identity: z.strictObject({
		organizer: IdentityFieldSchema, // 主办单位
		operator: IdentityFieldSchema, // 承办单位
		contact: IdentityFieldSchema, // 联系方式
		siteCode: IdentityFieldSchema, // 政府网站标识码
		icp: IdentityFieldSchema, // ICP 备案号
		psb: IdentityFieldSchema, // 公安机关备案号
		/** 党政机关网站标识: its text, and the link to its verification page once issued. */
		partyMark: ChannelFieldSchema,
		/** The permanent 监督举报 contact shown in the footer and on every task page. */
		report: ChannelFieldSchema,
		/** The province's channel for 政府信息公开申请 (依申请公开), named on every task page. */
		infoRequest: ChannelFieldSchema,
	}),
	/** Licence of the published data. */
	dataLicense: Text,
});
export type Settings = z.output<typeof SettingsSchema>;
