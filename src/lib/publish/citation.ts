/** How a task is cited: the citation text, its JSON-LD, and JSON that is safe inside a <script> element. */
import { STATUS_LABELS } from '../model/statuses.ts';
import type { TaskRecord } from '../model/content.ts';
import { basisOf, basisSuffix } from '../model/basis.ts';
import { absoluteUrl, taskPath } from './urls.ts';
import { taskNumber } from '../model/names.ts';
import { type SiteModel } from '../model/site-model.ts';

/** What a citation names. */
export interface CitationParts {
	siteName: string;
	number: string;
	title: string;
	asOf: string;
	url: string;
}

/** The citation parts of a task at the model's as-of date. */
export function taskCitation(model: SiteModel, siteUrl: string, task: TaskRecord): CitationParts {
	return {
		siteName: model.content.settings.siteName,
		number: taskNumber(task, model.plans.get(task.plan)),
		// A sample task's citation says so in its title, so a copied citation never drops the flag.
		title: `${task.title}${basisSuffix(basisOf(task, []))}`,
		asOf: model.asOf,
		url: absoluteUrl(siteUrl, taskPath(task.id)),
	};
}

/** Citation text in the GB/T 7714 style for online resources: 责任者. 题名[EB/OL]. (更新日期). 网址. */
export function citationText(c: CitationParts): string {
	return `${c.siteName}. ${c.number}：${c.title}[EB/OL]. (数据截至${c.asOf}). ${c.url}`;
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

/** schema.org description of a task page (a CreativeWork whose creativeWorkStatus is the task's status). */
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
		expires: state?.dueDate,
		isPartOf: plan
			? { '@type': 'CreativeWork', name: plan.title, url: absoluteUrl(siteUrl, `/plans/${plan.id}/`) }
			: undefined,
		publisher: { '@type': 'Organization', name: c.siteName, url: absoluteUrl(siteUrl, '/') },
		isBasedOn: task.sources.map((s) => ({
			'@type': 'CreativeWork',
			name: s.title,
			publisher: s.publisher,
			datePublished: s.date,
			...(s.url ? { url: s.url } : {}),
		})),
		sdDatePublished: model.asOf,
		citation: citationText(c),
		...(task.provenance.kind === 'sample' ? { disambiguatingDescription: '示例数据，不是官方信息' } : {}),
	};
}
