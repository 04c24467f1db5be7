/** Which pages go into the search index, and in what order the build renders them. */

const INDEXED_MAIN = /<main\b[^>]*\sdata-pagefind-body[\s=>]/;

/** Whether a rendered page is searchable (Base puts data-pagefind-body on the <main> of SEARCHABLE_ROUTES). */
export function isIndexedHtml(html: string): boolean {
	return INDEXED_MAIN.test(html);
}

/**
 * The routes whose pages are searchable: Base puts data-pagefind-body on their <main>. The build renders them
 * first and writes the search index while the other pages render; a searchable page of any other route fails it.
 */
export const SEARCHABLE_ROUTES: readonly string[] = ['/plans/[plan]', '/tasks/[id]', '/units/[id]'];

/** Whether pages of a route (Astro's route pattern, e.g. /tasks/[id]) go into the search index. */
export function isSearchableRoute(pattern: string, routes: readonly string[] = SEARCHABLE_ROUTES): boolean {
	return routes.includes(pattern);
}

/** The paths of searchable routes first, each group in its given order (Pagefind's output depends on the order). */
export function searchableFirst<T extends { route: { route: string } }>(
	paths: readonly T[],
	routes: readonly string[] = SEARCHABLE_ROUTES,
): { ordered: T[]; searchable: number } {
	const first = paths.filter((p) => isSearchableRoute(p.route.route, routes));
	return {
		ordered: [...first, ...paths.filter((p) => !isSearchableRoute(p.route.route, routes))],
		searchable: first.length,
	};
}
