import type { APIRoute } from 'astro';
import { getSite } from '../../data/site.ts';
import { siteUrlOf } from '../../data/site-url.ts';
import { getHistoryDates, statesOn } from '../../data/history.ts';
import { diffStates, previousMonthEnd } from '../../lib/model/changes.ts';
import { isMonthEnd } from '../../lib/publish/citation.ts';
import { atomXml, changesFeed } from '../../lib/publish/feeds.ts';

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
