/**
 * The open-data files, defined once: each dataset is a list of columns (English key, Chinese header,
 * meaning, unit, allowed values). The same list makes the CSV (Chinese headers), the JSON (English
 * keys, the records' own nesting) and the data dictionary on /data/. Record columns carry the field
 * path in their key ('closure.notice.start'), so a row turns back into exactly the record it came from.
 * No Node or Astro imports: the /changes/ page's browser script uses this module too.
 */
import { REPORTED_LABELS, REPORTED_STATUSES, STATUS_LABELS, TASK_STATUSES } from '../model/statuses.ts';
import { stateOf } from '../model/status.ts';
import type { City, Measure, MeasureGroup, ProblemArea, Unit } from '../../schemas/index.ts';
import type { TaskRecord, UpdateRecord } from '../model/content.ts';
import { ROLLUP_KEYS, rollup } from '../model/rollups.ts';
import { batchLabel, compareTasks, taskNumber } from '../model/names.ts';
import { type SiteModel } from '../model/site-model.ts';
import { disclosureTimeliness, DISCLOSURE_LIMIT_WORKDAYS } from '../model/timeliness.ts';
import type { AllowedValue, Column, Dataset, ExportContext } from './columns.ts';
import { taskPath, updateAnchor, absoluteUrl } from './urls.ts';

