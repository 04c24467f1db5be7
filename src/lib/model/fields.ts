/**
 * The field registry: every column of the open data, defined once — JSON key (the record path, e.g.
 * 'closure.notice.start'), the one Chinese label (CSV header, xlsx header, page label, JSON Schema title,
 * data dictionary), meaning, type, unit, and the column order (the order of the entries). A label means one
 * thing: an id column is called “…编号”, the column of names the plain label. Derived columns are computed by
 * src/lib/publish/datasets.ts; `sheet` marks the task fields the editors' spreadsheet carries
 * (src/lib/publish/task-sheet.ts).
 * Pure data: the browser bundles read it too.
 */
import { STATUS_TABLE, TASK_STATUSES, REPORTED_STATUSES } from './statuses.ts';
import { BASIS_KINDS, BASIS_LABELS, PROVENANCE_KINDS, PROVENANCE_TABLE } from './labels.ts';

import type { FieldType } from './field-types.ts';

export type { FieldType };

/** An allowed value of an enum column and its meaning. */
export interface AllowedValue {
	value: string;
	label: string;
}

/** One field of a dataset. */
export interface FieldDef {
	label: string;
	meaning: string;
	type: FieldType;
	/** Unit of measure or format, e.g. 工作日, YYYY-MM-DD. */
	unit?: string;
	values?: readonly AllowedValue[];
	/** May be absent (empty cell, key left out of the JSON record). */
	optional?: boolean;
	/** Empty means null (e.g. 责任人 not known). */
	nullable?: boolean;
	/** Computed from the model at the as-of date, not stored in content/. */
	derived?: boolean;
	/** For an id column: the column that carries the names (its label names the field in prose and in the sheet). */
	names?: string;
	/** Markdown text: the CSV guards it with a leading space, which keeps it Markdown (publish/formula-guard.ts). */
	markdown?: boolean;
	/** Carried by the editors' task spreadsheet; `aliases` are other headers accepted on import. */
	sheet?: { aliases: readonly string[] };
}

const DATE = 'YYYY-MM-DD（北京时间日历日）';
const SOURCES: FieldDef = {
	label: '来源（JSON）',
	meaning:
		'来源列表（JSON 数组）：每项含 publisher 发布者、title 标题、date 日期，可选 url 原文链接、via 转载处、supports 支持的内容',
	type: 'json',
	sheet: { aliases: ['来源'] },
};
const PROVENANCE = {
	'provenance.kind': {
		label: '数据性质',
		meaning: '记录的来源性质；sample 为演示用示例，不得作为官方信息引用',
		type: 'enum',
		values: /* @__PURE__ */ PROVENANCE_KINDS.map((k) => ({ value: k, label: PROVENANCE_TABLE[k].meaning })),
		sheet: { aliases: ['来源性质'] },
	},
	'provenance.note': {
		label: '数据性质说明',
		meaning: '来源说明（非官方来源时必填）',
		type: 'text',
		optional: true,
		sheet: { aliases: ['来源说明'] },
	},
	'provenance.unsourced': {
		label: '未核实字段',
		meaning: '没有来源支持的字段名（英文键名，以分号分隔）',
		type: 'ids',
		optional: true,
		sheet: { aliases: [] },
	},
} as const satisfies Record<string, FieldDef>;
const TASK_NUMBER: FieldDef = {
	label: '任务序号',
	meaning: '方案中的写法，如“回头看第02号”',
	type: 'text',
	derived: true,
};
const TASK_ID = '任务的稳定编号，也是网址的一部分（/tasks/编号/）';
const LATE_RULE = '《政府信息公开条例》第二十六条';

