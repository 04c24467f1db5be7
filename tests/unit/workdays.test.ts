import { afterEach, describe, expect, it, vi } from 'vitest';
import data from '#src/lib/model/holidays-cn.json' with { type: 'json' };
import {
	COVERED_RANGE,
	COVERED_YEARS,
	CalendarRangeError,
	InvalidDateError,
	workdaysBetween,
} from '#src/lib/model/workdays.ts';
import { calendar } from '#tests/support/workdays.ts';

const { addWorkdays, assertIsoDate, holidayKind, isOffDay, isWorkday } = calendar();

/** process.env without @types/node (the project has no Node type definitions). */
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;

/** Weekday by UTC arithmetic, independent of the module: 0 = Sunday … 6 = Saturday. */
const utcWeekday = (d: string): number => new Date(`${d}T00:00:00Z`).getUTCDay();

describe('coverage', () => {
	it('covers the 2019–2026 arrangements, from the 2019 New Year run (2018-12-29) to 2026-12-31', () => {
		expect(COVERED_YEARS).toEqual({ first: 2019, last: 2026 });
		expect(COVERED_RANGE).toEqual({ first: '2018-12-29', last: '2026-12-31' });
	});

	it('answers the late-2018 dates of the 2019 arrangement: 2018-12-29 is a workday, 2018-12-30/31 are off', () => {
		expect(utcWeekday('2018-12-29')).toBe(6);
		expect(holidayKind('2018-12-29')).toBe('adjusted-workday');
		expect(isWorkday('2018-12-29')).toBe(true);
		expect(holidayKind('2018-12-30')).toBe('holiday');
		expect(isOffDay('2018-12-31')).toBe(true);
		expect(holidayKind('2018-12-31')).toBe('holiday');
		expect(addWorkdays('2018-12-29', 1)).toBe('2019-01-02');
	});

	it('throws CalendarRangeError for 2017, 2027 and the day before the covered range', () => {
		for (const d of ['2017-06-01', '2027-01-04', '2018-12-28', '2018-01-01']) {
			expect(() => isWorkday(d), d).toThrow(CalendarRangeError);
		}
		expect(() => holidayKind('2027-01-01')).toThrow(/2027-01-01.*2018-12-29 – 2026-12-31/);
		expect(() => workdaysBetween('2026-12-01', '2027-01-05')).toThrow(CalendarRangeError);
		expect(() => workdaysBetween('2017-12-01', '2019-01-05')).toThrow(CalendarRangeError);
	});

	it('names the date and the range in Chinese and English', () => {
		try {
			isWorkday('2027-03-01');
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(CalendarRangeError);
			const err = e as CalendarRangeError;
			expect(err.date).toBe('2027-03-01');
			expect(err.name).toBe('CalendarRangeError');
			expect(err.message).toContain('超出');
			expect(err.message).toContain('outside the covered range');
			expect(err.message).toContain('2019–2026');
		}
	});
});

describe('the examples', () => {
	it('2019-05-06 + 30 working days = 2019-06-18 (Labour Day make-up and Dragon Boat Festival)', () => {
		expect(addWorkdays('2019-05-06', 30)).toBe('2019-06-18');
	});

	it("workdaysBetween('2019-05-06', '2019-06-17') = 29", () => {
		expect(workdaysBetween('2019-05-06', '2019-06-17')).toBe(29);
	});

	it('2019-12-30 + 20 working days = 2020-02-04 (across the extended 2020 Spring Festival)', () => {
		expect(addWorkdays('2019-12-30', 20)).toBe('2020-02-04');
	});

	it('2020-01-31, 2020-02-01 and 2020-02-02 are off (国办发明电〔2020〕1号 extension; 02-01 make-up cancelled)', () => {
		for (const d of ['2020-01-31', '2020-02-01', '2020-02-02']) {
			expect(isOffDay(d), d).toBe(true);
			expect(isWorkday(d), d).toBe(false);
			expect(holidayKind(d), d).toBe('holiday');
		}
		expect(isWorkday('2020-02-03')).toBe(true);
	});

	it('2020-01-19 (Sunday) and 2019-10-12 (Saturday) are adjusted workdays', () => {
		expect(utcWeekday('2020-01-19')).toBe(0);
		expect(utcWeekday('2019-10-12')).toBe(6);
		expect(isWorkday('2020-01-19')).toBe(true);
		expect(isWorkday('2019-10-12')).toBe(true);
		expect(holidayKind('2020-01-19')).toBe('adjusted-workday');
		expect(holidayKind('2019-10-12')).toBe('adjusted-workday');
	});
});

