import { describe, expect, it } from 'vitest';
import {
	TASKS_FILE,
	checkManifest,
	nationalTotals,
	parsePortalSettings,
	parseSiteFlag,
	portalPolicy,
	readOrigins,
	searchSites,
	siteBaseUrl,
	siteHeadline,
	type SiteHeadline,
	type SiteReading,
} from '#scripts/lib/portal.ts';
import { TASK_STATUSES } from '#src/lib/model/statuses.ts';
import { parsePolicy } from '#src/lib/publish/csp.ts';
import { portalPage } from '#scripts/portal.ts';

const sha = 'a'.repeat(64);
const manifest = (over: Record<string, unknown> = {}) => ({
	asOf: '2021-06-30',
	siteName: '合成甲省整改公开',
	files: [{ name: TASKS_FILE, bytes: 10, sha256: sha }],
	...over,
});
const task = (status: string, over: Record<string, unknown> = {}) => ({
	status,
	overdue: status === 'overdue',
	provenance: { kind: 'sample' },
	...over,
});

describe('portal settings', () => {
	it('reads label=url and label=url@source flags, normalising the URL to one trailing slash', () => {
		expect(parseSiteFlag('山西省=https://sx.example.gov.cn')).toEqual({
			label: '山西省',
			url: 'https://sx.example.gov.cn/',
		});
		expect(parseSiteFlag('甲=http://127.0.0.1:8080/zg//@/srv/a/dist')).toEqual({
			label: '甲',
			url: 'http://127.0.0.1:8080/zg/',
			source: '/srv/a/dist',
		});
		expect(() => parseSiteFlag('https://x.example')).toThrow(/名称=网址/);
		expect(() => siteBaseUrl('javascript:alert(1)')).toThrow(/http/);
		expect(() => siteBaseUrl('https://x.example/?a=1')).toThrow(/查询/);
	});

	it('reads a settings file and refuses an empty or duplicated site list', () => {
		const s = parsePortalSettings({
			sites: [
				{ label: '甲', url: 'https://a.example' },
				{ label: '乙', url: 'https://b.example/', source: '/srv/b' },
			],
		});
		expect(s.title).toBe('整改公开·全国汇总');
		expect(s.sites[1]).toEqual({ label: '乙', url: 'https://b.example/', source: '/srv/b' });
		expect(() => parsePortalSettings({ sites: [] })).toThrow(/sites/);
		expect(() =>
			parsePortalSettings({
				sites: [
					{ label: '甲', url: 'https://a.example' },
					{ label: '甲', url: 'https://c.example' },
				],
			}),
		).toThrow(/重复/);
		expect(() =>
			parsePortalSettings({
				sites: [
					{ label: '甲', url: 'https://a.example' },
					{ label: '乙', url: 'https://a.example/' },
				],
			}),
		).toThrow(/重复/);
	});
});

describe('checkManifest', () => {
	it('accepts a manifest with a real as-of date, a name and a checksummed tasks.json', () => {
		expect(checkManifest(manifest())).toEqual({ manifest: { ...manifest(), plans: [] } });
	});

	it.each([
		['not an object', [], /不是 JSON 对象/],
		['an impossible date', manifest({ asOf: '2021-02-30' }), /asOf/],
		['no name', manifest({ siteName: '' }), /siteName/],
		['no file list', manifest({ files: undefined }), /files/],
		['no tasks.json', manifest({ files: [{ name: 'units.json', bytes: 1, sha256: sha }] }), /tasks\.json/],
		['a bad checksum', manifest({ files: [{ name: TASKS_FILE, bytes: 1, sha256: 'xyz' }] }), /tasks\.json/],
	])('reports %s', (_, value, problem) => {
		const r = checkManifest(value);
		expect('problem' in r && r.problem).toMatch(problem);
	});
});

