// What content/ may hold: plain regular UTF-8 files with the expected extensions and id-shaped names.
// Everything else (symlinks, a folder where a file belongs, GBK text, .MD) is reported naming the file.
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ID_PATTERN } from '#src/schemas/common.ts';
import type { Problem } from './problems.ts';
import { contentSizeProblem, contentTextProblems, fieldSizeProblems } from './text-check.ts';
import { normalizeText } from '#src/lib/model/text-policy.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/** Names of files the loader skips without a word: version-control placeholders. */
const QUIET = new Set(['.gitkeep', '.gitignore']);

/** What reading a content file gives: its text, or the problem that stops it (`also`: more in the same file). */
export type ContentFileText = { text: string } | { problem: Problem; also?: Problem[] };

/**
 * The text of a content file in NFC, or the problem that stops it being read (not a regular file, not UTF-8, a
 * character the text policy refuses).
 */
export function readContentFile(path: string, file: string): ContentFileText {
	let st;
	try {
		st = lstatSync(path);
	} catch {
		return { problem: { file, message: '文件不存在 / file is missing', hint: '按 docs/editing.md 创建该文件。' } };
	}
	if (st.isSymbolicLink())
		return {
			problem: {
				file,
				message: '这是一个符号链接，不是普通文件 / symlinks are not allowed in content/',
				hint: '把链接换成文件本身（复制内容进来）；content/ 只能包含普通文件。',
			},
		};
	if (st.isDirectory())
		return {
			problem: {
				file,
				message: '这里应是一个文件，却是一个文件夹 / a folder where a file belongs',
				hint: '删除或改名该文件夹，按 docs/editing.md 创建同名文件。',
			},
		};
	if (!st.isFile())
		return { problem: { file, message: '不是普通文件 / not a regular file', hint: 'content/ 只能包含普通文件。' } };
	const tooBig = contentSizeProblem(file, st.size);
	if (tooBig) return { problem: tooBig };
	const bytes = readFileSync(path);
	try {
		return policyChecked(file, utf8.decode(bytes));
	} catch {
		let gbk: boolean;
		try {
			gbk = /[\u4e00-\u9fff]/.test(gb18030.decode(bytes));
		} catch {
			gbk = false;
		}
		const q = `'${file.replaceAll("'", "'\\''")}'`;
		const at = firstInvalidUtf8(bytes);
		return {
			problem: {
				file,
				line: bytes.subarray(0, at).filter((b) => b === 0x0a).length + 1,
				message: gbk
					? '文件不是 UTF-8 编码，看起来是 GBK/GB18030 / the file is GBK (GB18030), not UTF-8'
					: '文件不是 UTF-8 编码 / the file is not UTF-8',
				hint: gbk
					? `转换为 UTF-8：iconv -f GB18030 -t UTF-8 ${q} > /tmp/utf8 && mv /tmp/utf8 ${q}（或在编辑器中“另存为 UTF-8（无 BOM）”）。`
					: '在编辑器中“另存为 UTF-8（无 BOM）”；用 file 命令可查看当前编码。',
			},
		};
	}
}

