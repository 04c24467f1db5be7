import { isSafeLinkDestination } from '#src/lib/model/link-rule.ts';
import { lineAt, type Problem } from './problems.ts';

// Markdown passes raw HTML straight through to the page, so a narrative may contain no tag at all:
// an element (<script>, <img onerror=…>, <b>), a closing tag, a comment or a processing instruction.
// `<https://…>` autolinks do not match, because a tag name is followed by space, `/` or `>`.
const HTML_TAG = /<(?:[A-Za-z][A-Za-z0-9-]*(?=[\s/>])|\/[A-Za-z][A-Za-z0-9-]*\s*>|!--|!\[CDATA\[|\?)/g;

// Link destinations in Markdown: inline `](dest`, reference definitions `[x]: dest`, autolinks `<scheme:…>`.
const LINK_DEST =
	/\]\(\s*(?:<([^>\n]*)>|([^)\s]*))|^[ \t]{0,3}\[[^\]]+\]:\s*(?:<([^>\n]*)>|(\S*))|<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>/gm;

/**
 * Checks an update's Markdown narrative for raw HTML and unsafe link targets (javascript:, data: …),
 * which Markdown would otherwise publish as live markup. `firstLine` is the file line the body starts on.
 */
export function narrativeProblems(file: string, body: string, firstLine = 1): Problem[] {
	const problems: Problem[] = [];
	const seen = new Set<number>();
	for (const m of body.matchAll(HTML_TAG)) {
		// One problem per line: <script>…</script> is one mistake, not two.
		const line = firstLine + lineAt(body, m.index) - 1;
		if (seen.has(line)) continue;
		seen.add(line);
		const snippet = body.slice(m.index, m.index + 40).split('\n')[0]!;
		problems.push({
			file,
			line,
			field: '正文',
			message: `正文不能包含 HTML 标签：“${snippet}” / the narrative must not contain HTML tags`,
			hint: '删除尖括号标记，只用 Markdown（空行分段，**加粗**，[标题](https://…) 链接）；要写“小于”请用全角“＜”或文字。',
		});
	}
	for (const m of body.matchAll(LINK_DEST)) {
		const dest = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
		if (dest === '' || isSafeLinkDestination(dest)) continue;
		problems.push({
			file,
			line: firstLine + lineAt(body, m.index) - 1,
			field: '正文',
			message: `正文中的链接“${dest.slice(0, 40)}”不是 http(s) 网址或以 / 开头的站内路径 / link must be an http(s) URL or a site path`,
			hint: '链接只能指向 http:// 或 https:// 开头的网址、mailto: 邮箱，或以 / 开头的站内路径（如 /tasks/hkk-02/）。',
		});
	}
	return problems;
}
