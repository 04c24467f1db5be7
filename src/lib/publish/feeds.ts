/**
 * Atom (RFC 4287) feeds of progress updates: all updates, one feed per task, one per unit.
 * Built as text with every content string escaped; absolute URLs from the configured site URL.
 */
import { REPORTED_LABELS } from '../model/statuses.ts';
import type { TaskRecord, UpdateRecord } from '../model/content.ts';
import { absoluteUrl, taskPath, updateAnchor } from './urls.ts';
import { taskNumber } from '../model/names.ts';
import { type SiteModel } from '../model/site-model.ts';
import { compareNewestFirst } from '../model/status.ts';
import { publishedUpdates, tasksUnder } from '../model/browse.ts';
import { ROLLUP_KEYS } from '../model/rollups.ts';
import { basisOf, unsourcedNote } from '../model/basis.ts';

/** The most entries a site-wide or unit feed carries (the newest); the complete record is updates.csv/json. */
export const FEED_LIMIT = 500;

/** Escapes text for XML element content and attribute values; drops characters XML 1.0 forbids. */
export function escapeXml(s: string): string {
	return (
		s
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
			.replaceAll('&', '&amp;')
			.replaceAll('<', '&lt;')
			.replaceAll('>', '&gt;')
			.replaceAll('"', '&quot;')
			.replaceAll("'", '&apos;')
	);
}

/** An Atom timestamp for a calendar date in China time (midnight, +08:00). */
export function atomDate(date: string): string {
	return `${date}T00:00:00+08:00`;
}

/** One feed entry. */
export interface FeedEntry {
	id: string;
	title: string;
	url: string;
	published: string;
	updated: string;
	categories: { term: string; label: string }[];
	summary: string;
	content: string;
}

/** A whole feed. */
export interface Feed {
	id: string;
	title: string;
	subtitle?: string;
	selfUrl: string;
	pageUrl: string;
	author: string;
	/** Date used when there are no entries. */
	fallbackUpdated: string;
	entries: FeedEntry[];
}

/** The Atom XML of a feed; `updated` is the newest entry's date (so the feed only changes when content does). */
export function atomXml(feed: Feed): string {
	const updated = feed.entries.reduce((m, e) => (e.updated > m ? e.updated : m), '') || feed.fallbackUpdated;
	const x = escapeXml;
	const lines = [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
		`<id>${x(feed.id)}</id>`,
		`<title>${x(feed.title)}</title>`,
		...(feed.subtitle ? [`<subtitle>${x(feed.subtitle)}</subtitle>`] : []),
		`<updated>${x(atomDate(updated))}</updated>`,
		`<link rel="self" type="application/atom+xml" href="${x(feed.selfUrl)}"/>`,
		`<link rel="alternate" type="text/html" href="${x(feed.pageUrl)}"/>`,
		`<author><name>${x(feed.author)}</name></author>`,
	];
	for (const e of feed.entries) {
		lines.push(
			'<entry>',
			`<id>${x(e.id)}</id>`,
			`<title>${x(e.title)}</title>`,
			`<link rel="alternate" type="text/html" href="${x(e.url)}"/>`,
			`<published>${x(atomDate(e.published))}</published>`,
			`<updated>${x(atomDate(e.updated))}</updated>`,
			...e.categories.map((c) => `<category term="${x(c.term)}" label="${x(c.label)}"/>`),
			`<summary type="text">${x(e.summary)}</summary>`,
			`<content type="text">${x(e.content)}</content>`,
			'</entry>',
		);
	}
	lines.push('</feed>', '');
	return lines.join('\n');
}

