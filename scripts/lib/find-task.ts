// Finding a task the way an editor names it: by its official number in any common form (回头看第08号, 第8号,
// hkk-08, 8, ８) or by words of its title or problem. Used by the picker of `npm run update`.
import type { Plan } from '#src/schemas/index.ts';
import type { TaskRecord } from '#src/lib/model/content.ts';
import { taskNumber } from '#src/lib/model/names.ts';

/** Full-width digits and letters to half-width, lower case, no spaces: what an input method may have typed. */
export function normalizeQuery(q: string): string {
	return q.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The series prefix and the number of a query naming a task by number (第8号, 回头看第08号, hkk-08, 8), if it does. */
function numberQuery(q: string): { series: string; no: number } | undefined {
	const m = /^(.*?)(?:第)?0*(\d{1,4})(?:号)?$/.exec(q);
	if (!m) return undefined;
	return { series: m[1]!.replace(/[-_#第]+$/, ''), no: Number(m[2]) };
}

/** True when the task answers a query: by its number (any common form), its id, or words of its title or problem. */
export function taskMatches(query: string, task: TaskRecord, plan: Plan | undefined): boolean {
	const q = normalizeQuery(query);
	if (q === '') return true;
	if (task.id === q) return true;
	const byNo = numberQuery(q);
	if (byNo && Number(task.no) === byNo.no) {
		if (byNo.series === '') return true;
		const series = plan?.series.find((s) => s.id === task.series);
		const names = [task.series, series?.label, series?.name].filter(Boolean).map((s) => normalizeQuery(s!));
		if (names.some((n) => n.startsWith(byNo.series) || byNo.series.startsWith(n))) return true;
	}
	return [task.title, task.problem, taskNumber(task, plan)].some((t) => normalizeQuery(t).includes(q));
}

/** The tasks answering a query, in the given order. */
export function findTasks(query: string, tasks: readonly TaskRecord[], plans: readonly Plan[]): TaskRecord[] {
	const byId = new Map(plans.map((p) => [p.id, p]));
	return tasks.filter((t) => taskMatches(query, t, byId.get(t.plan)));
}
