// npm run new: the files of an empty content directory for another plan. Pure (answers in, file texts out), so the
// CLI, its tests and the walk test of issue #22 share one definition of "a valid empty site".
import { ID_PATTERN } from '#src/schemas/common.ts';
import { isRealIsoDate, ISO_DATE } from '#src/lib/model/dates.ts';
import { ledgerText } from '#src/lib/content/ledger.ts';

/** One task series of the new plan: its id (file names), label, full name and how numbers are written. */
export interface NewSeries {
	id: string;
	label: string;
	name: string;
	/** {label} and {no}, e.g. 省序{no}; default {label}第{no}号. */
	numberFormat?: string;
	digits?: number;
}

/** What `npm run new` asks for. */
export interface NewSiteAnswers {
	planId: string;
	title: string;
	shortTitle: string;
	jurisdiction: string;
	/** The body that issued (published) the plan: the plan's source. */
	issuer: string;
	publishedDate: string;
	/** Where the plan was published, if on the web (a government site or the original outlet). */
	url?: string;
	siteName: string;
	series: NewSeries[];
}

/** The numbering styles offered by the prompt, by the way a reader sees them. */
export const NUMBERING_CHOICES = [
	{ value: 'label-no', label: '系列名第NN号（如 回头看第02号）', numberFormat: undefined, digits: 2 },
	{ value: 'no-hao', label: '第NN号（如 第07号）', numberFormat: '第{no}号', digits: 2 },
	{ value: 'label-n', label: '系列名加序号（如 省序29）', numberFormat: '{label}{no}', digits: 1 },
	{ value: 'n', label: '只有序号 1…N（如 3）', numberFormat: '{no}', digits: 1 },
] as const;

/** What is wrong with a plan or series id (the prompt asks again; the flags are refused), or undefined. */
export function idProblem(id: string, example = 'audit-2023'): string | undefined {
	return ID_PATTERN.test(id) ? undefined : `“${id}”只能用小写字母、数字和连字符，如 ${example}：它会成为网址和文件名。`;
}

/** What is wrong with a date answer, or undefined. */
export function dateProblem(date: string): string | undefined {
	return ISO_DATE.test(date) && isRealIsoDate(date)
		? undefined
		: `“${date}”应为 YYYY-MM-DD 格式的真实日期，如 2023-08-15。`;
}

/** What is wrong with a web address answer (empty is fine: no address), or undefined. */
export function urlProblem(url: string): string | undefined {
	return url === '' || /^https?:\/\/\S+$/.test(url)
		? undefined
		: `“${url}”应以 http:// 或 https:// 开头；没有网址就不填。`;
}

/** Every problem with the answers, in Chinese, each naming the answer (flag) and the fix. */
export function newSiteProblems(a: NewSiteAnswers): string[] {
	const out: string[] = [];
	const id = idProblem(a.planId);
	if (id) out.push(`方案编号（--id）${id}`);
	for (const [k, flag, label] of [
		['title', '--title', '方案全称'],
		['shortTitle', '--short-title', '方案简称'],
		['jurisdiction', '--jurisdiction', '地区'],
		['issuer', '--issuer', '发布机关'],
		['siteName', '--site-name', '网站名称'],
	] as const)
		if (!a[k].trim()) out.push(`${label}（${flag}）不能为空。`);
	const date = dateProblem(a.publishedDate);
	if (date) out.push(`方案发布日期（--published）${date}`);
	const url = a.url === undefined ? undefined : urlProblem(a.url);
	if (url) out.push(`原文网址（--url）${url}`);
	if (a.series.length === 0) out.push('至少要有一个任务系列（--series）。');
	const seen = new Set<string>();
	for (const s of a.series) {
		const sid = idProblem(s.id, 'sx');
		if (sid) out.push(`系列编号（--series 第一段）${sid}`);
		if (seen.has(s.id)) out.push(`系列编号“${s.id}”重复了：每个系列的编号要不同。`);
		seen.add(s.id);
		if (!s.label.trim()) out.push(`系列“${s.id}”的名称不能为空。`);
	}
	return out;
}

const PLACEHOLDER = (what: string) => ({ value: `（占位，待填写）${what}`, placeholder: true });

/** The content files (path under the content directory → text) of an empty site for one plan. */
export function newSiteFiles(a: NewSiteAnswers): Record<string, string> {
	const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
	const source = { publisher: a.issuer, title: a.title, date: a.publishedDate, ...(a.url ? { url: a.url } : {}) };
	const settings = [
		{
			id: 'site',
			siteName: a.siteName,
			siteUrl: 'https://zhenggai.example.gov.cn/',
			description: `公开《${a.title}》全文、整改任务及整改进展。`,
			identity: {
				organizer: PLACEHOLDER('主办单位名称'),
				operator: PLACEHOLDER('承办单位名称'),
				contact: PLACEHOLDER('联系电话和电子邮箱'),
				siteCode: PLACEHOLDER('政府网站标识码'),
				icp: PLACEHOLDER('ICP备案号'),
				psb: PLACEHOLDER('公安机关备案号'),
				partyMark: PLACEHOLDER('党政机关网站标识'),
				report: PLACEHOLDER('监督举报电话'),
				infoRequest: PLACEHOLDER('依申请公开渠道'),
			},
			dataLicense: `本站数据可自由下载、复制和再利用，使用时请注明来源“${a.siteName}”及数据截止日期。`,
		},
	];
	const plan = {
		id: a.planId,
		title: a.title,
		shortTitle: a.shortTitle,
		jurisdiction: a.jurisdiction,
		publishedDate: a.publishedDate,
		sources: [source],
		series: a.series.map((s, i) => ({
			id: s.id,
			label: s.label,
			name: s.name,
			order: i + 1,
			...(s.numberFormat ? { numberFormat: s.numberFormat } : {}),
			...(s.digits && s.digits !== 2 ? { digits: s.digits } : {}),
		})),
	};
	const where = a.url ? `[${a.issuer}发布的原文](${a.url})` : `${a.issuer}发布的原文`;
	const text = [
		'---',
		`plan: ${a.planId}`,
		`title: ${JSON.stringify(a.shortTitle)}`,
		'---',
		'',
		`> **编者说明**\u3000方案全文尚未录入本站，请以${where}（${a.publishedDate}）为准。`,
		'',
	].join('\n');
	return {
		'settings.json': json(settings),
		[`plans/${a.planId}.json`]: json(plan),
		[`plans/${a.planId}.mdx`]: text,
		'measure-groups.json': '[]\n',
		'measures.json': '[]\n',
		'problem-areas.json': '[]\n',
		'units.json': '[]\n',
		'cities.json': '[]\n',
		'tasks/.gitkeep': '',
		'updates/.gitkeep': '',
		'ledger.json': ledgerText({ updates: {}, tasks: {} }),
	};
}