/** The feed entry of one update: its date, its task and its status. */
export function updateEntry(model: SiteModel, siteUrl: string, u: UpdateRecord): FeedEntry {
	const task = model.tasks.get(u.task);
	const number = task ? taskNumber(task, model.plans.get(task.plan)) : u.task;
	const label = REPORTED_LABELS[u.status];
	// An entry about a sample task, or a sample update, says so in its title.
	const sample = u.provenance.kind === 'sample' || task?.provenance.kind === 'sample' ? '【示例数据，非官方信息】' : '';
	const correction = model.states.get(u.task)?.correctedBy.get(u.id);
	const corrected = correction ? `【已更正，见进展 ${correction}】` : '';
	const url = absoluteUrl(siteUrl, `${taskPath(u.task)}#${updateAnchor(u.id)}`);
	return {
		id: url,
		title: `${sample}${corrected}${number}${task ? ' ' + task.title : ''}：${u.title}（${label}）`,
		url,
		published: u.publishedDate,
		updated: u.publishedDate,
		categories: [
			{ term: u.status, label },
			{ term: `task:${u.task}`, label: number },
		],
		summary: `${sample}任务：${number}${task ? ' ' + task.title : ''}；报告状态：${label}；形成日期：${u.factDate}${unsourcedNote(basisOf(u, ['factDate']))}；发布日期：${u.publishedDate}${unsourcedNote(basisOf(u, ['publishedDate']))}${u.dueDateChange ? `；整改时限调整为 ${u.dueDateChange.to}（理由：${u.dueDateChange.reason}）` : ''}${u.corrects ? `；本条更正进展 ${u.corrects}` : ''}${correction ? `；本条已被进展 ${correction} 更正，以更正为准` : ''}。`,
		content: u.body.trim(),
	};
}

/** Updates published by the as-of date (corrected ones too, marked in their entries), newest first. */
function knownOf(model: SiteModel, taskIds: Iterable<string>): UpdateRecord[] {
	const out: UpdateRecord[] = [];
	for (const id of taskIds) out.push(...(model.states.get(id)?.published ?? []));
	return out.sort(compareNewestFirst);
}

function feed(
	model: SiteModel,
	siteUrl: string,
	path: string,
	page: string,
	title: string,
	subtitle: string,
	updates: UpdateRecord[],
): Feed {
	return {
		id: absoluteUrl(siteUrl, path),
		title,
		subtitle,
		selfUrl: absoluteUrl(siteUrl, path),
		pageUrl: absoluteUrl(siteUrl, page),
		author: model.content.settings.siteName,
		fallbackUpdated: model.asOf,
		entries: updates.map((u) => updateEntry(model, siteUrl, u)),
	};
}

/** The path of the site-wide feed. */
export const ALL_UPDATES_FEED = '/feeds/updates.xml';
/** The path of a task's feed. */
export function taskFeedPath(id: string): string {
	return `/feeds/tasks/${id}.xml`;
}
/** The path of a unit's feed. */
export function unitFeedPath(id: string): string {
	return `/feeds/units/${id}.xml`;
}

/** The newest updates of all tasks (at most FEED_LIMIT). */
export function allUpdatesFeed(model: SiteModel, siteUrl: string): Feed {
	const name = model.content.settings.siteName;
	return feed(
		model,
		siteUrl,
		ALL_UPDATES_FEED,
		'/',
		`${name}：全部整改进展`,
		`最新的 ${FEED_LIMIT} 条以内整改进展；完整记录见 /data/updates.csv。`,
		publishedUpdates(model.states).slice(0, FEED_LIMIT),
	);
}

/** Every known update of one task. */
export function taskFeed(model: SiteModel, siteUrl: string, task: TaskRecord): Feed {
	const number = taskNumber(task, model.plans.get(task.plan));
	return feed(
		model,
		siteUrl,
		taskFeedPath(task.id),
		taskPath(task.id),
		`${number} ${task.title}：整改进展`,
		`${model.content.settings.siteName} 发布的该任务全部整改进展。`,
		knownOf(model, [task.id]),
	);
}

/** The newest updates (at most FEED_LIMIT) of the tasks a unit leads or supports. */
export function unitFeed(model: SiteModel, siteUrl: string, unitId: string): Feed {
	const unit = model.units.get(unitId);
	// tasksUnder groups the tasks once for all units, so the unit feeds stay linear in the number of tasks.
	const taskIds = tasksUnder(model.content.tasks, ROLLUP_KEYS.anyUnit, unitId).map((t) => t.id);
	return feed(
		model,
		siteUrl,
		unitFeedPath(unitId),
		`/units/${unitId}/`,
		`${unit?.name ?? unitId}：牵头或配合任务的整改进展`,
		`最新的 ${FEED_LIMIT} 条以内。`,
		knownOf(model, taskIds).slice(0, FEED_LIMIT),
	);
}
