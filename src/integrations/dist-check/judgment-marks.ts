/**
 * The rule behind "a judgment about a sample never shows without its mark", checked on every built page by
 * scripts/check-dist.ts: every status or warning badge says what it rests on (data-basis, src/lib/model/basis.ts); one
 * resting on a sample shows 示例 inside itself; one resting on unsourced inputs names them (未核实) or says it cannot
 * judge; a page about a sample record says 示例 in its <title>.
 */
import type { PageFacts } from './html-facts.ts';
import { BASIS_KINDS } from '#src/lib/model/basis.ts';

/** Words a partial judgment shows: the unsourced inputs named (…未核实), or that it cannot judge. */
const PARTIAL_MARK = /未核实|未见来源|无法判断/;

/** The visible mark of a sample. */
const SAMPLE_MARK = '示例';

/** A judgment element as the report shows it: <span class="badge s-overdue">逾期未完成</span>. */
function shown(j: PageFacts['judgments'][number]): string {
	const text = j.text.replace(/\s+/g, ' ').trim();
	return `<${j.tag} class="${j.className}"${j.basis === undefined ? '' : ` data-basis="${j.basis}"`}>${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

/** The problems of one page under the rule (empty when every judgment carries its basis and its visible mark). */
export function judgmentMarkProblems(facts: Pick<PageFacts, 'judgments' | 'subjectBasis' | 'titles'>): string[] {
	const out: string[] = [];
	for (const j of facts.judgments) {
		if (j.legend) continue;
		if (j.basis === undefined) out.push(`judgment without data-basis (sample, partial or sourced): ${shown(j)}`);
		else if (!(BASIS_KINDS as readonly string[]).includes(j.basis))
			out.push(`judgment with an unknown data-basis: ${shown(j)}`);
		else if (j.basis === 'sample' && !j.text.includes(SAMPLE_MARK))
			out.push(`judgment about a sample without a visible 示例: ${shown(j)}`);
		else if (j.basis === 'partial' && !PARTIAL_MARK.test(j.text))
			out.push(`judgment on unsourced inputs that does not name them (…未核实): ${shown(j)}`);
	}
	if (facts.subjectBasis === 'sample' && !facts.titles.some((t) => t.includes(SAMPLE_MARK)))
		out.push(`page about a sample record without 示例 in its <title>: "${facts.titles[0] ?? ''}"`);
	return out;
}