/** Tasks (tasks.csv / tasks.json and the editors' task sheet), in column order. */
export const TASK_FIELDS = {
	id: { label: '任务编号', meaning: TASK_ID, type: 'id', sheet: { aliases: ['任务代码', '文件名'] } },
	number: TASK_NUMBER,
	plan: { label: '所属方案', meaning: '整改方案编号', type: 'id', sheet: { aliases: ['方案', '整改方案'] } },
	series: {
		label: '任务系列',
		meaning: '任务系列编号（hkk 回头看，dq 大气污染防治专项督察）',
		type: 'id',
		sheet: { aliases: ['系列'] },
	},
	no: {
		label: '系列内序号',
		meaning: '系列内两位序号，如 02',
		type: 'seq',
		unit: 'JSON 中为两位数字 "02"；CSV 中写作“第02号”，以免电子表格把 02 读成 2',
		sheet: { aliases: ['编号', '号'] },
	},
	title: { label: '任务名称', meaning: '任务简称', type: 'text', sheet: { aliases: ['标题'] } },
	problem: {
		label: '反馈问题',
		meaning: '任务针对的督察反馈问题',
		type: 'text',
		sheet: { aliases: ['问题', '督察反馈问题'] },
	},
	targets: {
		label: '整改目标',
		meaning: '整改目标；CSV 中多条以换行分隔；方案没有整改目标时为空',
		type: 'texts',
		optional: true,
		sheet: { aliases: [] },
	},
	measures: {
		label: '具体整改措施',
		meaning: '具体整改措施；CSV 中多条以换行分隔；方案没有时为空',
		type: 'texts',
		optional: true,
		sheet: { aliases: ['整改措施'] },
	},
	measure: {
		label: '所属整改措施编号',
		meaning: '方案整改措施编号（见 measures 文件）；方案没有措施分组时为空',
		type: 'id',
		optional: true,
		names: 'measureTitle',
	},
	measureTitle: {
		label: '所属整改措施',
		meaning: '方案整改措施名称',
		type: 'text',
		derived: true,
		sheet: { aliases: ['对应措施', '对应整改措施', '所属措施'] },
	},
	area: {
		label: '问题方面编号',
		meaning: '问题方面编号（见 areas 文件）；方案没有问题方面时为空',
		type: 'id',
		optional: true,
		names: 'areaTitle',
	},
	areaTitle: { label: '问题方面', meaning: '问题方面名称', type: 'text', derived: true, sheet: { aliases: [] } },
	leadUnits: {
		label: '牵头单位编号',
		meaning: '牵头单位编号（见 units 文件）；CSV 中以分号分隔；方案没有责任单位时为空',
		type: 'ids',
		optional: true,
		names: 'leadUnitNames',
	},
	leadUnitNames: {
		label: '牵头单位',
		meaning: '牵头单位名称；CSV 中以换行分隔',
		type: 'texts',
		derived: true,
		sheet: { aliases: ['责任单位（牵头）', '责任单位'] },
	},
	supportUnits: {
		label: '配合单位编号',
		meaning: '配合单位编号；CSV 中以分号分隔',
		type: 'ids',
		names: 'supportUnitNames',
	},
	supportUnitNames: {
		label: '配合单位',
		meaning: '配合单位名称；CSV 中以换行分隔',
		type: 'texts',
		derived: true,
		sheet: { aliases: ['责任单位（配合）'] },
	},
	implementers: {
		label: '整改实施主体编号',
		meaning: '承担整改的单位编号（清单把实施主体与牵头、配合验收单位分列时）；CSV 中以分号分隔',
		type: 'ids',
		optional: true,
		names: 'implementerNames',
	},
	implementerNames: {
		label: '整改实施主体',
		meaning: '承担整改的单位名称；CSV 中以换行分隔',
		type: 'texts',
		derived: true,
		sheet: { aliases: ['实施主体', '整改主体'] },
	},
	responsible: {
		label: '责任人',
		meaning: '责任人职务；为空表示未见公开来源（方案不列责任人时也为空）',
		type: 'text',
		nullable: true,
		sheet: { aliases: [] },
	},
	'contact.name': {
		label: '联系人',
		meaning: '清单列出的联系人（代替责任人）',
		type: 'text',
		optional: true,
		sheet: { aliases: [] },
	},
	'contact.phone': {
		label: '联系电话',
		meaning: '联系人的电话',
		type: 'text',
		optional: true,
		sheet: { aliases: ['电话'] },
	},
	batch: {
		label: '整改时限批次编号',
		meaning: '整改时限批次编号；方案不分批次时为空',
		type: 'id',
		optional: true,
		names: 'batchLabel',
	},
	batchLabel: {
		label: '整改时限批次',
		meaning: '如 立行立改、2019年底前、2020年底前、长期坚持',
		type: 'text',
		derived: true,
		sheet: { aliases: ['整改时限', '整改批次', '时限'] },
	},
	dueDate: {
		label: '原定整改时限',
		meaning: '方案规定的整改时限；方案没有规定时为空',
		type: 'date',
		unit: DATE,
		optional: true,
		sheet: { aliases: ['完成日期', '完成时限', '截止日期'] },
	},
	cities: {
		label: '涉及城市编号',
		meaning: '涉及城市编号（见 cities 文件）；CSV 中以分号分隔',
		type: 'ids',
		names: 'cityNames',
	},
	cityNames: {
		label: '涉及城市',
		meaning: '涉及城市名称；CSV 中以换行分隔',
		type: 'texts',
		derived: true,
		sheet: { aliases: ['涉及市', '城市'] },
	},
	sources: SOURCES,
	...PROVENANCE,
	status: {
		label: '状态代码',
		meaning: '截至数据日期的状态（由进展和时限推算，不是手填；口径见 /about/rules/）',
		type: 'enum',
		values: /* @__PURE__ */ TASK_STATUSES.map((s) => ({ value: s, label: STATUS_TABLE[s].label })),
		derived: true,
		names: 'statusLabel',
	},
	statusLabel: { label: '状态', meaning: '状态的中文名称', type: 'text', derived: true },
	statusBasis: {
		label: '状态依据',
		meaning:
			'状态（及是否逾期、逾期天数）依据的记录性质：sourced 有来源；partial 用到了未核实的字段（见下一列）；sample 依据示例记录',
		type: 'enum',
		values: BASIS_KINDS.map((k) => ({ value: k, label: BASIS_LABELS[k] })),
		derived: true,
	},
	statusBasisNote: {
		label: '状态依据说明',
		meaning:
			'状态依据的文字：示例、未核实的字段（如“原定整改时限、发布日期未核实”）或“有来源”，与网站上状态旁的标注相同，单独引用一行时也不丢失',
		type: 'text',
		derived: true,
	},
	statusUnsourced: {
		label: '状态依据的未核实字段',
		meaning:
			'推算状态时用到、但没有来源支持的字段（英文键名，以分号分隔；如 dueDate 整改时限、publishedDate 发布日期）',
		type: 'ids',
		optional: true,
		derived: true,
	},
	dueDateInForce: {
		label: '现行整改时限',
		meaning: '原定时限，或已公布的最近一次时限调整后的日期',
		type: 'date',
		unit: DATE,
		derived: true,
	},
	overdue: { label: '是否逾期', meaning: '时限已过且未报告完成；CSV 中为 是/否', type: 'bool', derived: true },
	daysOverdue: {
		label: '已逾期天数',
		meaning: '逾期未完成的任务自现行时限起已过的日历天数（未逾期为空）',
		type: 'int',
		unit: '天',
		optional: true,
		derived: true,
	},
	lapsedDueDate: {
		label: '延期前已过时限',
		meaning: '逾期后延期：公布延期时已经过去的整改时限（没有逾期后延期为空）',
		type: 'date',
		unit: DATE,
		optional: true,
		derived: true,
	},
	completedDate: {
		label: '完成日期',
		meaning: '报告完成（或长期坚持）的形成日期（未完成为空）',
		type: 'date',
		unit: DATE,
		optional: true,
		derived: true,
	},
	completedLate: {
		label: '是否逾期完成',
		meaning: '完成日期晚于现行时限，或晚于延期前已过的时限；CSV 中为 是/否',
		type: 'bool',
		derived: true,
	},
	completedLateBasis: {
		label: '是否逾期完成的依据',
		meaning: '是否按期完成所依据的整改时限和完成日期的性质；完成日期是替代日期（如转载日期）时不判为逾期完成',
		type: 'enum',
		values: BASIS_KINDS.map((k) => ({ value: k, label: BASIS_LABELS[k] })),
		derived: true,
	},
	noticeStart: {
		label: '销号公示开始',
		meaning: '最近一次销号公示的开始日期',
		type: 'date',
		unit: DATE,
		optional: true,
		derived: true,
	},
	noticeEnd: {
		label: '销号公示结束',
		meaning: '最近一次销号公示的结束日期',
		type: 'date',
		unit: DATE,
		optional: true,
		derived: true,
	},
	daysSinceNotice: {
		label: '公示期满天数',
		meaning: '公示期满未销号的任务自公示结束日起已过的日历天数（其他为空）',
		type: 'int',
		unit: '天',
		optional: true,
		derived: true,
	},
	closedDate: {
		label: '销号日期',
		meaning: '已销号任务的销号日期',
		type: 'date',
		unit: DATE,
		optional: true,
		derived: true,
	},
	lastPublished: {
		label: '最近进展发布日期',
		meaning: '最近一条进展的发布日期',
		type: 'date',
		unit: DATE,
		optional: true,
		derived: true,
	},
	updateCount: {
		label: '进展条数',
		meaning: '截至数据日期已发布的进展条数（被更正的不计）',
		type: 'int',
		unit: '条',
		derived: true,
	},
	lateDisclosures: {
		label: '超期公开进展条数',
		meaning: `形成后超过 20 个工作日才发布的进展条数（${LATE_RULE}）`,
		type: 'int',
		unit: '条',
		derived: true,
	},
	url: { label: '网址', meaning: '任务页面的固定网址', type: 'url', derived: true },
} as const satisfies Record<string, FieldDef>;

