// The national portal's logic (issue #18): which sites it composes, what it accepts from each site's published
// /data/ files, the headline figures it shows per site and nationally, and the CSP that names exactly the sites it
// reads. Pure: scripts/portal.ts does the reading and writing, src/scripts/portal-search.ts the search.
import { TASK_STATUSES, type TaskStatus } from '#src/lib/model/statuses.ts';
import { isRealIsoDate } from '#src/lib/model/dates.ts';
import { DIRECTIVES, HEADER_ONLY_DIRECTIVES, SCRIPT_SOURCES, STYLE_SOURCES } from '#src/lib/publish/csp.ts';
import { emptyCounts, headlineFromCounts } from '#src/lib/model/rollups.ts';

/** One published provincial site the portal composes. */
export interface PortalSite {
	/** The label the portal shows for the site (e.g. 山西省); also the search results' site filter. */
	label: string;
	/** The site's public base URL (http or https, ending in /): links and the search index point here. */
	url: string;
	/** Where the build reads the site's files: a folder holding its built dist/ or a base URL; default `url`. */
	source?: string;
}

/** The portal's settings (a JSON file given with --config, or --site flags). */
export interface PortalSettings {
	title: string;
	sites: PortalSite[];
}

/** The portal's title when the settings name none. */
export const DEFAULT_PORTAL_TITLE = '整改公开·全国汇总';

