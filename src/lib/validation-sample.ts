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

/** One page per template (its largest) plus the `largest` biggest pages overall, sorted by path. */
export function validationSample(pages: readonly SizedPage[], largest = 3): string[] {
	const bySize = [...pages].sort((a, b) => b.size - a.size || a.path.localeCompare(b.path));
	const chosen = new Set<string>();
	const seen = new Set<string>();
	for (const p of bySize) {
		const key = templateKey(p.path);
		if (!seen.has(key)) {
			seen.add(key);
			chosen.add(p.path);
		}
	}
	for (const p of bySize.slice(0, largest)) chosen.add(p.path);
	return [...chosen].sort();
}
