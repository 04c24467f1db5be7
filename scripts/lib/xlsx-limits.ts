// The workbook size limits (src/lib/model/limits.ts) enforced before exceljs reads a file (#25 item 2). exceljs
// inflates every part into memory and builds every row: a 1 MB zip bomb or a 1,000,000-row sheet failed with
// "Invalid string length" after 2.9 GB. Here the file size is checked on disk, the zip's central directory is read
// first (each part's declared size), then each part is inflated as a stream that stops past the part limit, and a
// worksheet's rows are counted in that stream, which stops past the row limit. Nothing is kept but counts.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { posix, relative, resolve } from 'node:path';
import { createInflateRaw } from 'node:zlib';
import type { Problem } from '#src/lib/content/problems.ts';
import { decodeEntities } from '#src/lib/model/entities.ts';
import { LIMITS, overLimitMessage, stoppedAtLimitMessage } from '#src/lib/model/limits.ts';
import { hasForbiddenText } from '#src/lib/model/text-policy.ts';

/** One part of the zip, as its central directory declares it. */
interface ZipEntry {
	name: string;
	method: number;
	compressed: number;
	declared: number;
	localOffset: number;
}

const NOT_XLSX_HINT = '请确认是 Excel 的 .xlsx 文件（不是 .xls 或 .csv；用 Excel/WPS“另存为 .xlsx”）。';
const HINTS = {
	workbookFile:
		'任务清单和调度表只需要文字：删掉图片、附件和多余的工作表，另存为 .xlsx 再导入；各项上限见 docs/editing.md“大小上限”。',
	workbookPart:
		'这个文件解压后异常大（损坏的文件或“压缩炸弹”）。在 Excel/WPS 中打开，只把要导入的工作表复制到一个新工作簿，另存为 .xlsx 再导入。',
	sheetRows:
		'删掉表格下方多余的行（选中行 → 右键“删除”，不是“清除内容”），或把表格分成几个文件分别导入；各项上限见 docs/editing.md“大小上限”。',
} as const;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
	const buf = Buffer.alloc(length);
	const { bytesRead } = await fh.read(buf, 0, length, position);
	return buf.subarray(0, bytesRead);
}

/** Where the central directory is (from the end record, or its zip64 form), or undefined when there is none. */
async function directoryPlace(fh: FileHandle, size: number): Promise<{ offset: number; length: number } | undefined> {
	const tailLength = Math.min(size, 22 + 0xffff);
	const tail = await readAt(fh, size - tailLength, tailLength);
	let i = tail.length - 22;
	while (i >= 0 && tail.readUInt32LE(i) !== 0x06054b50) i--;
	if (i < 0) return undefined;
	let offset = tail.readUInt32LE(i + 16);
	let length = tail.readUInt32LE(i + 12);
	if ((offset === 0xffffffff || length === 0xffffffff) && i >= 20 && tail.readUInt32LE(i - 20) === 0x07064b50) {
		const end64 = await readAt(fh, Number(tail.readBigUInt64LE(i - 12)), 56);
		if (end64.length < 56 || end64.readUInt32LE(0) !== 0x06064b50) return undefined;
		length = Number(end64.readBigUInt64LE(40));
		offset = Number(end64.readBigUInt64LE(48));
	}
	return offset + length <= size ? { offset, length } : undefined;
}

/** The sizes a zip64 extra field carries for the fields the entry marked 0xFFFFFFFF. */
function zip64Sizes(extra: Buffer, e: ZipEntry): void {
	for (let p = 0; p + 4 <= extra.length; p += 4 + extra.readUInt16LE(p + 2)) {
		if (extra.readUInt16LE(p) !== 0x0001) continue;
		let q = p + 4;
		const next = () => (q + 8 <= extra.length ? Number(extra.readBigUInt64LE((q += 8) - 8)) : 0xffffffff);
		if (e.declared === 0xffffffff) e.declared = next();
		if (e.compressed === 0xffffffff) e.compressed = next();
		if (e.localOffset === 0xffffffff) e.localOffset = next();
		return;
	}
}

