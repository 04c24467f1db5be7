// Filters and sorts the server-rendered task table; the state lives in the URL query so a filtered
// list can be shared, and history entries let the back button restore the previous list.
import {
	compareRows,
	FILTER_FIELDS,
	formatQuery,
	parseQuery,
	rowMatches,
	type ListQuery,
	type RowKeys,
} from '../lib/view/task-filter.ts';
import { STATUS_LABELS, type TaskStatus } from '../lib/model/statuses.ts';

const form = document.querySelector<HTMLFormElement>('form.task-filters');
const table = form && document.getElementById(form.dataset.table ?? '');
const body = table?.querySelector('tbody');

function keysOf(tr: HTMLTableRowElement): RowKeys {
	const d = tr.dataset;
	const list = (v?: string) => (v ? v.split(' ').filter(Boolean) : []);
	return {
		status: d.status ?? '',
		batch: d.batch ?? '',
		unit: list(d.unit),
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
	const select = (name: string) => form.elements.namedItem(name) as HTMLSelectElement;

	/** Puts the query into the form (adding an option for a combination the menu does not list). */
	const toForm = (q: ListQuery) => {
		for (const f of FILTER_FIELDS) {
			const s = select(f);
			const value = q.filters[f].join(',');
			if (value && ![...s.options].some((o) => o.value === value)) {
				const label = f === 'status' ? q.filters[f].map((v) => STATUS_LABELS[v as TaskStatus] ?? v).join('、') : value;
				s.add(new Option(label, value));
			}
			s.value = value;
		}
		select('sort').value = q.sort;
	};
	const fromForm = (): ListQuery =>
		parseQuery(new URLSearchParams([...FILTER_FIELDS, 'sort'].map((f) => [f, select(f).value])).toString());

	const render = (q: ListQuery) => {
		let shown = 0;
		const sorted = [...rows].sort((a, b) => compareRows(q.sort)(a.keys, b.keys));
		for (const { tr, keys } of sorted) {
			const ok = rowMatches(keys, q);
			tr.hidden = !ok;
			if (ok) shown++;
			body.appendChild(tr);
		}
		count.textContent = shown === total ? `显示全部 ${total} 项任务。` : `显示 ${shown} 项任务（共 ${total} 项）。`;
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
	});
	form.addEventListener('reset', (e) => {
		e.preventDefault();
		const q = parseQuery('');
		toForm(q);
		history.pushState(null, '', location.pathname + location.hash);
		render(q);
	});
	window.addEventListener('popstate', fromUrl);
	form.hidden = false;
	fromUrl();
}
