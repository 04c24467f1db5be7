#!/usr/bin/env node
// npm run update — add a progress update (or close a task) as a new file under content/updates/<task>/.
// Interactive in a terminal; fully scriptable with flags (see --help). Never overwrites a file.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import * as p from '@clack/prompts';
import { asOfFromEnv, exit } from './lib/cli.ts';
import { readNarrativeFile } from './lib/text-file.ts';
import { taskStateAt } from '#src/lib/model/status.ts';
import { STATUS_LABELS } from '#src/lib/model/statuses.ts';
import { formatProblems, type Problem } from '#src/lib/content/problems.ts';
import { loadContent } from '#src/lib/content/load.ts';
import {
	draftProblems,
	normalizeStatus,
	parseEvidenceFlag,
	parseSourceFlag,
	renderUpdateFile,
	STATUS_CHOICES,
	updateFileName,
	type UpdateDraft,
} from './lib/update-file.ts';
import { validateContent } from '#src/lib/content/validate.ts';
import { updateDateProblems } from '#src/lib/content/integrity.ts';
import { contentDirOf } from '#src/lib/content/layout.ts';
import { taskNumber } from '#src/lib/model/names.ts';
import { statusAfter } from '#src/lib/model/status-after.ts';
import { draftRecord, evidenceEcho } from './lib/update-file.ts';
import { findTasks, taskMatches } from './lib/find-task.ts';
import { pick, useChinesePrompts } from './lib/zh-prompts.ts';
import { undoLastUpdate } from './lib/update-undo.ts';

const USAGE = `用法 / usage:
  npm run update                         在终端里逐项询问（交互模式）
  npm run update -- --undo               删除最近写入、尚未发布的一条进展
  npm run update -- --task hkk-02 --status on_track --fact-date 2021-06-30 \\
      --title "标题" --text "进展说明" [选项]

进展（每条进展一个新文件 content/updates/<任务>/<形成日期>.md）：
  --task <编号>             整改任务编号，如 hkk-02、回头看第02号、第2号（同号的有几项时须写明系列）
  --status <状态>           ${STATUS_CHOICES.map((s) => `${s.value}（${s.label}）`).join('、')}
  --fact-date <日期>        形成/变更日期 YYYY-MM-DD
  --published-date <日期>   发布日期，默认今天（设了 AS_OF 时为该日期）
  --title <文字>            一句话标题
  --text <文字>             进展正文（Markdown，不能含 HTML 标签）；或 --text-file <文件>
  --evidence "标题|网址|发布单位|日期"   证明材料，可重复；只有标题必填，网址须 http(s)；全角“｜”也可分隔
  --source "发布单位|标题|日期|网址"     来源，可重复
  --provenance <性质>       official（正式，默认）、partial（部分有来源）或 sample（示例）
  --note <文字>             非正式来源时的说明；--unsourced 字段1,字段2（partial 时必填）
  --corrects <进展编号>      本条更正以前的进展，如 hkk-02/2020-12-31（已发布的进展不能改，只能更正）
  --due-date-to <日期> --due-date-reason <文字>   整改时限调整

销号（--close）：
  --close                   销号模式：状态为 completed（已完成、进入公示），填了 --closed-date 则为 closed
  --acceptance-date <日期> --acceptance-by <单位>  验收日期和验收单位
  --notice-start <日期> --notice-end <日期>       销号公示起止日期
  --contact <电话或邮箱>     公示期间受理异议的联系方式
  --closed-date <日期>      销号日期（不早于公示结束日）

其他：
  --content-dir <目录>      内容目录，默认 content（或环境变量 CONTENT_DIR）
  --dry-run                 只显示将要写入的文件，不写入
  --undo                    删除最近写入、尚未发布（未经 npm run build:release 登记到账本）的一条进展
  --yes, -y                 不询问：缺少的项直接报错（脚本中使用）
  --help, -h                显示本说明`;

