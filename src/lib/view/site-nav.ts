// The site's sections, named once: the header menu, the footer and the 网站地图 page read them from here.
import type { SiteShape } from '#src/lib/model/shape.ts';
import {
	ABOUT_PATH,
	AREAS_PATH,
	CHANGES_PATH,
	CITIES_PATH,
	CONTACT_PATH,
	DATA_PATH,
	ELDER_PATH,
	ERRORS_PATH,
	FEEDS_PATH,
	HOME_PATH,
	MEASURES_PATH,
	planPath,
	PLANS_PATH,
	SEARCH_PATH,
	SITEMAP_PATH,
	SITEMAP_XML_PATH,
	SNAPSHOTS_PATH,
	TASKS_PATH,
	UNITS_PATH,
	UPDATES_PATH,
} from '#src/lib/publish/urls.ts';

/** One section of the site. */
export interface Section {
	href: string;
	label: string;
	/** One line on the 网站地图 page. */
	description: string;
}

/** The sections that list one optional grouping, left out when the content has none of it (issue #22). */
const SHAPED: Readonly<Record<string, keyof SiteShape>> = {
	[UNITS_PATH]: 'units',
	[MEASURES_PATH]: 'measures',
	[AREAS_PATH]: 'areas',
	[CITIES_PATH]: 'cities',
};

/**
 * The header menu's sections, in order; the plan entry goes straight to the plan when there is only one, and a
 * grouping the content does not have (no units, measures, areas or cities) has no section.
 */
export function siteSections(planIds: readonly string[], shape?: SiteShape): Section[] {
	return allSections(planIds).filter((s) => !shape || !SHAPED[s.href] || shape[SHAPED[s.href]!]);
}

function allSections(planIds: readonly string[]): Section[] {
	return [
		{ href: HOME_PATH, label: '首页', description: '整改完成情况一览：完成比例、逾期任务和图表' },
		{
			href: planIds.length === 1 ? planPath(planIds[0]!) : PLANS_PATH,
			label: '整改方案',
			description: '方案全文、声明的任务和措施总数、时间线',
		},
		{ href: TASKS_PATH, label: '任务清单', description: '全部整改任务，可按状态、时限、单位、问题方面和城市筛选' },
		{ href: UNITS_PATH, label: '责任单位', description: '各责任单位牵头和配合的任务及预警等级' },
		{ href: MEASURES_PATH, label: '整改措施', description: '方案的措施分组和各项措施下的任务' },
		{ href: AREAS_PATH, label: '问题方面', description: '督察反馈问题的方面及其任务' },
		{ href: CITIES_PATH, label: '城市', description: '涉及各城市的整改任务' },
		{ href: UPDATES_PATH, label: '最新进展', description: '已发布的整改进展，按发布日期排列' },
		{ href: CHANGES_PATH, label: '变化', description: '每月的变化和任意两个日期之间的比较' },
		{ href: DATA_PATH, label: '开放数据', description: 'CSV、JSON 数据下载、数据字典和订阅' },
	];
}

/** Pages linked from the footer of every page, after the sections. */
export const FOOTER_LINKS: readonly Section[] = [
	{ href: ABOUT_PATH, label: '关于本站', description: '本站是什么、谁主办、数据从哪里来' },
	{ href: CONTACT_PATH, label: '联系我们', description: '主办单位的联系方式和监督举报渠道' },
	{ href: ERRORS_PATH, label: '找错', description: '发现本站内容有错，怎样告诉我们' },
	{ href: ELDER_PATH, label: '长者模式', description: '放大字号、高对比度和打印' },
	{ href: SITEMAP_PATH, label: '网站地图', description: '本站全部栏目' },
	{ href: SNAPSHOTS_PATH, label: '历史快照', description: '方案公开以来每个月末的整改情况' },
	{ href: SEARCH_PATH, label: '搜索', description: '按字词搜索整改任务、方案和单位' },
];

/** A group of the 网站地图's first level and the pages under it. */
export interface SitemapGroup {
	label: string;
	pages: Section[];
}

/** The 网站地图 in two levels: the menu's sections and the footer's pages grouped by what a reader looks for. */
export function sitemapGroups(sections: readonly Section[], extra: readonly Section[]): SitemapGroup[] {
	const all = [...sections, ...FOOTER_LINKS.filter((l) => l.href !== SITEMAP_PATH), ...extra];
	const seen = new Set<string>();
	// Each page in the first group that claims it ('/' only the home page; other prefixes their subpages too).
	const pick = (...prefixes: string[]) =>
		all.filter((s) => {
			const hit = prefixes.some((h) => (h === HOME_PATH ? s.href === HOME_PATH : s.href.startsWith(h)));
			if (!hit || seen.has(s.href)) return false;
			seen.add(s.href);
			return true;
		});
	const groups: SitemapGroup[] = [
		{ label: '整改情况', pages: pick(HOME_PATH, SNAPSHOTS_PATH, CHANGES_PATH, UPDATES_PATH) },
		{ label: '方案和任务', pages: pick(PLANS_PATH, TASKS_PATH, UNITS_PATH, MEASURES_PATH, AREAS_PATH, CITIES_PATH) },
		{ label: '查找和下载', pages: pick(SEARCH_PATH, DATA_PATH, FEEDS_PATH, SITEMAP_XML_PATH) },
		{ label: '关于本站', pages: pick(ABOUT_PATH) },
	];
	// Whatever no group claims still appears, so a new section is never missing from the map.
	const rest = all.filter((s) => !seen.has(s.href));
	return [...groups, ...(rest.length ? [{ label: '其他', pages: rest }] : [])].filter((g) => g.pages.length > 0);
}
