import type { UpdateCheck } from './updates.ts';

/** A correction (`corrects`) names an earlier-published update of the same task, not itself, not its own corrector. */
export const corrections: UpdateCheck = (ctx) => (u) => {
	if (!u.corrects) return;
	const file = ctx.updateFile(u.id);
	const target = ctx.updates.get(u.corrects);
	if (u.corrects === u.id)
		ctx.add({
			file,
			field: 'corrects',
			message: '进展不能更正它自己 / an update cannot correct itself',
			hint: '更正要写成一条新的进展文件，其 corrects 写被更正进展的编号。',
		});
	else if (!target) ctx.dangling(file, 'corrects', '进展', u.corrects, `${ctx.base}/updates/${u.task}/`);
	else if (target.task !== u.task)
		ctx.add({
			file,
			field: 'corrects',
			message: `更正的进展“${u.corrects}”属于另一项任务 / corrects an update of another task`,
			hint: `把更正放在 ${ctx.base}/updates/${target.task}/ 下，并把 task 写成 ${target.task}。`,
		});
	else if (target.publishedDate > u.publishedDate)
		ctx.add({
			file,
			field: 'corrects',
			message: `更正发布于被更正的进展之前 / a correction must be published after what it corrects`,
			hint: '检查两条进展的发布日期 publishedDate。',
		});
	else if (target.corrects && target.corrects === u.id)
		ctx.add({
			file,
			field: 'corrects',
			message: `两条进展互相更正 / two updates correct each other`,
			hint: '只保留较晚一条中的 corrects。',
		});
};
