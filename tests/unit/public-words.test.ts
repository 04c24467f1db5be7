import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { planHeading } from '#src/lib/model/names.ts';
import { filterSummary, parseQuery } from '#src/lib/view/task-filter.ts';
import { FOOTER_LINKS, siteSections, sitemapGroups } from '#src/lib/view/site-nav.ts';
import { SITEMAP_PATH } from '#src/lib/publish/urls.ts';
import type { Plan } from '#src/schemas/index.ts';

const shanxi = JSON.parse(
	readFileSync(new URL('../../content/plans/shanxi-2019.json', import.meta.url), 'utf8'),
) as Plan;

describe('planHeading', () => {
	it('names issuer, inspection and year from the plan record, not from the code', () => {
		expect(planHeading([shanxi])).toBe(
			'山西省中央生态环境保护督察“回头看”及大气污染防治专项督察整改情况（2019年方案）',
		);
		const other = { ...shanxi, jurisdiction: '河北省', publishedDate: '2022-03-01' };
		expect(planHeading([other])).toContain('河北省');
		expect(planHeading([other])).toContain('2022年方案');
	});
	it('names a plan that answers no inspection by its short title', () => {
		const audit = { ...shanxi, inspection: undefined, shortTitle: '审计整改方案' };
		expect(planHeading([audit])).toBe('审计整改方案整改情况（2019年方案）');
	});
	it('names every issuer once when the site carries several plans', () => {
		const b = { ...shanxi, id: 'b', jurisdiction: '河北省' };
		expect(planHeading([shanxi, b, { ...b, id: 'c' }])).toBe('山西省、河北省整改情况（3 个整改方案）');
	});
});

describe('filterSummary', () => {
	const labelOf = (_f: string, v: string) => ({ overdue: '逾期未完成', sthjt: '省生态环境厅' })[v] ?? v;
	it('says 全部任务 when nothing is chosen, and leaves the default order unsaid', () => {
		expect(filterSummary(parseQuery(''), labelOf, '按任务序号')).toBe('筛选：全部任务');
	});
	it('names each chosen filter and a sort other than the default', () => {
		expect(filterSummary(parseQuery('?status=overdue&unit=sthjt&sort=due'), labelOf, '按整改时限')).toBe(
			'筛选：逾期未完成 · 省生态环境厅牵头；排序：按整改时限',
		);
	});
});

describe('sitemapGroups', () => {
	it('puts every section and footer page under one group, none twice, the 关于本站 pages together', () => {
		const groups = sitemapGroups(siteSections(['shanxi-2019']), [
			{ href: '/feeds/updates.xml', label: 'Atom', description: '' },
		]);
		const hrefs = groups.flatMap((g) => g.pages.map((p) => p.href));
		expect(new Set(hrefs).size).toBe(hrefs.length);
		for (const s of [...siteSections(['shanxi-2019']), ...FOOTER_LINKS.filter((l) => l.href !== SITEMAP_PATH)])
			expect(hrefs).toContain(s.href);
		expect(groups.find((g) => g.label === '关于本站')!.pages.map((p) => p.label)).toEqual([
			'关于本站',
			'联系我们',
			'找错',
			'长者模式',
		]);
		expect(groups.find((g) => g.label === '整改情况')!.pages[0]!.href).toBe('/');
	});
});
