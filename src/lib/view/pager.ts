// Which page numbers a pager links to. Listing every page made each of 2,500 update pages carry
// 2,500 links (137 KB of a 10,000-task site's every page, 280 MB in all): a window is enough to
// reach any page in a few steps, and the first and last pages are always one click away.

/** A page number to link, or a gap ("…") where numbers are left out. */
export type PagerItem = { page: number } | { gap: true };

/** Pages 1 and `last`, `radius` pages either side of `current`, and a gap wherever numbers are skipped. */
export function pagerItems(current: number, last: number, radius = 2): PagerItem[] {
	const shown = new Set<number>([1, last]);
	for (let n = current - radius; n <= current + radius; n++) if (n >= 1 && n <= last) shown.add(n);
	const pages = [...shown].sort((a, b) => a - b);
	const items: PagerItem[] = [];
	pages.forEach((page, i) => {
		const before = pages[i - 1];
		// A single skipped number is shown rather than hidden behind "…": the gap would be as wide.
		if (before !== undefined && page - before === 2) items.push({ page: before + 1 });
		else if (before !== undefined && page - before > 2) items.push({ gap: true });
		items.push({ page });
	});
	return items;
}
