// Filters and sorts the server-rendered task table; the state lives in the URL query so a filtered
// list can be shared, and history entries let the back button restore the previous list. The caption,
// the page title and an empty-result message follow the filters; the visible rows can be downloaded as CSV.
import {
	compareRows,
	FILTER_FIELDS,
	filteredFileName,
	filterSummary,
	formatQuery,
	listCaption,
	listTitle,
	parseQuery,
	rowMatches,
	selectionLabel,
	type FilterField,
	type ListQuery,
	type RowKeys,
} from '#src/lib/view/task-filter.ts';
import { csvForTasks } from '#src/lib/publish/filtered-csv.ts';
import { dataPath } from '#src/lib/publish/urls.ts';

const TASKS_CSV = dataPath('tasks.csv');

const form = document.querySelector<HTMLFormElement>('form.task-filters');
const table = form && document.getElementById(form.dataset.table ?? '');
const body = table?.querySelector('tbody');

function keysOf(tr: HTMLTableRowElement): RowKeys {
	const d = tr.dataset;
	const list = (v?: string) => (v ? v.split(' ').filter(Boolean) : []);
	return {
		status: d.status ?? '',
		flags: list(d.flags),
		plan: d.plan ?? '',
		batch: d.batch ?? '',
		unit: list(d.unit),
		support: list(d.support),
		area: d.area ?? '',
		city: list(d.city),
		order: Number(d.order),
		due: d.due ?? '',
		last: d.last ?? '',
	};
}

if (form && table && body) {
	const rows = [...body.rows].map((tr) => ({ tr, keys: keysOf(tr) }));
	const total = rows.length;
	const count = form.querySelector<HTMLElement>('.filter-count')!;
	const empty = form.querySelector<HTMLElement>('.filter-empty')!;
	const caption = table.querySelector('caption');
	const download = form.querySelector<HTMLButtonElement>('.filter-download');
	const siteName = document.title.includes(' - ') ? document.title.slice(document.title.lastIndexOf(' - ')) : '';
	const control = (name: string) => form.elements.namedItem(name) as HTMLSelectElement | HTMLInputElement;
	const summary = form.querySelector<HTMLElement>('.filter-summary');
	const sortSelect = control('sort') as HTMLSelectElement;

	// Labels of single values, read from the menus the server rendered (one definition of every label).
	const labels = new Map<string, string>();
	for (const f of FILTER_FIELDS) {
		const c = control(f);
		if (c instanceof HTMLSelectElement)
			for (const o of c.options) if (o.value) labels.set(`${f}\u0000${o.value}`, o.text);
	}
	const labelOf = (f: FilterField, v: string) => labels.get(`${f}\u0000${v}`) ?? v;

	/** Puts the query into the form (adding an option, with labels, for a combination the menu does not list). */
	const toForm = (q: ListQuery) => {
		for (const f of FILTER_FIELDS) {
			const c = control(f);
			const value = q.filters[f].join(',');
			if (c instanceof HTMLSelectElement && value && ![...c.options].some((o) => o.value === value))
				c.add(new Option(selectionLabel(f, q.filters[f], labelOf), value));
			c.value = value;
		}
		control('role').value = q.role;
		control('sort').value = q.sort;
	};
	const fromForm = (): ListQuery =>
		parseQuery(new URLSearchParams([...FILTER_FIELDS, 'role', 'sort'].map((f) => [f, control(f).value])).toString());

	let visible: string[] = [];
	const render = (q: ListQuery) => {
		visible = [];
		const sorted = [...rows].sort((a, b) => compareRows(q.sort)(a.keys, b.keys));
		for (const { tr, keys } of sorted) {
			const ok = rowMatches(keys, q);
			tr.hidden = !ok;
			if (ok) visible.push(tr.dataset.id ?? '');
			body.appendChild(tr);
		}
		const shown = visible.length;
		count.textContent = shown === total ? `显示全部 ${total} 项任务。` : `显示 ${shown} 项任务（共 ${total} 项）。`;
		empty.hidden = shown > 0;
		if (caption) caption.textContent = listCaption(q, labelOf, shown, total);
		if (summary) summary.textContent = filterSummary(q, labelOf, sortSelect.selectedOptions[0]?.text);
		document.title = listTitle(q, labelOf) + siteName;
		if (download) download.disabled = shown === 0;
	};

	const fromUrl = () => {
		const q = parseQuery(location.search);
		toForm(q);
		render(q);
	};

	// Selects apply at once; the submit button is there for those who expect one (and for forms without change events).
	const update = () => {
		const q = fromForm();
		if (formatQuery(q) !== formatQuery(parseQuery(location.search)))
			history.pushState(null, '', location.pathname + formatQuery(q) + location.hash);
		render(q);
	};
	form.addEventListener('change', update);
	form.addEventListener('submit', (e) => {
		e.preventDefault();
		update();
		const fold = form.querySelector('details');
		if (fold) fold.open = false;
	});
	form.addEventListener('reset', (e) => {
		e.preventDefault();
		const q = parseQuery('');
		toForm(q);
		history.pushState(null, '', location.pathname + location.hash);
		render(q);
	});
	// The same columns and cells as /data/tasks.csv, only the rows shown, in the order shown.
	download?.addEventListener('click', async () => {
		const note = count.textContent ?? '';
		try {
			const res = await fetch(TASKS_CSV);
			if (!res.ok) throw new Error(`HTTP ${res.status}`);
			const csv = csvForTasks(await res.text(), visible);
			const a = document.createElement('a');
			a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
			a.download = filteredFileName(parseQuery(location.search), form.dataset.asof ?? 'latest');
			document.body.append(a);
			a.click();
			a.remove();
			setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
			count.textContent = `${note} 已生成 ${visible.length} 项任务的 CSV 文件。`;
		} catch (e) {
			count.textContent = `${note} 无法生成下载文件（${String(e)}），可以下载完整的 ${TASKS_CSV}。`;
		}
	});
	window.addEventListener('popstate', fromUrl);
	form.hidden = false;
	fromUrl();
}
