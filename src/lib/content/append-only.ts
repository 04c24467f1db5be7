import { createHash } from 'node:crypto';
import type { Problem } from './problems.ts';

/**
 * Git's object id of a file's bytes (what `git hash-object` prints), to compare with `git ls-tree` without a process
 * per file.
 */
export function gitBlobId(bytes: Uint8Array): string {
	return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}

/** The first 1-based line where two texts differ. */
export function firstDifferentLine(a: string, b: string): number {
	const x = a.split('\n');
	const y = b.split('\n');
	let i = 0;
	while (i < x.length && i < y.length && x[i] === y[i]) i++;
	return i + 1;
}

/**
 * Published updates are append-only: every update file present at the base ref must still exist, byte for byte.
 * `base` maps paths to git blob ids at the ref; `current` maps the same kind of paths to today's bytes;
 * `baseText` returns a file's text at the ref (only called for edited files, to name the first changed line).
 */
export function appendOnlyProblems(
	ref: string,
	base: ReadonlyMap<string, string>,
	current: ReadonlyMap<string, Uint8Array>,
	baseText: (path: string) => string | undefined = () => undefined,
): Problem[] {
	const problems: Problem[] = [];
	const hint = (path: string) =>
		`已发布的进展不能修改或删除：请恢复原文件（git checkout ${ref} -- ${path}），另写一条新进展，在元数据中写 corrects: ${updateIdOf(path)} 说明更正内容；网站会同时显示原进展和更正。`;
	for (const [path, blob] of [...base].sort(([a], [b]) => (a < b ? -1 : 1))) {
		const now = current.get(path);
		if (!now) {
			problems.push({
				file: path,
				message: `已发布的进展在 ${ref} 之后被删除或改名 / a published update was deleted`,
				hint: hint(path),
			});
			continue;
		}
		if (gitBlobId(now) === blob) continue;
		const old = baseText(path);
		problems.push({
			file: path,
			line: old === undefined ? undefined : firstDifferentLine(old, new TextDecoder().decode(now)),
			message: `已发布的进展在 ${ref} 之后被修改 / a published update was edited`,
			hint: hint(path),
		});
	}
	return problems;
}

/** The update id (`<task>/<name>`) of a path like content/updates/hkk-02/2020-12-31.md. */
export function updateIdOf(path: string): string {
	const m = /([^/]+\/[^/]+)\.md$/.exec(path);
	return m ? m[1]! : path;
}
