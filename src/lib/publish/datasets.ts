/**
 * The open-data files: each dataset's columns are its entries in the field registry (src/lib/model/fields.ts:
 * key, label, meaning, type, order); this module adds what a derived column computes from the model. The same
 * columns make the CSV (Chinese headers), the JSON (English keys, the records' own nesting), the JSON Schema and
 * the data dictionary on /data/.
 */
import { STATUS_LABELS, TASK_STATUSES } from '#src/lib/model/statuses.ts';
import {
	AREA_FIELDS,
	CITY_FIELDS,
	MEASURE_FIELDS,
	MEASURE_GROUP_FIELDS,
	TASK_FIELDS,
	UNIT_FIELDS,
	UPDATE_FIELDS,
} from '#src/lib/model/fields.ts';
import { correctionsAt, stateOf } from '#src/lib/model/status.ts';
import type { City, Measure, MeasureGroup, ProblemArea, Unit } from '#src/schemas/index.ts';
import type { TaskRecord, UpdateRecord } from '#src/lib/model/content.ts';
import { ROLLUP_KEYS, rollup } from '#src/lib/model/rollups.ts';
import { batchLabel, compareTasks, taskNumber } from '#src/lib/model/names.ts';
import { type SiteModel } from '#src/lib/model/site-model.ts';
import { disclosureTimeliness, timelinessLabel } from '#src/lib/model/timeliness.ts';
import { BASIS_KINDS, BASIS_LABELS, basisNote, basisSuffix } from '#src/lib/model/basis.ts';
import { PROVENANCE_KINDS, PROVENANCE_TABLE } from '#src/lib/model/labels.ts';
import { STATUS_BASES, STATUS_BASIS_LABELS, statusEvents, type StatusEvent } from '#src/lib/model/history.ts';
import { firstPublication } from '#src/lib/model/changes.ts';
import { columnsFrom, type Dataset, type ExportContext } from './columns.ts';
import { taskPath, updateAnchor, absoluteUrl } from './urls.ts';
import { REPORTED_FIGURES } from './reported-dataset.ts';

/** Builds the context for derived columns (counts come from rollups.ts, as everywhere else). */
export function exportContext(model: SiteModel, siteUrl: string): ExportContext {
	const tasks = [...model.tasks.values()];
	const totals = (keys: (t: TaskRecord) => readonly string[]) =>
		new Map(rollup(tasks, model.states, keys).map((r) => [r.key, r.total]));
	const correctedBy = correctionsAt(model.content.updates, model.asOf);
	return {
		model,
		siteUrl,
		counts: {
			leadUnit: totals(ROLLUP_KEYS.leadUnit),
			supportUnit: totals(ROLLUP_KEYS.supportUnit),
			measure: totals(ROLLUP_KEYS.measure),
			area: totals(ROLLUP_KEYS.area),
			city: totals(ROLLUP_KEYS.city),
		},
		correctedBy,
	};
}

const state = (ctx: ExportContext, id: string) => stateOf(ctx.model.states, id);
const names = (ctx: ExportContext, ids: readonly string[]) => ids.map((u) => ctx.model.units.get(u)?.name ?? u);
const cityNames = (ctx: ExportContext, ids: readonly string[]) => ids.map((c) => ctx.model.cities.get(c)?.name ?? c);

/** One row per task, with its state at the as-of date. */
export const TASKS: Dataset<TaskRecord> = {
	name: 'tasks',
	title: '整改任务',
	description: '每行一项整改任务，含截至数据日期的状态。',
	records: (m) => [...m.tasks.values()].sort(compareTasks(m.plans)),
	columns: columnsFrom<TaskRecord>(TASK_FIELDS, {
		number: (t, c) => taskNumber(t, c.model.plans.get(t.plan)),
		measureTitle: (t, c) => (t.measure && c.model.measures.get(t.measure)?.title) || '',
		areaTitle: (t, c) => (t.area && c.model.areas.get(t.area)?.title) || '',
		leadUnitNames: (t, c) => names(c, t.leadUnits ?? []),
		supportUnitNames: (t, c) => names(c, t.supportUnits),
		implementerNames: (t, c) => names(c, t.implementers ?? []),
		batchLabel: (t, c) => (t.batch ? batchLabel(c.model.plans.get(t.plan), t.batch) : ''),
		cityNames: (t, c) => cityNames(c, t.cities),
		status: (t, c) => state(c, t.id).status,
		statusLabel: (t, c) => STATUS_LABELS[state(c, t.id).status],
		statusBasis: (t, c) => state(c, t.id).basis.kind,
		statusBasisNote: (t, c) => basisNote(state(c, t.id).basis),
		statusUnsourced: (t, c) => (state(c, t.id).basis.unsourced.length ? state(c, t.id).basis.unsourced : undefined),
		dueDateInForce: (t, c) => state(c, t.id).dueDate,
		overdue: (t, c) => state(c, t.id).overdue,
		daysOverdue: (t, c) => state(c, t.id).daysOverdue,
		lapsedDueDate: (t, c) => state(c, t.id).lateExtension?.lapsedDue,
		completedDate: (t, c) => state(c, t.id).completedDate,
		completedLate: (t, c) => state(c, t.id).completedLate,
		completedLateBasis: (t, c) => state(c, t.id).timingBasis.kind,
		noticeStart: (t, c) => state(c, t.id).notice?.start,
		noticeEnd: (t, c) => state(c, t.id).notice?.end,
		daysSinceNotice: (t, c) => state(c, t.id).daysSinceNotice,
		closedDate: (t, c) => state(c, t.id).closedDate,
		lastPublished: (t, c) => state(c, t.id).lastPublished,
		updateCount: (t, c) => state(c, t.id).known.length,
		lateDisclosures: (t, c) => state(c, t.id).known.filter((u) => disclosureTimeliness(u).late).length,
		url: (t, c) => absoluteUrl(c.siteUrl, taskPath(t.id)),
	}),
};

