import { CONTENT_LAYOUT } from '#src/lib/content/layout.ts';
import type { IntegrityContext } from '#src/lib/content/integrity/context.ts';

/** The index of every record whose id an earlier record already has. */
function duplicates(ids: readonly string[]): { id: string; index: number }[] {
	const seen = new Set<string>();
	const dup: { id: string; index: number }[] = [];
	ids.forEach((id, index) => (seen.has(id) ? dup.push({ id, index }) : seen.add(id)));
	return dup;
}

/** Two records of one list (or two plans) with the same id. */
export function duplicateIds(ctx: IntegrityContext): void {
	const { content, base } = ctx;
	const lists = [
		['measureGroups', content.measureGroups],
		['measures', content.measures],
		['problemAreas', content.problemAreas],
		['units', content.units],
		['cities', content.cities],
		['plans', content.plans],
		['reportedFigures', content.reportedFigures ?? []],
	] as const;
	for (const [kind, list] of lists) {
		const file = kind === 'plans' ? `${base}/${CONTENT_LAYOUT.plans}/` : `${base}/${CONTENT_LAYOUT[kind]}`;
		for (const { id, index } of duplicates(list.map((r) => r.id)))
			ctx.add({
				file: kind === 'plans' ? ctx.planFile(id) : file,
				field: kind === 'plans' ? 'id' : `[${index}].id`,
				message: `编号“${id}”重复 / duplicate id`,
				hint: '每条记录的 id 必须唯一；修改其中一条。',
			});
	}
}
