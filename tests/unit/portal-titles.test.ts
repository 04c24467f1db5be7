// The portal's default search index (issue #28 item 4): every site's task numbers and titles, each linking to the
// task at the portal's URL for the site; a record whose link is off the site's own address is left out and counted.
import { describe, expect, it } from 'vitest';
import { siteTitles, titlesNote } from '#scripts/lib/portal-titles.ts';

const site = { label: '甲省', url: 'http://127.0.0.1:8080/' };
const record = (url: unknown, over: Record<string, unknown> = {}) => ({
	number: '回头看第01号',
	title: '加油站油气回收排查整治',
	url,
	provenance: { kind: 'sample' },
	...over,
});

describe('siteTitles', () => {
	it('moves a task’s link from the address the site was built for onto the portal’s URL for it', () => {
		const t = siteTitles(
			[record('https://zhenggai.example.gov.cn/tasks/hkk-01/')],
			site,
			'https://zhenggai.example.gov.cn/',
		);
		expect(t).toEqual({
			entries: [
				{
					url: 'http://127.0.0.1:8080/tasks/hkk-01/',
					number: '回头看第01号',
					title: '加油站油气回收排查整治',
					site: '甲省',
					sample: true,
				},
			],
			foreign: 0,
			unlinked: 0,
		});
	});

	it('keeps a site published under a path under that path', () => {
		const t = siteTitles(
			[record('https://gov.example/sx/tasks/a/', { provenance: { kind: 'official' } })],
			{ label: '甲省', url: 'https://mirror.example/zg/sx/' },
			'https://gov.example/sx/',
		);
		expect(t.entries.map((e) => [e.url, e.sample])).toEqual([['https://mirror.example/zg/sx/tasks/a/', false]]);
	});

	it.each([
		['another host', 'https://evil.example/tasks/a/'],
		['protocol-relative', '//evil.example/tasks/a/'],
		['the same host outside the site’s path', 'https://gov.example/other/tasks/a/'],
		['another scheme', 'javascript:alert(1)'],
	])('leaves out and counts a link to %s', (_, url) => {
		const t = siteTitles([record(url), record('https://gov.example/sx/tasks/b/')], site, 'https://gov.example/sx/');
		expect(t.foreign).toBe(1);
		expect(t.entries.map((e) => e.url)).toEqual(['http://127.0.0.1:8080/tasks/b/']);
	});

	it('keeps a path with a double slash on the portal’s URL for the site (never protocol-relative)', () => {
		const t = siteTitles([record('https://gov.example/sx//evil.example/a/')], site, 'https://gov.example/sx/');
		expect(t.entries.map((e) => e.url)).toEqual(['http://127.0.0.1:8080//evil.example/a/']);
	});

	it('checks links against the portal’s URL when the manifest names no address', () => {
		const t = siteTitles([record('http://127.0.0.1:8080/tasks/a/'), record('http://127.0.0.1:9090/tasks/b/')], site);
		expect([t.entries.length, t.foreign]).toEqual([1, 1]);
	});

	it('counts records without a link, number or title', () => {
		const t = siteTitles([record(undefined), record('http://127.0.0.1:8080/a/', { title: '' }), null], site);
		expect(t).toEqual({ entries: [], foreign: 0, unlinked: 3 });
	});

	it('says what was left out, for the status table', () => {
		expect(titlesNote({ foreign: 0, unlinked: 0 })).toBe('');
		expect(titlesNote({ foreign: 2, unlinked: 1 })).toBe(
			'；标题索引未收入：2 条任务的链接不在该站点自己的地址上，1 条任务缺少链接、编号或标题',
		);
	});
});