/** One row per progress update, including corrected ones (updates are append-only: nothing is removed). */
export const UPDATES: Dataset<UpdateRecord> = {
	name: 'updates',
	title: '整改进展',
	description: '每行一条进展记录（含已被更正的记录，并注明更正它的记录）。',
	records: (m) => {
		const out: UpdateRecord[] = [];
		for (const t of TASKS.records(m)) out.push(...(m.updatesByTask.get(t.id) ?? []));
		return out;
	},
	columns: columnsFrom<UpdateRecord>(
		UPDATE_FIELDS,
		{
			taskNumber: (u, c) => {
				const t = c.model.tasks.get(u.task);
				return t ? taskNumber(t, c.model.plans.get(t.plan)) : '';
			},
			statusLabel: (u) => STATUS_LABELS[u.status],
			workdaysToPublish: (u) => disclosureTimeliness(u).workdays ?? undefined,
			lateDisclosure: (u) => disclosureTimeliness(u).late ?? undefined,
			timeliness: (u) => {
				const t = disclosureTimeliness(u);
				return `${timelinessLabel(t)}${t.basis.kind === 'sample' ? basisSuffix(t.basis) : ''}`;
			},
			correctedBy: (u, c) => c.correctedBy.get(u.id),
			url: (u, c) => absoluteUrl(c.siteUrl, `${taskPath(u.task)}#${updateAnchor(u.id)}`),
		},
		// Astro's loader trims the body and src/lib/content/load.ts does not;
		// trimming here makes both readers publish the same bytes.
		{ body: (v) => (typeof v === 'string' ? v.trim() : v) },
	),
};

/** Responsible units. */
export const UNITS: Dataset<Unit> = {
	name: 'units',
	title: '责任单位',
	description: '每行一个责任单位（省直部门或市政府）。',
	records: (m) => [...m.units.values()],
	columns: columnsFrom<Unit>(UNIT_FIELDS, {
		leadTasks: (u, c) => c.counts.leadUnit.get(u.id) ?? 0,
		supportTasks: (u, c) => c.counts.supportUnit.get(u.id) ?? 0,
	}),
};

/** Measure groups (方面) of the plans. */
export const MEASURE_GROUPS: Dataset<MeasureGroup> = {
	name: 'measure-groups',
	title: '整改措施方面',
	description: '每行一个方案中的整改措施方面。',
	records: (m) => [...m.groups.values()],
	columns: columnsFrom<MeasureGroup>(MEASURE_GROUP_FIELDS, {}),
};

/** Measures (整改措施) of the plans. */
export const MEASURES: Dataset<Measure> = {
	name: 'measures',
	title: '整改措施',
	description: '每行一项方案中的整改措施。',
	records: (m) => [...m.measures.values()],
	columns: columnsFrom<Measure>(MEASURE_FIELDS, {
		groupTitle: (r, c) => c.model.groups.get(r.group)?.title ?? '',
		tasks: (r, c) => c.counts.measure.get(r.id) ?? 0,
	}),
};

/** Problem areas (问题方面) of the inspection feedback. */
export const AREAS: Dataset<ProblemArea> = {
	name: 'areas',
	title: '问题方面',
	description: '每行一个督察反馈的问题方面。',
	records: (m) => [...m.areas.values()],
	columns: columnsFrom<ProblemArea>(AREA_FIELDS, { tasks: (r, c) => c.counts.area.get(r.id) ?? 0 }),
};

