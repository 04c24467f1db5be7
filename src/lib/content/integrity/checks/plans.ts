import { declaredVsRecords } from '#src/lib/model/totals.ts';
import type { IntegrityContext } from '#src/lib/content/integrity/context.ts';

/** Each plan's declared totals against the records, the series and batches they name, and its publication date. */
export function planChecks(ctx: IntegrityContext): void {
	const { content, gaps, asOf, dangling } = ctx;
	// Skipped while a task or a taxonomy file failed to load: the count would be off by it.
	const countable = gaps.tasks.size === 0 && gaps.lists.size === 0 && gaps.records.size === 0;
	for (const plan of content.plans) {
		const file = ctx.planFile(plan.id);
		const d = plan.declaredTotals;
		if (countable)
			for (const row of declaredVsRecords(content, plan.id))
				// A placeholder line holds the place of a record not yet found: it keeps the count of slots, not of facts.
				if (row.declared !== row.actual + row.placeholders)
					ctx.add({
						file,
						field: `declaredTotals.${row.key}`,
						message: `方案声明${row.label} ${row.declared} 项，记录中有 ${row.actual + row.placeholders} 项 / declared ${row.declared}, records ${row.actual + row.placeholders}`,
						hint: '补齐或删除记录，或在核对原件后修改声明数。',
					});
		for (const s of Object.keys(d?.tasksBySeries ?? {}))
			if (!plan.series.some((x) => x.id === s))
				dangling(file, `declaredTotals.tasksBySeries.${s}`, '任务系列', s, file);
		for (const b of Object.keys(d?.tasksByBatch ?? {}))
			if (!plan.batches.some((x) => x.id === b)) dangling(file, `declaredTotals.tasksByBatch.${b}`, '批次', b, file);
		if (plan.publishedDate > asOf)
			ctx.add({
				file,
				field: 'publishedDate',
				message: `方案发布日期 ${plan.publishedDate} 晚于截至日期 ${asOf} / plan published after the as-of date`,
				hint: '检查日期，或调整构建的截至日期 AS_OF。',
			});
	}
}
