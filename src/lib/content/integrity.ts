import { CONTENT_LAYOUT } from './layout.ts';
import { type Content } from '#src/lib/model/content.ts';
import type { Problem } from './problems.ts';
import { declaredVsRecords } from '#src/lib/model/totals.ts';

/** The index of every record whose id an earlier record already has. */
function duplicates(ids: readonly string[]): { id: string; index: number }[] {
	const seen = new Set<string>();
	const dup: { id: string; index: number }[] = [];
	ids.forEach((id, index) => (seen.has(id) ? dup.push({ id, index }) : seen.add(id)));
	return dup;
}

/** What failed to load (see LoadGaps in load.ts): checks that depend on it are skipped rather than misreported. */
export interface IntegrityGaps {
	tasks: ReadonlySet<string>;
	updates: ReadonlySet<string>;
	records: ReadonlySet<string>;
	lists: ReadonlySet<string>;
}

const NO_GAPS: IntegrityGaps = { tasks: new Set(), updates: new Set(), records: new Set(), lists: new Set() };

/**
 * Checks the content as a whole: duplicate ids, dangling references, declared totals vs records,
 * update dates against the feedback and as-of dates, and closure sequences. Returns every problem.
 */
export function checkIntegrity(
	content: Content,
	asOf: string,
	base = 'content',
	gaps: IntegrityGaps = NO_GAPS,
): Problem[] {
	// File names as the loader reports them (relative to the project root), so both halves of a report agree.
	const taskFile = (id: string) => `${base}/${CONTENT_LAYOUT.tasks}/${id}.json`;
	const updateFile = (id: string) => `${base}/${CONTENT_LAYOUT.updates}/${id}.md`;
	const planFile = (id: string) => `${base}/${CONTENT_LAYOUT.plans}/${id}.json`;
	const problems: Problem[] = [];
	const add = (p: Problem) => problems.push(p);

	const lists = [
		['measureGroups', content.measureGroups],
		['measures', content.measures],
		['problemAreas', content.problemAreas],
		['units', content.units],
		['cities', content.cities],
		['plans', content.plans],
	] as const;
	for (const [kind, list] of lists) {
		const file = kind === 'plans' ? `${base}/${CONTENT_LAYOUT.plans}/` : `${base}/${CONTENT_LAYOUT[kind]}`;
		for (const { id, index } of duplicates(list.map((r) => r.id)))
			add({
				file: kind === 'plans' ? planFile(id) : file,
				field: kind === 'plans' ? 'id' : `[${index}].id`,
				message: `编号“${id}”重复 / duplicate id`,
				hint: '每条记录的 id 必须唯一；修改其中一条。',
			});
	}

	const plans = new Map(content.plans.map((p) => [p.id, p]));
	const groups = new Map(content.measureGroups.map((g) => [g.id, g]));
	const measures = new Map(content.measures.map((m) => [m.id, m]));
	const areas = new Map(content.problemAreas.map((a) => [a.id, a]));
	const units = new Map(content.units.map((u) => [u.id, u]));
	const cities = new Map(content.cities.map((c) => [c.id, c]));
	const tasks = new Map(content.tasks.map((t) => [t.id, t]));
	const updates = new Map(content.updates.map((u) => [u.id, u]));

	// A reference to a record that exists but failed to load is not dangling: its own problem is already reported.
	const unloaded = (id: string, list?: string) =>
		gaps.records.has(id) || gaps.tasks.has(id) || gaps.updates.has(id) || (list !== undefined && gaps.lists.has(list));
	const listOf: Record<string, string | undefined> = {
		方案: 'plans',
		措施方面: 'measureGroups',
		整改措施: 'measures',
		问题方面: 'problemAreas',
		责任单位: 'units',
		城市: 'cities',
	};
	const dangling = (file: string, field: string, kind: string, id: string, listFile: string) =>
		unloaded(id, listOf[kind]) ||
		add({
			file,
			field,
			message: `引用了不存在的${kind}“${id}” / unknown ${field} reference`,
			hint: `检查拼写，或先在 ${listFile} 中添加它。`,
		});

	for (const g of content.measureGroups)
		if (!plans.has(g.plan))
			dangling(`${base}/${CONTENT_LAYOUT.measureGroups}`, `${g.id}.plan`, '方案', g.plan, `${base}/plans/`);
	for (const m of content.measures)
		if (!groups.has(m.group))
			dangling(
				`${base}/${CONTENT_LAYOUT.measures}`,
				`${m.id}.group`,
				'措施方面',
				m.group,
				`${base}/${CONTENT_LAYOUT.measureGroups}`,
			);
	for (const a of content.problemAreas)
		if (!plans.has(a.plan))
			dangling(`${base}/${CONTENT_LAYOUT.problemAreas}`, `${a.id}.plan`, '方案', a.plan, `${base}/plans/`);
	for (const u of content.units)
		if (u.city && !cities.has(u.city))
			dangling(`${base}/${CONTENT_LAYOUT.units}`, `${u.id}.city`, '城市', u.city, `${base}/${CONTENT_LAYOUT.cities}`);

	const numbers = new Map<string, string>();
	for (const t of content.tasks) {
		const file = taskFile(t.id);
		const plan = plans.get(t.plan);
		if (!plan) dangling(file, 'plan', '方案', t.plan, `${base}/plans/`);
		else {
			if (!plan.series.some((s) => s.id === t.series))
				dangling(file, 'series', '任务系列', t.series, planFile(plan.id));
			if (!plan.batches.some((b) => b.id === t.batch))
				dangling(file, 'batch', '整改时限批次', t.batch, planFile(plan.id));
		}
		const key = `${t.plan}/${t.series}/${t.no}`;
		const other = numbers.get(key);
		if (other)
			add({
				file,
				field: 'no',
				message: `任务编号与 ${taskFile(other)} 重复（${t.series} 第${t.no}号）/ duplicate task number`,
				hint: '同一方案同一系列内编号必须唯一。',
			});
		else numbers.set(key, t.id);
		const measure = measures.get(t.measure);
		if (!measure) dangling(file, 'measure', '整改措施', t.measure, `${base}/${CONTENT_LAYOUT.measures}`);
		else if (groups.get(measure.group)?.plan !== t.plan)
			add({
				file,
				field: 'measure',
				message: `整改措施“${t.measure}”不属于方案“${t.plan}” / measure belongs to another plan`,
				hint: `改用方案“${t.plan}”的整改措施编号（见 ${base}/${CONTENT_LAYOUT.measures}）。`,
			});
		const area = areas.get(t.area);
		if (!area) dangling(file, 'area', '问题方面', t.area, `${base}/${CONTENT_LAYOUT.problemAreas}`);
		else if (area.plan !== t.plan)
			add({
				file,
				field: 'area',
				message: `问题方面“${t.area}”不属于方案“${t.plan}” / area belongs to another plan`,
				hint: `改用方案“${t.plan}”的问题方面编号（见 ${base}/${CONTENT_LAYOUT.problemAreas}）。`,
			});
		if (plan && t.dueDate < plan.inspection.feedbackDate)
			add({
				file,
				field: 'dueDate',
				message: `整改时限 ${t.dueDate} 早于督察反馈日 ${plan.inspection.feedbackDate} / due date before the feedback`,
				hint: '检查年份是否写错；整改时限不能早于督察组反馈意见的日期。',
			});
		t.leadUnits.forEach(
			(u, i) => units.has(u) || dangling(file, `leadUnits[${i}]`, '责任单位', u, `${base}/${CONTENT_LAYOUT.units}`),
		);
		t.supportUnits.forEach(
			(u, i) => units.has(u) || dangling(file, `supportUnits[${i}]`, '责任单位', u, `${base}/${CONTENT_LAYOUT.units}`),
		);
		t.cities.forEach(
			(c, i) => cities.has(c) || dangling(file, `cities[${i}]`, '城市', c, `${base}/${CONTENT_LAYOUT.cities}`),
		);
	}

	// Declared totals vs records, per plan (skipped while a task or a taxonomy file failed to load: the count would
	// be off by it).
	const countable = gaps.tasks.size === 0 && gaps.lists.size === 0 && gaps.records.size === 0;
	for (const plan of content.plans) {
		const file = planFile(plan.id);
		const d = plan.declaredTotals;
		if (countable)
			for (const row of declaredVsRecords(content, plan.id))
				// A placeholder line holds the place of a record not yet found: it keeps the count of slots, not of facts.
				if (row.declared !== row.actual + row.placeholders)
					add({
						file,
						field: `declaredTotals.${row.key}`,
						message: `方案声明${row.label} ${row.declared} 项，记录中有 ${row.actual + row.placeholders} 项 / declared ${row.declared}, records ${row.actual + row.placeholders}`,
						hint: '补齐或删除记录，或在核对原件后修改声明数。',
					});
		for (const s of Object.keys(d.tasksBySeries))
			if (!plan.series.some((x) => x.id === s))
				dangling(file, `declaredTotals.tasksBySeries.${s}`, '任务系列', s, file);
		for (const b of Object.keys(d.tasksByBatch))
			if (!plan.batches.some((x) => x.id === b)) dangling(file, `declaredTotals.tasksByBatch.${b}`, '批次', b, file);
		if (plan.publishedDate > asOf)
			add({
				file,
				field: 'publishedDate',
				message: `方案发布日期 ${plan.publishedDate} 晚于截至日期 ${asOf} / plan published after the as-of date`,
				hint: '检查日期，或调整构建的截至日期 AS_OF。',
			});
	}

	// Updates: references, dates, closure sequence.
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
	for (const u of content.updates) {
		const file = updateFile(u.id);
		const task = tasks.get(u.task);
		if (!task) {
			dangling(file, 'task', '整改任务', u.task, `${base}/tasks/`);
			continue;
		}
		const feedback = plans.get(task.plan)?.inspection.feedbackDate;
		const early = (field: string, date: string | undefined, what: string) =>
			feedback &&
			date &&
			date < feedback &&
			add({
				file,
				field,
				message: `${what} ${date} 早于督察反馈日 ${feedback} / before the feedback date`,
				hint: '检查年份是否写错；整改中的日期不能早于督察组反馈意见的日期。',
			});
		early('dueDateChange.to', u.dueDateChange?.to, '调整后的整改时限');
		early('closure.acceptance.date', u.closure?.acceptance?.date, '验收日期');
		early('closure.notice.start', u.closure?.notice?.start, '公示开始日');
		if (!u.id.startsWith(`${u.task}/`))
			add({
				file,
				field: 'task',
				message: `进展文件放在 ${u.id.split('/')[0]}/ 目录下，却指向任务“${u.task}” / update filed under another task's folder`,
				hint: `把文件移到 ${base}/updates/${u.task}/，或改正 task 字段。`,
			});
		for (const q of updateDateProblems(u, asOf, plans.get(task.plan)?.inspection.feedbackDate)) add({ file, ...q });
		if (u.corrects) {
			const target = updates.get(u.corrects);
			if (u.corrects === u.id)
				add({
					file,
					field: 'corrects',
					message: '进展不能更正它自己 / an update cannot correct itself',
					hint: '更正要写成一条新的进展文件，其 corrects 写被更正进展的编号。',
				});
			else if (!target) dangling(file, 'corrects', '进展', u.corrects, `${base}/updates/${u.task}/`);
			else if (target.task !== u.task)
				add({
					file,
					field: 'corrects',
					message: `更正的进展“${u.corrects}”属于另一项任务 / corrects an update of another task`,
					hint: `把更正放在 ${base}/updates/${target.task}/ 下，并把 task 写成 ${target.task}。`,
				});
			else if (target.publishedDate > u.publishedDate)
				add({
					file,
					field: 'corrects',
					message: `更正发布于被更正的进展之前 / a correction must be published after what it corrects`,
					hint: '检查两条进展的发布日期 publishedDate。',
				});
			else if (target.corrects && target.corrects === u.id)
				add({
					file,
					field: 'corrects',
					message: `两条进展互相更正 / two updates correct each other`,
					hint: '只保留较晚一条中的 corrects。',
				});
		}
		if (u.closure?.closedDate && u.closure.closedDate > asOf)
			add({
				file,
				field: 'closure.closedDate',
				message: `销号日 ${u.closure.closedDate} 晚于截至日期 ${asOf} / closed date after the as-of date`,
				hint: '销号生效后再发布这条进展。',
			});
		if (u.status === 'closed') {
			const notice = (noticesByTask.get(u.task) ?? [])
				.filter((x) => x.factDate <= u.factDate)
				.sort((a, b) => (a.factDate < b.factDate ? -1 : a.factDate > b.factDate ? 1 : 0))
				.at(-1);
			if (!notice)
				add({
					file,
					field: 'status',
					message: '销号前没有销号公示记录 / closed without a notice window',
					hint: '先发布一条含 closure.notice（公示起止日期和异议渠道）的已完成进展。',
				});
			else if (u.closure?.closedDate && u.closure.closedDate < notice.end)
				add({
					file,
					field: 'closure.closedDate',
					message: `销号日 ${u.closure.closedDate} 早于公示结束日 ${notice.end} / closed before the notice window ended`,
					hint: '公示期满后才能销号；检查销号日期。',
				});
			const accepted = (acceptedByTask.get(u.task) ?? []).some((d) => d <= (u.closure?.closedDate ?? u.factDate));
			if (!accepted)
				add({
					file,
					field: 'status',
					message: '销号前没有验收记录 / closed without an acceptance on record',
					hint: '先发布一条含 closure.acceptance（验收日期和验收单位）的已完成进展，或在本条 closure 中补上 acceptance。',
				});
		}
	}
	return problems;
}

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
