// The portal trusts no site (issue #25 item 8): hostile sites served on 127.0.0.1 only, each refused with the
// right reason while the others are read; the page lists every site's status.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSite, portalPage } from '#scripts/portal.ts';
import { siteStatus, siteStatusText, STALE_AFTER_DAYS } from '#scripts/lib/portal-trust.ts';

const COMPOSED = '2021-07-10';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const tasks = (over: Record<string, unknown> = {}) =>
	new TextEncoder().encode(
		JSON.stringify({
			records: [
				{ status: 'on_track', title: '任务', lastPublished: '2021-06-01', provenance: { kind: 'sample' }, ...over },
			],
		}),
	);
const manifest = (body: Uint8Array, over: Record<string, unknown> = {}) =>
	JSON.stringify({
		asOf: '2021-06-30',
		siteName: '合成甲省整改公开',
		files: [{ name: 'tasks.json', bytes: body.length, sha256: sha(body) }],
		...over,
	});

type Handler = (path: string, res: import('node:http').ServerResponse) => void;
const servers: Server[] = [];
async function serve(handler: Handler): Promise<string> {
	const server = createServer((req, res) => handler(new URL(req.url ?? '/', 'http://x').pathname, res));
	servers.push(server);
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}
/** A site serving its manifest and tasks.json (both overridable). */
const site = (opts: { manifest?: string; tasks?: Uint8Array } = {}) =>
	serve((path, res) => {
		const body = opts.tasks ?? tasks();
		if (path === '/data/manifest.json') res.end(opts.manifest ?? manifest(body));
		else if (path === '/data/tasks.json') res.end(body);
		else res.writeHead(404).end();
	});

let other: string;
beforeAll(async () => {
	other = await site();
});
afterAll(() => {
	for (const s of servers) {
		s.closeAllConnections();
		s.close();
	}
});

const read = async (url: string) => readSite({ label: '甲', url }, COMPOSED);
const problemOf = async (url: string) => {
	const r = await read(url);
	return r.ok ? 'read' : r.problem;
};