/** A base URL with exactly one trailing slash, or an error for anything but http(s). */
export function siteBaseUrl(value: string): string {
	let u: URL;
	try {
		u = new URL(value);
	} catch {
		throw new Error(`站点地址 "${value}" 不是有效网址 / not a URL`);
	}
	if (u.protocol !== 'http:' && u.protocol !== 'https:')
		throw new Error(`站点地址 "${value}" 必须是 http 或 https / must be http(s)`);
	if (u.search || u.hash) throw new Error(`站点地址 "${value}" 不能带查询或锚点 / no query or fragment`);
	return u.href.replace(/\/*$/, '/');
}

/** One --site flag: `label=url` or `label=url@source` (source: a folder or a base URL to read the files from). */
export function parseSiteFlag(flag: string): PortalSite {
	const eq = flag.indexOf('=');
	if (eq <= 0) throw new Error(`--site "${flag}" 应写作 名称=网址[@读取位置] / expected label=url[@source]`);
	const label = flag.slice(0, eq).trim();
	const rest = flag.slice(eq + 1);
	const at = rest.indexOf('@');
	const url = siteBaseUrl(at < 0 ? rest : rest.slice(0, at));
	return at < 0 ? { label, url } : { label, url, source: rest.slice(at + 1) };
}

/** The settings from a parsed JSON file: a title and at least one site, labels and URLs unique. */
export function parsePortalSettings(value: unknown): PortalSettings {
	const v = value as { title?: unknown; sites?: unknown };
	if (!v || typeof v !== 'object' || !Array.isArray(v.sites) || v.sites.length === 0)
		throw new Error('门户设置须有 sites 数组（至少一个站点）/ settings need a non-empty "sites" array');
	const sites = v.sites.map((s: unknown, i: number) => {
		const x = s as Record<string, unknown>;
		if (typeof x?.label !== 'string' || !x.label.trim() || typeof x.url !== 'string')
			throw new Error(`sites[${i}] 须有 label 和 url / needs "label" and "url"`);
		if (x.source !== undefined && typeof x.source !== 'string')
			throw new Error(`sites[${i}].source 须为字符串 / must be a string`);
		return {
			label: x.label.trim(),
			url: siteBaseUrl(x.url),
			...(typeof x.source === 'string' ? { source: x.source } : {}),
		};
	});
	return checkSites({
		title: typeof v.title === 'string' && v.title.trim() ? v.title.trim() : DEFAULT_PORTAL_TITLE,
		sites,
	});
}

/** Refuses duplicate labels or URLs (two entries for one site would double its figures). */
export function checkSites(settings: PortalSettings): PortalSettings {
	for (const key of ['label', 'url'] as const) {
		const seen = new Set<string>();
		for (const s of settings.sites) {
			if (seen.has(s[key])) throw new Error(`站点 ${key} 重复：${s[key]} / duplicate site ${key}`);
			seen.add(s[key]);
		}
	}
	return settings;
}

/** A plan as a site's manifest names it (src/lib/publish/manifest-plans.ts); older sites list none. */
export interface SitePlan {
	id: string;
	title: string;
	publishedDate: string;
	feedbackDate?: string;
}

/** The parts of a site's /data/manifest.json the portal relies on. */
export interface SiteManifest {
	asOf: string;
	siteName: string;
	/** The site's plans with their dates; empty when the manifest gives none. */
	plans: SitePlan[];
	files: { name: string; bytes: number; sha256: string }[];
}

/** The manifest's plans, or a sentence on the first that lacks an id, a title or a real date. */
function manifestPlans(value: unknown): { plans: SitePlan[] } | { problem: string } {
	if (value === undefined) return { plans: [] };
	if (!Array.isArray(value)) return { problem: 'manifest.json 的方案清单（plans）不是数组' };
	const plans: SitePlan[] = [];
	for (const [i, p] of value.entries()) {
		const x = (p ?? {}) as Record<string, unknown>;
		const date = (k: string) => typeof x[k] === 'string' && isRealIsoDate(x[k]);
		if (typeof x.id !== 'string' || !x.id || typeof x.title !== 'string' || !date('publishedDate'))
			return { problem: `manifest.json 的 plans[${i}] 缺少方案编号、名称或有效的发布日期（publishedDate）` };
		if (x.feedbackDate !== undefined && !date('feedbackDate'))
			return { problem: `manifest.json 的 plans[${i}].feedbackDate 不是有效日期` };
		plans.push({
			id: x.id,
			title: x.title,
			publishedDate: x.publishedDate as string,
			...(x.feedbackDate ? { feedbackDate: x.feedbackDate as string } : {}),
		});
	}
	return { plans };
}

/** The manifest if it has what the portal needs, else a sentence (in Chinese) on what is wrong. */
export function checkManifest(value: unknown): { manifest: SiteManifest } | { problem: string } {
	const m = value as Record<string, unknown>;
	if (!m || typeof m !== 'object' || Array.isArray(m)) return { problem: 'manifest.json 不是 JSON 对象' };
	if (typeof m.asOf !== 'string' || !isRealIsoDate(m.asOf))
		return { problem: 'manifest.json 缺少有效的数据截止日期（asOf）' };
	if (typeof m.siteName !== 'string' || !m.siteName) return { problem: 'manifest.json 缺少站点名称（siteName）' };
	if (!Array.isArray(m.files)) return { problem: 'manifest.json 缺少文件清单（files）' };
	const files = m.files.filter(
		(f): f is SiteManifest['files'][number] =>
			!!f &&
			typeof f.name === 'string' &&
			typeof f.bytes === 'number' &&
			typeof f.sha256 === 'string' &&
			/^[0-9a-f]{64}$/.test(f.sha256),
	);
	if (!files.some((f) => f.name === TASKS_FILE))
		return { problem: `manifest.json 的文件清单中没有 ${TASKS_FILE}（或其校验值无效）` };
	const plans = manifestPlans(m.plans);
	if ('problem' in plans) return plans;
	return { manifest: { asOf: m.asOf, siteName: m.siteName, plans: plans.plans, files } };
}

/** The data file the headlines are computed from. */
export const TASKS_FILE = 'tasks.json';

/**
 * One site's headline figures, counted from the task records the site published (their status as the site computed it).
 */
export interface SiteHeadline {
	tasks: number;
	byStatus: Record<TaskStatus, number>;
	/** 已完成（含销号、长期坚持）: the site's DONE statuses. */
	done: number;
	overdue: number;
	/** Records the site marks as samples (provenance.kind "sample"). */
	samples: number;
}

/** The headline of a site from its tasks.json, or a sentence on what is wrong with the file. */
export function siteHeadline(tasksJson: unknown): { headline: SiteHeadline } | { problem: string } {
	const records = (tasksJson as { records?: unknown })?.records;
	if (!Array.isArray(records)) return { problem: `${TASKS_FILE} 没有 records 数组` };
	const byStatus = emptyCounts();
	let samples = 0;
	for (const [i, r] of records.entries()) {
		const status = (r as { status?: unknown })?.status;
		if (typeof status !== 'string' || !(TASK_STATUSES as readonly string[]).includes(status))
			return { problem: `${TASKS_FILE} 第 ${i + 1} 条记录的状态“${String(status)}”不是已知状态` };
		byStatus[status as TaskStatus]++;
		if ((r as { provenance?: { kind?: unknown } }).provenance?.kind === 'sample') samples++;
	}
	// The site's own statuses, counted by the one headline rule (done = DONE_STATUSES, overdue = 逾期未完成).
	const { done, overdue } = headlineFromCounts(byStatus);
	return { headline: { tasks: records.length, byStatus, done, overdue, samples } };
}

/** What the portal knows about one site after reading it: its headline, or why it has none. */
export type SiteReading =
	| { site: PortalSite; ok: true; manifest: SiteManifest; headline: SiteHeadline }
	| { site: PortalSite; ok: false; problem: string };

/** The national figures: sums over the sites read, with the span of their as-of dates. */
export interface NationalTotals extends SiteHeadline {
	sites: number;
	/** Sites that could not be read (down, bad manifest, bad data). */
	failed: number;
	asOfFrom?: string;
	asOfTo?: string;
}

/** Sums the headlines of the sites that were read; the as-of span says the sums mix dates when they differ. */
export function nationalTotals(readings: readonly SiteReading[]): NationalTotals {
	const ok = readings.filter((r): r is Extract<SiteReading, { ok: true }> => r.ok);
	const byStatus = emptyCounts();
	for (const r of ok) for (const s of TASK_STATUSES) byStatus[s] += r.headline.byStatus[s];
	const sum = (k: 'tasks' | 'done' | 'overdue' | 'samples') => ok.reduce((n, r) => n + r.headline[k], 0);
	const dates = ok.map((r) => r.manifest.asOf).sort();
	return {
		sites: ok.length,
		failed: readings.length - ok.length,
		tasks: sum('tasks'),
		done: sum('done'),
		overdue: sum('overdue'),
		samples: sum('samples'),
		byStatus,
		asOfFrom: dates[0],
		asOfTo: dates.at(-1),
	};
}

/** The origins (scheme://host:port) of the sites whose files the portal's pages fetch, sorted, each once. */
export function readOrigins(sites: readonly PortalSite[]): string[] {
	return [...new Set(sites.map((s) => new URL(s.url).origin))].sort();
}

/**
 * The portal's Content-Security-Policy: the site's own, with connect-src naming exactly the origins of the sites
 * it reads (their search indexes) and nothing else. `header` adds the directives browsers ignore in <meta>.
 */
export function portalPolicy(sites: readonly PortalSite[], header = false): string {
	const connect = ["'self'", ...readOrigins(sites)].join(' ');
	const directives = DIRECTIVES.map((d) => (d.startsWith('connect-src ') ? `connect-src ${connect}` : d));
	return [
		...directives,
		`script-src ${SCRIPT_SOURCES.join(' ')}`,
		`style-src ${STYLE_SOURCES.join(' ')}`,
		...(header ? HEADER_ONLY_DIRECTIVES : []),
	].join('; ');
}

/** The filter name that labels every search result with its site (Pagefind mergeFilter). */
export const SITE_FILTER = '站点';

/** What the portal's search script needs per site: where the index is and the label its results carry. */
export interface SearchSite {
	label: string;
	url: string;
	bundle: string;
}

/** The sites the search merges: only those read at build time, each with its Pagefind bundle URL. */
export function searchSites(readings: readonly SiteReading[]): SearchSite[] {
	return readings
		.filter((r) => r.ok)
		.map((r) => ({ label: r.site.label, url: r.site.url, bundle: new URL('pagefind/', r.site.url).href }));
}