/** The text policy on a decoded file: its problems, or the text in NFC. */
function policyChecked(file: string, text: string): ContentFileText {
	const [problem, ...also] = [...contentTextProblems(file, text), ...fieldSizeProblems(file, text)];
	return problem ? { problem, also } : { text: normalizeText(text) };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence (bytes.length if none). */
function firstInvalidUtf8(bytes: Uint8Array): number {
	for (let i = 0; i < bytes.length;) {
		const b = bytes[i]!;
		const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
		if (n < 0) return i;
		for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
		i += n + 1;
	}
	return bytes.length;
}

/** One expected file kind in a folder of content/: its extension and whether its name is an id. */
export interface FolderRule {
	/** Allowed extensions, lower case with the dot (".json"). */
	ext: readonly string[];
	/** Subfolders: 'none' (files only) or 'one' (updates/<task>/<file>). */
	depth: 0 | 1;
}

/** Why `dir` cannot be read as a folder of content/ (a symlink, a file), if so. */
function folderProblem(dir: string, rel: (p: string) => string): Problem | undefined {
	const st = lstatSync(dir);
	if (st.isSymbolicLink())
		return {
			file: rel(dir),
			message: '这是一个符号链接，不是文件夹 / symlinks are not allowed in content/',
			hint: '把链接换成真实的文件夹。',
		};
	if (!st.isDirectory())
		return {
			file: rel(dir),
			message: '这里应是一个文件夹 / a file where a folder belongs',
			hint: '删除或改名该文件，按 docs/editing.md 建立文件夹。',
		};
	return undefined;
}

/** Why a file at `level` of a folder is not one of its content files (extension, level, name), if so. */
function fileProblem(p: string, name: string, level: number, rel: (p: string) => string, rule: FolderRule) {
	const dot = name.lastIndexOf('.');
	const ext = dot > 0 ? name.slice(dot) : '';
	if (!rule.ext.includes(ext)) {
		const lower = rule.ext.includes(ext.toLowerCase());
		return {
			file: rel(p),
			message: lower
				? `扩展名应为小写 ${ext.toLowerCase()} / extension must be lower case`
				: `不认识的文件（该目录只放 ${rule.ext.join('、')} 文件）/ unexpected file`,
			hint: lower
				? `把文件改名为 ${name.slice(0, dot)}${ext.toLowerCase()}。`
				: '删除该文件，或改为正确的扩展名；否则它不会被发布。',
		};
	}
	if (level !== rule.depth)
		return {
			file: rel(p),
			message: '文件放错了层级 / file at the wrong level',
			hint: rule.depth ? '进展文件放在 updates/<任务编号>/ 下。' : '把文件移到该目录下，不要再建子文件夹。',
		};
	const base = name.slice(0, dot);
	return ID_PATTERN.test(base) ? undefined : nameProblem(rel(p), base, '文件名');
}

/** The files of one folder of content/ with the allowed extensions, and a problem for everything else in it. */
export function listContentFiles(
	dir: string,
	rel: (p: string) => string,
	rule: FolderRule,
): { files: string[]; problems: Problem[] } {
	const files: string[] = [];
	const problems: Problem[] = [];
	if (!existsSync(dir)) return { files, problems };
	const bad = folderProblem(dir, rel);
	if (bad) return { files, problems: [bad] };
	const walk = (d: string, level: number) => {
		for (const name of readdirSync(d).sort()) {
			if (QUIET.has(name)) continue;
			const p = join(d, name);
			const s = lstatSync(p);
			if (s.isSymbolicLink()) {
				problems.push({
					file: rel(p),
					message: '这是一个符号链接，不是普通文件 / symlinks are not allowed in content/',
					hint: '把链接换成文件本身（复制内容进来）；content/ 只能包含普通文件。',
				});
				continue;
			}
			if (s.isDirectory()) {
				if (level < rule.depth) {
					if (!ID_PATTERN.test(name)) problems.push(nameProblem(rel(p), name, '文件夹名'));
					walk(p, level + 1);
				} else
					problems.push({
						file: rel(p),
						message: '这里不应有子文件夹 / unexpected folder',
						hint: `把其中的文件移到上一级；该目录只放 ${rule.ext.join('、')} 文件。`,
					});
				continue;
			}
			const problem = fileProblem(p, name, level, rel, rule);
			if (problem) problems.push(problem);
			else files.push(p);
		}
	};
	walk(dir, 0);
	return { files, problems };
}

function nameProblem(file: string, name: string, what: string): Problem {
	return {
		file,
		message: `${what}“${name}”不合规：编号只能用小写英文字母、数字和连字符 / file name is not a valid id`,
		hint: `改名为 ${
			name
				.normalize('NFKC')
				.toLowerCase()
				.replace(/[^a-z0-9-]+/g, '-')
				.replace(/^-+|-+$/g, '') || '（小写字母、数字和连字符组成的名字）'
		}，并同时修改引用它的字段。`,
	};
}

/** The entries at the top of the content directory, or a problem when it is missing or not a folder. */
export function readContentDir(dir: string, rel: (p: string) => string): { names: string[]; problems: Problem[] } {
	if (!existsSync(dir))
		return {
			names: [],
			problems: [
				{
					file: rel(dir),
					message: '内容目录不存在 / the content folder is missing',
					hint: '检查 CONTENT_DIR 或当前目录；内容应在 content/ 下。',
				},
			],
		};
	if (!statSync(dir).isDirectory())
		return {
			names: [],
			problems: [
				{
					file: rel(dir),
					message: '内容目录不是文件夹 / the content path is not a folder',
					hint: '检查 CONTENT_DIR。',
				},
			],
		};
	return { names: readdirSync(dir).sort(), problems: [] };
}
