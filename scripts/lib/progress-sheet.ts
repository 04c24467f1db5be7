// The monthly 调度表: what `npm run export -- --progress` writes for a unit (one row per open task, with its current
// status, deadline and last update, and empty columns for this month's report), and how `npm run import` reads a
// filled one back into update drafts. The workbook itself (exceljs) is progress-xlsx.ts.
import type { Content, TaskRecord } from '#src/lib/model/content.ts';
import { taskNumber } from '#src/lib/model/names.ts';
import { isDone, statesAt } from '#src/lib/model/status.ts';
import { STATUS_LABELS } from '#src/lib/model/statuses.ts';
import type { Problem } from '#src/lib/content/problems.ts';
import { excelSerialToIso } from './spreadsheet.ts';
import { draftProblems, normalizeStatus, STATUS_CHOICES, type UpdateDraft } from './update-file.ts';

/** Name of the 调度表 sheet. */
export const PROGRESS_SHEET = '调度表';

/** The columns of the 调度表, in order; `fill` columns are the unit's report, the others are for reading. */
export const PROGRESS_COLUMNS = [
	{ key: 'id', header: '任务编号', width: 10 },
	{ key: 'number', header: '正式编号', width: 16 },
	{ key: 'title', header: '任务名称', width: 30 },
	{ key: 'units', header: '牵头单位', width: 18 },
	{ key: 'due', header: '整改时限', width: 12 },
	{ key: 'status', header: '当前状态', width: 14 },
	{ key: 'last', header: '最近一次进展', width: 36 },
	{ key: 'newStatus', header: '本月状态', width: 16, fill: 'list' },
	{ key: 'factDate', header: '形成日期', width: 13, fill: 'date' },
	{ key: 'publishedDate', header: '发布日期', width: 13, fill: 'date' },
	{ key: 'newTitle', header: '标题', width: 24, fill: 'text' },
	{ key: 'text', header: '进展说明', width: 50, fill: 'text' },
	{ key: 'evidenceTitle', header: '证明材料标题', width: 20, fill: 'text' },
	{ key: 'evidenceUrl', header: '证明材料网址', width: 30, fill: 'text' },
	{ key: 'evidencePublisher', header: '证明材料发布单位', width: 16, fill: 'text' },
	{ key: 'evidenceDate', header: '证明材料日期', width: 13, fill: 'date' },
] as const;

/** A column key of the 调度表. */
export type ProgressKey = (typeof PROGRESS_COLUMNS)[number]['key'];

/** One row of the 调度表, as text (dates YYYY-MM-DD). */
export type ProgressRow = Record<ProgressKey, string>;

/** The headers a sheet must have to be read as a 调度表. */
export const PROGRESS_REQUIRED: readonly ProgressKey[] = ['id', 'newStatus', 'factDate', 'text'];

/**
 * The statuses a unit may report in the drop-down list, by their one Chinese label. 已销号 is not among them: closing
 * needs the acceptance and the notice window, which `npm run update` (销号模式) asks for.
 */
export const PROGRESS_STATUS_LABELS = STATUS_CHOICES.filter((s) => s.value !== 'closed').map((s) => s.label);

/** The lead units a name (full name, short name or id) stands for; all tasks when the name is empty. */
function unitFilter(content: Content, unit: string | undefined): ((t: TaskRecord) => boolean) | string {
	if (!unit) return () => true;
	const u = content.units.find((x) => x.id === unit || x.name === unit || x.shortName === unit);
	if (!u) return `没有名为“${unit}”的责任单位；可用的名称：${content.units.map((x) => x.shortName).join('、')}`;
	return (t) => (t.leadUnits ?? []).includes(u.id);
}

/**
 * The rows of a unit's 调度表 at `asOf`: every task it leads that is not done yet, with what the site shows now; the
 * report columns empty. Returns a Chinese message instead when the unit is unknown.
 */
export function progressRows(content: Content, asOf: string, unit?: string): ProgressRow[] | string {
	const keep = unitFilter(content, unit);
	if (typeof keep === 'string') return keep;
	const states = statesAt(content.tasks, content.updates, asOf);
	const plans = new Map(content.plans.map((p) => [p.id, p]));
	const names = new Map(content.units.map((u) => [u.id, u.shortName]));
	const rows: ProgressRow[] = [];
	for (const t of content.tasks) {
		const s = states.get(t.id)!;
		if (!keep(t) || isDone(s.status)) continue;
		rows.push({
			id: t.id,
			number: taskNumber(t, plans.get(t.plan)),
			title: t.title,
			units: (t.leadUnits ?? []).map((id) => names.get(id) ?? id).join('、'),
			due: s.dueDate ?? '',
			status: STATUS_LABELS[s.status],
			last: s.latest ? `${s.latest.factDate} ${STATUS_LABELS[s.latest.status]}：${s.latest.title}` : '尚无进展',
			newStatus: '',
			factDate: '',
			publishedDate: '',
			newTitle: '',
			text: '',
			evidenceTitle: '',
			evidenceUrl: '',
			evidencePublisher: '',
			evidenceDate: '',
		});
	}
	return rows;
}

