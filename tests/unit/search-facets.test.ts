import { describe, expect, it } from 'vitest';
import { buildSiteModel } from '#src/lib/model/site-model.ts';
import { facetValues, NO_UPDATE_SORT, taskSearchRecord, unitSearchRecord } from '#src/lib/search/facets.ts';
import { isIndexedHtml } from '#src/lib/search/routes.ts';
import { STATUS_LABELS, TASK_STATUSES } from '#src/lib/model/statuses.ts';
import { makeContent, makeTask, makeUpdate } from './fixtures.ts';

const content = makeContent({
	tasks: [
		makeTask('s-01', { leadUnits: ['u1', 'u2'] }),
		makeTask('s-02', { batch: 'end-2020', dueDate: '2020-12-31', cities: [] }),
	],
	updates: [makeUpdate('s-01/2019-09-30', { status: 'completed' })],
});

describe('taskSearchRecord', () => {
	it('gives the status as of the build and the other facets by id (the /tasks/ URL vocabulary)', () => {
		const site = buildSiteModel(content, '2021-06-30');
		const r = taskSearchRecord(site.tasks.get('s-01')!, site);
		expect(r.filters).toEqual({
			plan: ['p1'],
			series: [site.tasks.get('s-01')!.series],
			status: ['completed'],
			batch: ['end-2019'],
			unit: ['u1', 'u2'],
			unit_support: [],
			unit_any: ['u1', 'u2'],
			area: [site.tasks.get('s-01')!.area],
			city: ['c1'],
			provenance: ['sample'],
		});
		expect(r.meta).toMatchObject({
			number: '系列第01号',
			// The result shows the status with what it rests on (s-01 is a sample); the facet keeps the plain label.
			status: '已完成（示例）',
			status_key: 'completed',
			unit: '省生态环境厅、太原市',
			title: '任务 s-01',
		});
		expect(r.sort).toEqual({ due: '2019-12-31', updated: '2019-10-10', number: 'p1/001/01' });
	});
	it('changes status with the as-of date and sorts never-updated tasks last', () => {
		const early = buildSiteModel(content, '2019-06-30');
		expect(taskSearchRecord(early.tasks.get('s-01')!, early).filters.status).toEqual(['not_reported']);
		const late = buildSiteModel(content, '2021-06-30');
		const r = taskSearchRecord(late.tasks.get('s-02')!, late);
		expect(r.filters.status).toEqual(['overdue']);
		expect(r.filters.city).toEqual([]);
		expect(r.sort.updated).toBe(NO_UPDATE_SORT);
	});
});

describe('facetValues', () => {
	it('lists every status in dashboard order and only values that tasks use', () => {
		const v = facetValues(buildSiteModel(content, '2021-06-30'));
		expect(v.status).toEqual([
			...TASK_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
			{ value: 'completed_late', label: '逾期完成' },
		]);
		expect(v.batch.map((b) => b.label)).toEqual(['2019年底前', '2020年底前']);
		expect(v.unit).toEqual([
			{ value: 'u1', label: '省生态环境厅' },
			{ value: 'u2', label: '太原市' },
		]);
		expect(v.provenance.map((p) => p.value)).toEqual(['official', 'partial', 'sample']);
		expect(v.provenance.map((p) => p.label)).toEqual(['官方来源', '部分有来源', '示例']);
	});
});

describe('unitSearchRecord', () => {
	it('has no filters, so any filter narrows the results to tasks', () => {
		expect(unitSearchRecord(content.units[0]!)).toEqual({
			filters: {},
			sort: {},
			meta: { title: '山西省生态环境厅', kind: '责任单位', unit: '省生态环境厅' },
		});
	});
});

describe('isIndexedHtml', () => {
	it('accepts a <main> with data-pagefind-body, with or without a value', () => {
		expect(isIndexedHtml('<body><main id="main" class="wrap" data-pagefind-body>x</main>')).toBe(true);
		expect(isIndexedHtml('<main data-pagefind-body="">x</main>')).toBe(true);
	});
	it('refuses pages that only mention the attribute or put it elsewhere', () => {
		expect(isIndexedHtml('<main id="main"><p>data-pagefind-body</p></main>')).toBe(false);
		expect(isIndexedHtml('<main data-pagefind-bodyx>x</main>')).toBe(false);
		expect(isIndexedHtml('<div data-pagefind-body>x</div>')).toBe(false);
	});
});
