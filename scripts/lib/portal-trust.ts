// What the national portal accepts from a site it does not control (issue #25 item 8): every string passes the
// text policy, dates lie between the start of the inspection system and the day the portal is composed, and a
// site's status on the portal page says whether its data is current, stale or refused, and why.
import { codePointName, valueViolations } from '#src/lib/model/text-policy.ts';
import { dayNumber } from '#src/lib/model/dates.ts';
import type { SiteManifest, SitePlan } from './portal.ts';

/**
 * The floor for a site whose manifest names no plan: no 整改方案 the portal composes can have data before the central
 * environmental protection inspection system existed. 《环境保护督察方案（试行）》 was adopted on 2015-07-01 by the
 * 中央全面深化改革领导小组's 14th meeting (新华社, 2015-07-01, 《习近平主持召开中央全面深化改革领导小组第十四次会议》).
 */
export const PORTAL_EARLIEST_DATE = '2015-07-01';

/** The day before which none of a plan's data can exist: its inspection's feedback, else its publication. */
export function planFloor(plan: SitePlan): string {
	return plan.feedbackDate ?? plan.publishedDate;
}

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

/**
 * Why a manifest's dates are refused: its as-of date or a plan's date after the composition date or before 2015-07-01,
 * or its as-of date before the publication of every plan it names (the site's own check refuses that too).
 */
export function manifestDateProblem(m: SiteManifest, composedOn: string): string | undefined {
	const first = untrustedDateProblem('manifest.json 的数据截止日期', m.asOf, composedOn);
	if (first) return first;
	for (const p of m.plans) {
		const why =
			untrustedDateProblem(`manifest.json 中方案 ${p.id} 的发布日期`, p.publishedDate, composedOn) ??
			(p.feedbackDate &&
				untrustedDateProblem(`manifest.json 中方案 ${p.id} 的督察反馈日期`, p.feedbackDate, composedOn));
		if (why) return why;
	}
	const earliest = [...m.plans].sort((a, b) => (a.publishedDate < b.publishedDate ? -1 : 1))[0];
	if (earliest && m.asOf < earliest.publishedDate)
		return `manifest.json 的数据截止日期 ${m.asOf} 早于该站最早的方案（${earliest.id}）发布日期 ${earliest.publishedDate}`;
	return undefined;
}

/**
 * The first record date of a site's tasks.json that is refused: published after the composition date, or before its
 * plan (the plan's floor when the manifest names plans: a record of a plan it does not name is refused too).
 */
export function recordDateProblem(
	records: readonly unknown[],
	composedOn: string,
	plans: readonly SitePlan[] = [],
): string | undefined {
	const byId = new Map(plans.map((p) => [p.id, p]));
	for (const [i, r] of records.entries()) {
		const { lastPublished: published, plan: planId } = (r ?? {}) as { lastPublished?: unknown; plan?: unknown };
		const what = `tasks.json 第 ${i + 1} 条记录`;
		const plan = byId.get(String(planId));
		if (plans.length && !plan) return `${what}的方案 ${String(planId)} 不在 manifest.json 的方案清单（plans）中`;
		if (typeof published !== 'string' || !published) continue;
		const why = untrustedDateProblem(`${what}的最近发布日期`, published, composedOn);
		if (why) return why;
		if (plan && published < planFloor(plan))
			return `${what}的最近发布日期 ${published} 早于其方案（${plan.id}）的${plan.feedbackDate ? '督察反馈日期' : '发布日期'} ${planFloor(plan)}`;
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
