import { CONTENT_LAYOUT } from './layout.ts';
import type { Problem } from './problems.ts';

/**
 * Correction chains run backwards in time and end: an update corrects one published no later than itself (checked
 * with the other update rules), and following `corrects` never comes back to where it started (A → B → C → A, all
 * published the same day, would leave no version the site could show as the valid one).
 */
export function correctionChainProblems(
	updates: readonly { id: string; corrects?: string }[],
	base: string,
): Problem[] {
	const next = new Map(updates.filter((u) => u.corrects && u.corrects !== u.id).map((u) => [u.id, u.corrects!]));
	const problems: Problem[] = [];
	const reported = new Set<string>();
	for (const start of next.keys()) {
		const path: string[] = [];
		const seen = new Map<string, number>();
		for (let at: string | undefined = start; at !== undefined && !seen.has(at); at = next.get(at)) {
			seen.set(at, path.length);
			path.push(at);
		}
		const last = next.get(path.at(-1)!);
		if (last === undefined || !seen.has(last)) continue;
		const cycle = path.slice(seen.get(last)!);
		// Two updates correcting each other are reported by the update rules already.
		if (cycle.length < 3 || cycle.some((id) => reported.has(id))) continue;
		for (const id of cycle) reported.add(id);
		const first = [...cycle].sort()[0]!;
		problems.push({
			file: `${base}/${CONTENT_LAYOUT.updates}/${first}.md`,
			field: 'corrects',
			message: `更正形成了循环：${[...cycle, cycle[0]].join(' → ')} / corrections form a cycle`,
			hint: '每条更正只能更正比它早的进展；删去其中较早一条的 corrects（最早的那条是原进展，不更正任何进展）。',
		});
	}
	return problems;
}
