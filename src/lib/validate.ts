import { relative } from 'node:path';
import { checkIntegrity } from './integrity.ts';
import { loadContent } from './load.ts';
import { ContentError, type Problem } from './problems.ts';
import type { Content } from './content.ts';

/** Loads content/ and checks it as a whole; returns the content and every problem found. */
export function validateContent(contentDir: string, asOf: string, root?: string): { content: Content; problems: Problem[] } {
	const { content, problems } = loadContent(contentDir, root);
	// Whole-content checks on partial data would report noise (e.g. totals off by a file that failed to parse),
	// so they run only once every record parsed.
	if (problems.length === 0) problems.push(...checkIntegrity(content, asOf, relative(root ?? process.cwd(), contentDir) || '.'));
	return { content, problems };
}

/** Like validateContent, but throws a ContentError listing every problem. */
export function loadValidContent(contentDir: string, asOf: string, root?: string): Content {
	const { content, problems } = validateContent(contentDir, asOf, root);
	if (problems.length) throw new ContentError(problems);
	return content;
}
