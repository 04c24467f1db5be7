import { describe, expect, it } from 'vitest';
import { canonicalText, siteContextDigest, taskCacheKey } from '#src/lib/publish/cache-keys.ts';
import { buildSiteModel } from '#src/lib/model/site-model.ts';
import type { Content } from '#src/lib/model/content.ts';
import { makeContent, makeTask, makeUpdate } from './fixtures.ts';

const base = (over: Partial<Content> = {}) =>
	makeContent({
		tasks: [makeTask('s-01'), makeTask('s-02')],
		updates: [makeUpdate('s-01/2019-09-30'), makeUpdate('s-02/2019-09-30')],
		...over,
	});
const keys = (content: Content, asOf = '2021-06-30') => {
	const model = buildSiteModel(content, asOf);
	return { a: taskCacheKey(model, 's-01'), b: taskCacheKey(model, 's-02') };
};

describe('canonicalText', () => {
	it('is the same for the same data and differs when any value does', () => {
		const v = { a: 1, b: ['x', { c: true, d: null }], m: new Map([['k', new Set([1, 2])]]), at: new Date(0) };
		expect(canonicalText(v)).toBe(canonicalText(structuredClone(v)));
		expect(canonicalText({ ...v, a: 2 })).not.toBe(canonicalText(v));
		expect(canonicalText({ ...v, m: new Map([['k', new Set([1])]]) })).not.toBe(canonicalText(v));
		expect(canonicalText({ ...v, at: new Date(1) })).not.toBe(canonicalText(v));
		// A Map is not an empty object (JSON.stringify would write {} for both).
		expect(canonicalText(new Map([['k', 1]]))).not.toBe(canonicalText({}));
		expect(canonicalText({ a: 1, gone: undefined })).toBe(canonicalText({ a: 1 }));
	});

	it('refuses what it cannot see into, so a key never ignores part of the model', () => {
		expect(() => canonicalText({ f: () => 1 })).toThrow(/cannot hash a function/);
		expect(() => canonicalText(new (class Thing {})())).toThrow(/cannot hash/);
	});
});

describe('taskCacheKey', () => {
	const before = keys(base());

	it('is stable for the same content and date', () => {
		expect(keys(base())).toEqual(before);
	});

	it('changes for the task that got an update, and only for it', () => {
		const after = keys(
			base({
				updates: [
					...base().updates,
					makeUpdate('s-01/2021-06-30', { factDate: '2021-06-30', publishedDate: '2021-06-30' }),
				],
			}),
		);
		expect(after.a).not.toBe(before.a);
		expect(after.b).toBe(before.b);
	});

	it('changes for an edited task record, and only for it', () => {
		const after = keys(base({ tasks: [makeTask('s-01'), makeTask('s-02', { title: '改过的标题' })] }));
		expect(after.a).toBe(before.a);
		expect(after.b).not.toBe(before.b);
	});

	it('changes for every task with the as-of date and with any site-wide content', () => {
		const later = keys(base(), '2021-07-31');
		expect(later.a).not.toBe(before.a);
		expect(later.b).not.toBe(before.b);
		const c = base();
		const renamed = keys({ ...c, units: c.units.map((u, i) => (i === 0 ? { ...u, name: `${u.name}改` } : u)) });
		expect(renamed.a).not.toBe(before.a);
		expect(renamed.b).not.toBe(before.b);
		const settings = keys({ ...c, settings: { ...c.settings, dataLicense: '另一许可' } });
		expect(settings.a).not.toBe(before.a);
		expect(siteContextDigest(buildSiteModel(c, '2021-06-30'))).not.toBe(
			siteContextDigest(buildSiteModel({ ...c, settings: { ...c.settings, dataLicense: '另一许可' } }, '2021-06-30')),
		);
	});

	it('refuses an unknown task', () => {
		expect(() => taskCacheKey(buildSiteModel(base(), '2021-06-30'), 'nope')).toThrow(/unknown task nope/);
	});
});
