// Which built pages the (slow) HTML validator reads: one per template, plus the biggest lists.

/** A built HTML page: its URL path and its size in bytes. */
export interface SizedPage {
	path: string;
	size: number;
}

/**
 * The template a page belongs to, guessed from its URL: pages under the same parent below the top
 * level share one (/tasks/hkk-02/ and /tasks/dq-01/ share the key of /tasks/{id}/); top-level pages are each their own.
 */
export function templateKey(path: string): string {
	const segments = path.split('/').filter(Boolean);
	if (segments.length <= 1) return path;
	return `/${segments.slice(0, -1).join('/')}/*${path.endsWith('/') ? '/' : ''}`;
}

/**
 * Pages larger than this are not given to html-validate. It slows down far faster than linearly:
 * on a 10,000-task site the 5.3 MB task list took 157 s, a 2.9 MB snapshot 78 s, the 605 KB home
 * page 3.9 s, while pages under 200 KB took 0.3 s at most. Every template is validated at its
 * normal size in the test build (38 tasks), and the structural checks still read every page.
 */
export const VALIDATE_MAX_BYTES = 200_000;

/**
 * One page per template (its largest up to `maxBytes`) plus the `largest` biggest pages up to
 * `maxBytes`, sorted by path. Pages over the cap are left to the structural checks (see
 * `oversizedPages` and VALIDATE_MAX_BYTES).
 */
export function validationSample(pages: readonly SizedPage[], largest = 3, maxBytes = VALIDATE_MAX_BYTES): string[] {
	const within = [...pages]
		.filter((p) => p.size <= maxBytes)
		.sort((a, b) => b.size - a.size || a.path.localeCompare(b.path));
	const chosen = new Set<string>();
	const seen = new Set<string>();
	for (const p of within) {
		const key = templateKey(p.path);
		if (!seen.has(key)) {
			seen.add(key);
			chosen.add(p.path);
		}
	}
	for (const p of within.slice(0, largest)) chosen.add(p.path);
	return [...chosen].sort();
}

/** Pages too large for html-validate (see validationSample), sorted by path, to be named in the report. */
export function oversizedPages(pages: readonly SizedPage[], maxBytes = VALIDATE_MAX_BYTES): string[] {
	return pages
		.filter((p) => p.size > maxBytes)
		.map((p) => p.path)
		.sort();
}
