// The cite blocks (task pages, /data/): copy buttons, and for a task the citation at the date a reader picks, from the
// formatters of src/lib/publish/citation.ts. Today's date in China is the 引用日期 (GB/T 7714's date of access).
import { CITATION_FORMATS, type CitationParts } from '#src/lib/publish/citation-formats.ts';
import { todayInShanghai } from '#src/lib/model/dates.ts';

function copyButtons(root: HTMLElement): void {
	for (const button of root.querySelectorAll<HTMLButtonElement>('button.cite-copy')) {
		const target = document.getElementById(button.dataset.target ?? '');
		const status = document.getElementById(button.dataset.status ?? '');
		if (!target || !status) continue;
		button.hidden = false;
		button.addEventListener('click', async () => {
			const text = target.textContent ?? '';
			try {
				if (!navigator.clipboard?.writeText) throw new Error('clipboard unavailable');
				await navigator.clipboard.writeText(text);
				status.textContent = '已复制到剪贴板。';
			} catch {
				// No clipboard (insecure origin, permission denied, old browser): select the text so one keystroke copies it.
				const range = document.createRange();
				range.selectNodeContents(target);
				const sel = window.getSelection();
				sel?.removeAllRanges();
				sel?.addRange(range);
				status.textContent = '无法自动复制：引用文字已选中，请按 Ctrl+C（Mac 上按 ⌘+C，手机上长按）复制。';
			}
		});
	}
}

/** Enhances every cite block on the page. */
export function initCite(): void {
	for (const root of document.querySelectorAll<HTMLElement>('section.cite[data-cite]')) {
		copyButtons(root);
		const base = JSON.parse(root.dataset.cite ?? '{}') as CitationParts;
		const select = root.querySelector<HTMLSelectElement>('select.cite-select');
		const write = () => {
			const option = select?.selectedOptions[0];
			const date = option?.value ?? base.date;
			const parts: CitationParts = {
				...base,
				date,
				status: option?.dataset.status ?? base.status,
				url: option?.dataset.url ?? base.url,
				key: base.key.replace(base.date, date),
				accessed: todayInShanghai(),
			};
			for (const f of CITATION_FORMATS) {
				const pre = root.querySelector(`[data-format="${f.key}"] .cite-text`);
				if (pre) pre.textContent = f.format(parts);
			}
			const state = root.querySelector('.cite-state');
			// A sample's status line says 示例 itself, as the server rendered it (CiteThis.astro).
			if (state && parts.status) state.textContent = `截至 ${date}：${parts.status}${parts.sample ? '（示例）' : ''}`;
			const link = root.querySelector<HTMLAnchorElement>('a.cite-url');
			if (link) link.href = link.textContent = parts.url;
		};
		if (select) {
			select.closest<HTMLElement>('.cite-date')!.hidden = false;
			select.addEventListener('change', write);
		}
		write();
	}
}
