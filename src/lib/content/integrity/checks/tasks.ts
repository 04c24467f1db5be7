import type { Content } from '#src/lib/model/content.ts';
import type { IntegrityContext } from '#src/lib/content/integrity/context.ts';
import { seriesDigits } from '#src/lib/model/names.ts';

type Task = Content['tasks'][number];

const DIGIT_WORDS = ['', '一位', '两位', '三位', '四位'];

/** A task's plan, series and batch, and its number unique within plan and series. */
function taskPlanAndNumber(ctx: IntegrityContext, t: Task, numbers: Map<string, string>): void {
	const { base, dangling } = ctx;
	const file = ctx.taskFile(t.id);
	const plan = ctx.plans.get(t.plan);
	if (!plan) dangling(file, 'plan', '方案', t.plan, `${base}/plans/`);
	else {
		if (!plan.series.some((s) => s.id === t.series))
			dangling(file, 'series', '任务系列', t.series, ctx.planFile(plan.id));
		if (t.batch !== undefined && !plan.batches.some((b) => b.id === t.batch))
			dangling(file, 'batch', '整改时限批次', t.batch, ctx.planFile(plan.id));
		const digits = seriesDigits(plan, t.series);
		if (String(Number(t.no)).padStart(digits, '0') !== t.no)
			ctx.add({
				file,
				field: 'no',
				message: `编号“${t.no}”应写成${DIGIT_WORDS[digits]}数字（不足${DIGIT_WORDS[digits]}前面补 0；系列“${t.series}”的编号位数）/ no: ${digits} digit(s)`,
				hint:
					digits === 2
						? '写成两位，前面补 0，如 "02"；方案的编号若不是两位，在方案文件的 series 中写 digits。'
						: `写成 ${String(Number(t.no)).padStart(digits, '0')}；位数由 ${ctx.planFile(plan.id)} 中该系列的 digits 决定。`,
			});
	}
	const key = `${t.plan}/${t.series}/${t.no}`;
	const other = numbers.get(key);
	if (other)
		ctx.add({
			file,
			field: 'no',
			message: `任务编号与 ${ctx.taskFile(other)} 重复（${t.series} 第${t.no}号）/ duplicate task number`,
			hint: '同一方案同一系列内编号必须唯一。',
		});
	else numbers.set(key, t.id);
}

/** A task's measure and area (of its own plan), its due date against the feedback, its units and cities. */
function taskReferences(ctx: IntegrityContext, t: Task): void {
	const { dangling, listFile } = ctx;
	const file = ctx.taskFile(t.id);
	const plan = ctx.plans.get(t.plan);
	// A plan without measures, areas or units leaves those keys out (issue #22): nothing to resolve then.
	const measure = t.measure === undefined ? undefined : ctx.measures.get(t.measure);
	if (t.measure !== undefined && !measure) dangling(file, 'measure', '整改措施', t.measure, listFile('measures'));
	else if (measure && ctx.groups.get(measure.group)?.plan !== t.plan)
		ctx.add({
			file,
			field: 'measure',
			message: `整改措施“${t.measure}”不属于方案“${t.plan}” / measure belongs to another plan`,
			hint: `改用方案“${t.plan}”的整改措施编号（见 ${listFile('measures')}）。`,
		});
	const area = t.area === undefined ? undefined : ctx.areas.get(t.area);
	if (t.area !== undefined && !area) dangling(file, 'area', '问题方面', t.area, listFile('problemAreas'));
	else if (area && area.plan !== t.plan)
		ctx.add({
			file,
			field: 'area',
			message: `问题方面“${t.area}”不属于方案“${t.plan}” / area belongs to another plan`,
			hint: `改用方案“${t.plan}”的问题方面编号（见 ${listFile('problemAreas')}）。`,
		});
	if (plan?.inspection && t.dueDate && t.dueDate < plan.inspection.feedbackDate)
		ctx.add({
			file,
			field: 'dueDate',
			message: `整改时限 ${t.dueDate} 早于督察反馈日 ${plan.inspection.feedbackDate} / due date before the feedback`,
			hint: '检查年份是否写错；整改时限不能早于督察组反馈意见的日期。',
		});
	t.implementers?.forEach(
		(u, i) => ctx.units.has(u) || dangling(file, `implementers[${i}]`, '责任单位', u, listFile('units')),
	);
	(t.leadUnits ?? []).forEach(
		(u, i) => ctx.units.has(u) || dangling(file, `leadUnits[${i}]`, '责任单位', u, listFile('units')),
	);
	t.supportUnits.forEach(
		(u, i) => ctx.units.has(u) || dangling(file, `supportUnits[${i}]`, '责任单位', u, listFile('units')),
	);
	t.cities.forEach((c, i) => ctx.cities.has(c) || dangling(file, `cities[${i}]`, '城市', c, listFile('cities')));
}

/** Every task's references, number and due date. */
export function taskChecks(ctx: IntegrityContext): void {
	const numbers = new Map<string, string>();
	for (const t of ctx.content.tasks) {
		taskPlanAndNumber(ctx, t, numbers);
		taskReferences(ctx, t);
	}
}
