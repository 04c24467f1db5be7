// The size limits of everything the site reads, in one table: content files by kind, single fields, records per
// build, the task-list workbook, and what the portal fetches from other sites. Each is far above what a real plan
// needs (the largest bundled files are 1.4 KB per update and 12.6 KB per plan) and low enough that a check, the
// build, an import or the portal refuses an oversized input before parsing it, in bounded time and memory.
// docs/editing.md and docs/quality.md list them; change them here only.

/** One limit: its value, its unit and its name in messages. */
export interface Limit {
	max: number;
	unit: 'bytes' | 'chars' | 'rows' | 'records' | 'ms';
	/** What is limited, as the editor message names it. */
	label: string;
}

const KB = 1024;
const MB = 1024 * KB;

/** Every size limit, by key. */
export const LIMITS = {
	updateFile: { max: 100 * KB, unit: 'bytes', label: '进展文件（含正文）' },
	taskFile: { max: 100 * KB, unit: 'bytes', label: '任务文件' },
	planFile: { max: 1 * MB, unit: 'bytes', label: '方案文件' },
	planText: { max: 1 * MB, unit: 'bytes', label: '方案正文' },
	listFile: { max: 2 * MB, unit: 'bytes', label: '设置或分类文件' },
	ledgerFile: { max: 64 * MB, unit: 'bytes', label: '发布记录账本' },
	field: { max: 20_000, unit: 'chars', label: '单个字段' },
	fieldName: { max: 100, unit: 'chars', label: '字段名' },
	updatesPerTask: { max: 1_000, unit: 'records', label: '每项任务的进展条数' },
	workbookFile: { max: 20 * MB, unit: 'bytes', label: '任务清单工作簿' },
	workbookPart: { max: 100 * MB, unit: 'bytes', label: '工作簿中单个部件解压后' },
	sheetRows: { max: 20_000, unit: 'rows', label: '工作表行数' },
	portalManifest: { max: 1 * MB, unit: 'bytes', label: '站点清单 manifest.json' },
	portalDataFile: { max: 50 * MB, unit: 'bytes', label: '站点数据文件' },
	portalFetchTime: { max: 20_000, unit: 'ms', label: '读取一个站点文件的时间' },
} as const satisfies Record<string, Limit>;

/** Key of a limit. */
export type LimitKey = keyof typeof LIMITS;

/** A size as people read it: 1.5 MB, 120 KB, 20,000 字, 35,000 行. */
export function formatSize(n: number, unit: Limit['unit']): string {
	if (unit === 'bytes') {
		if (n >= MB) return `${(n / MB).toFixed(1).replace(/\.0$/, '')} MB`;
		if (n >= KB) return `${(n / KB).toFixed(1).replace(/\.0$/, '')} KB`;
		return `${n} 字节`;
	}
	const word = { chars: '字', rows: '行', records: '条', ms: '毫秒' }[unit];
	return `${n.toLocaleString('en-US')} ${word}`;
}

/** The message for a size over its limit: which limit, the size found and the limit (never the value itself). */
export function overLimitMessage(key: LimitKey, found: number, approx = false): string {
	const l: Limit = LIMITS[key];
	return `${l.label}超过上限：${approx ? '至少 ' : ''}${formatSize(found, l.unit)}，上限 ${formatSize(l.max, l.unit)} / over the size limit (${key})`;
}

/** The problem text for `found` against limit `key`, or undefined when it is within the limit. */
export function overLimit(key: LimitKey, found: number, approx = false): string | undefined {
	return found > LIMITS[key].max ? overLimitMessage(key, found, approx) : undefined;
}

/** The message for an input read only until it passed limit `key` (its whole size unknown: it is not read whole). */
export function stoppedAtLimitMessage(key: LimitKey): string {
	const l: Limit = LIMITS[key];
	return `${l.label}超过上限 ${formatSize(l.max, l.unit)}（读到上限即停止读取）/ over the size limit (${key})`;
}