/** Progress updates (updates.csv / updates.json), in column order. */
export const UPDATE_FIELDS = {
	id: { label: '进展编号', meaning: '进展的稳定编号：任务编号/文件名', type: 'text' },
	task: { label: '任务编号', meaning: '所属任务编号（见 tasks 文件）', type: 'id' },
	taskNumber: TASK_NUMBER,
	status: {
		label: '报告状态代码',
		meaning: '责任单位在本条进展中报告的状态',
		type: 'enum',
		values: /* @__PURE__ */ REPORTED_STATUSES.map((s) => ({ value: s, label: STATUS_TABLE[s].label })),
		names: 'statusLabel',
	},
	statusLabel: { label: '报告状态', meaning: '报告状态的中文名称', type: 'text', derived: true },
	statusText: {
		label: '原文状态表述',
		meaning: '发布单位自己的状态用语（如 基本完成、持续整改跟踪中），按本站口径对应“报告状态”；与报告状态相同时为空',
		type: 'text',
		optional: true,
	},
	factDate: { label: '形成日期', meaning: '进展所述事实形成或变更的日期', type: 'date', unit: DATE },
	publishedDate: { label: '发布日期', meaning: '进展公开发布的日期', type: 'date', unit: DATE },
	workdaysToPublish: {
		label: '公开用时',
		meaning:
			'从形成日期到发布日期的工作日数（按国务院节假日安排，含调休上班日）；日期超出节假日数据范围，或形成、发布日期是替代日期（如转载日期、“截至”日期）时为空',
		type: 'int',
		unit: '工作日',
		optional: true,
		derived: true,
	},
	lateDisclosure: {
		label: '是否超期公开',
		meaning: `公开用时超过 20 个工作日（${LATE_RULE}）；CSV 中为 是/否；无法计算或无法判断时为空`,
		type: 'bool',
		optional: true,
		derived: true,
	},
	timeliness: {
		label: '公开时效',
		meaning:
			'公开时效的判断：20 个工作日内、超过 20 个工作日、无法计算（日期超出节假日数据范围）或无法判断（原始发布日期或形成日期未见来源）；示例记录另注“（示例）”',
		type: 'text',
		derived: true,
	},
	title: { label: '进展标题', meaning: '进展标题', type: 'text' },
	body: { label: '正文', meaning: '进展正文（Markdown 格式，去掉首尾空白）', type: 'text', markdown: true },
	evidence: {
		label: '证明材料（JSON）',
		meaning: '证明材料列表（JSON 数组）：每项含 title 标题，可选 url、publisher、date',
		type: 'json',
	},
	'closure.acceptance.date': { label: '验收日期', meaning: '验收日期', type: 'date', unit: DATE, optional: true },
	'closure.acceptance.by': { label: '验收单位', meaning: '组织验收的单位', type: 'text', optional: true },
	'closure.notice.start': {
		label: '销号公示开始',
		meaning: '销号公示开始日期',
		type: 'date',
		unit: DATE,
		optional: true,
	},
	'closure.notice.end': {
		label: '销号公示结束',
		meaning: '销号公示结束日期',
		type: 'date',
		unit: DATE,
		optional: true,
	},
	'closure.notice.contact': {
		label: '异议渠道',
		meaning: '公示期内提出异议的电话或邮箱',
		type: 'text',
		optional: true,
	},
	'closure.closedDate': { label: '销号日期', meaning: '销号日期', type: 'date', unit: DATE, optional: true },
	'dueDateChange.to': {
		label: '调整后时限',
		meaning: '本条进展将整改时限调整到的日期',
		type: 'date',
		unit: DATE,
		optional: true,
	},
	'dueDateChange.reason': { label: '时限调整理由', meaning: '时限调整的理由', type: 'text', optional: true },
	corrects: { label: '更正的进展', meaning: '本条更正的早先进展编号', type: 'text', optional: true },
	correctedBy: {
		label: '被更正于',
		meaning: '更正本条的进展编号（本条已被更正，状态以更正为准）',
		type: 'text',
		optional: true,
		derived: true,
	},
	sources: SOURCES,
	...PROVENANCE,
	url: { label: '网址', meaning: '任务页面上本条进展的网址', type: 'url', derived: true },
} as const satisfies Record<string, FieldDef>;