describe('a site the portal reads', () => {
	it('an honest site is read', async () => {
		const r = await read(await site());
		expect(r.ok && r.headline.tasks).toBe(1);
	});

	it('a site name with RIGHT-TO-LEFT OVERRIDE is refused, naming the field and the code point', async () => {
		const body = tasks();
		const url = await site({ tasks: body, manifest: manifest(body, { siteName: '甲省\u202e整改' }) });
		expect(await problemOf(url)).toBe(
			'manifest.json 的 siteName 含有不允许的字符 U+202E（RIGHT-TO-LEFT OVERRIDE，双向控制字符）',
		);
	});

	it('a task title with a NUL escape in tasks.json is refused', async () => {
		expect(await problemOf(await site({ tasks: tasks({ title: '任\u0000务' }) }))).toBe(
			'tasks.json 的 records[0].title 含有不允许的字符 U+0000（NULL，空字符）',
		);
	});

	it('a manifest dated 2099-12-31 is refused (the national span no longer runs to 2099)', async () => {
		const body = tasks();
		const url = await site({ tasks: body, manifest: manifest(body, { asOf: '2099-12-31' }) });
		expect(await problemOf(url)).toBe('manifest.json 的数据截止日期 2099-12-31 晚于本次汇总日期 2021-07-10');
	});

	it('a manifest dated before the inspection system existed is refused', async () => {
		const body = tasks();
		const url = await site({ tasks: body, manifest: manifest(body, { asOf: '2001-01-01' }) });
		expect(await problemOf(url)).toMatch(/^manifest\.json 的数据截止日期 2001-01-01 早于督察制度建立（2015-07-01）/);
	});

	it('a manifest dated before its earliest plan was published is refused, naming the plan', async () => {
		const body = tasks({ plan: 'p1' });
		const plans = [
			{ id: 'p1', title: '甲方案', publishedDate: '2019-12-30', feedbackDate: '2019-05-06' },
			{ id: 'p2', title: '乙方案', publishedDate: '2020-06-01' },
		];
		const url = await site({ tasks: body, manifest: manifest(body, { asOf: '2019-11-30', plans }) });
		expect(await problemOf(url)).toBe(
			'manifest.json 的数据截止日期 2019-11-30 早于该站最早的方案（p1）发布日期 2019-12-30',
		);
	});

	it('a plan dated after the composition date is refused', async () => {
		const body = tasks({ plan: 'p1' });
		const plans = [{ id: 'p1', title: '甲方案', publishedDate: '2099-01-01' }];
		const url = await site({ tasks: body, manifest: manifest(body, { plans }) });
		expect(await problemOf(url)).toBe('manifest.json 中方案 p1 的发布日期 2099-01-01 晚于本次汇总日期 2021-07-10');
	});

	it('a record published before its plan’s inspection feedback is refused (the plan’s date, not 2015-07-01)', async () => {
		const body = tasks({ plan: 'p1', lastPublished: '2019-01-10' });
		const plans = [{ id: 'p1', title: '甲方案', publishedDate: '2019-12-30', feedbackDate: '2019-05-06' }];
		const url = await site({ tasks: body, manifest: manifest(body, { plans }) });
		expect(await problemOf(url)).toBe(
			'tasks.json 第 1 条记录的最近发布日期 2019-01-10 早于其方案（p1）的督察反馈日期 2019-05-06',
		);
	});

	it('a record published before the publication of a plan without inspection is refused', async () => {
		const body = tasks({ plan: 'p1', lastPublished: '2020-01-10' });
		const plans = [{ id: 'p1', title: '审计整改', publishedDate: '2020-03-01' }];
		const url = await site({ tasks: body, manifest: manifest(body, { asOf: '2021-06-30', plans }) });
		expect(await problemOf(url)).toBe(
			'tasks.json 第 1 条记录的最近发布日期 2020-01-10 早于其方案（p1）的发布日期 2020-03-01',
		);
	});

	it('a record of a plan the manifest does not name is refused', async () => {
		const body = tasks({ plan: 'p9' });
		const plans = [{ id: 'p1', title: '甲方案', publishedDate: '2019-12-30' }];
		const url = await site({ tasks: body, manifest: manifest(body, { plans }) });
		expect(await problemOf(url)).toBe('tasks.json 第 1 条记录的方案 p9 不在 manifest.json 的方案清单（plans）中');
	});

	it('a plan without a real publication date is refused', async () => {
		const body = tasks({ plan: 'p1' });
		const plans = [{ id: 'p1', title: '甲方案', publishedDate: '2019-02-30' }];
		const url = await site({ tasks: body, manifest: manifest(body, { plans }) });
		expect(await problemOf(url)).toBe('manifest.json 的 plans[0] 缺少方案编号、名称或有效的发布日期（publishedDate）');
	});

	it('a site whose records all lie within their plans is read', async () => {
		const body = tasks({ plan: 'p1', lastPublished: '2019-07-03' });
		const plans = [{ id: 'p1', title: '甲方案', publishedDate: '2019-12-30', feedbackDate: '2019-05-06' }];
		const r = await read(await site({ tasks: body, manifest: manifest(body, { plans }) }));
		expect(r.ok && r.manifest.plans).toEqual(plans);
	});

	it('a record published after the composition date is refused', async () => {
		expect(await problemOf(await site({ tasks: tasks({ lastPublished: '2030-01-01' }) }))).toBe(
			'tasks.json 第 1 条记录的最近发布日期 2030-01-01 晚于本次汇总日期 2021-07-10',
		);
	});

	it('a redirect to another origin is not followed, and is that site’s failure', async () => {
		const url = await serve((path, res) => res.writeHead(302, { location: new URL(path.slice(1), other).href }).end());
		expect(await problemOf(url)).toBe(
			`${url}data/manifest.json 重定向到另一来源 ${new URL(other).origin}，未跟随：站点须在自己的地址上提供数据文件`,
		);
	});

	it('a redirect within the site’s own origin is followed', async () => {
		const body = tasks();
		const url = await serve((path, res) => {
			if (path.startsWith('/data/')) res.writeHead(301, { location: `/v2${path}` }).end();
			else if (path === '/v2/data/manifest.json') res.end(manifest(body));
			else if (path === '/v2/data/tasks.json') res.end(body);
			else res.writeHead(404).end();
		});
		expect((await read(url)).ok).toBe(true);
	});

	it('an endless manifest is cut at its size cap and reported as too large, not as bad JSON', async () => {
		const url = await serve((_path, res) => {
			res.writeHead(200, { 'content-type': 'application/json' });
			const chunk = Buffer.alloc(64 * 1024, 0x20);
			const pump = () => {
				while (res.write(chunk));
				res.once('drain', pump);
			};
			res.on('error', () => undefined);
			pump();
		});
		expect(await problemOf(url)).toMatch(
			/^http:\/\/127\.0\.0\.1:\d+\/data\/manifest\.json：站点清单 manifest\.json超过上限：至少 1(\.\d)? MB，上限 1 MB/,
		);
	});

	it('a manifest declaring 560 MB is refused on its declared size before it is read', async () => {
		const url = await serve((_path, res) => {
			res.writeHead(200, { 'content-length': String(560 * 1024 * 1024) });
			res.write('{');
		});
		expect(await problemOf(url)).toMatch(/超过上限：560 MB，上限 1 MB/);
	});
});

describe('the status of every site on the portal page', () => {
	it('ok, stale past the limit, refused with the reason', () => {
		expect(siteStatus({ ok: true, asOf: '2021-06-30' }, COMPOSED)).toEqual({ kind: 'ok' });
		const stale = siteStatus({ ok: true, asOf: '2021-01-31' }, COMPOSED);
		expect(stale).toEqual({ kind: 'stale', days: 160 });
		expect(siteStatusText(stale)).toBe(`数据陈旧（截止日期距汇总已 160 天，超过 ${STALE_AFTER_DAYS} 天）`);
		expect(siteStatusText(siteStatus({ ok: false, problem: '超时' }, COMPOSED))).toBe('未采用：超时');
	});

	it('the page lists each site, escaped, with its status', async () => {
		const good = await read(await site());
		const body = tasks();
		const bad = await readSite(
			{ label: '乙<b>', url: await site({ tasks: body, manifest: manifest(body, { asOf: '2099-12-31' }) }) },
			COMPOSED,
		);
		const html = portalPage({ title: '门户', sites: [good.site, bad.site] }, [good, bad], COMPOSED);
		expect(html).toContain('<tr class="ok"><th scope="row">甲</th><td>2021-06-30</td><td>正常</td></tr>');
		expect(html).toContain(
			'<tr class="refused"><th scope="row">乙&lt;b&gt;</th><td>—</td><td>未采用：manifest.json 的数据截止日期 2099-12-31 晚于本次汇总日期 2021-07-10</td></tr>',
		);
		expect(html).not.toContain('2099-12-31 至');
	});
});
