import type { IntegrityContext } from '#src/lib/content/integrity/context.ts';

/** References between the taxonomy lists: a group's and an area's plan, a measure's group, a unit's city. */
export function taxonomyReferences(ctx: IntegrityContext): void {
	const { content, base, plans, groups, cities, dangling, listFile } = ctx;
	for (const g of content.measureGroups)
		if (!plans.has(g.plan)) dangling(listFile('measureGroups'), `${g.id}.plan`, '方案', g.plan, `${base}/plans/`);
	for (const m of content.measures)
		if (!groups.has(m.group))
			dangling(listFile('measures'), `${m.id}.group`, '措施方面', m.group, listFile('measureGroups'));
	for (const a of content.problemAreas)
		if (!plans.has(a.plan)) dangling(listFile('problemAreas'), `${a.id}.plan`, '方案', a.plan, `${base}/plans/`);
	for (const u of content.units)
		if (u.city && !cities.has(u.city)) dangling(listFile('units'), `${u.id}.city`, '城市', u.city, listFile('cities'));
}
