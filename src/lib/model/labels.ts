/** Kinds of provenance a record can have (see ProvenanceSchema). */
export const PROVENANCE_KINDS = ['official', 'partial', 'sample'] as const;
/** A kind of provenance. */
export type ProvenanceKind = (typeof PROVENANCE_KINDS)[number];

/**
 * The provenance table: the one label of each kind (on records, as a search facet, in the editors' sheet) and its
 * meaning (the data dictionary). `aliases` are other words accepted on spreadsheet import.
 */
export const PROVENANCE_TABLE: Record<ProvenanceKind, { label: string; meaning: string; aliases: readonly string[] }> =
	{
		official: { label: '官方来源', meaning: '官方来源', aliases: ['正式'] },
		partial: { label: '部分有来源', meaning: '部分有来源（未核实字段另列）', aliases: [] },
		sample: { label: '示例', meaning: '示例数据，不是官方信息', aliases: [] },
	};

/** Chinese labels of the provenance kinds, read from the table. */
export const PROVENANCE_LABELS = /* @__PURE__ */ Object.fromEntries(
	PROVENANCE_KINDS.map((k) => [k, PROVENANCE_TABLE[k].label]),
) as Record<ProvenanceKind, string>;

/** What a derived judgment rests on (src/lib/model/basis.ts): sourced records, named unsourced inputs, or samples. */
export const BASIS_KINDS = ['sourced', 'partial', 'sample'] as const;
/** A kind of basis. */
export type BasisKind = (typeof BASIS_KINDS)[number];

/** The label of each basis kind, in data files and the data dictionary. */
export const BASIS_LABELS: Record<BasisKind, string> = { sourced: '有来源', partial: '部分依据未核实', sample: '示例' };
