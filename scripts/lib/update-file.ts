import { stringify } from 'yaml';
import { REPORTED_LABELS, REPORTED_STATUSES, UpdateSchema, type ReportedStatus } from '#src/schemas/index.ts';
import type { Content, UpdateRecord } from '#src/lib/model/content.ts';
import { narrativeProblems } from '#src/lib/content/narrative.ts';
import { schemaIssueText, type Problem, type SchemaIssue } from '#src/lib/content/problems.ts';

/** Everything an editor gives for one progress update, before it becomes a file. */
export interface UpdateDraft {
	task: string;
	status: string;
	factDate: string;
	publishedDate: string;
	title: string;
	/** The Markdown narrative. */
	text: string;
	evidence?: { title: string; url?: string; publisher?: string; date?: string }[];
	sources?: { publisher: string; title: string; date: string; url?: string }[];
	provenance: { kind: string; note?: string; unsourced?: string[] };
	corrects?: string;
	dueDateChange?: { to: string; reason: string };
	closure?: {
		acceptance?: { date: string; by: string };
		notice?: { start: string; end: string; contact: string };
		closedDate?: string;
	};
}

/** Where each frontmatter field comes from on the command line, so errors name the flag to fix. */
export const FLAG_OF_FIELD: Record<string, string> = {
	task: '--task',
	status: '--status',
	factDate: '--fact-date',
	publishedDate: '--published-date',
	title: '--title',
	evidence: '--evidence',
	sources: '--source',
	corrects: '--corrects',
	'dueDateChange.to': '--due-date-to',
	'dueDateChange.reason': '--due-date-reason',
	'closure.acceptance.date': '--acceptance-date',
	'closure.acceptance.by': '--acceptance-by',
	'closure.notice.start': '--notice-start',
	'closure.notice.end': '--notice-end',
	'closure.notice.contact': '--contact',
	'closure.notice': '--notice-start',
	'closure.closedDate': '--closed-date',
	'provenance.kind': '--provenance',
	'provenance.note': '--note',
	'provenance.unsourced': '--unsourced',
	正文: '--text',
};

/** Accepts a status key (completed) or its Chinese label (已完成); returns the key, or the input unchanged. */
export function normalizeStatus(s: string): string {
	const t = s.trim();
	const byLabel = (Object.entries(REPORTED_LABELS) as [ReportedStatus, string][]).find(([, label]) => label === t);
	return byLabel ? byLabel[0] : t;
}

/**
 * Splits a `a|b|c` flag value into trimmed parts, empty parts as undefined. A Chinese input method types the
 * full-width ｜ (or │): it separates too, or the whole line would silently become the first part.
 */
function parts(s: string): (string | undefined)[] {
	return s.split(/[|｜│]/).map((x) => (x.trim() === '' ? undefined : x.trim()));
}

/** A link or a date as typed with an input method in full-width mode (ｈｔｔｐｓ：／／, ２０２１－０６－３０), made half-width. */
const halfWidth = (s: string | undefined) => s?.normalize('NFKC').replace(/[－—–]/g, '-');

/** Parses `--evidence "标题|https://…|发布者|YYYY-MM-DD"` (only the title is required). */
export function parseEvidenceFlag(s: string): NonNullable<UpdateDraft['evidence']>[number] {
	const [title = '', rawUrl, publisher, rawDate] = parts(s);
	const url = halfWidth(rawUrl);
	const date = halfWidth(rawDate);
	return { title, ...(url && { url }), ...(publisher && { publisher }), ...(date && { date }) };
}

/** Parses `--source "发布者|标题|YYYY-MM-DD|https://…"` (the link is optional). */
export function parseSourceFlag(s: string): NonNullable<UpdateDraft['sources']>[number] {
	const [publisher = '', title = '', rawDate = '', rawUrl] = parts(s);
	const url = halfWidth(rawUrl);
	return { publisher, title, date: halfWidth(rawDate) ?? '', ...(url && { url }) };
}

/** One evidence item as the editor should read it back: 标题“…”，网址 …，发布单位 …，日期 …（未填的写“未填”）. */
export function evidenceEcho(e: NonNullable<UpdateDraft['evidence']>[number]): string {
	return `标题“${e.title}”，网址 ${e.url ?? '（未填）'}，发布单位 ${e.publisher ?? '（未填）'}，日期 ${e.date ?? '（未填）'}`;
}