/** Responsible units (units.csv / units.json). */
export const UNIT_FIELDS = {
	id: { label: '单位编号', meaning: '单位编号', type: 'id' },
	name: { label: '单位名称', meaning: '全称', type: 'text' },
	shortName: { label: '简称', meaning: '简称', type: 'text' },
	kind: {
		label: '单位类型',
		meaning: '单位类型',
		type: 'enum',
		values: [
			{ value: 'department', label: '省直部门' },
			{ value: 'city', label: '市政府' },
			{ value: 'other', label: '其他' },
		],
	},
	city: { label: '所属城市编号', meaning: '市政府所辖城市编号', type: 'id', optional: true },
	leadTasks: { label: '牵头任务数', meaning: '作为牵头单位的任务数', type: 'int', unit: '项', derived: true },
	supportTasks: { label: '配合任务数', meaning: '作为配合单位的任务数', type: 'int', unit: '项', derived: true },
} as const satisfies Record<string, FieldDef>;

/** Measure groups (measure-groups.csv / .json). */
export const MEASURE_GROUP_FIELDS = {
	id: { label: '方面编号', meaning: '方面编号', type: 'id' },
	plan: { label: '所属方案', meaning: '整改方案编号', type: 'id' },
	no: { label: '序号', meaning: '方案中的序号', type: 'int' },
	title: { label: '名称', meaning: '方面名称', type: 'text' },
	text: { label: '原文', meaning: '方案原文表述', type: 'text' },
	sources: SOURCES,
} as const satisfies Record<string, FieldDef>;

