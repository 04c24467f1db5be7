/** Chinese names of record fields, for provenance notes, error messages and data dictionaries. */
export const FIELD_LABELS: Record<string, string> = {
	plan: '所属方案',
	series: '任务系列',
	no: '编号',
	title: '标题',
	problem: '反馈问题',
	targets: '整改目标',
	measures: '具体整改措施',
	measure: '对应整改措施',
	area: '问题方面',
	leadUnits: '牵头单位',
	supportUnits: '配合单位',
	responsible: '责任人',
	batch: '整改时限批次',
	dueDate: '整改时限',
	cities: '涉及城市',
	sources: '来源',
	provenance: '数据性质',
	task: '整改任务',
	status: '状态',
	factDate: '形成日期',
	publishedDate: '发布日期',
	evidence: '证明材料',
	closure: '验收销号',
	dueDateChange: '时限调整',
	corrects: '更正对象',
};

/** The Chinese label of a field, or the field name itself when none is defined. */
export function fieldLabel(field: string): string {
	return FIELD_LABELS[field] ?? field;
}

/** Kinds of provenance a record can have (see ProvenanceSchema). */
export const PROVENANCE_KINDS = ['official', 'partial', 'sample'] as const;

/** Chinese labels of the provenance kinds, shown on records and as a search facet. */
export const PROVENANCE_LABELS: Record<(typeof PROVENANCE_KINDS)[number], string> = {
	official: '官方来源',
	partial: '部分有来源',
	sample: '示例',
};