/** The frontmatter object in the field order editors see in existing files; empty parts left out. */
function draftFrontmatter(d: UpdateDraft): Record<string, unknown> {
	const fm: Record<string, unknown> = {
		task: d.task,
		status: normalizeStatus(d.status),
		factDate: d.factDate,
		publishedDate: d.publishedDate,
		title: d.title,
	};
	if (d.evidence?.length) fm.evidence = d.evidence;
	if (d.closure && Object.values(d.closure).some((v) => v !== undefined)) {
		const c: Record<string, unknown> = {};
		if (d.closure.acceptance) c.acceptance = d.closure.acceptance;
		if (d.closure.notice) c.notice = d.closure.notice;
		if (d.closure.closedDate) c.closedDate = d.closure.closedDate;
		fm.closure = c;
	}
	if (d.dueDateChange) fm.dueDateChange = d.dueDateChange;
	if (d.corrects) fm.corrects = d.corrects;
	if (d.sources?.length) fm.sources = d.sources;
	const p: Record<string, unknown> = { kind: d.provenance.kind };
	if (d.provenance.note) p.note = d.provenance.note;
	if (d.provenance.unsourced?.length) p.unsourced = d.provenance.unsourced;
	fm.provenance = p;
	return fm;
}

/** The record the draft becomes once written as `id` (task/file name), for the status rule; undefined if invalid. */
export function draftRecord(d: UpdateDraft, id: string): UpdateRecord | undefined {
	const r = UpdateSchema.safeParse(draftFrontmatter(d));
	return r.success ? { ...r.data, id, body: d.text.replace(/\r\n?/g, '\n').trim() } : undefined;
}

/** The whole update file: quoted YAML frontmatter (dates stay strings), a blank line, the narrative. */
export function renderUpdateFile(d: UpdateDraft): string {
	const yaml = stringify(draftFrontmatter(d), {
		defaultStringType: 'QUOTE_DOUBLE',
		defaultKeyType: 'PLAIN',
		lineWidth: 0,
	});
	const body = d.text.replace(/\r\n?/g, '\n').trim();
	return `---\n${yaml}---\n\n${body}\n`;
}

/** A file name for an update dated `date` that is not taken yet: 2021-06-30.md, then 2021-06-30-2.md … */
export function updateFileName(existing: readonly string[], date: string): string {
	const taken = new Set(existing);
	if (!taken.has(`${date}.md`)) return `${date}.md`;
	for (let n = 2; ; n++) if (!taken.has(`${date}-${n}.md`)) return `${date}-${n}.md`;
}

/**
 * Checks a draft with the same schema as the content files, plus what one update can be checked for alone
 * (known task, known corrected update, narrative without HTML). Problems name the command-line flag to fix.
 */
export function draftProblems(d: UpdateDraft, content: Pick<Content, 'tasks' | 'updates'>): Problem[] {
	const file = 'npm run update';
	const problems: Problem[] = [];
	const flag = (path: string) =>
		FLAG_OF_FIELD[path] ??
		FLAG_OF_FIELD[path.split('.').slice(0, 2).join('.')] ??
		FLAG_OF_FIELD[path.split('.')[0]!] ??
		path;
	const fm = draftFrontmatter(d);
	const r = UpdateSchema.safeParse(fm);
	if (!r.success)
		for (const issue of r.error.issues) {
			const path = issue.path.filter((x) => typeof x === 'string').join('.');
			problems.push({ file, field: flag(path), message: schemaIssueText(issue as SchemaIssue, fm).message });
		}
	if (d.task && !content.tasks.some((t) => t.id === d.task))
		problems.push({
			file,
			field: '--task',
			message: `没有编号为“${d.task}”的整改任务 / unknown task`,
			hint: '任务编号是 content/tasks/ 下的文件名（不含 .json），如 hkk-02。',
		});
	if (d.corrects && !content.updates.some((u) => u.id === d.corrects))
		problems.push({
			file,
			field: '--corrects',
			message: `没有编号为“${d.corrects}”的进展 / unknown update`,
			hint: '进展编号是 <任务>/<文件名>，如 hkk-02/2020-12-31。',
		});
	// Closing mode: the first step records acceptance and the notice window; a later step may give only the closed date.
	if (d.closure && !d.closure.closedDate) {
		if (!d.closure.acceptance)
			problems.push({
				file,
				field: '--acceptance-date',
				message: '销号模式需要验收日期和验收单位 / closing needs the acceptance',
				hint: '加上 --acceptance-date YYYY-MM-DD --acceptance-by 单位名称。',
			});
		if (!d.closure.notice)
			problems.push({
				file,
				field: '--notice-start',
				message: '销号模式需要公示起止日期和异议联系方式 / closing needs the notice window',
				hint: '加上 --notice-start、--notice-end 和 --contact。',
			});
	}
	if (d.text.trim() === '') problems.push({ file, field: '--text', message: '进展正文为空 / the narrative is empty' });
	else problems.push(...narrativeProblems(file, d.text).map((p) => ({ ...p, line: undefined, field: '--text' })));
	return problems;
}

/** The statuses an editor may report, key and label, for prompts and help texts. */
export const STATUS_CHOICES = REPORTED_STATUSES.map((s) => ({ value: s, label: REPORTED_LABELS[s] }));
