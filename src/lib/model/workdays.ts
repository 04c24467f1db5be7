/**
 * Working-day arithmetic on the Chinese mainland calendar: weekends, the State Council's
 * public-holiday arrangements (法定节假日) and their adjusted working days (调休上班).
 *
 * Dates are plain strings 'YYYY-MM-DD' (a calendar day in China time). Internally every date
 * becomes a UTC day number (Date.UTC / 86 400 000), so the host time zone never matters:
 * no local-time Date getters are used anywhere in this module.
 *
 * Coverage: the arrangements for 2019 through 2026 (COVERED_YEARS). An arrangement may reach
 * into the previous December (the 2019 New Year break starts 2018-12-29 with a Saturday make-up
 * day), and every day of such a run is listed in the data, so those days are answered too:
 * the covered dates are COVERED_RANGE.first (2018-12-29) through COVERED_RANGE.last (2026-12-31).
 * Any other date throws CalendarRangeError. The site needs one question only, how many working days lie between
 * two dates (the disclosure deadline of 条例第二十六条); tests/support/workdays.ts asks the others through it.
 * Data: ./holidays-cn.json (derived from the MIT-licensed npm package chinese-days; see its
 * "source" and "license" fields).
 */
import data from './holidays-cn.json' with { type: 'json' };
import { dateOfDayNumber as isoOf, dayNumber, ISO_DATE as ISO_SHAPE, isRealIsoDate } from './dates.ts';

const arrangementYears = Object.keys(data.years)
	.map(Number)
	.sort((a, b) => a - b);
const firstYear = arrangementYears[0];
const lastYear = arrangementYears[arrangementYears.length - 1];
if (firstYear === undefined || lastYear === undefined) throw new Error('holidays-cn.json: no years');
for (let y = firstYear; y <= lastYear; y++) {
	if (!arrangementYears.includes(y)) throw new Error(`holidays-cn.json: year ${y} missing (years must be contiguous)`);
}

/** First and last State Council arrangement year in the data (2019 and 2026). */
export const COVERED_YEARS: Readonly<{ first: number; last: number }> = Object.freeze({
	first: firstYear,
	last: lastYear,
});

/** Saturday or Sunday: 1970-01-01 (day 0) was a Thursday. */
function isWeekendDay(day: number): boolean {
	const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday … 6 = Saturday
	return weekday === 0 || weekday === 6;
}

// Merge every year's arrangement into one date → kind lookup.
const listed = new Map<string, 'holiday' | 'adjusted-workday'>();
for (const [year, { off, work }] of Object.entries(data.years)) {
	for (const [dates, kind] of [
		[off, 'holiday'],
		[work, 'adjusted-workday'],
	] as const) {
		for (const date of dates) {
			if (!isRealIsoDate(date)) throw new Error(`holidays-cn.json: ${year}: bad date "${date}"`);
			if (listed.has(date)) throw new Error(`holidays-cn.json: ${year}: ${date} listed twice`);
			if (kind === 'adjusted-workday' && !isWeekendDay(dayNumber(date))) {
				throw new Error(`holidays-cn.json: ${year}: adjusted workday ${date} is not a Saturday or Sunday`);
			}
			listed.set(date, kind);
		}
	}
}

// The covered range starts early only when the first arrangement lists an unbroken run of days up to 31 December.
let firstDay = dayNumber(`${firstYear}-01-01`);
while (listed.has(isoOf(firstDay - 1))) firstDay--;
const lastDay = dayNumber(`${lastYear}-12-31`);

/** First and last date that can be answered: 2018-12-29 (start of the 2019 New Year arrangement) and 2026-12-31. */
export const COVERED_RANGE: Readonly<{ first: string; last: string }> = Object.freeze({
	first: isoOf(firstDay),
	last: isoOf(lastDay),
});

// Precomputed, index = day - firstDay: the running count of workdays up to and including each day.
const workdaysThrough: number[] = [];
for (let day = firstDay, count = 0; day <= lastDay; day++) {
	const kind = listed.get(isoOf(day)) ?? (isWeekendDay(day) ? 'weekend' : 'workday');
	if (kind === 'workday' || kind === 'adjusted-workday') count++;
	workdaysThrough.push(count);
}

/** Thrown for a date outside COVERED_RANGE (or arithmetic that would leave it); `date` is the offending date. */
export class CalendarRangeError extends Error {
	readonly date: string;
	constructor(date: string, detail?: { zh: string; en: string }) {
		const range = `${COVERED_RANGE.first} – ${COVERED_RANGE.last}`;
		const years = `${COVERED_YEARS.first}–${COVERED_YEARS.last}`;
		super(
			`日期 ${date} 超出节假日数据覆盖范围（${range}，即 ${years} 年国务院放假安排）${detail ? `：${detail.zh}` : ''}` +
				` / date ${date} is outside the covered range ${range} (State Council arrangements ${years})${detail ? `: ${detail.en}` : ''}`,
		);
		this.name = 'CalendarRangeError';
		this.date = date;
	}
}

/** Thrown for an input that is not a real calendar date written 'YYYY-MM-DD'. */
export class InvalidDateError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'InvalidDateError';
	}
}

/**
 * Throw InvalidDateError unless `date` is a string 'YYYY-MM-DD' naming a real calendar day (not '2019-2-3', not
 * '2019-02-30').
 */
function assertIsoDate(date: unknown): asserts date is string {
	if (typeof date !== 'string' || !ISO_SHAPE.test(date)) {
		const shown = typeof date === 'string' ? `"${date}"` : String(date);
		throw new InvalidDateError(
			`日期应写作 YYYY-MM-DD，收到 ${shown} / expected a date written YYYY-MM-DD, got ${shown}`,
		);
	}
	if (!isRealIsoDate(date)) {
		throw new InvalidDateError(`日期“${date}”不存在（日历上没有这一天）/ no such calendar date: ${date}`);
	}
}

/** Validate `date` and return its index in the precomputed tables; throws InvalidDateError or CalendarRangeError. */
function indexOf(date: unknown): number {
	assertIsoDate(date);
	const day = dayNumber(date);
	if (day < firstDay || day > lastDay) throw new CalendarRangeError(date);
	return day - firstDay;
}

/** Number of working days d with from < d ≤ to (0 when to ≤ from). */
export function workdaysBetween(from: string, to: string): number {
	const i = indexOf(from);
	const j = indexOf(to);
	if (j <= i) return 0;
	return (workdaysThrough[j] as number) - (workdaysThrough[i] as number);
}
