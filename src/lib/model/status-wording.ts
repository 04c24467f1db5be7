/**
 * Other offices' wording of a status (issue #22) and the reported status of the status table each one maps to.
 * An update keeps the office's own words (`statusText`); pages show them beside our status, so a reader sees both
 * what the office said and how this site counts it.
 */
import { STATUS_LABELS, type ReportedStatus } from './statuses.ts';

/** Office wordings seen in published 整改 lists → our reported status. */
export const STATUS_ALIASES: Readonly<Record<string, ReportedStatus>> = {
	已经整改完成: 'completed',
	已整改完成: 'completed',
	整改完成: 'completed',
	已完成整改: 'completed',
	已经完成: 'completed',
	// Done and kept up: Shanxi's 长期坚持 (counted as done).
	'已经完成,长期坚持': 'long_term',
	'已完成,长期坚持': 'long_term',
	// Not done yet, going as planned. 基本完成 is not 已完成: the office itself says the work is not finished.
	基本完成: 'on_track',
	序时推进: 'on_track',
	按序时推进: 'on_track',
	持续整改跟踪中: 'on_track',
	持续整改: 'on_track',
	正在整改: 'on_track',
	进度滞后: 'behind',
	滞后: 'behind',
};

/** A wording as compared: full-width commas and spaces do not make another wording. */
function normalize(text: string): string {
	return text.replace(/[，、]/g, ',').replace(/\s+/g, '');
}

/** The reported status an office's wording maps to (a label of the status table counts too); undefined if unknown. */
export function statusOfWording(text: string): ReportedStatus | undefined {
	const t = normalize(text);
	const alias = Object.entries(STATUS_ALIASES).find(([w]) => normalize(w) === t)?.[1];
	if (alias) return alias;
	return (Object.entries(STATUS_LABELS) as [ReportedStatus, string][]).find(([, label]) => label === t)?.[0];
}

/** The office's own wording shown beside our status, （报告原文：…）; empty when none or it is our label. */
export function officeWording(update: { status: string; statusText?: string } | undefined): string {
	if (!update?.statusText || update.statusText === STATUS_LABELS[update.status as ReportedStatus]) return '';
	return `（报告原文：${update.statusText}）`;
}
