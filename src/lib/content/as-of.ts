// The as-of date is an input of every build and every CLI run: read from the environment here only, so the content
// gate, the loader, the site model and the CLIs cannot disagree on where it comes from.
import { resolveAsOf } from '#src/lib/model/dates.ts';

/** The as-of date of this run: AS_OF, or today in Asia/Shanghai; throws on a malformed AS_OF. */
export function buildAsOf(env: NodeJS.ProcessEnv = process.env): string {
	return resolveAsOf(env.AS_OF);
}
