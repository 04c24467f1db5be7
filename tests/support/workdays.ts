// The questions the tests ask the calendar (which kind of day, n working days later), answered through the one
// function the site uses, workdaysBetween, plus the holiday data itself: src/lib/model/workdays.ts keeps no API
// that only tests call. Pass a freshly imported module to test it under another time zone.
import data from '#src/lib/model/holidays-cn.json' with { type: 'json' };
import * as real from '#src/lib/model/workdays.ts';

type Workdays = Pick<typeof real, 'workdaysBetween' | 'COVERED_RANGE' | 'CalendarRangeError'>;
/** The kind of a day. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted-workday';

const listed = new Map<string, DayKind>();
for (const { off, work } of Object.values(data.years as Record<string, { off: string[]; work: string[] }>)) {
	for (const d of off) listed.set(d, 'holiday');
	for (const d of work) listed.set(d, 'adjusted-workday');
}
const shift = (d: string, n: number) =>
	new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const weekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());

/** Calendar questions answered by a workdays module (the site's by default). */
export function calendar(m: Workdays = real) {
	// Validates the date and its range the way the module does (InvalidDateError, CalendarRangeError).
	const check = (d: unknown) => void m.workdaysBetween(d as string, d as string);
	const isWorkday = (d: string): boolean => {
		check(d);
		if (d === m.COVERED_RANGE.first) return listed.get(d) === 'adjusted-workday' || (!listed.has(d) && !weekend(d));
		return m.workdaysBetween(shift(d, -1), d) === 1;
	};
	const holidayKind = (d: string): DayKind => {
		check(d);
		return listed.get(d) ?? (weekend(d) ? 'weekend' : 'workday');
	};
	const addWorkdays = (d: string, n: number): string => {
		check(d);
		if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
		for (let e = d; n > 0;) {
			e = shift(e, 1);
			if (e > m.COVERED_RANGE.last)
				throw new m.CalendarRangeError(e, { zh: `${d} 之后第 ${n} 个工作日落在范围之外`, en: `after ${d}` });
			if (m.workdaysBetween(d, e) === n) return e;
		}
		return d;
	};
	return { isWorkday, isOffDay: (d: string) => !isWorkday(d), holidayKind, addWorkdays, assertIsoDate: check };
}
