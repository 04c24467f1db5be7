// What the portal searches by default (issue #28 item 4): every site's task numbers and titles, a small index of the
// portal's own built at composition from the tasks.json each site published. A site's full text (its own Pagefind
// index) is searched only when the reader picks that site or 所有站点全文. Each entry links to the task's page at
// the site's public URL; a record whose link is not under the site's own address is left out and counted (#25).

/** One task in the titles index. */
export interface TitleEntry {
	/** The task's page at the site's public URL (the portal's `url` for the site, not the site's own idea of it). */
	url: string;
	number: string;
	title: string;
	/** The site's label (the result's site tag). */
	site: string;
	/** The site marks the record as a sample (the result says 示例数据). */
	sample: boolean;
}

/** A site's entries, and the records left out: links off the site's address, or no link / number / title at all. */
export interface SiteTitles {
	entries: TitleEntry[];
	foreign: number;
	unlinked: number;
}

/** `base` as a URL ending in one slash, or undefined for anything but http(s). */
function baseOf(value: string | undefined): URL | undefined {
	try {
		const u = new URL(value ?? '');
		return u.protocol === 'http:' || u.protocol === 'https:' ? new URL(u.href.replace(/\/*$/, '/')) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The titles-index entries of one site from its tasks.json records. A record's `url` must lie under the address its
 * manifest names (`site`; the portal's URL for the site when the manifest names none or an invalid one), on its
 * origin; it is then moved onto the portal's URL for the site (a site built for one host may be served at another).
 */
export function siteTitles(
	records: readonly unknown[],
	site: { label: string; url: string },
	manifestSite?: string,
): SiteTitles {
	const publicBase = baseOf(site.url)!;
	const ownBase = baseOf(manifestSite) ?? publicBase;
	const out: SiteTitles = { entries: [], foreign: 0, unlinked: 0 };
	for (const r of records) {
		const x = (r ?? {}) as { url?: unknown; number?: unknown; title?: unknown; provenance?: { kind?: unknown } };
		if (typeof x.url !== 'string' || typeof x.number !== 'string' || typeof x.title !== 'string' || !x.title) {
			out.unlinked++;
			continue;
		}
		let u: URL;
		try {
			u = new URL(x.url, ownBase);
		} catch {
			out.foreign++;
			continue;
		}
		if (u.origin !== ownBase.origin || !u.pathname.startsWith(ownBase.pathname)) {
			out.foreign++;
			continue;
		}
		const moved = new URL(`./${u.pathname.slice(ownBase.pathname.length)}${u.search}`, publicBase);
		if (moved.origin !== publicBase.origin) {
			out.foreign++;
			continue;
		}
		out.entries.push({
			url: moved.href,
			number: x.number,
			title: x.title,
			site: site.label,
			sample: x.provenance?.kind === 'sample',
		});
	}
	return out;
}

/** The note the status table adds for a site some of whose tasks are not in the titles index. */
export function titlesNote(t: Pick<SiteTitles, 'foreign' | 'unlinked'>): string {
	const parts = [
		t.foreign ? `${t.foreign} 条任务的链接不在该站点自己的地址上` : '',
		t.unlinked ? `${t.unlinked} 条任务缺少链接、编号或标题` : '',
	].filter(Boolean);
	return parts.length ? `；标题索引未收入：${parts.join('，')}` : '';
}
