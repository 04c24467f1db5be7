// A small, valid content set built in memory, parsed through the real schemas.
import { PlanSchema, SettingsSchema, TaskSchema, UpdateSchema } from '#src/schemas/index.ts';
import type { Content, TaskRecord, UpdateRecord } from '#src/lib/model/content.ts';

const src = { publisher: '山西日报', title: '测试来源', date: '2019-12-30' };

export function makeTask(id: string, over: Record<string, unknown> = {}): TaskRecord {
	const [series, no] = id.split('-') as [string, string];
	return {
		id,
		...TaskSchema.parse({
			plan: 'p1',
			series,
			no,
			title: `任务 ${id}`,
			problem: '问题描述',
			targets: ['目标'],
			measures: ['措施一', '措施二'],
			measure: 'm1',
			area: 'a1',
			leadUnits: ['u1'],
			responsible: '厅长',
			batch: 'end-2019',
			dueDate: '2019-12-31',
			cities: ['c1'],
			provenance: { kind: 'sample', note: '示例' },
			...over,
		}),
	};
}

export function makeUpdate(id: string, over: Record<string, unknown> = {}): UpdateRecord {
	const task = id.split('/')[0]!;
	return {
		id,
		body: '进展正文',
		...UpdateSchema.parse({
			task,
			status: 'on_track',
			factDate: '2019-09-30',
			publishedDate: '2019-10-10',
			title: '进展',
			provenance: { kind: 'sample', note: '示例' },
			...over,
		}),
	};
}

export function makeContent(over: Partial<Content> = {}): Content {
	const tasks = over.tasks ?? [makeTask('s-01'), makeTask('s-02', { batch: 'end-2020', dueDate: '2020-12-31' })];
	const specific = tasks.reduce((n, t) => n + (t.measures?.length ?? 0), 0);
	return {
		settings: SettingsSchema.parse({
			id: 'site',
			siteName: '整改公开',
			siteUrl: 'https://example.gov.cn/',
			description: '测试',
			identity: Object.fromEntries(
				['organizer', 'operator', 'contact', 'siteCode', 'icp', 'psb', 'partyMark', 'report', 'infoRequest'].map(
					(k) => [k, { value: '（演示占位）', placeholder: true }],
				),
			),
			dataLicense: '测试许可',
		}),
		plans: [
			PlanSchema.parse({
				id: 'p1',
				title: '测试方案',
				shortTitle: '测试',
				jurisdiction: '山西省',
				inspection: {
					name: '回头看',
					team: '督察组',
					onSiteStart: '2018-11-06',
					onSiteEnd: '2018-12-06',
					feedbackDate: '2019-05-06',
					sources: [src],
				},
				approval: { text: '已审核', sources: [src] },
				publishedDate: '2019-12-30',
				sources: [src],
				series: [{ id: 's', label: '系列', name: '测试系列', order: 1 }],
				batches: [
					{ id: 'end-2019', label: '2019年底前', order: 1 },
					{ id: 'end-2020', label: '2020年底前', order: 2 },
				],
				declaredTotals: {
					problemAreas: 1,
					measureGroups: 1,
					measures: 1,
					tasks: tasks.length,
					specificMeasures: specific,
					tasksBySeries: { s: tasks.length },
					tasksByBatch: {
						'end-2019': tasks.filter((t) => t.batch === 'end-2019').length,
						'end-2020': tasks.filter((t) => t.batch === 'end-2020').length,
					},
					sources: [src],
				},
				timeline: [],
			}),
		],
		measureGroups: [{ id: 'g1', plan: 'p1', no: 1, title: '方面', text: '方面原文', sources: [src] }],
		measures: [{ id: 'm1', group: 'g1', no: 1, title: '措施' }],
		problemAreas: [{ id: 'a1', plan: 'p1', no: 1, title: '方面', summary: '摘要', sources: [src] }],
		units: [
			{ id: 'u1', name: '山西省生态环境厅', shortName: '省生态环境厅', kind: 'department' },
			{ id: 'u2', name: '太原市人民政府', shortName: '太原市', kind: 'city', city: 'c1' },
		],
		cities: [{ id: 'c1', name: '太原市', order: 1 }],
		updates: [],
		...over,
		tasks,
	};
}
