import type { Content } from '#src/lib/model/content.ts';
import type { IntegrityContext } from '#src/lib/content/integrity/context.ts';
import { updateDates } from './update-dates.ts';
import { corrections } from './corrections.ts';
import { closureSequence } from './closure.ts';

/** An update and the task it belongs to. */
export type Update = Content['updates'][number];
type Task = Content['tasks'][number];

/** A family of checks on one update: made once per run (to index what it needs), then called per update. */
export type UpdateCheck = (ctx: IntegrityContext) => (u: Update, task: Task) => void;

// In this order each update's problems are reported.
const UPDATE_CHECKS: readonly UpdateCheck[] = [updateDates, corrections, closureSequence];

/** Every update: its task must exist, then each family of update checks. */
export function updateChecks(ctx: IntegrityContext): void {
	const checks = UPDATE_CHECKS.map((make) => make(ctx));
	for (const u of ctx.content.updates) {
		const task = ctx.tasks.get(u.task);
		if (!task) {
			ctx.dangling(ctx.updateFile(u.id), 'task', '整改任务', u.task, `${ctx.base}/tasks/`);
			continue;
		}
		for (const check of checks) check(u, task);
	}
}
