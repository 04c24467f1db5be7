/**
 * Disclosure timeliness: 《政府信息公开条例》第二十六条 asks that information be disclosed within
 * 20 working days of the day it arose or changed. We count working days on the Chinese calendar
 * (src/lib/model/workdays.ts) from the update's fact date to its publication date.
 */
import type { UpdateRecord } from './content.ts';
import type { SiteModel } from './site-model.ts';
import { CalendarRangeError, workdaysBetween } from './workdays.ts';

/** The legal limit in working days (条例第二十六条). */
export const DISCLOSURE_LIMIT_WORKDAYS = 20;

/** How promptly one update was disclosed. */
export interface Timeliness {
	/** Working days d with factDate < d ≤ publishedDate; null when a date lies outside the holiday data. */
	workdays: number | null;
	/** More than 20 working days; null when it cannot be computed. */
	late: boolean | null;
	/** The publication date itself is not backed by a source (provenance.unsourced lists it). */
	publishedDateUnsourced: boolean;
}

/** Working days from an update's fact date to its publication, and whether that exceeds the limit. */
export function disclosureTimeliness(u: Pick<UpdateRecord, 'factDate' | 'publishedDate' | 'provenance'>): Timeliness {
	const publishedDateUnsourced = !!u.provenance.unsourced?.includes('publishedDate');
	try {
		const workdays = workdaysBetween(u.factDate, u.publishedDate);
		return { workdays, late: workdays > DISCLOSURE_LIMIT_WORKDAYS, publishedDateUnsourced };
	} catch (e) {
		// Outside the covered calendar we say "unknown" rather than guess with weekends alone.
		if (e instanceof CalendarRangeError) return { workdays: null, late: null, publishedDateUnsourced };
		throw e;
	}
}

/** Timeliness over a set of updates (one unit's, one task's). */
export interface TimelinessSummary {
	updates: number;
	late: number;
	/** Updates whose dates fall outside the holiday data. */
	unknown: number;
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
	for (const u of updates) {
		const t = disclosureTimeliness(u);
		if (t.workdays === null) unknown++;
		else days.push(t.workdays);
		if (t.late) late++;
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
