import type { Problem } from '#src/lib/content/problems.ts';
import type { UpdateCheck } from './updates.ts';

/**
 * The dates of one update against the as-of date and the inspection's feedback: the whole-content check and
 * `npm run update`'s prompts (which refuse a date as it is typed) share these.
 */
export function updateDateProblems(
	u: { factDate: string; publishedDate: string },
	asOf: string,
	feedbackDate?: string,
): Omit<Problem, 'file'>[] {
	const out: Omit<Problem, 'file'>[] = [];
	if (feedbackDate && u.factDate < feedbackDate)
		out.push({
			field: 'factDate',
			message: `形成日期 ${u.factDate} 早于督察反馈日 ${feedbackDate} / before the feedback date`,
			hint: '检查年份是否写错。',
		});
	if (u.publishedDate > asOf)
		out.push({
			field: 'publishedDate',
			message: `发布日期 ${u.publishedDate} 晚于截至日期 ${asOf} / published after the as-of date`,
			hint: '未来日期的进展不能发布；检查日期，或调整构建的截至日期 AS_OF。',
		});
	if (u.factDate > asOf)
		out.push({
			field: 'factDate',
			message: `形成日期 ${u.factDate} 晚于截至日期 ${asOf} / fact date after the as-of date`,
			hint: '未来发生的事不能作为进展发布；检查日期。',
		});
	return out;
}

/** An update's dates (none before the feedback, none after the as-of date) and the folder it is filed in. */
export const updateDates: UpdateCheck = (ctx) => (u, task) => {
	const file = ctx.updateFile(u.id);
	const feedback = ctx.plans.get(task.plan)?.inspection?.feedbackDate;
	const early = (field: string, date: string | undefined, what: string) =>
		feedback &&
		date &&
		date < feedback &&
		ctx.add({
			file,
			field,
			message: `${what} ${date} 早于督察反馈日 ${feedback} / before the feedback date`,
			hint: '检查年份是否写错；整改中的日期不能早于督察组反馈意见的日期。',
		});
	early('dueDateChange.to', u.dueDateChange?.to, '调整后的整改时限');
	early('closure.acceptance.date', u.closure?.acceptance?.date, '验收日期');
	early('closure.notice.start', u.closure?.notice?.start, '公示开始日');
	if (!u.id.startsWith(`${u.task}/`))
		ctx.add({
			file,
			field: 'task',
			message: `进展文件放在 ${u.id.split('/')[0]}/ 目录下，却指向任务“${u.task}” / update filed under another task's folder`,
			hint: `把文件移到 ${ctx.base}/updates/${u.task}/，或改正 task 字段。`,
		});
	for (const q of updateDateProblems(u, ctx.asOf, feedback)) ctx.add({ file, ...q });
};
