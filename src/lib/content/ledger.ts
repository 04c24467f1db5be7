// Published records are append-only. The ledger (content/ledger.json, committed with the content) holds a
// fingerprint of every published update and of every published task's facts; `npm run check` and every build
// compare the content with it, so an edit or a deletion fails on any clone, with or without git history.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Content, TaskRecord, UpdateRecord } from '#src/lib/model/content.ts';
import type { Problem } from './problems.ts';

/** The ledger's file name inside the content directory. */
export const LEDGER_FILE = 'ledger.json';

/**
 * The task fields that are published facts: which task it is, the problem it answers, and by when. Titles,
 * targets and measures (refined by the official list through `npm run import`), units and sources may change.
 */
export const TASK_FACT_FIELDS = ['plan', 'series', 'no', 'problem', 'batch', 'dueDate'] as const;

/** The ledger: update id → fingerprint, task id → fingerprint per fact field. */
export interface Ledger {
	note?: string;
	updates: Record<string, string>;
	tasks: Record<string, Partial<Record<(typeof TASK_FACT_FIELDS)[number], string>>>;
}

/** JSON with object keys sorted, so a fingerprint does not depend on the order fields were written in. */
function canonical(v: unknown): string {
	if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
	if (v && typeof v === 'object')
		return `{${Object.keys(v)
			.sort()
			.filter((k) => (v as Record<string, unknown>)[k] !== undefined)
			.map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
			.join(',')}}`;
	return JSON.stringify(v) ?? 'null';
}

const fingerprint = (v: unknown) => createHash('sha256').update(canonical(v)).digest('hex').slice(0, 32);

/** The fingerprint of an update: its frontmatter and narrative (layout and key order of the file do not count). */
export function updateFingerprint(u: UpdateRecord): string {
	const { id: _id, ...record } = u;
	return fingerprint(record);
}

/** The fingerprints of a task's fact fields. */
function taskFingerprints(t: TaskRecord): Record<(typeof TASK_FACT_FIELDS)[number], string> {
	return Object.fromEntries(TASK_FACT_FIELDS.map((f) => [f, fingerprint(t[f])])) as Record<
		(typeof TASK_FACT_FIELDS)[number],
		string
	>;
}

/** Parses the ledger text; throws with a Chinese message when it is not a ledger (arrays, non-text fingerprints …). */
export function parseLedger(text: string): Ledger {
	const v = JSON.parse(text) as Partial<Ledger>;
	const table = (o: unknown): o is Record<string, unknown> => !!o && typeof o === 'object' && !Array.isArray(o);
	if (!table(v) || !table(v.updates) || !table(v.tasks))
		throw new Error('ledger.json 应包含 updates 和 tasks 两个对象（编号 → 指纹），不能是列表');
	// A reshaped entry would compare unequal to nothing and so protect nothing: refuse it by name.
	for (const [id, fp] of Object.entries(v.updates))
		if (typeof fp !== 'string') throw new Error(`ledger.json 中进展“${id}”的指纹不是文字`);
	for (const [id, fields] of Object.entries(v.tasks))
		if (!table(fields) || Object.values(fields).some((fp) => typeof fp !== 'string'))
			throw new Error(`ledger.json 中任务“${id}”的条目应是“字段 → 指纹”的对象`);
	return { note: v.note, updates: v.updates, tasks: v.tasks };
}

/**
 * The ledger of a content directory. Throws when it is missing (a new site gets an empty one from npm run new; a
 * missing ledger is never taken as a fresh start, or deleting it would unlock every published record) or is not a
 * ledger.
 */
export function readLedger(contentDir: string): Ledger {
	const path = join(contentDir, LEDGER_FILE);
	if (!existsSync(path)) throw new Error(`找不到 ${LEDGER_FILE}（发布记录账本）`);
	return parseLedger(readFileSync(path, 'utf8'));
}

/**
 * The ledger only grows: every entry of `before` (the ledger at an earlier commit) must still be in `now` with the same
 * fingerprint. `now` is undefined when the current ledger cannot be read (then every entry counts as changed).
 */
export function ledgerShrinkProblems(before: Ledger, now: Ledger | undefined, file: string, ref: string): Problem[] {
	const problems: Problem[] = [];
	for (const kind of ['updates', 'tasks'] as const)
		for (const [id, fp] of Object.entries(before[kind]))
			if (JSON.stringify(now?.[kind][id]) !== JSON.stringify(fp))
				problems.push({
					file,
					field: `${kind}.${id}`,
					message: `账本中 ${ref} 已有的条目“${id}”被修改或删除 / a ledger entry was changed`,
					hint: `恢复账本（git checkout ${ref} -- ${file}），再运行 npm run ledger 追加新记录；已发布的记录用更正进展处理。`,
				});
	return problems;
}