const OPTIONS = {
	task: { type: 'string' },
	status: { type: 'string' },
	'fact-date': { type: 'string' },
	'published-date': { type: 'string' },
	title: { type: 'string' },
	text: { type: 'string' },
	'text-file': { type: 'string' },
	evidence: { type: 'string', multiple: true },
	source: { type: 'string', multiple: true },
	provenance: { type: 'string' },
	note: { type: 'string' },
	unsourced: { type: 'string' },
	corrects: { type: 'string' },
	'due-date-to': { type: 'string' },
	'due-date-reason': { type: 'string' },
	close: { type: 'boolean' },
	'acceptance-date': { type: 'string' },
	'acceptance-by': { type: 'string' },
	'notice-start': { type: 'string' },
	'notice-end': { type: 'string' },
	contact: { type: 'string' },
	'closed-date': { type: 'string' },
	'content-dir': { type: 'string' },
	'dry-run': { type: 'boolean' },
	undo: { type: 'boolean' },
	yes: { type: 'boolean', short: 'y' },
	help: { type: 'boolean', short: 'h' },
} as const;

function fail(problems: Problem[] | string, code = 2): never {
	console.error(typeof problems === 'string' ? problems : formatProblems(problems));
	console.error('\n运行 npm run update -- --help 查看所有选项。');
	exit(code);
}

let flags: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
try {
	({ values: flags } = parseArgs({ options: OPTIONS, allowPositionals: false }));
} catch (e) {
	fail(`参数错误：${(e as Error).message} / bad arguments`);
}
if (flags.help) {
	console.log(USAGE);
	exit(0);
}

const root = process.cwd();
const contentDir = contentDirOf(flags['content-dir'], root);
// One date for defaults, prompts and the final check: the build's as-of date (AS_OF, default today in Asia/Shanghai).
const asOf = asOfFromEnv();
const loaded = loadContent(contentDir, root);
if (loaded.content.tasks.length === 0) fail(`在 ${contentDir} 中没有找到整改任务 / no tasks found`);
const interactive = !flags.yes && process.stdin.isTTY === true && process.stdout.isTTY === true;
if (interactive) useChinesePrompts();
if (flags.undo) {
	exit(await undoLastUpdate({ contentDir, root, interactive, dryRun: Boolean(flags['dry-run']) }));
}
const plansById = new Map(loaded.content.plans.map((pl) => [pl.id, pl]));
// --task also takes the official number as editors write it (回头看第08号, 第8号, 8) when it names one task.
if (flags.task && !loaded.content.tasks.some((t) => t.id === flags.task)) {
	const found = findTasks(flags.task, loaded.content.tasks, loaded.content.plans);
	if (found.length === 1) flags.task = found[0]!.id;
	else if (found.length > 1)
		fail(
			`“${flags.task}”对应 ${found.length} 项任务：${found.map((t) => `${taskNumber(t, plansById.get(t.plan))}（${t.id}）`).join('、')} / ambiguous task\n    → 写明系列，如 ${taskNumber(found[0]!, plansById.get(found[0]!.plan))}，或写任务编号 ${found[0]!.id}。`,
		);
}

const closing = Boolean(flags.close || flags['acceptance-date'] || flags['notice-start'] || flags['closed-date']);
let text = flags.text;
if (flags['text-file']) {
	const read = readNarrativeFile(flags['text-file']);
	text = 'text' in read ? read.text : fail(read.problems);
}

const draft: UpdateDraft = {
	task: flags.task ?? '',
	status: flags.status ?? (closing ? (flags['closed-date'] ? 'closed' : 'completed') : ''),
	factDate: flags['fact-date'] ?? '',
	publishedDate: flags['published-date'] ?? '',
	title: flags.title ?? '',
	text: text ?? '',
	evidence: (flags.evidence ?? []).map(parseEvidenceFlag),
	sources: (flags.source ?? []).map(parseSourceFlag),
	provenance: {
		kind: flags.provenance ?? 'official',
		note: flags.note,
		unsourced: flags.unsourced
			?.split(/[,，、]/)
			.map((s) => s.trim())
			.filter(Boolean),
	},
	corrects: flags.corrects,
	dueDateChange:
		flags['due-date-to'] || flags['due-date-reason']
			? { to: flags['due-date-to'] ?? '', reason: flags['due-date-reason'] ?? '' }
			: undefined,
	closure: closing
		? {
				acceptance:
					flags['acceptance-date'] || flags['acceptance-by']
						? { date: flags['acceptance-date'] ?? '', by: flags['acceptance-by'] ?? '' }
						: undefined,
				notice:
					flags['notice-start'] || flags['notice-end'] || flags.contact
						? { start: flags['notice-start'] ?? '', end: flags['notice-end'] ?? '', contact: flags.contact ?? '' }
						: undefined,
				closedDate: flags['closed-date'],
			}
		: undefined,
};

