/**
 * How a task (at a date) and the dataset are cited: the parts of a citation from the model (written out by
 * citation-formats.ts), the task's and the dataset's JSON-LD, and JSON that is safe inside a <script> element.
 */
import { STATUS_LABELS, type TaskStatus } from '#src/lib/model/statuses.ts';
import type { TaskRecord } from '#src/lib/model/content.ts';
import { basisSuffix, unsourcedNote, type Basis } from '#src/lib/model/basis.ts';
import { absoluteUrl, DATA_PATH, HOME_PATH, planPath, snapshotPath, taskPath } from './urls.ts';
import { taskNumber } from '#src/lib/model/names.ts';
import { citedAuthor } from '#src/lib/model/identity.ts';
import { type SiteModel } from '#src/lib/model/site-model.ts';
import { citationText, type CitationParts } from './citation-formats.ts';
import { citedVersion, versionPath } from './data-versions.ts';

/** The anchor of a task's row on a snapshot page (/as-of/<date>/#t-<id>). */
export function snapshotRowId(taskId: string): string {
	return `t-${taskId}`;
}

/**
 * Whether a date is the last day of its month (snapshot pages of month ends stay; that of a mid-month as-of date is
 * replaced by the next build).
 */
export function isMonthEnd(date: string): boolean {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y!, m!, 0)).getUTCDate() === d;
}

/** The URL of a task's state at a month-end snapshot: /as-of/<date>/#t-<id>. */
export function taskSnapshotPath(taskId: string, date: string): string {
	return `${snapshotPath(date)}#${snapshotRowId(taskId)}`;
}

/**
 * The citation parts of a task at a date (the model's as-of date unless given): the status at that date, and a URL
 * that pins it when a snapshot page exists for the date (`pinned`), else the task page.
 */
export function taskCitation(
	model: SiteModel,
	siteUrl: string,
	task: TaskRecord,
	at: { date?: string; status?: TaskStatus; basis?: Basis; pinned?: boolean; accessed?: string } = {},
): CitationParts {
	const date = at.date ?? model.asOf;
	const status = at.status ?? model.states.get(task.id)?.status;
	// The status carries its unsourced inputs in the same words (逾期未完成（整改时限未核实）), so a quoted title keeps
	// them; a sample's citation says 示例数据 at the head of the same title.
	const basis = at.status ? at.basis : model.states.get(task.id)?.basis;
	return {
		siteName: model.content.settings.siteName,
		author: citedAuthor(model.content.settings),
		number: taskNumber(task, model.plans.get(task.plan)),
		title: task.title,
		date,
		status: status ? `${STATUS_LABELS[status]}${basis ? unsourcedNote(basis) : ''}` : undefined,
		accessed: at.accessed ?? model.asOf,
		url: absoluteUrl(siteUrl, at.pinned ? taskSnapshotPath(task.id, date) : taskPath(task.id)),
		kind: 'EB/OL',
		sample: task.provenance.kind === 'sample',
		key: `${task.id}-${date}`,
	};
}

/**
 * The citation parts of the open dataset as of the model's date. When it holds samples next to real records, the
 * title says so (the whole dataset is not a sample, so it does not carry the sample flag of a sample record).
 */
export function datasetCitation(model: SiteModel, siteUrl: string, accessed: string = model.asOf): CitationParts {
	const samples = model.content.tasks.some((t) => t.provenance.kind === 'sample');
	const name = model.content.settings.siteName;
	// The version that stays (data-versions.ts): the current files change every day until their month end.
	const version = citedVersion(model);
	const date = version ?? model.asOf;
	return {
		siteName: name,
		author: citedAuthor(model.content.settings),
		title: `${name}开放数据：整改任务、整改进展及分类（${version ? `数据版本${version}` : `数据截至${model.asOf}`}${samples ? '；含示例数据，示例数据不是官方信息' : ''}）`,
		date,
		accessed,
		url: absoluteUrl(siteUrl, version ? versionPath(version) : DATA_PATH),
		kind: 'DS/OL',
		sample: false,
		key: `dataset-${date}`,
	};
}

/** JSON text safe to place inside <script type="application/ld+json">: '<', '>', '&' and line separators escaped. */
export function jsonForScript(value: unknown): string {
	return JSON.stringify(value)
		.replaceAll('<', '\\u003c')
		.replaceAll('>', '\\u003e')
		.replaceAll('&', '\\u0026')
		.replaceAll('\u2028', '\\u2028')
		.replaceAll('\u2029', '\\u2029');
}

/**
 * schema.org description of a task page (a CreativeWork whose creativeWorkStatus is the task's status). The due date
 * is not `expires` (that would declare the page itself expired); it is given as a plain property value.
 */