/** Builds the context for derived columns (counts come from rollups.ts, as everywhere else). */
export function exportContext(model: SiteModel, siteUrl: string): ExportContext {
	const tasks = [...model.tasks.values()];
	const totals = (keys: (t: TaskRecord) => readonly string[]) =>
		new Map(rollup(tasks, model.states, keys).map((r) => [r.key, r.total]));
	const correctedBy = new Map<string, string>();
	for (const u of model.content.updates)
		if (u.corrects && u.publishedDate <= model.asOf) correctedBy.set(u.corrects, u.id);
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
const PROVENANCE_VALUES: AllowedValue[] = [
	{ value: 'official', label: '官方来源' },
	{ value: 'partial', label: '部分有来源（未核实字段另列）' },
	{ value: 'sample', label: '示例数据，不是官方信息' },
];
const SOURCES_DESC =
	'来源列表（JSON 数组）：每项含 publisher 发布者、title 标题、date 日期，可选 url 原文链接、via 转载处、supports 支持的内容';
const DATE = 'YYYY-MM-DD（北京时间日历日）';

function provenanceColumns<R>(): Column<R>[] {
	return [
		{
			key: 'provenance.kind',
			header: '数据性质',
			type: 'enum',
			values: PROVENANCE_VALUES,
			description: '记录的来源性质；sample 为演示用示例，不得作为官方信息引用',
		},
		{
			key: 'provenance.note',
			header: '数据性质说明',
			type: 'text',
			optional: true,
			description: '来源说明（非官方来源时必填）',
		},
		{
			key: 'provenance.unsourced',
			header: '未核实字段',
			type: 'ids',
			optional: true,
			description: '没有来源支持的字段名（英文键名，以分号分隔）',
		},
	];
}

/** One row per task, with its state at the as-of date. */
export const TASKS: Dataset<TaskRecord> = {
	name: 'tasks',
	title: '整改任务',
	description: '每行一项整改任务，含截至数据日期的状态。',
	records: (m) => [...m.tasks.values()].sort(compareTasks(m.plans)),
	columns: [
		{ key: 'id', header: '任务编号', type: 'id', description: '任务的稳定编号，也是网址的一部分（/tasks/编号/）' },
		{
			key: 'number',
			header: '任务序号',
			type: 'text',
			description: '方案中的写法，如“回头看第02号”',
			derive: (t, c) => taskNumber(t, c.model.plans.get(t.plan)),
		},
		{ key: 'plan', header: '所属方案', type: 'id', description: '整改方案编号' },
		{
			key: 'series',
			header: '任务系列',
			type: 'id',
			description: '任务系列编号（hkk 回头看，dq 大气污染防治专项督察）',
		},
		{ key: 'no', header: '系列内序号', type: 'text', unit: '两位数字', description: '系列内两位序号，如 02' },
		{ key: 'title', header: '任务名称', type: 'text', description: '任务简称' },
		{ key: 'problem', header: '反馈问题', type: 'text', description: '任务针对的督察反馈问题' },
		{ key: 'targets', header: '整改目标', type: 'texts', description: '整改目标；CSV 中多条以换行分隔' },
		{ key: 'measures', header: '具体整改措施', type: 'texts', description: '具体整改措施；CSV 中多条以换行分隔' },
		{ key: 'measure', header: '所属整改措施', type: 'id', description: '方案整改措施编号（见 measures 文件）' },
		{
			key: 'measureTitle',
			header: '所属整改措施名称',
			type: 'text',
			description: '方案整改措施名称',
			derive: (t, c) => c.model.measures.get(t.measure)?.title ?? '',
		},
		{ key: 'area', header: '问题方面', type: 'id', description: '问题方面编号（见 areas 文件）' },
		{
			key: 'areaTitle',
			header: '问题方面名称',
			type: 'text',
			description: '问题方面名称',
			derive: (t, c) => c.model.areas.get(t.area)?.title ?? '',
		},
		{
			key: 'leadUnits',
			header: '牵头单位编号',
			type: 'ids',
			description: '牵头单位编号（见 units 文件）；CSV 中以分号分隔',
		},
		{
			key: 'leadUnitNames',
			header: '牵头单位',
			type: 'texts',
			description: '牵头单位名称；CSV 中以换行分隔',
			derive: (t, c) => names(c, t.leadUnits),
		},
		{ key: 'supportUnits', header: '配合单位编号', type: 'ids', description: '配合单位编号；CSV 中以分号分隔' },
		{
			key: 'supportUnitNames',
			header: '配合单位',
			type: 'texts',
			description: '配合单位名称；CSV 中以换行分隔',
			derive: (t, c) => names(c, t.supportUnits),
		},
		{
			key: 'responsible',
			header: '责任人',
			type: 'text',
			nullable: true,
			description: '责任人职务；为空表示未见公开来源',
		},
		{ key: 'batch', header: '整改批次编号', type: 'id', description: '整改时限批次编号' },
		{
			key: 'batchLabel',
			header: '整改批次',
			type: 'text',
			description: '如 立行立改、2019年底前、2020年底前、长期坚持',
			derive: (t, c) => batchLabel(c.model.plans.get(t.plan), t.batch),
		},
		{ key: 'dueDate', header: '原定整改时限', type: 'date', unit: DATE, description: '方案规定的整改时限' },
		{
			key: 'cities',
			header: '涉及城市编号',
			type: 'ids',
			description: '涉及城市编号（见 cities 文件）；CSV 中以分号分隔',
		},
		{ key: 'sources', header: '来源（JSON）', type: 'json', description: SOURCES_DESC },
		...provenanceColumns<TaskRecord>(),
		{
			key: 'status',
			header: '状态代码',
			type: 'enum',
			values: TASK_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
			description: '截至数据日期的状态（由进展和时限推算，不是手填）',
			derive: (t, c) => state(c, t.id).status,
		},
		{
			key: 'statusLabel',
			header: '状态',
			type: 'text',
			description: '状态的中文名称',
			derive: (t, c) => STATUS_LABELS[state(c, t.id).status],
		},
		{
			key: 'dueDateInForce',
			header: '现行整改时限',
			type: 'date',
			unit: DATE,
			description: '原定时限，或已公布的最近一次时限调整后的日期',
			derive: (t, c) => state(c, t.id).dueDate,
		},
		{
			key: 'overdue',
			header: '是否逾期',
			type: 'bool',
			description: '时限已过且未报告完成；CSV 中为 是/否',
			derive: (t, c) => state(c, t.id).overdue,
		},
		{
			key: 'completedDate',
			header: '完成日期',
			type: 'date',
			unit: DATE,
			optional: true,
			description: '报告完成的形成日期（未完成为空）',
			derive: (t, c) => state(c, t.id).completedDate,
		},
		{
			key: 'completedLate',
			header: '是否逾期完成',
			type: 'bool',
			description: '完成日期晚于现行时限；CSV 中为 是/否',
			derive: (t, c) => state(c, t.id).completedLate,
		},
		{
			key: 'noticeStart',
			header: '销号公示开始',
			type: 'date',
			unit: DATE,
			optional: true,
			description: '最近一次销号公示的开始日期',
			derive: (t, c) => state(c, t.id).notice?.start,
		},
		{
			key: 'noticeEnd',
			header: '销号公示结束',
			type: 'date',
			unit: DATE,
			optional: true,
			description: '最近一次销号公示的结束日期',
			derive: (t, c) => state(c, t.id).notice?.end,
		},
		{
			key: 'closedDate',
			header: '销号日期',
			type: 'date',
			unit: DATE,
			optional: true,
			description: '已销号任务的销号日期',
			derive: (t, c) => state(c, t.id).closedDate,
		},
		{
			key: 'lastPublished',
			header: '最近进展发布日期',
			type: 'date',
			unit: DATE,
			optional: true,
			description: '最近一条进展的发布日期',
			derive: (t, c) => state(c, t.id).lastPublished,
		},
		{
			key: 'updateCount',
			header: '进展条数',
			type: 'int',
			unit: '条',
			description: '截至数据日期已发布的进展条数（被更正的不计）',
			derive: (t, c) => state(c, t.id).known.length,
		},
		{
			key: 'lateDisclosures',
			header: '超期公开进展条数',
			type: 'int',
			unit: '条',
			description: `形成后超过 ${DISCLOSURE_LIMIT_WORKDAYS} 个工作日才发布的进展条数（《政府信息公开条例》第二十六条）`,
			derive: (t, c) => state(c, t.id).known.filter((u) => disclosureTimeliness(u).late).length,
		},
		{
			key: 'url',
			header: '网址',
			type: 'url',
			description: '任务页面的固定网址',
			derive: (t, c) => absoluteUrl(c.siteUrl, taskPath(t.id)),
		},
	],
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
	columns: [
		{ key: 'id', header: '进展编号', type: 'text', description: '进展的稳定编号：任务编号/文件名' },
		{ key: 'task', header: '任务编号', type: 'id', description: '所属任务编号（见 tasks 文件）' },
		{
			key: 'taskNumber',
			header: '任务序号',
			type: 'text',
			description: '如“回头看第02号”',
			derive: (u, c) => {
				const t = c.model.tasks.get(u.task);
				return t ? taskNumber(t, c.model.plans.get(t.plan)) : '';
			},
		},
		{
			key: 'status',
			header: '报告状态代码',
			type: 'enum',
			values: REPORTED_STATUSES.map((s) => ({ value: s, label: REPORTED_LABELS[s] })),
			description: '责任单位在本条进展中报告的状态',
		},
		{
			key: 'statusLabel',
			header: '报告状态',
			type: 'text',
			description: '报告状态的中文名称',
			derive: (u) => REPORTED_LABELS[u.status],
		},
		{ key: 'factDate', header: '形成日期', type: 'date', unit: DATE, description: '进展所述事实形成或变更的日期' },
		{ key: 'publishedDate', header: '发布日期', type: 'date', unit: DATE, description: '进展公开发布的日期' },
		{
			key: 'workdaysToPublish',
			header: '公开用时',
			type: 'int',
			unit: '工作日',
			optional: true,
			description: '从形成日期到发布日期的工作日数（按国务院节假日安排，含调休上班日）；日期超出节假日数据范围时为空',
			derive: (u) => disclosureTimeliness(u).workdays ?? undefined,
		},
		{
			key: 'lateDisclosure',
			header: '是否超期公开',
			type: 'bool',
			optional: true,
			description: `公开用时超过 ${DISCLOSURE_LIMIT_WORKDAYS} 个工作日（《政府信息公开条例》第二十六条）；CSV 中为 是/否`,
			derive: (u) => disclosureTimeliness(u).late ?? undefined,
		},
		{ key: 'title', header: '标题', type: 'text', description: '进展标题' },
		// Astro's loader trims the body and src/lib/content/load.ts does not; trimming here makes both readers publish the
		// same bytes.
		{
			key: 'body',
			header: '正文',
			type: 'text',
			description: '进展正文（Markdown 格式，去掉首尾空白）',
			normalize: (v) => (typeof v === 'string' ? v.trim() : v),
		},
		{
			key: 'evidence',
			header: '证明材料（JSON）',
			type: 'json',
			description: '证明材料列表（JSON 数组）：每项含 title 标题，可选 url、publisher、date',
		},
		{
			key: 'closure.acceptance.date',
			header: '验收日期',
			type: 'date',
			unit: DATE,
			optional: true,
			description: '验收日期',
		},
		{ key: 'closure.acceptance.by', header: '验收单位', type: 'text', optional: true, description: '组织验收的单位' },
		{
			key: 'closure.notice.start',
			header: '销号公示开始',
			type: 'date',
			unit: DATE,
			optional: true,
			description: '销号公示开始日期',
		},
		{
			key: 'closure.notice.end',
			header: '销号公示结束',
			type: 'date',
			unit: DATE,
			optional: true,
			description: '销号公示结束日期',
		},
		{
			key: 'closure.notice.contact',
			header: '异议渠道',
			type: 'text',
			optional: true,
			description: '公示期内提出异议的电话或邮箱',
		},
		{
			key: 'closure.closedDate',
			header: '销号日期',
			type: 'date',
			unit: DATE,
			optional: true,
			description: '销号日期',
		},
		{
			key: 'dueDateChange.to',
			header: '调整后时限',
			type: 'date',
			unit: DATE,
			optional: true,
			description: '本条进展将整改时限调整到的日期',
		},
		{
			key: 'dueDateChange.reason',
			header: '时限调整理由',
			type: 'text',
			optional: true,
			description: '时限调整的理由',
		},
		{ key: 'corrects', header: '更正的进展', type: 'text', optional: true, description: '本条更正的早先进展编号' },
		{
			key: 'correctedBy',
			header: '被更正于',
			type: 'text',
			optional: true,
			description: '更正本条的进展编号（本条已被更正，状态以更正为准）',
			derive: (u, c) => c.correctedBy.get(u.id),
		},
		{ key: 'sources', header: '来源（JSON）', type: 'json', description: SOURCES_DESC },
		...provenanceColumns<UpdateRecord>(),
		{
			key: 'url',
			header: '网址',
			type: 'url',
			description: '任务页面上本条进展的网址',
			derive: (u, c) => absoluteUrl(c.siteUrl, `${taskPath(u.task)}#${updateAnchor(u.id)}`),
		},
	],
};

/** Responsible units. */
export const UNITS: Dataset<Unit> = {
	name: 'units',
	title: '责任单位',
	description: '每行一个责任单位（省直部门或市政府）。',
	records: (m) => [...m.units.values()],
	columns: [
		{ key: 'id', header: '单位编号', type: 'id', description: '单位编号' },
		{ key: 'name', header: '单位名称', type: 'text', description: '全称' },
		{ key: 'shortName', header: '简称', type: 'text', description: '简称' },
		{
			key: 'kind',
			header: '单位类型',
			type: 'enum',
			values: [
				{ value: 'department', label: '省直部门' },
				{ value: 'city', label: '市政府' },
				{ value: 'other', label: '其他' },
			],
			description: '单位类型',
		},
		{ key: 'city', header: '所属城市编号', type: 'id', optional: true, description: '市政府所辖城市编号' },
		{
			key: 'leadTasks',
			header: '牵头任务数',
			type: 'int',
			unit: '项',
			description: '作为牵头单位的任务数',
			derive: (u, c) => c.counts.leadUnit.get(u.id) ?? 0,
		},
		{
			key: 'supportTasks',
			header: '配合任务数',
			type: 'int',
			unit: '项',
			description: '作为配合单位的任务数',
			derive: (u, c) => c.counts.supportUnit.get(u.id) ?? 0,
		},
	],
};

/** Measure groups (方面) of the plans. */
export const MEASURE_GROUPS: Dataset<MeasureGroup> = {
	name: 'measure-groups',
	title: '整改措施方面',
	description: '每行一个方案中的整改措施方面。',
	records: (m) => [...m.groups.values()],
	columns: [
		{ key: 'id', header: '方面编号', type: 'id', description: '方面编号' },
		{ key: 'plan', header: '所属方案', type: 'id', description: '整改方案编号' },
		{ key: 'no', header: '序号', type: 'int', description: '方案中的序号' },
		{ key: 'title', header: '名称', type: 'text', description: '方面名称' },
		{ key: 'text', header: '原文', type: 'text', description: '方案原文表述' },
		{ key: 'sources', header: '来源（JSON）', type: 'json', description: SOURCES_DESC },
	],
};

/** Measures (整改措施) of the plans. */
export const MEASURES: Dataset<Measure> = {
	name: 'measures',
	title: '整改措施',
	description: '每行一项方案中的整改措施。',
	records: (m) => [...m.measures.values()],
	columns: [
		{ key: 'id', header: '措施编号', type: 'id', description: '措施编号' },
		{ key: 'group', header: '所属方面编号', type: 'id', description: '所属方面编号（见 measure-groups 文件）' },
		{
			key: 'groupTitle',
			header: '所属方面',
			type: 'text',
			description: '所属方面名称',
			derive: (r, c) => c.model.groups.get(r.group)?.title ?? '',
		},
		{ key: 'no', header: '序号', type: 'int', description: '方面内序号' },
		{ key: 'title', header: '名称', type: 'text', description: '措施名称' },
		{ key: 'note', header: '说明', type: 'text', optional: true, description: '说明' },
		{
			key: 'tasks',
			header: '任务数',
			type: 'int',
			unit: '项',
			description: '归入该措施的任务数',
			derive: (r, c) => c.counts.measure.get(r.id) ?? 0,
		},
	],
};

/** Problem areas (问题方面) of the inspection feedback. */
export const AREAS: Dataset<ProblemArea> = {
	name: 'areas',
	title: '问题方面',
	description: '每行一个督察反馈的问题方面。',
	records: (m) => [...m.areas.values()],
	columns: [
		{ key: 'id', header: '问题方面编号', type: 'id', description: '问题方面编号' },
		{ key: 'plan', header: '所属方案', type: 'id', description: '整改方案编号' },
		{ key: 'no', header: '序号', type: 'int', description: '序号' },
		{ key: 'title', header: '名称', type: 'text', description: '问题方面名称' },
		{ key: 'summary', header: '概述', type: 'text', description: '问题概述' },
		{ key: 'sources', header: '来源（JSON）', type: 'json', description: SOURCES_DESC },
		{
			key: 'tasks',
			header: '任务数',
			type: 'int',
			unit: '项',
			description: '针对该问题方面的任务数',
			derive: (r, c) => c.counts.area.get(r.id) ?? 0,
		},
	],
};

/** Cities concerned by tasks. */
export const CITIES: Dataset<City> = {
	name: 'cities',
	title: '涉及城市',
	description: '每行一个设区市。',
	records: (m) => [...m.cities.values()],
	columns: [
		{ key: 'id', header: '城市编号', type: 'id', description: '城市编号' },
		{ key: 'name', header: '名称', type: 'text', description: '城市名称' },
		{ key: 'order', header: '排序', type: 'int', description: '列表排序' },
		{
			key: 'tasks',
			header: '涉及任务数',
			type: 'int',
			unit: '项',
			description: '涉及该城市的任务数',
			derive: (r, c) => c.counts.city.get(r.id) ?? 0,
		},
	],
};

/** Every dataset, in the order the data page lists them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const DATASETS: readonly Dataset<any>[] = [TASKS, UPDATES, UNITS, MEASURE_GROUPS, MEASURES, AREAS, CITIES];
