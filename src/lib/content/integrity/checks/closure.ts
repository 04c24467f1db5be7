import type { Content } from '#src/lib/model/content.ts';
import type { UpdateCheck } from './updates.ts';

/** Per task, the notice windows and acceptance dates its updates record. */
function closureRecords(content: Content) {
	const noticesByTask = new Map<string, { factDate: string; end: string }[]>();
	const acceptedByTask = new Map<string, string[]>();
	for (const x of content.updates) {
		if (x.closure?.notice) {
			const list = noticesByTask.get(x.task) ?? [];
			list.push({ factDate: x.factDate, end: x.closure.notice.end });
			noticesByTask.set(x.task, list);
		}
		if (x.closure?.acceptance)
			acceptedByTask.set(x.task, [...(acceptedByTask.get(x.task) ?? []), x.closure.acceptance.date]);
	}
	return { noticesByTask, acceptedByTask };
}

/** A closure (已销号) comes after an acceptance and a notice window that has ended, and not after the as-of date. */
export const closureSequence: UpdateCheck = (ctx) => {
	const { noticesByTask, acceptedByTask } = closureRecords(ctx.content);
	return (u) => {
		const file = ctx.updateFile(u.id);
		if (u.closure?.closedDate && u.closure.closedDate > ctx.asOf)
			ctx.add({
				file,
				field: 'closure.closedDate',
				message: `销号日 ${u.closure.closedDate} 晚于截至日期 ${ctx.asOf} / closed date after the as-of date`,
				hint: '销号生效后再发布这条进展。',
			});
		if (u.status !== 'closed') return;
		const notice = (noticesByTask.get(u.task) ?? [])
			.filter((x) => x.factDate <= u.factDate)
			.sort((a, b) => (a.factDate < b.factDate ? -1 : a.factDate > b.factDate ? 1 : 0))
			.at(-1);
		if (!notice)
			ctx.add({
				file,
				field: 'status',
				message: '销号前没有销号公示记录 / closed without a notice window',
				hint: '先发布一条含 closure.notice（公示起止日期和异议渠道）的已完成进展。',
			});
		else if (u.closure?.closedDate && u.closure.closedDate < notice.end)
			ctx.add({
				file,
				field: 'closure.closedDate',
				message: `销号日 ${u.closure.closedDate} 早于公示结束日 ${notice.end} / closed before the notice window ended`,
				hint: '公示期满后才能销号；检查销号日期。',
			});
		const accepted = (acceptedByTask.get(u.task) ?? []).some((d) => d <= (u.closure?.closedDate ?? u.factDate));
		if (!accepted)
			ctx.add({
				file,
				field: 'status',
				message: '销号前没有验收记录 / closed without an acceptance on record',
				hint: '先发布一条含 closure.acceptance（验收日期和验收单位）的已完成进展，或在本条 closure 中补上 acceptance。',
			});
	};
};
