// The dashboard's month-end progress series, computed once per build for the home page and every snapshot
// (a snapshot's series is the same series cut at its date: a month's state depends only on what was known then).
import type { ProgressPoint } from '#src/lib/model/rollups.ts';
import { progressOverTime } from '#src/lib/model/rollups.ts';
import { getHistoryDates } from './history.ts';
import { getSite } from './site.ts';

let progress: Promise<ProgressPoint[]> | undefined;

/** Progress of every task at each month end since the first plan's publication, up to the build's as-of date. */
export function getProgress(): Promise<ProgressPoint[]> {
	return (progress ??= (async () => {
		const site = await getSite();
		return progressOverTime(site.content.tasks, site.content.updates, await getHistoryDates());
	})());
}
