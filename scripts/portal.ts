#!/usr/bin/env node
// npm run portal — composes the national portal (issue #18) from published provincial sites: reads each site's
// /data/manifest.json and tasks.json (from a folder holding its built site, or over HTTP), checks the file against
// the manifest's checksum, and writes a small static site: the national dashboard, every site's headline side by
// side with links into it, the sites that could not be read and why, and a search over all sites' own Pagefind
// indexes merged in the browser. A site that is down or serves a bad manifest is reported, never fatal.
//
//   node scripts/portal.ts --site 山西省=https://zhenggai.shanxi.example/ [--site 名称=网址[@文件夹或网址] …]
//                          [--config portal.json] [--title …] [--out portal-dist] [--nginx-conf FILE]
//
// portal.json: { "title": "…", "sites": [{ "label": "山西省", "url": "https://…/", "source": "/srv/sx/dist" }] }
// AS_OF (YYYY-MM-DD) fixes the date the page says it was composed (default: today in Asia/Shanghai).
import { sha256 } from '#src/lib/publish/data-files.ts';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { join, resolve } from 'node:path';
import { exit, parseCli } from './lib/cli.ts';
import * as pagefind from 'pagefind';
import { STATUS_LABELS, TASK_STATUSES } from '#src/lib/model/statuses.ts';
import { DONE_LABEL } from '#src/lib/model/status.ts';
import { buildAsOf } from '#src/lib/content/as-of.ts';
import { escapeXml as esc } from '#src/lib/publish/feeds.ts';
import { nginxSiteConfig } from './lib/nginx-conf.ts';
import { fetchCapped, readCappedFile } from './lib/portal-fetch.ts';
import { normalizeText } from '#src/lib/model/text-policy.ts';
import {
	manifestDateProblem,
	recordDateProblem,
	siteStatus,
	siteStatusText,
	untrustedTextProblem,
} from './lib/portal-trust.ts';
import {
	DEFAULT_PORTAL_TITLE,
	SITE_FILTER,
	TASKS_FILE,
	checkManifest,
	checkSites,
	nationalTotals,
	parsePortalSettings,
	parseSiteFlag,
	portalPolicy,
	searchSites,
	siteHeadline,
	type PortalSettings,
	type PortalSite,
	type SiteReading,
} from './lib/portal.ts';