/** Measures (measures.csv / .json). */
export const MEASURE_FIELDS = {
	id: { label: '措施编号', meaning: '措施编号', type: 'id' },
	group: { label: '所属方面编号', meaning: '所属方面编号（见 measure-groups 文件）', type: 'id', names: 'groupTitle' },
	groupTitle: { label: '所属方面', meaning: '所属方面名称', type: 'text', derived: true },
	no: { label: '序号', meaning: '方面内序号', type: 'int' },
	title: { label: '名称', meaning: '措施名称', type: 'text' },
	note: { label: '说明', meaning: '说明', type: 'text', optional: true },
	tasks: { label: '任务数', meaning: '归入该措施的任务数', type: 'int', unit: '项', derived: true },
} as const satisfies Record<string, FieldDef>;

/** Problem areas (areas.csv / .json). */
export const AREA_FIELDS = {
	id: { label: '问题方面编号', meaning: '问题方面编号', type: 'id' },
	plan: { label: '所属方案', meaning: '整改方案编号', type: 'id' },
	no: { label: '序号', meaning: '序号', type: 'int' },
	title: { label: '名称', meaning: '问题方面名称', type: 'text' },
	summary: { label: '概述', meaning: '问题概述', type: 'text' },
	sources: SOURCES,
	tasks: { label: '任务数', meaning: '针对该问题方面的任务数', type: 'int', unit: '项', derived: true },
} as const satisfies Record<string, FieldDef>;

/** Cities (cities.csv / .json). */
export const CITY_FIELDS = {
	id: { label: '城市编号', meaning: '城市编号', type: 'id' },
	name: { label: '名称', meaning: '城市名称', type: 'text' },
	order: { label: '排序', meaning: '列表排序', type: 'int' },
	tasks: { label: '涉及任务数', meaning: '涉及该城市的任务数', type: 'int', unit: '项', derived: true },
} as const satisfies Record<string, FieldDef>;

/** The label of a task or update field in prose, errors and the sheet: an id field is named by its names column. */
export function fieldLabel(field: string, fields: Readonly<Record<string, FieldDef>> = TASK_FIELDS): string {
	const f = fields[field] ?? (UPDATE_FIELDS as Record<string, FieldDef>)[field];
	if (!f) return field === 'provenance' ? PROVENANCE['provenance.kind'].label : field;
	return f.names ? (fields[f.names] ?? f).label : f.label;
}