describe('siteHeadline and nationalTotals', () => {
	it('counts the published statuses, done, overdue and samples, and refuses an unknown status', () => {
		const r = siteHeadline({
			records: [
				task('completed'),
				task('closed', { provenance: { kind: 'official' } }),
				task('overdue'),
				task('on_track'),
				task('long_term'),
			],
		});
		if (!('headline' in r)) throw new Error(r.problem);
		expect(r.headline).toMatchObject({ tasks: 5, done: 3, overdue: 1, samples: 4 });
		expect(r.headline.byStatus).toMatchObject({
			completed: 1,
			closed: 1,
			overdue: 1,
			on_track: 1,
			long_term: 1,
			behind: 0,
		});
		expect(siteHeadline({ records: [task('finished')] })).toEqual({
			problem: expect.stringMatching(/第 1 条.*finished/),
		});
		expect(siteHeadline({})).toEqual({ problem: expect.stringMatching(/records/) });
	});

	it('sums only the sites read, and gives the span of their as-of dates', () => {
		const ok = (label: string, asOf: string, statuses: string[]): SiteReading => {
			const h = siteHeadline({ records: statuses.map((s) => task(s)) });
			if (!('headline' in h)) throw new Error(h.problem);
			return {
				site: { label, url: `https://${label}.example/` },
				ok: true,
				manifest: { ...manifest(), plans: [], asOf },
				headline: h.headline,
			};
		};
		const readings: SiteReading[] = [
			ok('a', '2021-06-30', ['completed', 'overdue']),
			ok('b', '2021-05-31', ['overdue', 'behind', 'closed']),
			{ site: { label: 'c', url: 'https://c.example/' }, ok: false, problem: '无法连接' },
		];
		const t = nationalTotals(readings);
		expect(t).toMatchObject({
			sites: 2,
			failed: 1,
			tasks: 5,
			done: 2,
			overdue: 2,
			samples: 5,
			asOfFrom: '2021-05-31',
			asOfTo: '2021-06-30',
		});
		expect(t.byStatus.overdue).toBe(2);
		expect(searchSites(readings)).toEqual([
			{ label: 'a', url: 'https://a.example/', bundle: 'https://a.example/pagefind/' },
			{ label: 'b', url: 'https://b.example/', bundle: 'https://b.example/pagefind/' },
		]);
	});
});

describe('portalPolicy', () => {
	it('names exactly the origins of the sites it reads in connect-src, and keeps the rest of the site’s policy', () => {
		const sites = [
			{ label: 'b', url: 'https://b.example/zg/' },
			{ label: 'a', url: 'http://127.0.0.1:8081/' },
			{ label: 'a2', url: 'https://b.example/other/' },
		];
		expect(readOrigins(sites)).toEqual(['http://127.0.0.1:8081', 'https://b.example']);
		const p = parsePolicy(portalPolicy(sites));
		expect(p.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:8081', 'https://b.example'].sort());
		expect(p.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"].sort());
		expect(p.get('worker-src')).toEqual(["'self'"]);
		expect(p.has('frame-ancestors')).toBe(false);
		expect(parsePolicy(portalPolicy(sites, true)).get('frame-ancestors')).toEqual(["'none'"]);
		expect(parsePolicy(portalPolicy([])).get('connect-src')).toEqual(["'self'"]);
	});
});

describe('portalPage', () => {
	const readings: SiteReading[] = [
		{
			site: { label: '甲<b>', url: 'https://a.example/' },
			ok: true,
			manifest: { ...manifest(), plans: [], siteName: '<script>x</script>' },
			headline: {
				tasks: 2,
				done: 1,
				overdue: 1,
				samples: 2,
				byStatus: {
					...Object.fromEntries(TASK_STATUSES.map((k) => [k, 0])),
					completed: 1,
					overdue: 1,
				} as SiteHeadline['byStatus'],
			},
		},
		{ site: { label: '乙', url: 'https://b.example/' }, ok: false, problem: 'manifest.json 不是有效的 JSON' },
	];
	const html = portalPage({ title: '全国', sites: readings.map((r) => r.site) }, readings, '2021-07-01');

	it('escapes what sites publish, links into each site read, and reports the site it could not read', () => {
		expect(html).not.toContain('<script>x</script>');
		expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
		expect(html).toContain('甲&lt;b&gt;');
		expect(html).toContain('href="https://a.example/tasks/"');
		expect(html).toMatch(/未能读取的站点（1 个）[\s\S]*乙<\/a>：manifest.json 不是有效的 JSON/);
		expect(html).toContain('示例数据');
		expect(html).toContain('不能跨站点按截止日期');
	});

	it('carries the portal’s CSP naming only the site it read', () => {
		const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/
			.exec(html)![1]!
			.replaceAll('&apos;', "'");
		expect(parsePolicy(meta).get('connect-src')).toEqual(["'self'", 'https://a.example'].sort());
	});
});