// Prompt helpers shared by ask and its parts: a cancelled prompt ends the session without writing.
const stop = (v: unknown): v is symbol => {
	if (p.isCancel(v)) {
		p.cancel('已取消，没有写入任何文件。');
		return true;
	}
	return false;
};
const shape = (v: string | undefined) =>
	/^\d{4}-\d{2}-\d{2}$/.test(v ?? '') ? undefined : '请按 YYYY-MM-DD 填写，如 2021-06-30';
const date = (message: string, initial: string, check?: (v: string | undefined) => string | undefined) =>
	p.text({ message, initialValue: initial, validate: (v) => shape(v) ?? check?.(v) });

/** Asks for the acceptance, the closure notice and (once the notice has ended) the closure date. */
async function askClosure(d: UpdateDraft): Promise<boolean> {
	if (!d.closure) return true;
	if (!d.closure.acceptance) {
		const by = await p.text({ message: '验收单位' });
		if (stop(by)) return false;
		const on = await date('验收日期', d.factDate);
		if (stop(on)) return false;
		d.closure.acceptance = { date: on, by };
	}
	if (!d.closure.notice) {
		const start = await date('销号公示开始日期', d.closure.acceptance.date);
		if (stop(start)) return false;
		const end = await date('销号公示结束日期', start);
		if (stop(end)) return false;
		const contact = await p.text({
			message: '公示期间受理异议的电话或邮箱',
			validate: (x) => (x?.trim() ? undefined : '联系方式不能为空'),
		});
		if (stop(contact)) return false;
		d.closure.notice = { start, end, contact };
	}
	if (!d.closure.closedDate && d.closure.notice.end <= asOf) {
		const closeNow = await p.confirm({
			message: `公示已于 ${d.closure.notice.end} 结束，是否同时登记销号？`,
			initialValue: false,
		});
		if (stop(closeNow)) return false;
		if (closeNow) {
			const v = await date('销号日期', d.closure.notice.end);
			if (stop(v)) return false;
			d.closure.closedDate = v;
			d.status = 'closed';
		}
	}
	return true;
}

/** Asks for the evidence items one by one, unless they came as flags. */
async function askEvidence(d: UpdateDraft): Promise<boolean> {
	if (!d.evidence?.length) {
		// Field by field: no separator to get wrong. Each item is read back as it will be written.
		d.evidence = [];
		for (;;) {
			const title = await p.text({
				message: d.evidence.length
					? '再添加一项证明材料？标题（直接回车结束）'
					: '证明材料的标题（没有就直接回车跳过）',
				defaultValue: '',
			});
			if (stop(title)) return false;
			if (!title.trim()) break;
			const url = await p.text({
				message: '网址（http:// 或 https:// 开头；没有就直接回车）',
				defaultValue: '',
				validate: (x) => {
					const u = parseEvidenceFlag(`标题|${x ?? ''}`).url;
					return !u || /^https?:\/\/[^\s]+$/.test(u) ? undefined : '网址须以 http:// 或 https:// 开头，不能有空格';
				},
			});
			if (stop(url)) return false;
			const publisher = await p.text({ message: '发布单位（没有就直接回车）', defaultValue: '' });
			if (stop(publisher)) return false;
			const on = await p.text({
				message: '日期 YYYY-MM-DD（没有就直接回车）',
				defaultValue: '',
				validate: (x) => {
					const t = parseEvidenceFlag(`标题|||${x ?? ''}`).date;
					return !t || /^\d{4}-\d{2}-\d{2}$/.test(t) ? undefined : '请按 YYYY-MM-DD 填写，如 2021-06-30';
				},
			});
			if (stop(on)) return false;
			const item = parseEvidenceFlag([title, url, publisher, on].map((x) => x.replace(/[|｜│]/g, '／')).join('|'));
			d.evidence.push(item);
			p.log.info(`已记下：${evidenceEcho(item)}`);
		}
	}
	return true;
}