describe('arithmetic', () => {
	it('n = 0 returns the date itself, even on a day off', () => {
		expect(addWorkdays('2019-03-13', 0)).toBe('2019-03-13');
		expect(addWorkdays('2019-10-03', 0)).toBe('2019-10-03');
		expect(addWorkdays('2026-12-31', 0)).toBe('2026-12-31');
	});

	it('an ordinary week: Monday + 5 = next Monday; 5 working days in a plain week', () => {
		expect(addWorkdays('2019-03-11', 5)).toBe('2019-03-18');
		expect(addWorkdays('2019-03-15', 1)).toBe('2019-03-18'); // Friday + 1 skips the weekend
		expect(workdaysBetween('2019-03-10', '2019-03-17')).toBe(5);
		expect(holidayKind('2019-03-13')).toBe('workday');
		expect(holidayKind('2019-03-16')).toBe('weekend');
		expect(holidayKind('2019-03-17')).toBe('weekend');
	});

	it('across the 2019 National Day week (off 10-01..10-07, make-up 09-29 Sun and 10-12 Sat)', () => {
		expect(addWorkdays('2019-09-27', 1)).toBe('2019-09-29');
		expect(addWorkdays('2019-09-29', 1)).toBe('2019-09-30');
		expect(addWorkdays('2019-09-30', 1)).toBe('2019-10-08');
		expect(addWorkdays('2019-09-30', 5)).toBe('2019-10-12');
		expect(addWorkdays('2019-09-30', 6)).toBe('2019-10-14');
		expect(workdaysBetween('2019-09-28', '2019-10-13')).toBe(7);
		for (let d = 1; d <= 7; d++) expect(isOffDay(`2019-10-0${d}`)).toBe(true);
	});

	it('workdaysBetween counts from < d ≤ to and is 0 when to ≤ from', () => {
		expect(workdaysBetween('2019-03-11', '2019-03-12')).toBe(1);
		expect(workdaysBetween('2019-03-11', '2019-03-11')).toBe(0);
		expect(workdaysBetween('2019-03-18', '2019-03-11')).toBe(0);
		expect(workdaysBetween('2019-03-15', '2019-03-17')).toBe(0);
	});

	it('addWorkdays and workdaysBetween agree over every covered day', () => {
		let day = COVERED_RANGE.first;
		let checked = 0;
		while (day < '2026-12-01') {
			const later = addWorkdays(day, 7);
			expect(isWorkday(later)).toBe(true);
			expect(workdaysBetween(day, later)).toBe(7);
			day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
			checked++;
		}
		expect(checked).toBe(2894); // 2018-12-29 … 2026-11-30
	});

	it('throws when the result would fall after 2026-12-31', () => {
		expect(addWorkdays('2026-12-30', 1)).toBe('2026-12-31');
		expect(() => addWorkdays('2026-12-30', 2)).toThrow(CalendarRangeError);
		expect(() => addWorkdays('2026-12-30', 2)).toThrow(/2026-12-30/);
	});

	it('rejects a negative or fractional n', () => {
		expect(() => addWorkdays('2019-03-11', -1)).toThrow(RangeError);
		expect(() => addWorkdays('2019-03-11', 1.5)).toThrow(RangeError);
		expect(() => addWorkdays('2019-03-11', Number.NaN)).toThrow(RangeError);
	});
});

describe('input validation', () => {
	it('throws InvalidDateError on an impossible date (2019-02-30) or a malformed one (2019-2-3)', () => {
		for (const bad of [
			'2019-02-30',
			'2019-2-3',
			'2019-02-03T00:00',
			'',
			'2019/02/03',
			'２０１９-02-03',
			'2019-13-01',
		]) {
			expect(() => isWorkday(bad), bad).toThrow(InvalidDateError);
			expect(() => addWorkdays(bad, 1), bad).toThrow(InvalidDateError);
			expect(() => workdaysBetween('2019-03-11', bad), bad).toThrow(InvalidDateError);
		}
		expect(() => isWorkday('2019-02-30')).toThrow(/2019-02-30/);
		expect(() => isWorkday('2019-2-3')).toThrow(/YYYY-MM-DD/);
		expect(() => assertIsoDate(20190203)).toThrow(InvalidDateError);
		expect(() => assertIsoDate('2020-02-29')).not.toThrow();
		expect(() => assertIsoDate('2019-02-29')).toThrow(InvalidDateError);
	});
});

