import { relative } from 'node:path';
import { checkIntegrity } from './integrity.ts';
import { loadContent } from './load.ts';
import type { Problem } from './problems.ts';
import type { Content } from '../model/content.ts';
import { releaseProblems } from './release.ts';

/**
 * Loads content/ and checks it as a whole; returns the content and every problem found. With
 * `release` (npm run build:release, npm run check -- --release) valid content must also hold no sample
 * record and no placeholder identity field.
 */
export function validateContent(
	contentDir: string,
	asOf: string,
	root: string = process.cwd(),
	opts: { release?: boolean } = {},
): { content: Content; problems: Problem[] } {
	const { content, problems } = loadContent(contentDir, root);
	const base = relative(root, contentDir) || '.';
	// Whole-content checks on partial data would report noise (e.g. totals off by a file that failed to parse),
	// so they run only once every record parsed; the release rules only on content that is otherwise valid.
	if (problems.length === 0) problems.push(...checkIntegrity(content, asOf, base));
	if (opts.release && problems.length === 0) problems.push(...releaseProblems(content, base));
	return { content, problems };
}
