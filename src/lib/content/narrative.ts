import { linkRefusal, type LinkRefusal } from '#src/lib/model/link-rule.ts';
import { narrativeLinks } from '#src/lib/publish/markdown.ts';
import { lineAt, type Problem } from './problems.ts';

// Markdown passes raw HTML straight through to the page, so a narrative may contain no tag at all:
// an element (<script>, <img onerror=…>, <b>), a closing tag, a comment or a processing instruction.
// `<https://…>` autolinks do not match, because a tag name is followed by space, `/` or `>`.
const HTML_TAG = /<(?:[A-Za-z][A-Za-z0-9-]*(?=[\s/>])|\/[A-Za-z][A-Za-z0-9-]*\s*>|!--|!\[CDATA\[|\?)/g;

const LINK_WHY: Record<LinkRefusal, string> = {
	scheme: '不是 http(s) 网址或以 / 开头的站内路径',
	'protocol-relative': '以 // 开头，指向别的网站却没写协议（不是以 / 开头的站内路径）',
	backslash: '含有反斜杠 \\（浏览器把它当作 /，可能指向别的网站）',
	relative: '不是 http(s) 网址或以 / 开头的站内路径',
};

const LINK_FIX: Record<LinkRefusal, string> = {
	scheme: '链接只能指向 http:// 或 https:// 开头的网址、mailto: 邮箱，或以 / 开头的站内路径（如 /tasks/hkk-02/）。',
	'protocol-relative': '外部网站写完整网址（https://域名/…）；站内链接只用一个 /，如 /tasks/hkk-02/。',
	backslash: '把反斜杠 \\ 改成 /；站内路径写成 /tasks/hkk-02/，外部网站写完整网址 https://…。',
	relative: '站内链接以 / 开头写完整路径，如 /tasks/hkk-02/；同一段正文会出现在几个页面上，相对路径会指错地方。',
};

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
	for (const link of narrativeLinks(body)) {
		const refusal = linkRefusal(link.url);
		if (!refusal) continue;
		problems.push({
			file,
			line: firstLine + link.line - 1,
			field: '正文',
			message: `正文中的链接“${link.url.slice(0, 40)}”${LINK_WHY[refusal]} / link must be an http(s) URL or a site path`,
			hint: LINK_FIX[refusal],
		});
	}
	return problems;
}
