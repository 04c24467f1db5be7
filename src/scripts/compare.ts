// Browser side of /changes/: compare any two dates from the published JSON, with the site's own status rule.
import {
	CHANGE_SECTIONS,
	changesBetween,
	correctionText,
	dueDateMovedText,
	sectionBasis,
	sectionCount,
	sectionHeading,
	sectionStatusChanges,
	type ChangeSection,
	type Changes,
} from '#src/lib/model/changes.ts';
import type { TaskRecord, UpdateRecord } from '#src/lib/model/content.ts';
import { recordFromRow, storedColumns } from '#src/lib/publish/columns.ts';
import { TASK_FIELDS, UPDATE_FIELDS } from '#src/lib/model/fields.ts';
import { dataPath, taskPath, updateAnchor } from '#src/lib/publish/urls.ts';
import { basisOf, basisSuffix, judgmentMark, type Basis } from '#src/lib/model/basis.ts';
import { formatCompare, parseCompare } from '#src/lib/view/compare-url.ts';
import { REPORTED_LABELS, STATUS_LABELS } from '#src/lib/model/statuses.ts';
import { NOTHING_CHANGED_TEXT } from '#src/lib/view/empty-state.ts';
import { DATA_PATH } from '#src/lib/publish/urls.ts';

interface Loaded {
	tasks: TaskRecord[];
	updates: UpdateRecord[];
	label: Map<string, string>;
}

const TASK_COLUMNS = storedColumns(TASK_FIELDS);
const UPDATE_COLUMNS = storedColumns(UPDATE_FIELDS);
let loading: Promise<Loaded> | undefined;

async function load(): Promise<Loaded> {
	const get = async (name: string) => {
		const res = await fetch(dataPath(`${name}.json`));
		if (!res.ok) throw new Error(`${name}.json: HTTP ${res.status}`);
		return ((await res.json()) as { records: Record<string, unknown>[] }).records;
	};
	const [taskRows, updateRows] = await Promise.all([get('tasks'), get('updates')]);
	return {
		tasks: taskRows.map((r) => recordFromRow(TASK_COLUMNS, r) as unknown as TaskRecord),
		updates: updateRows.map((r) => recordFromRow(UPDATE_COLUMNS, r) as unknown as UpdateRecord),
		label: new Map(taskRows.map((r) => [String(r.id), `${String(r.number)} ${String(r.title)}`])),
	};
}

function el<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	text?: string,
	attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
	const e = document.createElement(tag);
	if (text !== undefined) e.textContent = text;
	for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
	return e;
}

function render(out: HTMLElement, c: Changes, label: Map<string, string>): void {
	const taskLink = (id: string) => el('a', label.get(id) ?? id, { href: taskPath(id) });
	// The status with what it rests on, as StatusBadge renders it on the monthly pages.
	const badge = (s: keyof typeof STATUS_LABELS, basis: Basis) => {
		const mark = judgmentMark(basis);
		return el('span', `${STATUS_LABELS[s]}${mark && basis.kind === 'sample' ? ` · ${mark}` : mark}`, {
			class: `badge s-${s}`,
			'data-basis': basis.kind,
		});
	};
	const section = (sec: ChangeSection, items: HTMLElement[]) => {
		out.append(el('h3', sectionHeading(sec, sectionCount(c, sec.key), sectionBasis(c, sec.key))));
		if (sec.note) out.append(el('p', sec.note, { class: 'note' }));
		if (items.length === 0) out.append(el('p', NOTHING_CHANGED_TEXT));
		else {
			const ul = el('ul');
			ul.append(...items);
			out.append(ul);
		}
	};
	const statusItem = (x: Changes['newlyCompleted'][number]) => {
		const li = el('li');
		li.append(taskLink(x.task), '：', badge(x.from, x.fromBasis), ' → ', badge(x.to, x.basis));
		return li;
	};
	const items = {
		completed: () => sectionStatusChanges(c, 'completed').map(statusItem),
		closed: () => sectionStatusChanges(c, 'closed').map(statusItem),
		slipped: () =>
			c.slipped.map((s) => {
				const li = el('li');
				li.append(taskLink(s.task), '：');
				if (s.becameOverdue) li.append('转为 ', badge('overdue', s.basis));
				if (s.dueDateMoved) li.append(`${s.becameOverdue ? '；' : ''}${dueDateMovedText(s.dueDateMoved)}`);
				return li;
			}),
		reopened: () => sectionStatusChanges(c, 'reopened').map(statusItem),
		changed: () => sectionStatusChanges(c, 'changed').map(statusItem),
		updates: () =>
			c.newUpdates.flatMap((g) =>
				g.updates.map((u) => {
					const li = el('li');
					li.append(
						taskLink(g.task),
						'：',
						el('a', u.title, { href: `${taskPath(g.task)}#${updateAnchor(u.id)}` }),
						`（${REPORTED_LABELS[u.status]}${basisSuffix(basisOf(u, ['status']))}，发布于 ${u.publishedDate}${correctionText(c, u.id) ? `；${correctionText(c, u.id)}` : ''}）`,
					);
					return li;
				}),
			),
	};
	out.replaceChildren(el('p', `${c.from} 之后至 ${c.to}：`, { class: 'compare-heading' }));
	// The sections, titles and notes of the monthly /changes/ pages, in their order (src/lib/model/changes.ts).
	for (const sec of CHANGE_SECTIONS) section(sec, items[sec.key]());
}

/**
 * Shows the comparison form and answers it from /data/tasks.json and /data/updates.json. The dates live in the URL
 * (/changes/?from=…&to=…): a shared link shows the same comparison, and back/forward restore the previous one.
 */
export function initCompare(): void {
	const root = document.querySelector<HTMLElement>('[data-compare]');
	const form = root?.querySelector<HTMLFormElement>('form.compare-form');
	const out = root?.querySelector<HTMLElement>('.compare-result');
	if (!root || !form || !out) return;
	const first = root.dataset.first ?? '';
	const asOf = root.dataset.asof ?? '';
	const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
	form.hidden = false;

	const show = async (search: string) => {
		const req = parseCompare(search, first, asOf);
		if (req === null) {
			out.replaceChildren();
			return;
		}
		if ('error' in req) {
			out.replaceChildren(el('p', req.error, { class: 'error' }));
			return;
		}
		input('from').value = req.from;
		input('to').value = req.to;
		out.replaceChildren(el('p', '正在计算…'));
		try {
			loading ??= load();
			const data = await loading;
			render(out, changesBetween(data.tasks, data.updates, req.from, req.to), data.label);
		} catch (e) {
			loading = undefined;
			out.replaceChildren(
				el('p', `无法读取数据文件：${String(e)}。请稍后重试，或下载 ${DATA_PATH} 下的文件自行比较。`, {
					class: 'error',
				}),
			);
		}
	};

	form.addEventListener('submit', (ev) => {
		ev.preventDefault();
		const search = formatCompare(input('from').value, input('to').value);
		if (search !== location.search) history.pushState(null, '', location.pathname + search + '#cmp');
		void show(search);
	});
	window.addEventListener('popstate', () => void show(location.search));
	if (location.search) {
		void show(location.search);
		root.scrollIntoView();
	}
}
