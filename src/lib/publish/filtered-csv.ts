/** A published CSV cut down to some rows (the task list's "下载当前筛选结果"). Browser-safe. */
import { parseCsv, restoreCell, toCsv } from './csv.ts';

/**
 * The rows of a published task CSV (tasks.csv, header first, id in the first column) for the given task ids, in
 * their order: "下载当前筛选结果" serves the same columns and cells as the full file.
 */
export function csvForTasks(csvText: string, ids: readonly string[]): string {
	// Cells come back to their values first, so toCsv guards each exactly once again (tasks has no Markdown column).
	const [header, ...rows] = parseCsv(csvText).map((r) => r.map(restoreCell));
	if (!header) throw new Error('tasks.csv: empty');
	const byId = new Map(rows.map((r) => [r[0], r]));
	return toCsv([
		header,
		...ids.flatMap((id) => {
			const r = byId.get(id);
			return r ? [r] : [];
		}),
	]);
}