/** Every part the central directory lists, or undefined when the file is not a zip. */
async function zipEntries(fh: FileHandle, size: number): Promise<ZipEntry[] | undefined> {
	const place = await directoryPlace(fh, size);
	if (!place) return undefined;
	const dir = await readAt(fh, place.offset, place.length);
	const entries: ZipEntry[] = [];
	for (let p = 0; p + 46 <= dir.length && dir.readUInt32LE(p) === 0x02014b50;) {
		const nameLength = dir.readUInt16LE(p + 28);
		const extraLength = dir.readUInt16LE(p + 30);
		const e: ZipEntry = {
			method: dir.readUInt16LE(p + 10),
			compressed: dir.readUInt32LE(p + 20),
			declared: dir.readUInt32LE(p + 24),
			localOffset: dir.readUInt32LE(p + 42),
			name: dir.toString('utf8', p + 46, p + 46 + nameLength),
		};
		zip64Sizes(dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), e);
		entries.push(e);
		p += 46 + nameLength + extraLength + dir.readUInt16LE(p + 32);
	}
	return entries;
}

// Large chunks: a 100 MB part inflates in a fraction of the time 16 KB chunks take, in the same bounded memory.
const CHUNK = 256 * 1024;

/**
 * Streams one part's inflated bytes to `onChunk` until the end, or until `onChunk` returns true or the inflated
 * size passes the part limit; returns the bytes inflated and whether it passed the limit.
 */
async function inflatePart(
	path: string,
	fh: FileHandle,
	e: ZipEntry,
	onChunk: (chunk: Buffer) => boolean | void,
): Promise<{ bytes: number; over: boolean; stopped: boolean }> {
	const local = await readAt(fh, e.localOffset, 30);
	if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw new Error('local header');
	const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
	if (e.compressed === 0) return { bytes: 0, over: false, stopped: false };
	const source = createReadStream(path, { start, end: start + e.compressed - 1, highWaterMark: CHUNK });
	const stream = e.method === 8 ? source.pipe(createInflateRaw({ chunkSize: CHUNK })) : source;
	source.on('error', (err) => stream.destroy(err));
	let bytes = 0;
	try {
		for await (const chunk of stream as AsyncIterable<Buffer>) {
			bytes += chunk.length;
			if (bytes > LIMITS.workbookPart.max) return { bytes, over: true, stopped: true };
			if (onChunk(chunk)) return { bytes, over: false, stopped: true };
		}
	} finally {
		source.destroy();
		stream.destroy();
	}
	return { bytes, over: false, stopped: false };
}

// A row element of a worksheet (`<row r="7" …>`, with or without a namespace prefix).
const ROW_TAG = /<(?:[A-Za-z_][\w.-]*:)?row(?=[\s/>])[^>]*>/g;
const ROW_NUMBER = /\sr\s*=\s*["'](\d{1,10})["']/;

/** Counts a worksheet's rows from its XML in chunks: the number of row elements, or the highest row number. */
export function rowCounter(): {
	feed(chunk: Buffer): number;
	readonly rows: number;
	readonly highest: number;
	readonly count: number;
} {
	let tail = '';
	let count = 0;
	let highest = 0;
	return {
		feed(chunk) {
			const text = tail + chunk.toString('latin1');
			for (const m of text.matchAll(ROW_TAG)) {
				count++;
				const r = ROW_NUMBER.exec(m[0]);
				if (r) highest = Math.max(highest, Number(r[1]));
			}
			// A tag cut by the chunk's end starts after its last '>': keep that much (a row tag is short).
			tail = text.slice(text.lastIndexOf('>') + 1).slice(-4096);
			return Math.max(count, highest);
		},
		get rows() {
			return Math.max(count, highest);
		},
		/** The highest row number seen: a sheet has at least that many rows, however few row elements it has. */
		get highest() {
			return highest;
		},
		/** The row elements seen. */
		get count() {
			return count;
		},
	};
}

/** The parts of `entries` under `xl/worksheets/` by their sheet names (from workbook.xml and its rels), where known. */
async function sheetNames(path: string, fh: FileHandle, entries: ZipEntry[]): Promise<Map<string, string>> {
	const text = async (name: string) => {
		const e = entries.find((x) => x.name === name);
		if (!e || e.declared > 4 * 1024 * 1024) return '';
		const chunks: Buffer[] = [];
		const r = await inflatePart(path, fh, e, (c) => void chunks.push(c)).catch(() => ({ over: true }));
		return r.over ? '' : Buffer.concat(chunks).toString('utf8');
	};
	const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1];
	const targets = new Map<string, string>();
	for (const [tag] of (await text('xl/_rels/workbook.xml.rels')).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
		const id = attr(tag, 'Id');
		const target = attr(tag, 'Target');
		if (id && target)
			targets.set(id, target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target)));
	}
	const names = new Map<string, string>();
	for (const [tag] of (await text('xl/workbook.xml')).matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
		const name = decodeEntities(attr(tag, 'name') ?? '');
		const part = targets.get(attr(tag, '(?:\\w+:)?id') ?? '');
		if (part && name && name.length <= 31 && !hasForbiddenText(name)) names.set(part, name);
	}
	return names;
}