export function taskJsonLd(model: SiteModel, siteUrl: string, task: TaskRecord): Record<string, unknown> {
	const c = taskCitation(model, siteUrl, task);
	const state = model.states.get(task.id);
	const plan = model.plans.get(task.plan);
	return {
		'@context': 'https://schema.org',
		'@type': 'CreativeWork',
		'@id': c.url,
		url: c.url,
		identifier: task.id,
		name: `${c.number}：${c.title}`,
		alternateName: c.number,
		description: task.problem,
		inLanguage: 'zh-CN',
		creativeWorkStatus: state ? `${STATUS_LABELS[state.status]}${basisSuffix(state.basis)}` : undefined,
		dateModified: state?.lastPublished,
		...(state
			? {
					additionalProperty: [
						{ '@type': 'PropertyValue', propertyID: 'dueDate', name: '整改时限', value: state.dueDate },
					],
				}
			: {}),
		isPartOf: plan
			? { '@type': 'CreativeWork', name: plan.title, url: absoluteUrl(siteUrl, planPath(plan.id)) }
			: undefined,
		publisher: { '@type': 'Organization', name: c.author, url: absoluteUrl(siteUrl, HOME_PATH) },
		isBasedOn: task.sources.map((s) => ({
			'@type': 'CreativeWork',
			name: s.title,
			publisher: s.publisher,
			datePublished: s.date,
			...(s.url ? { url: s.url } : {}),
		})),
		sdDatePublished: model.asOf,
		// How to cite this page is a credit line; schema.org's `citation` names works this one cites (its sources).
		creditText: citationText(c),
		license: licenseUrl(siteUrl),
		...(task.provenance.kind === 'sample' ? { disambiguatingDescription: '示例数据，不是官方信息' } : {}),
	};
}

/**
 * The licence as a URL (schema.org and DCAT want one): the licence section of /data/, which states the site's own
 * terms word for word. No standard licence is named, because the settings do not say that one applies.
 */
export function licenseUrl(siteUrl: string): string {
	return absoluteUrl(siteUrl, `${DATA_PATH}#lic`);
}

/** A downloadable file as the Dataset JSON-LD lists it. */
export interface Distribution {
	name: string;
	mediaType: string;
	bytes: number;
	url: string;
}

/**
 * schema.org Dataset for /data/, with the fields DCAT maps (dcat:Dataset ← schema:Dataset: title, description,
 * publisher, license, temporal and spatial coverage, modified date, keywords, language, distributions with media
 * type, size and download URL), so catalogues and dataset search can list it.
 */
export function datasetJsonLd(
	model: SiteModel,
	siteUrl: string,
	files: readonly Distribution[],
	accessed: string = model.asOf,
): Record<string, unknown> {
	const { settings } = model.content;
	const c = datasetCitation(model, siteUrl, accessed);
	const plans = [...model.plans.values()];
	const first = plans.reduce<string | undefined>(
		(m, p) => (m === undefined || p.publishedDate < m ? p.publishedDate : m),
		undefined,
	);
	const places = [...new Set(plans.map((p) => p.jurisdiction))];
	return {
		'@context': 'https://schema.org',
		'@type': 'Dataset',
		'@id': absoluteUrl(siteUrl, DATA_PATH),
		url: absoluteUrl(siteUrl, DATA_PATH),
		name: c.title,
		description: `${settings.siteName}发布的整改方案、整改任务（含截至 ${model.asOf} 的状态）、整改进展、状态变化记录及分类（责任单位、整改措施、问题方面、城市），CSV、JSON 和 Excel 格式。${model.content.tasks.some((t) => t.provenance.kind === 'sample') ? '其中含示例数据，示例数据不是官方信息（见各记录的 provenance 字段）。' : ''}`,
		inLanguage: 'zh-CN',
		license: licenseUrl(siteUrl),
		conditionsOfAccess: settings.dataLicense,
		isAccessibleForFree: true,
		keywords: ['整改方案', '整改任务', '整改进展', '中央生态环境保护督察', ...places],
		creator: { '@type': 'Organization', name: c.author, url: absoluteUrl(siteUrl, HOME_PATH) },
		publisher: { '@type': 'Organization', name: c.author, url: absoluteUrl(siteUrl, HOME_PATH) },
		dateModified: model.asOf,
		// The month-end version the citation names; its dated path is the citation's URL (creditText).
		version: c.date,
		...(first ? { temporalCoverage: `${first}/${model.asOf}` } : {}),
		...(places.length ? { spatialCoverage: places.map((name) => ({ '@type': 'Place', name })) } : {}),
		creditText: citationText(c),
		distribution: files.map((f) => ({
			'@type': 'DataDownload',
			name: f.name,
			encodingFormat: f.mediaType.split(';')[0],
			contentUrl: f.url,
			contentSize: `${f.bytes} B`,
		})),
	};
}
