import type { IntegrityContext } from '#src/lib/content/integrity/context.ts';

/** A reported figure names a plan the site carries. */
export function reportedFigureChecks(ctx: IntegrityContext): void {
	const { content, base, plans, dangling, listFile } = ctx;
	(content.reportedFigures ?? []).forEach((f, i) => {
		if (!plans.has(f.plan)) dangling(listFile('reportedFigures'), `[${i}].plan`, '方案', f.plan, `${base}/plans/`);
	});
}