/** The bytes of a site's file under /data/, from its folder or its URL, within its size cap and time limit. */
async function readSiteFile(site: PortalSite, name: string): Promise<Uint8Array> {
	const source = site.source ?? site.url;
	const cap = name === 'manifest.json' ? 'portalManifest' : 'portalDataFile';
	if (!/^https?:\/\//.test(source)) return readCappedFile(join(source, 'data', name), cap);
	return fetchCapped(new URL(`data/${name}`, source.replace(/\/*$/, '/')).href, cap);
}

/** Reads one site: its manifest, then tasks.json checked against the manifest's size and SHA-256. */
export async function readSite(site: PortalSite, composedOn: string): Promise<SiteReading> {
	const fail = (problem: string): SiteReading => ({ site, ok: false, problem });
	let manifestValue: unknown;
	try {
		const bytes = await readSiteFile(site, 'manifest.json');
		try {
			manifestValue = JSON.parse(new TextDecoder().decode(bytes));
		} catch {
			return fail('manifest.json 不是有效的 JSON');
		}
	} catch (e) {
		return fail((e as Error).message);
	}
	const distrust = untrustedTextProblem('manifest.json', manifestValue);
	if (distrust) return fail(distrust);
	const checked = checkManifest(manifestValue);
	if ('problem' in checked) return fail(checked.problem);
	const badDate = manifestDateProblem(checked.manifest, composedOn);
	if (badDate) return fail(badDate);
	checked.manifest.siteName = normalizeText(checked.manifest.siteName);
	const entry = checked.manifest.files.find((f) => f.name === TASKS_FILE)!;
	let tasksBytes: Uint8Array;
	try {
		tasksBytes = await readSiteFile(site, TASKS_FILE);
	} catch (e) {
		return fail((e as Error).message);
	}
	const sha = sha256(tasksBytes);
	if (tasksBytes.length !== entry.bytes || sha !== entry.sha256)
		return fail(`${TASKS_FILE} 与 manifest.json 记载的大小或校验值不符（文件可能不完整或已被改动）`);
	let tasksValue: unknown;
	try {
		tasksValue = JSON.parse(new TextDecoder().decode(tasksBytes));
	} catch {
		return fail(`${TASKS_FILE} 不是有效的 JSON`);
	}
	const h = siteHeadline(tasksValue);
	if ('problem' in h) return fail(h.problem);
	const tasksProblem =
		untrustedTextProblem(TASKS_FILE, tasksValue) ??
		recordDateProblem((tasksValue as { records: unknown[] }).records, composedOn, checked.manifest.plans);
	if (tasksProblem) return fail(tasksProblem);
	return { site, ok: true, manifest: checked.manifest, headline: h.headline };
}

const n = (x: number) => x.toLocaleString('zh-CN');

/** Every site's status on the day of composition: 正常, 数据陈旧 or 未采用 with the reason. */
function statusTable(readings: readonly SiteReading[], composedOn: string): string {
	const rows = readings.map((r) => {
		const status = siteStatus(r.ok ? { ok: true, asOf: r.manifest.asOf } : r, composedOn);
		return `<tr class="${status.kind}"><th scope="row">${esc(r.site.label)}</th><td>${r.ok ? esc(r.manifest.asOf) : '—'}</td><td>${esc(siteStatusText(status))}</td></tr>`;
	});
	return `<section aria-labelledby="site-status"><h2 id="site-status">站点状态</h2><table class="site-status"><thead><tr><th scope="col">站点</th><th scope="col">数据截至</th><th scope="col">状态</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/** The portal's one page. Every figure comes from nationalTotals/siteHeadline; every string from a site is escaped. */
export function portalPage(settings: PortalSettings, readings: readonly SiteReading[], composedOn: string): string {
	const total = nationalTotals(readings);
	const ok = readings.filter((r): r is Extract<SiteReading, { ok: true }> => r.ok);
	const failed = readings.filter((r): r is Extract<SiteReading, { ok: false }> => !r.ok);
	const searchable = searchSites(readings);
	const span =
		total.asOfFrom === undefined
			? ''
			: total.asOfFrom === total.asOfTo
				? `各站点数据均截至 ${total.asOfFrom}。`
				: `各站点数据截止日期不同（${total.asOfFrom} 至 ${total.asOfTo}），合计数混合了不同日期的状态。`;
	const sampleNote = (k: number) =>
		k ? `<p class="sample">其中 ${n(k)} 项为站点标注的<strong>示例数据</strong>（演示用，不是官方信息）。</p>` : '';
	const statusRows = TASK_STATUSES.map(
		(s) => `<tr><th scope="row">${esc(STATUS_LABELS[s])}</th><td>${n(total.byStatus[s])}</td></tr>`,
	).join('');
	const card = (r: Extract<SiteReading, { ok: true }>) => {
		const h = r.headline;
		const link = (path: string, text: string) => `<a href="${esc(new URL(path, r.site.url).href)}">${text}</a>`;
		return `<article class="site-card">
<h3>${link('./', esc(r.site.label))}</h3>
<p class="meta">${esc(r.manifest.siteName)} · 数据截至 ${esc(r.manifest.asOf)}</p>
<dl><div><dt>整改任务</dt><dd>${n(h.tasks)}</dd></div><div><dt>${esc(DONE_LABEL)}</dt><dd>${n(h.done)}</dd></div><div><dt>${esc(STATUS_LABELS.overdue)}</dt><dd>${n(h.overdue)}</dd></div></dl>
${sampleNote(h.samples)}
<p class="links">${link('tasks/', '任务列表')} · ${link('search/', '站内搜索')} · ${link('data/', '数据下载')}</p>
</article>`;
	};
	const failures = failed.length
		? `<section aria-labelledby="failed"><h2 id="failed">未能读取的站点（${failed.length} 个）</h2><p>以下站点本次汇总时未能读取，不计入上面的合计，也不在搜索范围内：</p><ul class="failed">${failed.map((r) => `<li><a href="${esc(r.site.url)}">${esc(r.site.label)}</a>：${esc(r.problem)}</li>`).join('')}</ul></section>`
		: '';
	const noscriptLinks = searchable
		.map((s) => `<a href="${esc(new URL('search/', s.url).href)}">${esc(s.label)}</a>`)
		.join('、');
	return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="content-security-policy" content="${esc(portalPolicy(searchable))}">
<title>${esc(settings.title)}</title>
<link rel="stylesheet" href="/portal.css">
</head>
<body>
<header><h1>${esc(settings.title)}</h1>
<p>汇总于 ${esc(composedOn)}，来自 ${n(total.sites)} 个站点发布的数据文件（各站 /data/）${total.failed ? `；另有 ${n(total.failed)} 个站点未能读取，见下文` : ''}。数字以各站点为准；${span}</p></header>
<main>
<section aria-labelledby="national"><h2 id="national">全国汇总</h2>
<dl class="totals"><div><dt>站点</dt><dd>${n(total.sites)}${total.failed ? `（另有 ${total.failed} 个未能读取）` : ''}</dd></div><div><dt>整改任务</dt><dd>${n(total.tasks)}</dd></div><div><dt>${esc(DONE_LABEL)}</dt><dd>${n(total.done)}</dd></div><div><dt>${esc(STATUS_LABELS.overdue)}</dt><dd>${n(total.overdue)}</dd></div></dl>
${sampleNote(total.samples)}
<table><caption>按状态（各站点在其截止日期的状态）</caption><tbody>${statusRows}</tbody></table>
</section>
<section aria-labelledby="sites"><h2 id="sites">各站点</h2><div class="cards">${ok.map(card).join('\n')}</div></section>
${statusTable(readings, composedOn)}
${failures}
<section id="portal-search" aria-labelledby="search-title"><h2 id="search-title">跨站点搜索</h2>
<form id="portal-search-form" role="search" action="/" method="get"><label for="q">搜索各站点的整改任务、方案和责任单位</label> <input id="q" name="q" type="search"> <button type="submit">搜索</button></form>
<p class="limits">每个站点保留自己的搜索索引，本页在浏览器中合并查询。结果按各站点索引各自计算的相关度合并排列：不同站点的得分并不严格可比，也不能跨站点按截止日期、最近进展或编号排序，不能跨站点按状态、责任单位等条件筛选。需要这些，请到各站点的站内搜索。每条结果标明所属站点。</p>
<ul id="portal-search-unavailable" class="failed" aria-label="未能完整搜索的站点" hidden></ul>
<p id="portal-search-status" role="status"></p>
<ol id="portal-results"></ol>
<noscript><p>跨站点搜索需要 JavaScript。也可以直接使用各站点的站内搜索：${noscriptLinks}。</p></noscript>
</section>
</main>
<script type="module" src="/portal-search.js"></script>
</body>
</html>
`;
}

const CSS = `body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:72rem;padding:1rem;line-height:1.6;color:#1a1a1a}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem}a{color:#0b57d0}
dl{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:.5rem 0}dl div{min-width:7rem}dt{font-size:.9rem;color:#444}dd{margin:0;font-size:1.4rem;font-weight:600}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr));gap:1rem}.site-card{border:1px solid #ccc;border-radius:.5rem;padding:.75rem 1rem}.site-card h3{margin:.2rem 0}
.meta,.links{font-size:.9rem;color:#444}.sample{background:#fff4ce;padding:.25rem .5rem}.failed{color:#8a1c1c;overflow-wrap:anywhere}
table{border-collapse:collapse}th,td{border-bottom:1px solid #ddd;padding:.25rem .75rem;text-align:left}td{text-align:right}.site-status td{text-align:left}.site-status .refused td{color:#8a1c1c}.site-status .stale td{color:#7a4b00}
input[type=search]{font-size:1rem;padding:.3rem;width:min(24rem,90%)}button{font-size:1rem}
#portal-results li{margin:.75rem 0}#portal-results .site{display:inline-block;background:#e8f0fe;border-radius:.25rem;padding:0 .4rem;font-size:.85rem}
#portal-results p{margin:.2rem 0;color:#333}.limits{font-size:.9rem;color:#444;max-width:48rem}
`;

/**
 * Builds the portal into `out`: the page, its stylesheet and search script, the search's site list, and a primary
 * Pagefind bundle.
 */
export async function buildPortal(settings: PortalSettings, out: string, composedOn: string): Promise<SiteReading[]> {
	const readings = await Promise.all(settings.sites.map((s) => readSite(s, composedOn)));
	rmSync(out, { recursive: true, force: true });
	mkdirSync(out, { recursive: true });
	writeFileSync(join(out, 'index.html'), portalPage(settings, readings, composedOn));
	writeFileSync(join(out, 'portal.css'), CSS);
	const source = readFileSync(new URL('../src/scripts/portal-search.ts', import.meta.url), 'utf8');
	writeFileSync(join(out, 'portal-search.js'), stripTypeScriptTypes(source));
	writeFileSync(
		join(out, 'portal-sites.json'),
		JSON.stringify({ filter: SITE_FILTER, sites: searchSites(readings) }, null, 1) + '\n',
	);
	// The portal's own bundle (pagefind.js, its worker and wasm must be same-origin): one record about the portal,
	// labelled like the sites' results; every site's index is merged into it in the browser.
	const { index } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
	if (!index) throw new Error('Pagefind could not create an index');
	await index.addCustomRecord({
		url: '/',
		content: `${settings.title}：汇集各站点公开的任务与数据，链接到各站点。`,
		language: 'zh-cn',
		meta: { title: settings.title },
		filters: { [SITE_FILTER]: ['全国汇总'] },
	});
	await index.writeFiles({ outputPath: join(out, 'pagefind') });
	await pagefind.close();
	return readings;
}

const PORTAL_USAGE =
	'usage: node scripts/portal.ts --site 名称=网址[@读取位置] … | --config portal.json [--out portal-dist] [--nginx-conf FILE]';

if (import.meta.url === `file://${process.argv[1]}`) {
	const { values } = parseCli(
		{
			options: {
				config: { type: 'string' },
				site: { type: 'string', multiple: true, default: [] },
				title: { type: 'string' },
				out: { type: 'string', default: 'portal-dist' },
				'nginx-conf': { type: 'string' },
			},
		},
		PORTAL_USAGE,
	);
	const fromFile = values.config ? parsePortalSettings(JSON.parse(readFileSync(values.config, 'utf8'))) : undefined;
	const settings = checkSites({
		title: values.title ?? fromFile?.title ?? DEFAULT_PORTAL_TITLE,
		sites: [...(fromFile?.sites ?? []), ...values.site.map(parseSiteFlag)],
	});
	if (!settings.sites.length) {
		console.error(PORTAL_USAGE);
		exit(2);
	}
	const started = performance.now();
	const readings = await buildPortal(settings, values.out, buildAsOf());
	for (const r of readings)
		console.log(
			r.ok
				? `[portal] ${r.site.label}: ${r.headline.tasks} tasks, as of ${r.manifest.asOf}`
				: `[portal] ${r.site.label}: NOT READ — ${r.problem}`,
		);
	if (values['nginx-conf']) {
		writeFileSync(
			values['nginx-conf'],
			nginxSiteConfig({
				listen: '80',
				serverName: 'portal.example.gov.cn',
				root: resolve(values.out),
				policy: portalPolicy(searchSites(readings), true),
			}),
		);
		console.log(`[portal] wrote ${values['nginx-conf']}`);
	}
	console.log(
		`[portal] ${values.out}/ written: ${readings.filter((r) => r.ok).length} of ${readings.length} sites read, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
	);
}
