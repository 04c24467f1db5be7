/**
 * What a derived judgment rests on (status, overdue, completed late, a warning, a timeliness verdict, a count):
 * sourced records, records sourced in part (naming the unsourced inputs the judgment used), or samples.
 * Computed once here; pages, tables, charts, exports, feeds and citations read it and show it at the judgment.
 */
import { fieldLabel } from './fields.ts';
import { BASIS_KINDS, BASIS_LABELS, PROVENANCE_LABELS, type BasisKind } from './labels.ts';

export { BASIS_KINDS, BASIS_LABELS, type BasisKind };

/** The basis of one judgment. */
export interface Basis {
	kind: BasisKind;
	/** For `partial`: the inputs the judgment used that no source backs (field names, e.g. dueDate, publishedDate). */
	unsourced: string[];
}

/** A judgment resting on sourced records only. */
export const SOURCED: Basis = Object.freeze({ kind: 'sourced', unsourced: [] }) as Basis;

/** A judgment resting on an illustrative sample. */
export const SAMPLE: Basis = Object.freeze({ kind: 'sample', unsourced: [] }) as Basis;

/** A record with its provenance (a task or an update). */
export interface WithProvenance {
	provenance: { kind: string; unsourced?: readonly string[] };
}

/** The basis of a judgment reading `fields` of a record: sample; partial if one of them is unsourced; else sourced. */
export function basisOf(record: WithProvenance, fields: readonly string[]): Basis {
	if (record.provenance.kind === 'sample') return SAMPLE;
	const unsourced = fields.filter((f) => record.provenance.unsourced?.includes(f));
	return unsourced.length ? { kind: 'partial', unsourced } : SOURCED;
}

/** The basis of a judgment resting on several inputs: sample if any is, else partial (inputs united), else sourced. */
export function joinBasis(...bases: readonly Basis[]): Basis {
	if (bases.some((b) => b.kind === 'sample')) return SAMPLE;
	const unsourced = [...new Set(bases.flatMap((b) => b.unsourced))];
	return unsourced.length ? { kind: 'partial', unsourced } : SOURCED;
}

/** A partial basis naming the given unsourced inputs (sourced when the list is empty). */
export function unsourcedBasis(fields: readonly string[]): Basis {
	return fields.length ? { kind: 'partial', unsourced: [...new Set(fields)] } : SOURCED;
}

/** The unsourced inputs of a partial basis in words, e.g. 整改时限、发布日期未核实; empty otherwise. */
export function unsourcedText(b: Basis): string {
	return b.kind === 'partial' && b.unsourced.length ? `${b.unsourced.map((f) => fieldLabel(f)).join('、')}未核实` : '';
}

/** A basis in words for use inside a bracket: 示例, 整改时限未核实, or nothing when sourced. */
export function basisWords(b: Basis): string {
	return b.kind === 'sample' ? PROVENANCE_LABELS.sample : unsourcedText(b);
}

/** The note printed after a field that no source backs (an inferred due date or batch): （未见来源，本站推断）; else empty. */
export function inferredNote(b: Basis): string {
	return b.kind === 'partial' ? '（未见来源，本站推断）' : '';
}

/**
 * Who a record's own words come from, after its title: （来源：山西省工业和信息化厅） for a record with a source, so a
 * title quoted alone keeps its origin; （示例） for a sample; empty when it names no source.
 */
export function sourceNote(record: WithProvenance & { sources?: readonly { publisher: string }[] }): string {
	if (record.provenance.kind === 'sample') return `（${PROVENANCE_LABELS.sample}）`;
	const publisher = record.sources?.[0]?.publisher;
	return publisher ? `（来源：${publisher}）` : '';
}

/** A basis in words for a data file's row: 示例, 整改时限、发布日期未核实, or 有来源. */
export function basisNote(b: Basis): string {
	return b.kind === 'sourced' ? BASIS_LABELS.sourced : basisWords(b);
}

/** The note shown next to a judgment resting on unsourced inputs, e.g. （整改时限未核实）; empty otherwise. */
export function unsourcedNote(b: Basis): string {
	const text = unsourcedText(b);
	return text ? `（${text}）` : '';
}

/** The text a judgment carries in plain-text outputs (titles, feeds, CSV, citations): 示例 or the unsourced note. */
export function basisSuffix(b: Basis): string {
	return b.kind === 'sample' ? `（${PROVENANCE_LABELS.sample}）` : unsourcedNote(b);
}

/** How many of the tasks behind a count rest on samples or on unsourced inputs. */
export interface CountBasis {
	total: number;
	sample: number;
	partial: number;
	/** Unsourced inputs of the partial ones, united. */
	unsourced: string[];
}

/** An empty count basis. */
export function emptyCountBasis(): CountBasis {
	return { total: 0, sample: 0, partial: 0, unsourced: [] };
}

/** Adds one judgment's basis to a count's basis (in place; returns it). */
export function addToCount(c: CountBasis, b: Basis): CountBasis {
	c.total++;
	if (b.kind === 'sample') c.sample++;
	else if (b.kind === 'partial') {
		c.partial++;
		for (const f of b.unsourced) if (!c.unsourced.includes(f)) c.unsourced.push(f);
	}
	return c;
}

/** The basis of a count: sample if it counts a sample, partial if one rests on unsourced inputs, else sourced. */
export function countBasisKind(c: CountBasis): BasisKind {
	return c.sample > 0 ? 'sample' : c.partial > 0 ? 'partial' : 'sourced';
}

/** The note beside a count, e.g. （含示例 3 项） or （含 1 项整改时限未核实）; empty for a sourced count. */
export function countNote(c: CountBasis, unit = '项'): string {
	const parts: string[] = [];
	if (c.sample > 0)
		parts.push(
			c.sample === c.total ? `均为${PROVENANCE_LABELS.sample}` : `含${PROVENANCE_LABELS.sample} ${c.sample} ${unit}`,
		);
	if (c.partial > 0) parts.push(`${c.partial} ${unit}${c.unsourced.map((f) => fieldLabel(f)).join('、')}未核实`);
	return parts.length ? `（${parts.join('；')}）` : '';
}

/** The mark a judgment carries where it is shown: 示例 for a sample, the unsourced note for a partial basis, nothing when sourced. */
export function judgmentMark(b: Basis): string {
	return b.kind === 'sample' ? PROVENANCE_LABELS.sample : unsourcedNote(b);
}

/** The attribute every rendered judgment carries, read by the post-build checker (scripts/check-dist.ts). */
export const BASIS_ATTR = 'data-basis';