/** Cities concerned by tasks. */
export const CITIES: Dataset<City> = {
	name: 'cities',
	title: '涉及城市',
	description: '每行一个设区市。',
	records: (m) => [...m.cities.values()],
	columns: columnsFrom<City>(CITY_FIELDS, { tasks: (r, c) => c.counts.city.get(r.id) ?? 0 }),
};

const DATE = 'YYYY-MM-DD（北京时间日历日）';

/**
 * What each status-history row rests on, in the row itself (issue #23): the basis as in tasks (状态依据, its
 * unsourced inputs), the same in words (示例 / …未核实 / 有来源) and the task's 数据性质.
 */
const HISTORY_BASIS_COLUMNS: Dataset<StatusEvent>['columns'] = [
	{
		key: 'statusBasis',
		header: TASK_FIELDS.statusBasis.label,
		type: 'enum',
		values: BASIS_KINDS.map((k) => ({ value: k, label: BASIS_LABELS[k] })),
		description: TASK_FIELDS.statusBasis.meaning,
	},
	{
		key: 'statusUnsourced',
		header: TASK_FIELDS.statusUnsourced.label,
		type: 'ids',
		description: TASK_FIELDS.statusUnsourced.meaning,
	},
	{
		key: 'statusBasisNote',
		header: TASK_FIELDS.statusBasisNote.label,
		type: 'text',
		description: TASK_FIELDS.statusBasisNote.meaning,
		derive: (e) => basisNote({ kind: e.statusBasis, unsourced: e.statusUnsourced }),
	},
	{
		key: 'provenance',
		header: TASK_FIELDS['provenance.kind'].label,
		type: 'enum',
		values: PROVENANCE_KINDS.map((k) => ({ value: k, label: PROVENANCE_TABLE[k].meaning })),
		description: '该任务记录的来源性质（见 tasks 文件）；sample 为演示用示例，不得作为官方信息引用',
	},
];

/**
 * One row per change of a task's status (long format): the state at any date is the task's last row on or before it.
 */
export const STATUS_HISTORY: Dataset<StatusEvent> = {
	name: 'status-history',
	title: '状态变化记录',
	description:
		'每行一次任务状态的变化（长表）：自“日期”起该任务的状态、依据和所依据的进展，直到该任务的下一行。任一日期的状态即该任务在该日或之前的最后一行；由此可以重建任何一天的历史快照。',
	records: (m) => {
		const from = firstPublication(m.plans.values()) ?? m.asOf;
		return TASKS.records(m).flatMap((t) => statusEvents(t, m.updatesByTask.get(t.id) ?? [], from, m.asOf));
	},
	columns: [
		{ key: 'task', header: '任务编号', type: 'id', description: '任务编号（见 tasks 文件）' },
		{
			key: 'taskNumber',
			header: '任务序号',
			type: 'text',
			description: '如“回头看第02号”',
			derive: (e, c) => {
				const t = c.model.tasks.get(e.task);
				return t ? taskNumber(t, c.model.plans.get(t.plan)) : '';
			},
		},
		{ key: 'date', header: '日期', type: 'date', unit: DATE, description: '自该日起为本行的状态（首行为方案公开日）' },
		{
			key: 'status',
			header: '状态代码',
			type: 'enum',
			values: TASK_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
			description: '自该日起的状态（与网站同一规则推算）',
		},
		{
			key: 'statusLabel',
			header: '状态',
			type: 'text',
			description: '状态的中文名称',
			derive: (e) => STATUS_LABELS[e.status],
		},
		{
			key: 'basis',
			header: '依据代码',
			type: 'enum',
			values: STATUS_BASES.map((b) => ({ value: b, label: STATUS_BASIS_LABELS[b] })),
			description: '该状态依据什么得出：已发布的进展，或由时限、公示期推算',
		},
		{
			key: 'update',
			header: '所依据的进展',
			type: 'text',
			nullable: true,
			description: '当日已发布的最近一条进展的编号（见 updates 文件）；为空表示尚无进展',
		},
		{ key: 'dueDate', header: '现行整改时限', type: 'date', unit: DATE, description: '当日有效的整改时限' },
		...HISTORY_BASIS_COLUMNS,
	],
};

/** Every dataset, in the order the data page lists them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const DATASETS: readonly Dataset<any>[] = [
	TASKS,
	UPDATES,
	STATUS_HISTORY,
	UNITS,
	MEASURE_GROUPS,
	MEASURES,
	AREAS,
	CITIES,
	REPORTED_FIGURES,
];
