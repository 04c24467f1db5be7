// npm run update -- --undo: removes the update file written last that is not published yet (not in the ledger of
// published records). A published update is never removed: it can only be corrected.
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as p from '@clack/prompts';
import { CONTENT_LAYOUT } from '#src/lib/content/layout.ts';
import { readLedger } from '#src/lib/content/ledger.ts';

/** Every update file (id task/name, path, mtime) under the content directory, newest first. */
function updateFiles(contentDir: string): { id: string; path: string; mtime: number }[] {
	const dir = join(contentDir, CONTENT_LAYOUT.updates);
	if (!existsSync(dir)) return [];
	const out: { id: string; path: string; mtime: number }[] = [];
	for (const task of readdirSync(dir)) {
		const taskDir = join(dir, task);
		if (!statSync(taskDir).isDirectory()) continue;
		for (const name of readdirSync(taskDir))
			if (name.endsWith('.md')) {
				const path = join(taskDir, name);
				out.push({ id: `${task}/${name.slice(0, -3)}`, path, mtime: statSync(path).mtimeMs });
			}
	}
	return out.sort((a, b) => b.mtime - a.mtime || (a.id < b.id ? 1 : -1));
}

/** The unpublished update written last, if any: the newest update file the ledger does not hold. */
export function lastUnpublished(contentDir: string): { id: string; path: string } | undefined {
	const ledger = readLedger(contentDir);
	return updateFiles(contentDir).find((f) => ledger.updates[f.id] === undefined);
}

/** Removes the last unpublished update after showing it (and asking, in a terminal); returns the exit code. */
export async function undoLastUpdate(o: {
	contentDir: string;
	root: string;
	interactive: boolean;
	dryRun: boolean;
}): Promise<number> {
	let last: ReturnType<typeof lastUnpublished>;
	try {
		last = lastUnpublished(o.contentDir);
	} catch (e) {
		console.error(
			`发布记录账本无法读取：${(e as Error).message}\n    → 从上次发布时的备份或版本库恢复 ledger.json；不要手工编辑它。`,
		);
		return 1;
	}
	if (!last) {
		console.log('没有尚未发布的进展可以撤销：已发布的进展不能删除，只能另写一条更正（见 docs/editing.md 第 1 节）。');
		return 1;
	}
	const rel = relative(o.root, last.path) || last.path;
	const head = readFileSync(last.path, 'utf8').split('\n').slice(0, 8).join('\n');
	const what = `最近写入、尚未发布的进展：${last.id}\n文件：${rel}\n\n${head}\n…`;
	if (o.dryRun) {
		console.log(`${what}\n\n（--dry-run，没有删除）`);
		return 0;
	}
	if (o.interactive) {
		p.note(what, '将删除');
		const ok = await p.confirm({
			message: '确认删除这条进展？',
			active: '确认删除',
			inactive: '不删除',
			initialValue: false,
		});
		if (p.isCancel(ok) || !ok) {
			p.cancel('没有删除任何文件。');
			return 1;
		}
	} else console.log(what);
	rmSync(last.path);
	const dir = join(last.path, '..');
	if (readdirSync(dir).length === 0) rmdirSync(dir);
	console.log(`已删除 ${rel}（这条进展没有发布过）。`);
	return 0;
}