describe('time zone independence', () => {
	const originalTz = env.TZ;
	afterEach(() => {
		vi.restoreAllMocks();
		if (originalTz === undefined) delete env.TZ;
		else env.TZ = originalTz;
		vi.resetModules();
	});

	const LOCAL_GETTERS = [
		'getDay',
		'getDate',
		'getMonth',
		'getFullYear',
		'getHours',
		'getTimezoneOffset',
		'toDateString',
		'toLocaleDateString',
	] as const;

	it('never calls a local-time Date getter, while loading or answering', async () => {
		const spies = LOCAL_GETTERS.map((name) => vi.spyOn(Date.prototype, name));
		vi.resetModules();
		const mod = await import('#src/lib/model/workdays.ts');
		const fresh = { ...calendar(mod), COVERED_RANGE: mod.COVERED_RANGE, workdaysBetween: mod.workdaysBetween };
		expect(fresh.holidayKind('2019-03-17')).toBe('weekend'); // a Sunday
		expect(fresh.holidayKind('2019-03-16')).toBe('weekend'); // a Saturday
		expect(fresh.holidayKind('2019-03-18')).toBe('workday'); // a Monday
		expect(fresh.addWorkdays('2019-12-30', 20)).toBe('2020-02-04');
		for (const spy of spies) expect(spy).not.toHaveBeenCalled();
	});

	it.each([
		['Pacific/Kiritimati', -840],
		['America/Los_Angeles', 480],
		['Asia/Shanghai', -480],
	] as const)('gives the same answers when loaded under TZ=%s', async (tz, offsetInJanuary2019) => {
		env.TZ = tz;
		expect(new Date(Date.UTC(2019, 0, 15)).getTimezoneOffset(), 'the TZ switch took effect').toBe(offsetInJanuary2019);
		vi.resetModules();
		const mod = await import('#src/lib/model/workdays.ts');
		const fresh = { ...calendar(mod), COVERED_RANGE: mod.COVERED_RANGE, workdaysBetween: mod.workdaysBetween };
		expect(fresh.holidayKind('2019-03-17')).toBe('weekend'); // Sunday
		expect(fresh.holidayKind('2019-03-16')).toBe('weekend'); // Saturday
		expect(fresh.holidayKind('2019-03-15')).toBe('workday'); // Friday
		expect(fresh.holidayKind('2020-01-19')).toBe('adjusted-workday');
		expect(fresh.COVERED_RANGE).toEqual({ first: '2018-12-29', last: '2026-12-31' });
		expect(fresh.addWorkdays('2019-05-06', 30)).toBe('2019-06-18');
		expect(fresh.workdaysBetween('2019-05-06', '2019-06-17')).toBe(29);
	});
});

describe('holidays-cn.json', () => {
	const years = data.years as Record<string, { off: string[]; work: string[] }>;

	it('has every year 2019–2026 and keeps the MIT notice of chinese-days', () => {
		expect(Object.keys(years).sort()).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026']);
		expect(data.license).toContain('MIT');
		expect(data.license).toContain('Copyright (c) 2024 Yawei sun');
		expect(data.source).toContain('chinese-days 1.5.7');
	});

	it('lists each entry under its arrangement year (or the previous December), once, with make-up days on weekends', () => {
		const seen = new Set<string>();
		for (const [year, { off, work }] of Object.entries(years)) {
			for (const d of [...off, ...work]) {
				expect(d.startsWith(`${year}-`) || d.startsWith(`${Number(year) - 1}-12-`), d).toBe(true);
				expect(seen.has(d), d).toBe(false);
				seen.add(d);
			}
			for (const d of work) expect([0, 6], d).toContain(utcWeekday(d));
		}
		expect(years['2019']?.work).toContain('2018-12-29');
		expect(years['2019']?.off).toEqual(expect.arrayContaining(['2018-12-30', '2018-12-31']));
		expect(years['2023']?.off).toContain('2022-12-31');
	});

	it('matches the State Council notices for 2019 and 2020', () => {
		const range = (from: string, to: string): string[] => {
			const out: string[] = [];
			for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
				out.push(new Date(t).toISOString().slice(0, 10));
			}
			return out;
		};
		expect(years['2019']).toEqual({
			off: [
				...range('2018-12-30', '2019-01-01'),
				...range('2019-02-04', '2019-02-10'),
				'2019-04-05',
				...range('2019-05-01', '2019-05-04'),
				'2019-06-07',
				'2019-09-13',
				...range('2019-10-01', '2019-10-07'),
			],
			work: ['2018-12-29', '2019-02-02', '2019-02-03', '2019-04-28', '2019-05-05', '2019-09-29', '2019-10-12'],
		});
		expect(years['2020']).toEqual({
			off: [
				'2020-01-01',
				...range('2020-01-24', '2020-02-02'),
				...range('2020-04-04', '2020-04-06'),
				...range('2020-05-01', '2020-05-05'),
				...range('2020-06-25', '2020-06-27'),
				...range('2020-10-01', '2020-10-08'),
			],
			work: ['2020-01-19', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10'],
		});
	});
});
