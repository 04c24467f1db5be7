/**
 * Atom (RFC 4287) feeds of progress updates: all updates, one feed per task, one per unit.
 * Built as text with every content string escaped; absolute URLs from the configured site URL.
 */
import { REPORTED_LABELS, STATUS_LABELS } from '#src/lib/model/statuses.ts';
import type { TaskRecord, UpdateRecord } from '#src/lib/model/content.ts';
import { renderNarrative } from './markdown.ts';
import {
	CHANGE_SECTIONS,
	changeCounts,
	correctionText,
	dueDateMovedText,
	sectionBasis,
	sectionCount,
	sectionCountText,
	sectionHeading,
	sectionStatusChanges,
	TASK_SECTIONS,
	type TaskChange,
	type Changes,
	hasChanges,
} from '#src/lib/model/changes.ts';
import {
	absoluteUrl,
	ALL_UPDATES_FEED,
	CHANGES_FEED,
	CHANGES_PATH,
	changesPath,
	dataPath,
	HOME_PATH,
	taskFeedPath,
	taskPath,
	unitFeedPath,
	unitPath,
	updateAnchor,
} from './urls.ts';
import { taskNumber } from '#src/lib/model/names.ts';
import { type SiteModel } from '#src/lib/model/site-model.ts';
import { compareNewestFirst } from '#src/lib/model/status.ts';
import { publishedUpdates, tasksUnder } from '#src/lib/model/browse.ts';
import { changeMonthZh } from '#src/lib/model/dates.ts';
import { ROLLUP_KEYS } from '#src/lib/model/rollups.ts';
import { basisOf, unsourcedNote } from '#src/lib/model/basis.ts';
import { NOTHING_CHANGED_TEXT } from '#src/lib/view/empty-state.ts';
import { assertCarriable } from '#src/lib/model/text-policy.ts';

/** The most entries a site-wide or unit feed carries (the newest); the complete record is updates.csv/json. */
export const FEED_LIMIT = 500;

/** Escapes text for XML element content and attribute values; throws on characters XML 1.0 forbids. */
export function escapeXml(s: string): string {
	return assertCarriable('XML', s, 'XML')
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&apos;');
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
	/** Sanitised HTML (escaped into the XML as Atom's type="html"): narratives rendered by renderNarrative. */
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
			`<content type="html" xml:base="${x(e.url)}">${x(e.content)}</content>`,
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
		// The same sanitised HTML as the task page shows (raw HTML in a narrative stays text; unsafe links are dropped).
		content: renderNarrative(u.body.trim()),
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

/** The newest updates of all tasks (at most FEED_LIMIT). */
export function allUpdatesFeed(model: SiteModel, siteUrl: string): Feed {
	const name = model.content.settings.siteName;
	return feed(
		model,
		siteUrl,
		ALL_UPDATES_FEED,
		HOME_PATH,
		`${name}：全部整改进展`,
		`最新的 ${FEED_LIMIT} 条以内整改进展；完整记录见 ${dataPath('updates.csv')}。`,
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
		unitPath(unitId),
		`${unit?.name ?? unitId}：牵头或配合任务的整改进展`,
		`最新的 ${FEED_LIMIT} 条以内。`,
		knownOf(model, taskIds).slice(0, FEED_LIMIT),
	);
}

const escHtml = (t: string) =>
	t.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The HTML of one month's change list: the sections of the /changes/ pages, in their order, with links. */
export function changesHtml(model: SiteModel, c: Changes): string {
	const label = (id: string) => {
		const t = model.tasks.get(id);
		const sample = t?.provenance.kind === 'sample' ? '（示例）' : '';
		return t ? `${taskNumber(t, model.plans.get(t.plan))} ${t.title}${sample}` : id;
	};
	const link = (id: string, text = label(id)) => `<a href="${escHtml(taskPath(id))}">${escHtml(text)}</a>`;
	// A status about a task that is no sample carries its unsourced inputs (a sample's label says 示例 already).
	const statusItem = (x: TaskChange) =>
		`<li>${link(x.task)}：${STATUS_LABELS[x.from]}${unsourcedNote(x.fromBasis)} → ${STATUS_LABELS[x.to]}${unsourcedNote(x.basis)}</li>`;
	const items: Record<(typeof CHANGE_SECTIONS)[number]['key'], () => string[]> = {
		completed: () => sectionStatusChanges(c, 'completed').map(statusItem),
		closed: () => sectionStatusChanges(c, 'closed').map(statusItem),
		reopened: () => sectionStatusChanges(c, 'reopened').map(statusItem),
		changed: () => sectionStatusChanges(c, 'changed').map(statusItem),
		slipped: () =>
			c.slipped.map(
				(s) =>
					`<li>${link(s.task)}：${[s.becameOverdue ? `转为${STATUS_LABELS.overdue}${unsourcedNote(s.basis)}` : '', s.dueDateMoved ? escHtml(dueDateMovedText(s.dueDateMoved)) : ''].filter(Boolean).join('；')}</li>`,
			),
		updates: () =>
			c.newUpdates.flatMap((g) =>
				g.updates.map(
					(u) =>
						`<li>${link(g.task)}：<a href="${escHtml(`${taskPath(g.task)}#${updateAnchor(u.id)}`)}">${escHtml(u.title)}</a>（${REPORTED_LABELS[u.status]}，发布于 ${u.publishedDate}${u.provenance.kind === 'sample' ? '，示例' : ''}${correctionText(c, u.id) ? `；${escHtml(correctionText(c, u.id))}` : ''}）</li>`,
				),
			),
	};
	return CHANGE_SECTIONS.map((sec) => {
		const list = items[sec.key]();
		return `<h3>${escHtml(sectionHeading(sec, sectionCount(c, sec.key), sectionBasis(c, sec.key)))}</h3>${list.length ? `<ul>${list.join('')}</ul>` : `<p>${NOTHING_CHANGED_TEXT}</p>`}`;
	}).join('');
}

/**
 * One entry per month end in which something changed (newest first; a month without changes is no news), linking its
 * /changes/<date>/ page.
 */
export function changesFeed(model: SiteModel, siteUrl: string, months: readonly Changes[]): Feed {
	const name = model.content.settings.siteName;
	const entries = months
		.filter(hasChanges)
		.sort((a, b) => (a.to < b.to ? 1 : -1))
		.map((c): FeedEntry => {
			const n = changeCounts(c);
			const url = absoluteUrl(siteUrl, changesPath(c.to));
			return {
				id: url,
				title: `${changeMonthZh(c.to)}的变化：${sectionCountText(c, 'completed')}，${sectionCountText(c, 'slipped')}，新进展 ${n.updates} 条`,
				url,
				published: c.to,
				updated: c.to,
				categories: [{ term: 'changes', label: '每月变化' }],
				summary: `${c.from} 之后至 ${c.to}：${TASK_SECTIONS.map((sec) => sectionCountText(c, sec.key)).join('，')}，发布新进展 ${n.updates} 条（涉及 ${n.tasksWithUpdates} 项任务）。`,
				content: changesHtml(model, c),
			};
		});
	return {
		id: absoluteUrl(siteUrl, CHANGES_FEED),
		title: `${name}：每月变化`,
		subtitle: '有变化的每个月末一条：该月新完成、新销号、进度滞后、重新列为未完成的任务和新发布的进展。',
		selfUrl: absoluteUrl(siteUrl, CHANGES_FEED),
		pageUrl: absoluteUrl(siteUrl, CHANGES_PATH),
		author: name,
		fallbackUpdated: model.asOf,
		entries,
	};
}
