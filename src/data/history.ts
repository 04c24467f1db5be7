// Task states at past dates for the history pages (/changes/, /as-of/), computed once per date per build.
import type { TaskState } from '#src/lib/model/status.ts';
import { statesAt } from '#src/lib/model/status.ts';
import { historyDates } from '#src/lib/model/changes.ts';
import { getSite } from './site.ts';

const cache = new Map<string, Map<string, TaskState>>();

/** Every task's state at `date` (the build's own states for the as-of date). */
export async function statesOn(date: string): Promise<Map<string, TaskState>> {
	const site = await getSite();
	if (date === site.asOf) return site.states;
	let s = cache.get(date);
	if (!s) cache.set(date, (s = statesAt(site.content.tasks, site.content.updates, date)));
	return s;
}

/** The month ends since the first plan's publication (the last is the as-of date). */
export async function getHistoryDates(): Promise<string[]> {
	const site = await getSite();
	return historyDates(site.plans.values(), site.asOf);
}
