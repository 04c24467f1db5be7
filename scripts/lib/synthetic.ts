// Deterministic synthetic content for the benchmark: many plans of 50 tasks, ~5 updates per task,
// realistic Chinese text lengths. Every record is marked as a sample.
import { addDays } from '#src/lib/model/dates.ts';

/** A small, fast, seedable PRNG (mulberry32). */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SUBJECTS = [
	'焦化企业',
	'燃煤锅炉',
	'散煤治理',
	'清洁取暖改造',
	'建筑工地扬尘',
	'汾河流域断面',
	'重型柴油车',
	'工业园区',
	'球团竖炉',
	'碳素企业',
	'固体废物堆场',
	'城中村',
	'港口码头',
	'危险废物',
	'饮用水水源地',
	'农村生活污水',
	'露天矿山',
	'加油站油气回收',
];
const PROBLEMS = [
	'整改推进迟缓，部分项目未按期开工',
	'监管不到位，违法排污问题屡禁不止',
	'治理设施运行不正常，超标排放问题突出',
	'底数不清，台账管理不规范',
	'责任落实不到位，存在敷衍整改现象',
	'执法检查流于形式，处罚力度偏轻',
	'规划布局不合理，环境风险较大',
	'改造完成后通气率低，群众反映强烈',
];
const ACTIONS = [
	'开展全面排查，建立问题清单和整改台账',
	'严格执行排放标准，实施在线监测联网',
	'加大执法检查频次，依法查处违法行为',
	'制定专项实施方案，明确时间表和路线图',
	'落实属地管理责任，实行挂牌督办',
	'组织第三方评估，公开整改结果',
	'完善长效机制，纳入年度目标责任考核',
	'加强部门联动，开展联合执法检查',
];
const PROGRESS = [
	'已完成现场核查，整改工作按计划推进',
	'相关项目已开工建设，完成投资过半',
	'已组织专项检查，督促企业完成治理设施改造',
	'受施工季节影响，部分工程进度滞后',
	'已完成整改，正在组织验收',
	'建立了长效管理机制，持续巩固整改成效',
];

function pick<T>(r: () => number, list: readonly T[]): T {
	return list[Math.floor(r() * list.length)]!;
}
function sentence(r: () => number, parts: number): string {
	const out: string[] = [];
	for (let i = 0; i < parts; i++) out.push(`${pick(r, SUBJECTS)}${pick(r, [...PROBLEMS, ...ACTIONS])}`);
	return out.join('，') + '。';
}

/** The taxonomy the synthetic plans reuse (ids of units and cities from the bundled content). */
export interface SyntheticBase {
	settings: unknown;
	units: { id: string }[];
	cities: { id: string }[];
	measureGroups: { id: string; title: string; text: string; no: number; sources: unknown[] }[];
	measures: { id: string; group: string; no: number; title: string }[];
	problemAreas: { id: string; title: string; summary: string; no: number; sources: unknown[] }[];
}

/** A synthetic site's own name (the portal's provinces); the rest of the settings come from the bundled content. */
export interface SyntheticSite {
	siteName: string;
}

const PER_PLAN = 50;
const SAMPLE = {
	kind: 'sample',
	note: '合成基准数据：由 scripts/generate-content.ts 生成，仅用于性能测试，不是任何真实记录。',
} as const;
const SOURCE = [{ publisher: '合成数据', title: '基准测试用合成方案', date: '2019-12-30' }];

const json = (v: unknown) => JSON.stringify(v, null, '\t') + '\n';

/** Writes one task's updates: monthly-ish reports from mid-2019, the last one possibly completing the task. */
function syntheticUpdates(r: () => number, files: Map<string, string>, id: string, updatesPerTask: number): void {
	const n = Math.max(1, Math.round(updatesPerTask + (r() - 0.5) * 4));
	let fact = addDays('2019-06-01', Math.floor(r() * 60));
	for (let k = 0; k < n; k++) {
		const last = k === n - 1;
		const status = last
			? pick(r, ['completed', 'completed', 'on_track', 'behind', 'long_term'])
			: pick(r, ['on_track', 'on_track', 'behind']);
		const published = addDays(fact, 3 + Math.floor(r() * 20));
		files.set(
			`updates/${id}/${fact}.md`,
			[
				'---',
				`task: "${id}"`,
				`status: "${status}"`,
				`factDate: "${fact}"`,
				`publishedDate: "${published}"`,
				`title: "${pick(r, PROGRESS)}"`,
				'provenance:',
				`  kind: "sample"`,
				`  note: "${SAMPLE.note}"`,
				'---',
				'',
				sentence(r, 3 + Math.floor(r() * 5)),
				'',
			].join('\n'),
		);
		fact = addDays(published, 20 + Math.floor(r() * 60));
		if (fact > '2021-06-01') break;
	}
}

