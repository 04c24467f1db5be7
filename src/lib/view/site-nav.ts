// The site's sections, named once: the header menu, the footer and the 网站地图 page read them from here.
import type { SiteShape } from '#src/lib/model/shape.ts';
import { planPath } from '#src/lib/publish/urls.ts';

/** One section of the site. */
export interface Section {
	href: string;
	label: string;
	/** One line on the 网站地图 page. */
	description: string;
}

/** The 网站地图 page. */
export const SITEMAP_PATH = '/sitemap/';
/** The search page (the header's search link opens it; its form submits there). */
export const SEARCH_PATH = '/search/';

/** The sections that list one optional grouping, left out when the content has none of it (issue #22). */
const SHAPED: Readonly<Record<string, keyof SiteShape>> = {
	'/units/': 'units',
	'/measures/': 'measures',
	'/areas/': 'areas',
	'/cities/': 'cities',
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
		{ href: '/', label: '首页', description: '整改完成情况一览：完成比例、逾期任务和图表' },
		{
			href: planIds.length === 1 ? planPath(planIds[0]!) : '/plans/',
			label: '整改方案',
			description: '方案全文、声明的任务和措施总数、时间线',
		},
		{ href: '/tasks/', label: '任务清单', description: '全部整改任务，可按状态、时限、单位、问题方面和城市筛选' },
		{ href: '/units/', label: '责任单位', description: '各责任单位牵头和配合的任务及预警等级' },
		{ href: '/measures/', label: '整改措施', description: '方案的措施分组和各项措施下的任务' },
		{ href: '/areas/', label: '问题方面', description: '督察反馈问题的方面及其任务' },
		{ href: '/cities/', label: '城市', description: '涉及各城市的整改任务' },
		{ href: '/updates/', label: '最新进展', description: '已发布的整改进展，按发布日期排列' },
		{ href: '/changes/', label: '变化', description: '每月的变化和任意两个日期之间的比较' },
		{ href: '/data/', label: '开放数据', description: 'CSV、JSON 数据下载、数据字典和订阅' },
	];
}

/** Pages linked from the footer of every page, after the sections. */
export const FOOTER_LINKS: readonly Section[] = [
	{ href: SITEMAP_PATH, label: '网站地图', description: '本站全部栏目' },
	{ href: '/as-of/', label: '历史快照', description: '方案公开以来每个月末的整改情况' },
	{ href: SEARCH_PATH, label: '搜索', description: '按字词搜索整改任务、方案和单位' },
];
