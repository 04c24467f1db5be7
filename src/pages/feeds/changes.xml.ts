import type { APIRoute } from 'astro';
import { getSite } from '#src/data/site.ts';
import { siteUrlOf } from '#src/data/site-url.ts';
import { getHistoryDates, statesOn } from '#src/data/history.ts';
import { diffStates, previousMonthEnd } from '#src/lib/model/changes.ts';
import { isMonthEnd } from '#src/lib/publish/citation.ts';
import { atomXml, changesFeed } from '#src/lib/publish/feeds.ts';

// One entry per month end (a mid-month as-of date would give an entry that changes every day).
export const GET: APIRoute = async ({ site }) => {
	const model = await getSite();
	const tasks = [...model.tasks.values()];
	const months = await Promise.all(
		(await getHistoryDates()).filter(isMonthEnd).map(async (to) => {
			const from = previousMonthEnd(to);
			return diffStates(tasks, await statesOn(from), await statesOn(to), from, to);
		}),
	);
	return new Response(atomXml(changesFeed(model, siteUrlOf(site), months)), {
		headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
	});
};