/** Asks which task the update is for, then shows that task's state on the as-of date. */
async function askTask(d: UpdateDraft): Promise<boolean> {
	if (!d.task) {
		const byId = new Map(loaded.content.tasks.map((t) => [t.id, t]));
		const v = await pick({
			message: '哪一项整改任务？（输入编号如“第8号”“hkk-08”，或任务名称中的文字）',
			options: loaded.content.tasks.map((t) => ({
				value: t.id,
				label: `${taskNumber(t, plansById.get(t.plan))}（${t.id}）  ${t.title}`,
			})),
			matches: (q, id) => taskMatches(q, byId.get(id)!, plansById.get(byId.get(id)!.plan)),
		});
		if (stop(v)) return false;
		d.task = v as string;
		const task = loaded.content.tasks.find((t) => t.id === d.task);
		if (task) {
			// What the editor is about to change: the task's state as the site shows it on the as-of date.
			const state = taskStateAt(task, loaded.content.updates, asOf);
			const last = state.latest ? `；最近进展 ${state.latest.factDate}（${state.latest.title}）` : '；尚无进展';
			p.log.info(`截至 ${asOf}：${STATUS_LABELS[state.status]}，整改时限 ${state.dueDate}${last}`);
		}
	}
	return true;
}

/** Asks for whatever the flags did not give, in a terminal; returns false when the editor cancels. */
async function ask(d: UpdateDraft): Promise<boolean> {
	// Each answer is checked at once by the same rules as the whole draft (draftProblems), so an impossible date
	// or a publication before the fact is refused at its prompt instead of after every question has been answered.
	const rule = (flag: string, apply: (copy: UpdateDraft, v: string) => void) => (v: string | undefined) => {
		const copy = structuredClone(d);
		apply(copy, v ?? '');
		const task = loaded.content.tasks.find((t) => t.id === copy.task);
		const feedback = loaded.content.plans.find((pl) => pl.id === task?.plan)?.inspection?.feedbackDate;
		const dated = copy.factDate && copy.publishedDate ? updateDateProblems(copy, asOf, feedback) : [];
		const hit = [
			...draftProblems(copy, loaded.content),
			...dated.map((q) => ({ ...q, field: `--${q.field === 'factDate' ? 'fact-date' : 'published-date'}` })),
		].find((q) => q.field === flag);
		return hit ? `${hit.message}${hit.hint ? `（${hit.hint}）` : ''}` : undefined;
	};
	p.intro('添加整改进展 / add a progress update');
	if (!(await askTask(d))) return false;
	if (!d.status && !closing) {
		const v = await p.select({
			message: '报告的状态（↑/↓ 移动，回车选定）',
			showInstructions: false,
			options: [
				...STATUS_CHOICES.filter((s) => s.value !== 'closed'),
				{ value: 'close', label: '验收并销号公示（销号模式）' },
			],
		});
		if (stop(v)) return false;
		if (v === 'close') {
			d.status = 'completed';
			d.closure = {};
		} else d.status = v;
	}
	if (!d.factDate) {
		const v = await date(
			'形成/变更日期（事实发生的日期）',
			asOf,
			rule('--fact-date', (c, x) => (c.factDate = x)),
		);
		if (stop(v)) return false;
		d.factDate = v;
	}
	if (!d.publishedDate) {
		const v = await date(
			'发布日期',
			asOf,
			rule('--published-date', (c, x) => (c.publishedDate = x)),
		);
		if (stop(v)) return false;
		d.publishedDate = v;
	}
	if (!d.title) {
		const v = await p.text({ message: '一句话标题', validate: (x) => (x?.trim() ? undefined : '标题不能为空') });
		if (stop(v)) return false;
		d.title = v;
	}
	if (!d.text.trim()) {
		const v = await p.multiline({
			message: '进展正文（每行一段；在空行上按回车结束）',
			validate: (x) => (x?.trim() ? undefined : '正文不能为空'),
		});
		if (stop(v)) return false;
		// The prompt ends at an empty line, so an editor cannot type one: each line becomes its own paragraph.
		d.text = v
			.split('\n')
			.map((l) => l.trim())
			.filter(Boolean)
			.join('\n\n');
	}
	if (!(await askClosure(d))) return false;
	if (!(await askEvidence(d))) return false;
	return true;
}

