import { join, relative } from 'node:path';
import { CONTENT_LAYOUT } from '#src/lib/content/layout.ts';
import type { Problem } from '#src/lib/content/problems.ts';
import { listContentFiles, readContentDir, readContentFile } from '#src/lib/content/files.ts';
import { LEDGER_FILE } from '#src/lib/content/ledger.ts';

const KNOWN_TOP = new Set<string>([
	...Object.values(CONTENT_LAYOUT),
	LEDGER_FILE,
	'.gitkeep',
	'.gitignore',
	'README.md',
]);

/** The walk over content/: which files there are and their texts, every problem met on the way added to `problems`. */
export interface ContentWalk {
	contentDir: string;
	problems: Problem[];
	/** A path as problems name it: relative to the project root. */
	rel: (path: string) => string;
	/** The text of a file, or undefined after reporting why it cannot be read (symlink, folder, not UTF-8). */
	readText: (path: string) => string | undefined;
	/** The files of one folder of content/ with the given extensions, `depth` folders deep. */
	list: (folder: 'plans' | 'tasks' | 'updates', ext: string[], depth: 0 | 1) => string[];
}

/** Starts the walk: checks the content directory itself and anything at its top level the site would ignore. */
export function walkContent(contentDir: string, root: string): ContentWalk {
	const problems: Problem[] = [];
	const rel = (p: string) => relative(root, p) || p;
	const top = readContentDir(contentDir, rel);
	problems.push(...top.problems);
	for (const name of top.names)
		if (!KNOWN_TOP.has(name))
			problems.push({
				file: rel(join(contentDir, name)),
				message: `不认识的文件或文件夹“${name}”，它不会被发布 / unexpected entry in content/`,
				hint: `content/ 下只应有 ${Object.values(CONTENT_LAYOUT).join('、')} 和 ${LEDGER_FILE}；检查拼写（大小写也要一致）或删除它。`,
			});
	return {
		contentDir,
		problems,
		rel,
		readText: (path) => {
			const r = readContentFile(path, rel(path));
			if ('problem' in r) {
				problems.push(r.problem, ...(r.also ?? []));
				return undefined;
			}
			return r.text;
		},
		list: (folder, ext, depth) => {
			const found = listContentFiles(join(contentDir, CONTENT_LAYOUT[folder]), rel, { ext, depth });
			problems.push(...found.problems);
			return found.files;
		},
	};
}