/** A part as the editor can be told of it: its sheet's name, else its path when printable, else its place. */
function partField(e: ZipEntry, i: number, names: ReadonlyMap<string, string>): string {
	const sheet = names.get(e.name);
	if (sheet) return `工作表“${sheet}”`;
	return /^[\x21-\x7e]{1,200}$/.test(e.name) ? `部件 ${e.name}` : `第 ${i + 1} 个部件`;
}

/**
 * The rows to name for a sheet over the limit: all when read whole; stopped early, its highest row number when rows
 * were skipped (exceljs builds every row up to it), else none (the message then says where reading stopped).
 */
function stoppedRows(rows: ReturnType<typeof rowCounter>, stopped: boolean): number {
	return !stopped ? rows.rows : rows.highest > rows.count ? rows.highest : 0;
}

/** A part over limit `key`: `found` is its size; with `stopped`, as far as it was read (or its highest row number). */
function overProblem(file: string, field: string, key: keyof typeof HINTS, found: number, stopped: boolean): Problem {
	const message = !stopped
		? overLimitMessage(key, found)
		: key === 'sheetRows' && found > LIMITS.sheetRows.max
			? overLimitMessage(key, found, true)
			: stoppedAtLimitMessage(key);
	return { file, field, message, hint: HINTS[key] };
}

/** Each part's declared and inflated size, and each worksheet's rows, against the limits. */
async function partProblems(path: string, fh: FileHandle, entries: ZipEntry[], file: string): Promise<Problem[]> {
	const names = await sheetNames(path, fh, entries);
	const problems: Problem[] = [];
	for (const [i, e] of entries.entries()) {
		const field = partField(e, i, names);
		if (e.declared > LIMITS.workbookPart.max) {
			problems.push(overProblem(file, field, 'workbookPart', e.declared, false));
			continue;
		}
		if (e.method !== 0 && e.method !== 8) {
			problems.push({
				file,
				field,
				message: `压缩方式 ${e.method} 无法读取 / unsupported zip method`,
				hint: NOT_XLSX_HINT,
			});
			continue;
		}
		const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(e.name);
		const rows = rowCounter();
		try {
			const r = await inflatePart(path, fh, e, (c) => isSheet && rows.feed(c) > LIMITS.sheetRows.max);
			if (r.over) problems.push(overProblem(file, field, 'workbookPart', r.bytes, true));
			else if (rows.rows > LIMITS.sheetRows.max)
				problems.push(overProblem(file, field, 'sheetRows', stoppedRows(rows, r.stopped), r.stopped));
		} catch {
			problems.push({ file, field, message: '文件已损坏，这一部分无法解压 / corrupt zip part', hint: NOT_XLSX_HINT });
		}
	}
	return problems;
}

/**
 * The problems of a workbook file against the size limits (file size, each part's declared and inflated size, each
 * worksheet's rows), found without parsing it, each naming the file (`label`), the part or sheet, the limit and the
 * size found; a file that is not a zip is one problem too. Empty when exceljs may read it.
 */
export async function workbookLimitProblems(path: string, label: string): Promise<Problem[]> {
	const size = (await stat(path)).size;
	if (size > LIMITS.workbookFile.max)
		return [{ file: label, message: overLimitMessage('workbookFile', size), hint: HINTS.workbookFile }];
	const fh = await open(path, 'r');
	try {
		const entries = await zipEntries(fh, size);
		if (!entries?.length)
			return [
				{
					file: label,
					message: '不是 .xlsx 文件（读不到其中的 zip 目录）/ not an .xlsx (zip) file',
					hint: NOT_XLSX_HINT,
				},
			];
		return await partProblems(path, fh, entries, label);
	} finally {
		await fh.close();
	}
}

/** The limit problems of the workbooks `inputs` (paths from `root`) that exist; a missing one is left to the caller. */
export async function inputsLimitProblems(inputs: readonly string[], root: string): Promise<Problem[]> {
	const problems: Problem[] = [];
	for (const input of inputs) {
		const path = resolve(root, input);
		if (existsSync(path) && statSync(path).isFile())
			problems.push(...(await workbookLimitProblems(path, relative(root, path) || input)));
	}
	return problems;
}