/** The ledger with every record published by `asOf` that is not in it yet added; existing entries never change. */
export function extendLedger(ledger: Ledger, content: Content, asOf: string): { ledger: Ledger; added: string[] } {
	const added: string[] = [];
	const updates = { ...ledger.updates };
	const tasks = { ...ledger.tasks };
	const published = new Set<string>();
	for (const u of content.updates) {
		if (u.publishedDate > asOf) continue;
		published.add(u.task);
		if (updates[u.id] === undefined) {
			updates[u.id] = updateFingerprint(u);
			added.push(`updates/${u.id}`);
		}
	}
	// A task is published once its plan is: its facts are on the site from then on.
	const plans = new Map(content.plans.map((p) => [p.id, p]));
	for (const t of content.tasks)
		if (tasks[t.id] === undefined && (published.has(t.id) || (plans.get(t.plan)?.publishedDate ?? '9999') <= asOf)) {
			tasks[t.id] = taskFingerprints(t);
			added.push(`tasks/${t.id}`);
		}
	const sorted = <T>(o: Record<string, T>) =>
		Object.fromEntries(
			Object.keys(o)
				.sort()
				.map((k) => [k, o[k]!]),
		);
	return { ledger: { note: ledger.note ?? LEDGER_NOTE, updates: sorted(updates), tasks: sorted(tasks) }, added };
}

/** The note written at the top of a new ledger. */
const LEDGER_NOTE =
	'已发布记录的指纹（只增不改）。由 npm run ledger 追加；不要手工修改或删除已有条目。更正已发布的进展：另写一条带 corrects 的新进展。见 docs/editing.md。';

/** The ledger as file text (sorted keys, one entry a line). */
export function ledgerText(ledger: Ledger): string {
	return JSON.stringify(ledger, null, '\t') + '\n';
}

/**
 * Every published record the content no longer holds as it was: a deleted or edited update, a deleted task,
 * a changed task fact. `gaps` are records that exist but failed to load (already reported, not repeated here).
 */
export function ledgerProblems(
	ledger: Ledger,
	content: Content,
	base: string,
	gaps: { tasks: ReadonlySet<string>; updates: ReadonlySet<string> } = { tasks: new Set(), updates: new Set() },
): Problem[] {
	const problems: Problem[] = [];
	const updates = new Map(content.updates.map((u) => [u.id, u]));
	const tasks = new Map(content.tasks.map((t) => [t.id, t]));
	const how = (id: string) =>
		`已发布的进展只增不改：恢复发布时的原文（npm run ledger -- --restore ${id}，从上次正式发布的网站取回；用 git 的也可以 git checkout <发布时的提交> -- ${base}/updates/${id}.md），再另写一条新进展，在元数据中写 corrects: ${id} 并说明更正内容；网站会同时显示原进展（标“已更正”）和更正。`;
	for (const [id, fp] of Object.entries(ledger.updates)) {
		if (gaps.updates.has(id)) continue;
		const u = updates.get(id);
		const file = `${base}/updates/${id}.md`;
		if (!u)
			problems.push({
				file,
				field: 'updates',
				message: `已发布的进展“${id}”被删除或改名 / a published update was deleted`,
				hint: how(id),
			});
		else if (updateFingerprint(u) !== fp)
			problems.push({
				file,
				line: 1,
				message: `已发布的进展“${id}”被修改 / a published update was edited`,
				hint: how(id),
			});
	}
	for (const [id, fields] of Object.entries(ledger.tasks)) {
		if (gaps.tasks.has(id)) continue;
		const t = tasks.get(id);
		const file = `${base}/tasks/${id}.json`;
		if (!t) {
			problems.push({
				file,
				message: `已发布的整改任务“${id}”被删除或改名 / a published task was deleted`,
				hint: `恢复该任务文件（git checkout <发布时的提交> -- ${file}）；已公开的任务不能删除。`,
			});
			continue;
		}
		const now = taskFingerprints(t);
		for (const f of TASK_FACT_FIELDS)
			if (fields[f] !== undefined && fields[f] !== now[f])
				problems.push({
					file,
					field: f,
					message: `已发布任务的“${f}”被修改 / a published task fact was edited`,
					hint:
						f === 'dueDate'
							? '恢复原值；整改时限的调整用一条带 dueDateChange（新时限和理由）的进展发布。'
							: '恢复原值；已公开的任务内容不能改写，请用一条进展说明变化（需要更正时写 corrects）。',
				});
	}
	return problems;
}