if (interactive && !(await ask(draft))) exit(1);
if (!draft.publishedDate) draft.publishedDate = asOf;
draft.status = normalizeStatus(draft.status);

const problems = draftProblems(draft, loaded.content);
if (problems.length) fail(problems);

const taskDir = join(contentDir, 'updates', draft.task);
const name = updateFileName(existsSync(taskDir) ? readdirSync(taskDir) : [], draft.factDate);
const path = join(taskDir, name);
const rel = relative(root, path) || path;
const fileText = renderUpdateFile(draft);
// The review before writing: the file, the evidence as parsed, and the status the public will see afterwards, from
// the site's own status rule (statusAfter → taskStateAt), with the reason when it is not what the editor reported.
const task = loaded.content.tasks.find((t) => t.id === draft.task)!;
const record = draftRecord(draft, `${draft.task}/${name.replace(/\.md$/, '')}`);
const after = record ? statusAfter(task, loaded.content.updates, [record], asOf) : undefined;
const summary = [
	`将写入 ${rel}`,
	`任务：${taskNumber(task, plansById.get(task.plan))}（${task.id}）${task.title}`,
	`本条：${draft.factDate} ${STATUS_LABELS[draft.status as keyof typeof STATUS_LABELS] ?? draft.status}“${draft.title}”，发布日期 ${draft.publishedDate}`,
	...(draft.evidence ?? []).map((e, i) => `证明材料 ${i + 1}：${evidenceEcho(e)}`),
	after ? `写入后网站显示（截至 ${asOf}）：${after.reason}` : '',
].filter(Boolean);
if (flags['dry-run']) {
	console.log(`${summary.join('\n')}\n（--dry-run，未写入）：\n\n${fileText}`);
	exit(0);
}
if (interactive) {
	p.note(summary.join('\n'), '写入前请核对');
	const ok = await p.confirm({ message: '确认写入？', active: '确认写入', inactive: '不写入', initialValue: true });
	if (p.isCancel(ok) || !ok) {
		p.cancel('没有写入任何文件。');
		exit(1);
	}
} else console.log(summary.join('\n'));
mkdirSync(taskDir, { recursive: true });
// 'wx' fails instead of overwriting, even if another process created the file in the meantime.
writeFileSync(path, fileText, { flag: 'wx' });

// The new file must pass the same whole-content check as the build.
const check = validateContent(contentDir, asOf, root);
const mine = check.problems.filter((q) => q.file.endsWith(`${draft.task}/${name}`));
if (mine.length) {
	rmSync(path);
	fail(
		[
			...mine,
			{
				file: rel,
				message: '新文件未通过检查，已删除，没有留下任何改动 / the new file failed the check and was removed',
			},
		],
		1,
	);
}
console.log(`已写入 ${rel}\n\n${fileText}`);
if (check.problems.length) {
	console.error(formatProblems(check.problems));
	console.error('\n新文件本身没有问题，但内容中还有其他问题（见上）；改正后运行 npm run check。');
	exit(1);
}
// Not in the ledger yet: an update is published (and append-only) once a release build puts it on the public site
// (npm run build:release registers it). Until then it may be edited, or removed with --undo.
console.log(`内容检查通过（截至 ${asOf}）。这条进展还没有发布：发布前可以修改这个文件，或用 npm run update -- --undo 删除它。
正式发布（npm run build:release）时，它会登记到发布记录账本，此后只能更正，不能修改。

用 git 管理内容时，提交并推送：

  git add ${rel}
  git commit -m "进展：${draft.task} ${draft.factDate} ${draft.title.replace(/"/g, '“')}"
  git push`);
