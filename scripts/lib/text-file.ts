// A text file an editor names on the command line (npm run update -- --text-file <文件>): read only when it is a
// regular file within the narrative's size limit, in UTF-8 and clean under the text policy; otherwise a message.
import { readFileSync, statSync } from 'node:fs';
import type { Problem } from '#src/lib/content/problems.ts';
import { narrativeTextProblems } from '#src/lib/content/text-check.ts';
import { overLimit } from '#src/lib/model/limits.ts';
import { normalizeText } from '#src/lib/model/text-policy.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of a narrative file in NFC (BOM and CRLF taken off), or the problems that stop it being used. */
export function readNarrativeFile(path: string, label = path): { text: string } | { problems: Problem[] } {
	const one = (message: string, hint: string) => ({ problems: [{ file: label, message, hint }] });
	let st;
	try {
		st = statSync(path);
	} catch {
		return one('找不到正文文件 / --text-file not found', '检查文件路径；路径相对于当前目录。');
	}
	if (st.isDirectory())
		return one(
			'--text-file 给的是一个文件夹，不是文本文件 / a folder, not a file',
			'给出正文所在的 .md 或 .txt 文件的路径。',
		);
	if (!st.isFile())
		return one('--text-file 不是普通文件 / not a regular file', '给出正文所在的 .md 或 .txt 文件的路径。');
	const tooBig = overLimit('updateFile', st.size);
	if (tooBig) return one(tooBig, '把内容拆成几条进展，长篇材料放到政府网站上，在 evidence 中给出链接。');
	let bytes: Buffer;
	try {
		bytes = readFileSync(path);
	} catch (e) {
		// Not "not UTF-8": a file that cannot be opened (no permission, removed meanwhile) says so.
		return one(
			`无法读取正文文件（${(e as NodeJS.ErrnoException).code ?? '读取失败'}）/ cannot read --text-file`,
			'检查文件是否还在、当前用户能否读取它；或把正文复制到一个新文件再试。',
		);
	}
	let text: string;
	try {
		text = utf8.decode(bytes);
	} catch {
		return one('正文文件不是 UTF-8 编码 / not UTF-8', '在编辑器中“另存为 UTF-8（无 BOM）”。');
	}
	text = text.replace(/^\uFEFF/, '').replaceAll('\r\n', '\n');
	const problems = narrativeTextProblems(label, text);
	return problems.length ? { problems } : { text: normalizeText(text) };
}
