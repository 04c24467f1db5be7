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

/** A date the reader can cite: its status label and the URL a citation at that date gives. */
interface CiteDate {
	date: string;
	status: string;
	url: string;
}

/**
 * The month ends the page lists with the task's status at each (HistoryNav: links to the snapshot rows), newest first,
 * after the as-of date itself when it is not one of them. The page lists them once; the date choices are built here.
 */
function citeDates(base: CitationParts): CiteDate[] {
	const listed = [...document.querySelectorAll<HTMLAnchorElement>('.history-nav a[href]')].flatMap((a) => {
		const date = a.querySelector('time')?.dateTime;
		// The badge's first text is the status label; its basis mark (· 示例) follows in its own element.
		// With its unsourced inputs (无法判断（…未核实）), as the server cites it; a sample's 示例 is in the title already.
		const status = a
			.querySelector('.badge')
			?.textContent?.trim()
			.replace(/\s*·\s*示例$/, '');
		return date && status ? [{ date, status, url: new URL(a.getAttribute('href')!, base.url).href }] : [];
	});
	listed.sort((a, b) => (a.date < b.date ? 1 : -1));
	const asOf = base.status && !listed.some((d) => d.date === base.date);
	return asOf ? [{ date: base.date, status: base.status!, url: base.url }, ...listed] : listed;
}

/** Fills the date choice of a cite block, the as-of date selected. */
function fillDates(select: HTMLSelectElement, base: CitationParts): void {
	for (const d of citeDates(base)) {
		const option = new Option(`${d.date}（${d.status}）`, d.date, false, d.date === base.date);
		option.dataset.status = d.status;
		option.dataset.url = d.url;
		select.add(option);
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
		if (select) fillDates(select, base);
		if (select?.options.length) {
			select.closest<HTMLElement>('.cite-date')!.hidden = false;
			select.addEventListener('change', write);
		}
		write();
	}
}
