import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * True when `path` is `dir` or inside it, judged by path.relative rather than a string prefix (a sibling
 * "/work/site-out" starts with "/work/site" but is outside it).
 */
export function isWithin(dir: string, path: string): boolean {
	const r = relative(resolve(dir), resolve(path));
	return r === '' || (r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r));
}
