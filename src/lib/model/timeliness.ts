/**
 * Disclosure timeliness: 《政府信息公开条例》第二十六条 asks that information be disclosed within
 * 20 working days of the day it arose or changed. We count working days on the Chinese calendar
 * (src/lib/model/workdays.ts) from the update's fact date to its publication date.
 */
import type { UpdateRecord } from './content.ts';
import { addToCount, basisOf, emptyCountBasis, type Basis, type CountBasis } from './basis.ts';
import type { SiteModel } from './site-model.ts';
import { CalendarRangeError, workdaysBetween } from './workdays.ts';

/** The legal limit in working days (条例第二十六条). */
export const DISCLOSURE_LIMIT_WORKDAYS = 20;

/**
 * The verdict on one update: within the limit, late, not computable (a date outside the holiday data), or not
 * judgeable because a date is a stand-in (a reprint date, a "截至" date: provenance.unsourced names it).
 */
export const TIMELINESS_VERDICTS = ['within', 'late', 'out_of_calendar', 'stand_in'] as const;
export type TimelinessVerdict = (typeof TIMELINESS_VERDICTS)[number];

/** How promptly one update was disclosed. */
export interface Timeliness {
	/** Working days d with factDate < d ≤ publishedDate; null when a date is outside the holiday data or a stand-in. */
	workdays: number | null;
	/** More than 20 working days; null when it cannot be computed or judged. */
	late: boolean | null;
	verdict: TimelinessVerdict;
	/** The publication date itself is not backed by a source (provenance.unsourced lists it). */
	publishedDateUnsourced: boolean;
	/** What the verdict rests on: the update's fact and publication dates (sample for a sample update). */
	basis: Basis;
}

/** The words of a verdict, the same on pages, in the CSV and in the data dictionary. */
export function timelinessLabel(t: Pick<Timeliness, 'verdict' | 'basis'>): string {
	switch (t.verdict) {
		case 'within':
			return `${DISCLOSURE_LIMIT_WORKDAYS} 个工作日内`;
		case 'late':
			return `超过 ${DISCLOSURE_LIMIT_WORKDAYS} 个工作日`;
		case 'out_of_calendar':
			return '无法计算（日期超出节假日数据范围）';
		case 'stand_in':
			return t.basis.unsourced.includes('publishedDate')
				? '无法判断（原始发布日期未见来源）'
				: '无法判断（形成日期未见来源）';
	}
}

/** Working days from fact date to publication and whether that exceeds the limit; a stand-in date never yields late. */
export function disclosureTimeliness(u: Pick<UpdateRecord, 'factDate' | 'publishedDate' | 'provenance'>): Timeliness {
	const publishedDateUnsourced = !!u.provenance.unsourced?.includes('publishedDate');
	const basis = basisOf(u, ['factDate', 'publishedDate']);
	if (basis.kind === 'partial')
		return { workdays: null, late: null, verdict: 'stand_in', publishedDateUnsourced, basis };
	try {
		const workdays = workdaysBetween(u.factDate, u.publishedDate);
		const late = workdays > DISCLOSURE_LIMIT_WORKDAYS;
		return { workdays, late, verdict: late ? 'late' : 'within', publishedDateUnsourced, basis };
	} catch (e) {
		// Outside the covered calendar we say "unknown" rather than guess with weekends alone.
		if (e instanceof CalendarRangeError)
			return { workdays: null, late: null, verdict: 'out_of_calendar', publishedDateUnsourced, basis };
		throw e;
	}
}

/** Timeliness over a set of updates (one unit's, one task's). */
export interface TimelinessSummary {
	updates: number;
	late: number;
	/** Updates whose dates fall outside the holiday data. */
	unknown: number;
	/** Updates with a stand-in fact or publication date: not judged. */
	standIn: number;
	/** What the late count rests on (how many of the late ones are samples). */
	lateBasis: CountBasis;
	/** What the median and the maximum rest on: the updates whose working days were counted. */
	daysBasis: CountBasis;
	/** Median working days over the computable updates; null when none. */
	medianWorkdays: number | null;
	maxWorkdays: number | null;
}

/** Summarises the timeliness of the given updates. */
export function summariseTimeliness(
	updates: readonly Pick<UpdateRecord, 'factDate' | 'publishedDate' | 'provenance'>[],
): TimelinessSummary {
	const days: number[] = [];
	let late = 0;
	let unknown = 0;
	let standIn = 0;
	const lateBasis = emptyCountBasis();
	const daysBasis = emptyCountBasis();
	for (const u of updates) {
		const t = disclosureTimeliness(u);
		if (t.verdict === 'out_of_calendar') unknown++;
		if (t.verdict === 'stand_in') standIn++;
		if (t.workdays !== null) {
			days.push(t.workdays);
			addToCount(daysBasis, t.basis);
		}
		if (t.late) {
			late++;
			addToCount(lateBasis, t.basis);
		}
	}
	days.sort((a, b) => a - b);
	const mid = days.length >> 1;
	const median =
		days.length === 0
			? null
			: days.length % 2
				? (days[mid] as number)
				: ((days[mid - 1] as number) + (days[mid] as number)) / 2;
	return {
		updates: updates.length,
		late,
		unknown,
		standIn,
		lateBasis,
		daysBasis,
		medianWorkdays: median,
		maxWorkdays: days.length ? (days.at(-1) as number) : null,
	};
}

/** One unit's disclosure timeliness: the known updates of the tasks it leads. */
export interface UnitTimeliness extends TimelinessSummary {
	unit: string;
	tasks: number;
}

/**
 * Timeliness per lead unit (the unit that reports), over the updates known at the model's as-of date.
 * One pass over the tasks, so it stays linear at 10,000 tasks.
 */
export function timelinessByUnit(model: Pick<SiteModel, 'tasks' | 'states' | 'units'>): Map<string, UnitTimeliness> {
	const byUnit = new Map<string, { tasks: number; updates: UpdateRecord[] }>();
	for (const t of model.tasks.values()) {
		const known = model.states.get(t.id)?.known ?? [];
		for (const unit of new Set(t.leadUnits)) {
			let e = byUnit.get(unit);
			if (!e) byUnit.set(unit, (e = { tasks: 0, updates: [] }));
			e.tasks++;
			e.updates.push(...known);
		}
	}
	const out = new Map<string, UnitTimeliness>();
	for (const id of model.units.keys()) {
		const e = byUnit.get(id) ?? { tasks: 0, updates: [] };
		out.set(id, { unit: id, tasks: e.tasks, ...summariseTimeliness(e.updates) });
	}
	return out;
}
