/** The shape of a calendar date, YYYY-MM-DD (not yet a check that the day exists). */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `s` is a real calendar date written as YYYY-MM-DD (no 2019-02-30). */
export function isRealIsoDate(s: string): boolean {
	if (!ISO_DATE.test(s)) return false;
	const y = Number(s.slice(0, 4));
	const m = Number(s.slice(5, 7));
	const d = Number(s.slice(8, 10));
	if (m < 1 || m > 12 || d < 1) return false;
	const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
	return d <= (m === 2 ? (leap ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!);
}

const MS_PER_DAY = 86_400_000;

/** Day number (days since 1970-01-01) of a YYYY-MM-DD date, by UTC arithmetic (no time zone can shift it). */
export function dayNumber(date: string): number {
	return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

/** The YYYY-MM-DD date of a day number (toISOString is always UTC). */
export function dateOfDayNumber(day: number): string {
	return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
	return dateOfDayNumber(dayNumber(date) + days);
}

/** Calendar days from `from` to `to` (both YYYY-MM-DD; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return dayNumber(to) - dayNumber(from);
}

/** Today's calendar date in China (Asia/Shanghai), as YYYY-MM-DD. */
export function todayInShanghai(now: Date = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Asia/Shanghai',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).format(now);
}

/** The build's as-of date: the given value (e.g. from AS_OF) if set, else today in Asia/Shanghai. */
export function resolveAsOf(value: string | undefined, now: Date = new Date()): string {
	if (value === undefined || value === '') return todayInShanghai(now);
	if (!isRealIsoDate(value))
		throw new Error(`截至日期 AS_OF="${value}" 不是有效日期，应为 YYYY-MM-DD / AS_OF must be a real date YYYY-MM-DD`);
	return value;
}

/** The last day of each month from the month of `from` to the month of `to`, the last one capped at `to`. */
export function monthEnds(from: string, to: string): string[] {
	const out: string[] = [];
	let y = Number(from.slice(0, 4));
	let m = Number(from.slice(5, 7));
	for (;;) {
		const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
		const end = `${y}-${String(m).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
		if (end >= to) {
			if (`${y}-${String(m).padStart(2, '0')}` === to.slice(0, 7)) out.push(to);
			break;
		}
		out.push(end);
		m += 1;
		if (m > 12) {
			m = 1;
			y += 1;
		}
	}
	return out;
}

/** Formats YYYY-MM-DD as 2019年12月30日. */
export function formatDateZh(date: string): string {
	return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** Names the month a change page covers by its end date: 2020年1月, or 2021年6月（至15日） when it ends mid-month. */
export function changeMonthZh(to: string): string {
	const month = `${Number(to.slice(0, 4))}年${Number(to.slice(5, 7))}月`;
	return addDays(to, 1).endsWith('-01') ? month : `${month}（至${Number(to.slice(8, 10))}日）`;
}
