import { type Content } from '#src/lib/model/content.ts';
import type { Problem } from './problems.ts';
import { integrityContext, NO_GAPS, type IntegrityContext, type IntegrityGaps } from './integrity/context.ts';
import { duplicateIds } from './integrity/checks/duplicate-ids.ts';
import { taxonomyReferences } from './integrity/checks/taxonomy-references.ts';
import { taskChecks } from './integrity/checks/tasks.ts';
import { planChecks } from './integrity/checks/plans.ts';
import { updateChecks } from './integrity/checks/updates.ts';
import { reportedFigureChecks } from './integrity/checks/reported-figures.ts';

export type { IntegrityGaps } from './integrity/context.ts';
export { updateDateProblems } from './integrity/checks/update-dates.ts';

// One family of checks a file (src/lib/content/integrity/checks/); in this order their problems are reported.
const CHECKS: readonly ((ctx: IntegrityContext) => void)[] = [
	duplicateIds,
	taxonomyReferences,
	taskChecks,
	planChecks,
	updateChecks,
	reportedFigureChecks,
];

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
	const problems: Problem[] = [];
	const ctx = integrityContext(content, asOf, base, gaps, problems);
	for (const check of CHECKS) check(ctx);
	return problems;
}