const DATE_KEYS: ReadonlySet<ProgressKey> = new Set(
	PROGRESS_COLUMNS.filter((c) => 'fill' in c && c.fill === 'date').map((c) => c.key),
);

/** The column of each draft field, so a problem names the column to fix. */
const COLUMN_OF_FLAG: Record<string, ProgressKey> = {
	'--task': 'id',
	'--status': 'newStatus',
	'--fact-date': 'factDate',
	'--published-date': 'publishedDate',
	'--title': 'newTitle',
	'--text': 'text',
	'--evidence': 'evidenceTitle',
};

/** The header of a column key. */
export const progressHeader = (k: ProgressKey): string => PROGRESS_COLUMNS.find((c) => c.key === k)!.header;

/** Where a problem is: the workbook, the row, and the sheet and column (工作表“调度表” H 列“本月状态”). */
export interface SheetPlace {
	file: string;
	sheet: string;
	rowNo: number;
	/** Column key → column letter in this sheet. */
	letters: Partial<Record<ProgressKey, string>>;
}

/** A problem at a cell of the 调度表, in Chinese, with the sheet, row and column named. */
export function cellProblem(at: SheetPlace, k: ProgressKey, message: string, hint?: string): Problem {
	return {
		file: at.file,
		line: at.rowNo,
		field: `工作表“${at.sheet}” ${at.letters[k] ? `${at.letters[k]} ` : ''}列“${progressHeader(k)}”`,
		message: `第 ${at.rowNo} 行：${message}`,
		hint,
	};
}

/** True when the unit wrote nothing in the report columns of a row (the task is not reported this month). */
export function isUnreported(row: Partial<ProgressRow>): boolean {
	return PROGRESS_COLUMNS.every((c) => !('fill' in c) || (row[c.key] ?? '').trim() === '');
}

/**
 * One filled row as an update draft, or the problems that stop it, each naming sheet, row and column. `asOf` is the
 * publication date when the unit left 发布日期 empty.
 */
export function rowToDraft(
	row: Partial<ProgressRow>,
	at: SheetPlace,
	content: Pick<Content, 'tasks' | 'updates'>,
	asOf: string,
): { draft?: UpdateDraft; problems: Problem[] } {
	// A date typed into a cell formatted as a number arrives as an Excel serial day number.
	const cell = (k: ProgressKey) => {
		const v = (row[k] ?? '').trim();
		return DATE_KEYS.has(k) && /^\d{5}$/.test(v) ? excelSerialToIso(Number(v)) : v;
	};
	const problems: Problem[] = [];
	const label = cell('newStatus');
	const status = normalizeStatus(label);
	if (label === '')
		problems.push(
			cellProblem(
				at,
				'newStatus',
				'填了本月的进展，却没有选本月状态 / no status',
				`从下拉列表中选一项：${PROGRESS_STATUS_LABELS.join('、')}。本月不报的任务，这一行的填报列全部留空。`,
			),
		);
	const evidence = cell('evidenceTitle')
		? [
				{
					title: cell('evidenceTitle'),
					...(cell('evidenceUrl') && { url: cell('evidenceUrl').normalize('NFKC') }),
					...(cell('evidencePublisher') && { publisher: cell('evidencePublisher') }),
					...(cell('evidenceDate') && { date: cell('evidenceDate') }),
				},
			]
		: undefined;
	if (!evidence && (cell('evidenceUrl') || cell('evidencePublisher') || cell('evidenceDate')))
		problems.push(
			cellProblem(at, 'evidenceTitle', '写了证明材料的网址、发布单位或日期，却没有标题 / evidence without a title'),
		);
	const draft: UpdateDraft = {
		task: cell('id'),
		status,
		factDate: cell('factDate'),
		publishedDate: cell('publishedDate') || asOf,
		title: cell('newTitle') || `${label}（${cell('factDate')} 调度）`,
		text: cell('text'),
		evidence,
		provenance: { kind: 'official' },
	};
	if (label !== '')
		for (const q of draftProblems(draft, content)) {
			const k = COLUMN_OF_FLAG[q.field ?? ''] ?? 'text';
			// The draft's messages name command-line flags; here the hint names the column instead.
			const hint =
				k === 'newStatus'
					? `从下拉列表中选一项：${PROGRESS_STATUS_LABELS.join('、')}。`
					: q.hint?.replace(/--[a-z-]+/g, '');
			problems.push(cellProblem(at, k, q.message, hint));
		}
	return problems.length ? { problems } : { draft, problems };
}
