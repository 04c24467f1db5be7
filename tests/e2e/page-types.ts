// One example URL of every page type the site has. The quality tests (CSP, console, requests)
// visit each of them: add a line here when you add a page type.

/** A page type: a name for test titles, a path on the built site, and the HTTP status it must have. */
export interface PageType {
	name: string;
	path: string;
	status?: number;
}

/** Every page type, one example each. */
export const PAGE_TYPES: PageType[] = [
	{ name: 'home', path: '/' },
	{ name: 'plans', path: '/plans/' },
	{ name: 'plan', path: '/plans/shanxi-2019/' },
	{ name: 'task list', path: '/tasks/' },
	{ name: 'task page', path: '/tasks/hkk-02/' },
	{ name: 'search (with a query: Pagefind, WebAssembly, worker)', path: '/search/?q=%E7%84%A6%E5%8C%96' },
	{ name: 'open data', path: '/data/' },
	{ name: 'changes', path: '/changes/' },
	{ name: 'changes in a month', path: '/changes/2020-01-31/' },
	{ name: 'as-of snapshots', path: '/as-of/' },
	{ name: 'as-of snapshot', path: '/as-of/2019-12-31/' },
	{ name: 'units', path: '/units/' },
	{ name: 'unit page', path: '/units/gxt/' },
	{ name: 'measures', path: '/measures/' },
	{ name: 'measure group', path: '/measures/groups/g3/' },
	{ name: 'measure page', path: '/measures/m06/' },
	{ name: 'problem areas', path: '/areas/' },
	{ name: 'problem area', path: '/areas/a2/' },
	{ name: 'cities', path: '/cities/' },
	{ name: 'city page', path: '/cities/taiyuan/' },
	{ name: 'updates', path: '/updates/' },
	{ name: 'updates, page 2', path: '/updates/2/' },
	{ name: '口径说明 (status and warning rules)', path: '/about/rules/' },
	{ name: '网站地图', path: '/sitemap/' },
	{ name: '关于本站', path: '/about/' },
	{ name: '联系我们', path: '/about/contact/' },
	{ name: '找错', path: '/about/errors/' },
	{ name: '长者模式', path: '/about/elder/' },
	{ name: '404 (a missing URL)', path: '/no-such-page/', status: 404 },
];