/** One synthetic plan, whose declared totals match the tasks generated for it. */
function syntheticPlan(
	base: SyntheticBase,
	planId: string,
	count: number,
	planTasks: readonly { batch: string; measures: number; series: string }[],
): unknown {
	const byBatch = (b: string) => planTasks.filter((t) => t.batch === b).length;
	return {
		id: planId,
		title: `合成整改方案 ${planId}`,
		shortTitle: `合成方案 ${planId}`,
		jurisdiction: '合成辖区',
		inspection: {
			name: '合成督察',
			team: '合成督察组',
			onSiteStart: '2018-11-06',
			onSiteEnd: '2018-12-06',
			feedbackDate: '2019-05-06',
			sources: SOURCE,
		},
		approval: { text: '合成数据', sources: SOURCE },
		publishedDate: '2019-12-30',
		sources: SOURCE,
		series: [
			{ id: 'hkk', label: '回头看', name: '中央生态环境保护督察“回头看”', order: 1 },
			{ id: 'dq', label: '大气专项', name: '大气污染防治专项督察', order: 2 },
		],
		batches: [
			{ id: 'immediate', label: '立行立改', order: 1 },
			{ id: 'end-2019', label: '2019年底前', order: 2 },
			{ id: 'end-2020', label: '2020年底前', order: 3 },
		],
		declaredTotals: {
			problemAreas: base.problemAreas.length,
			measureGroups: base.measureGroups.length,
			measures: base.measures.length,
			tasks: count,
			specificMeasures: planTasks.reduce((s, t) => s + t.measures, 0),
			tasksBySeries: {
				hkk: planTasks.filter((t) => t.series === 'hkk').length,
				dq: planTasks.filter((t) => t.series === 'dq').length,
			},
			tasksByBatch: {
				immediate: byBatch('immediate'),
				'end-2019': byBatch('end-2019'),
				'end-2020': byBatch('end-2020'),
			},
			sources: SOURCE,
		},
		timeline: [],
		notes: ['合成基准数据，仅用于性能测试。'],
	};
}

/** Generates a content tree as a map of relative path → file text; same seed, same bytes. */
export function generateContent(
	base: SyntheticBase,
	tasks: number,
	seed = 1,
	updatesPerTask = 5,
	site?: SyntheticSite,
): Map<string, string> {
	const r = prng(seed);
	const files = new Map<string, string>();
	files.set('settings.json', json([site ? { ...(base.settings as object), siteName: site.siteName } : base.settings]));
	const plans = Math.ceil(tasks / PER_PLAN);
	const groups: unknown[] = [];
	const measures: unknown[] = [];
	const areas: unknown[] = [];
	let made = 0;
	for (let p = 0; p < plans; p++) {
		const planId = `p${String(p + 1).padStart(4, '0')}`;
		const count = Math.min(PER_PLAN, tasks - made);
		const half = Math.ceil(count / 2);
		const gmap = new Map(base.measureGroups.map((g) => [g.id, `${planId}-${g.id}`]));
		for (const g of base.measureGroups) groups.push({ ...g, id: gmap.get(g.id), plan: planId });
		for (const m of base.measures) measures.push({ ...m, id: `${planId}-${m.id}`, group: gmap.get(m.group) });
		for (const a of base.problemAreas) areas.push({ ...a, id: `${planId}-${a.id}`, plan: planId });
		const planTasks: { batch: string; measures: number; series: string }[] = [];
		for (let i = 0; i < count; i++) {
			const series = i < half ? 'hkk' : 'dq';
			const no = String(series === 'hkk' ? i + 1 : i - half + 1).padStart(2, '0');
			const id = `${planId}-${series}-${no}`;
			const batch = pick(r, ['immediate', 'end-2019', 'end-2020']);
			const dueDate = batch === 'immediate' ? '2019-09-30' : batch === 'end-2019' ? '2019-12-31' : '2020-12-31';
			const nMeasures = 2 + Math.floor(r() * 3);
			planTasks.push({ batch, measures: nMeasures, series });
			const unit = pick(r, base.units).id;
			files.set(
				`tasks/${id}.json`,
				json({
					plan: planId,
					series,
					no,
					title: `${pick(r, SUBJECTS)}${pick(r, ['专项整治', '问题整改', '污染治理', '排查整治'])}`,
					problem: sentence(r, 4 + Math.floor(r() * 4)),
					targets: Array.from({ length: 1 + Math.floor(r() * 2) }, () => sentence(r, 1)),
					measures: Array.from({ length: nMeasures }, () => sentence(r, 2)),
					measure: `${planId}-${pick(r, base.measures).id}`,
					area: `${planId}-${pick(r, base.problemAreas).id}`,
					leadUnits: [unit],
					supportUnits: r() < 0.5 ? [pick(r, base.units).id].filter((u) => u !== unit) : [],
					responsible: '（合成）责任单位主要负责人',
					batch,
					dueDate,
					cities: r() < 0.6 ? [pick(r, base.cities).id] : [],
					sources: [],
					provenance: SAMPLE,
				}),
			);
			syntheticUpdates(r, files, id, updatesPerTask);
			made++;
		}
		files.set(`plans/${planId}.json`, json(syntheticPlan(base, planId, count, planTasks)));
	}
	files.set('measure-groups.json', json(groups));
	files.set('measures.json', json(measures));
	files.set('problem-areas.json', json(areas));
	files.set('units.json', json(base.units));
	files.set('cities.json', json(base.cities));
	// A site not yet released: an empty ledger of published records (a missing one is an error, not a fresh start).
	files.set('ledger.json', json({ updates: {}, tasks: {} }));
	return files;
}
