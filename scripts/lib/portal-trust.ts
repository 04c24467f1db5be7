// What the national portal accepts from a site it does not control (issue #25 item 8): every string passes the
// text policy, dates lie between the start of the inspection system and the day the portal is composed, and a
// site's status on the portal page says whether its data is current, stale or refused, and why.
import { codePointName, valueViolations } from '#src/lib/model/text-policy.ts';
import { dayNumber } from '#src/lib/model/dates.ts';

/**
 * No plan the portal composes can have data before this date: the central environmental protection inspection
 * system (环境保护督察方案（试行）) was adopted on 2015-07-01, and every 整改方案 answers one of its inspections.
 */
export const PORTAL_EARLIEST_DATE = '2015-07-01';

/** A site whose data is older than this many days on the day the portal is composed is shown as stale. */
export const STALE_AFTER_DAYS = 62;

/** The first string from a site that the text policy refuses, as a sentence naming file, path and code point. */
export function untrustedTextProblem(file: string, value: unknown): string | undefined {
	const v = valueViolations(value)[0];
	if (!v) return undefined;
	const where = v.path
		.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
		.join('')
		.replace(/^\./, '');
	return `${file} 的 ${where || '内容'}${v.inKey ? '（字段名）' : ''} 含有不允许的字符 ${codePointName(v.codePoint)}`;
}

/** Why a date a site gives is refused (after the portal's composition date, or before any plan can exist). */
export function untrustedDateProblem(what: string, date: string, composedOn: string): string | undefined {
	if (date > composedOn) return `${what} ${date} 晚于本次汇总日期 ${composedOn}`;
	if (date < PORTAL_EARLIEST_DATE)
		return `${what} ${date} 早于督察制度建立（${PORTAL_EARLIEST_DATE}），不可能有这样的整改数据`;
	return undefined;
}

/** The first record date of a site's tasks.json that is refused (a record published after the composition date). */
export function recordDateProblem(records: readonly unknown[], composedOn: string): string | undefined {
	for (const [i, r] of records.entries()) {
		const published = (r as { lastPublished?: unknown })?.lastPublished;
		if (typeof published !== 'string' || !published) continue;
		const why = untrustedDateProblem(`tasks.json 第 ${i + 1} 条记录的最近发布日期`, published, composedOn);
		if (why) return why;
	}
	return undefined;
}

/** A site's status on the portal page. */
export type SiteStatus = { kind: 'ok' } | { kind: 'stale'; days: number } | { kind: 'refused'; why: string };

/** The status of a site read on `composedOn`: refused with its reason, stale past STALE_AFTER_DAYS, else ok. */
export function siteStatus(
	reading: { ok: true; asOf: string } | { ok: false; problem: string },
	composedOn: string,
): SiteStatus {
	if (!reading.ok) return { kind: 'refused', why: reading.problem };
	const days = dayNumber(composedOn) - dayNumber(reading.asOf);
	return days > STALE_AFTER_DAYS ? { kind: 'stale', days } : { kind: 'ok' };
}

/** A status as the portal page writes it. */
export function siteStatusText(s: SiteStatus): string {
	if (s.kind === 'ok') return '正常';
	if (s.kind === 'stale') return `数据陈旧（截止日期距汇总已 ${s.days} 天，超过 ${STALE_AFTER_DAYS} 天）`;
	return `未采用：${s.why}`;
}
