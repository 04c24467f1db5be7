// Chart.js with only the parts the site uses (bars and lines), drawn from the server-rendered tables.
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip,
	type ChartConfiguration,
	type ChartDataset,
} from 'chart.js';
import { FILL_PATTERNS, STATUS_TABLE, TASK_STATUSES, type StatusPattern } from '#src/lib/model/statuses.ts';
import { largestRows, PHONE_ROWS, PHONE_WIDTH } from '#src/lib/view/charts.ts';

Chart.register(
	BarController,
	BarElement,
	CategoryScale,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Legend,
	Tooltip,
);

/** A canvas that keeps its chart, so tests (and curious readers in devtools) can compare it with the table. */
export type ChartCanvas = HTMLCanvasElement & { chart?: Chart };

// Colour and pattern per status from the status table (the badges read the same table): status is never told
// by colour alone — each also has its own fill pattern, its label in the legend or axis, and its column in the table.
// The other series (a plain count, the progress lines) have their own styles here.
const STYLE: Record<string, { color: string; fill: StatusPattern }> = {
	...Object.fromEntries(TASK_STATUSES.map((s) => [s, { color: STATUS_TABLE[s].color, fill: STATUS_TABLE[s].pattern }])),
	tasks: { color: '#0b5cad', fill: 'solid' },
	done: { color: STATUS_TABLE.completed.color, fill: 'solid' },
	due: { color: STATUS_TABLE.overdue.color, fill: 'solid' },
};
const LINE: Record<string, { point: 'circle' | 'rect' | 'triangle'; dash: number[] }> = {
	done: { point: 'circle', dash: [] },
	closed: { point: 'rect', dash: [2, 3] },
	due: { point: 'triangle', dash: [8, 4] },
};

// Draws a fill of FILL_PATTERNS (the status table's data): white strokes, then white dots, over the colour.
function pattern(color: string, fill: StatusPattern): CanvasPattern | string {
	if (fill === 'solid') return color;
	const { lines = [], dots = [] } = FILL_PATTERNS[fill] as {
		lines?: readonly (readonly number[])[];
		dots?: readonly (readonly number[])[];
	};
	const size = 8;
	const c = document.createElement('canvas');
	c.width = c.height = size;
	const g = c.getContext('2d');
	if (!g) return color;
	g.fillStyle = color;
	g.fillRect(0, 0, size, size);
	g.strokeStyle = '#fff';
	g.fillStyle = '#fff';
	g.lineWidth = 1.5;
	g.beginPath();
	for (const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] of lines) {
		g.moveTo(x1, y1);
		g.lineTo(x2, y2);
	}
	g.stroke();
	for (const [x = 0, y = 0, r = 0] of dots) {
		g.beginPath();
		g.arc(x, y, r, 0, Math.PI * 2);
		g.fill();
	}
	return g.createPattern(c, 'repeat') ?? color;
}

const style = (key: string) => STYLE[key] ?? { color: '#0b5cad', fill: 'solid' as StatusPattern };

/**
 * Reads the figure's table: categories (the rows' plain names, data-name; the row headers add each row's basis,
 * which the chart says once), series (columns marked data-series), row keys and the category axis's title.
 */
export function readTable(table: HTMLTableElement) {
	const heads = [...table.tHead!.querySelectorAll<HTMLElement>('th[data-series]')];
	const rows = [...table.tBodies[0]!.rows];
	return {
		categoryLabel: table.tHead!.rows[0]!.cells[0]!.textContent!.trim(),
		categories: rows.map((r) => r.dataset.name ?? r.cells[0]!.textContent!.trim()),
		rowKeys: rows.map((r) => r.dataset.key ?? ''),
		series: heads.map((h) => ({
			key: h.dataset.series!,
			label: h.textContent!.trim(),
			values: rows.map((r) =>
				Number(r.querySelector<HTMLElement>(`td[data-series="${h.dataset.series}"]`)!.textContent),
			),
		})),
	};
}

function applyDefaults() {
	const root = getComputedStyle(document.documentElement);
	Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
	Chart.defaults.font.size = Math.round(parseFloat(root.fontSize) * 0.85);
	Chart.defaults.color = getComputedStyle(document.body).color;
}

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Splits a long category name into lines (Chart.js draws an array label as several lines), so a problem area's
 * name stays whole on a phone instead of being cut at the axis. `max` is the line length in characters.
 */
export function wrapLabel(label: string, max: number): string | string[] {
	if (label.length <= max) return label;
	const lines: string[] = [];
	for (let i = 0; i < label.length && lines.length < 3; i += max) lines.push(label.slice(i, i + max));
	if (lines.join('').length < label.length) lines[2] = `${lines[2]!.slice(0, max - 1)}…`;
	return lines;
}

/** Characters per axis-label line: about a third of the chart's width for the labels of horizontal bars. */
function labelChars(box: HTMLElement): number {
	const font = Chart.defaults.font.size ?? 12;
	return Math.max(4, Math.floor((box.clientWidth * 0.34) / font));
}

type ChartData = ReturnType<typeof readTable>;

/**
 * On a phone a long stacked chart keeps its PHONE_ROWS largest rows (a 20-row chart was 900 px of tiny bars); the
 * line under it, hidden until then, says so and links to the full table, which it opens.
 */
function forPhone(fig: HTMLElement, data: ChartData, box: HTMLElement): ChartData {
	const more = fig.querySelector<HTMLElement>('.chart-more');
	if (!more || box.clientWidth >= PHONE_WIDTH || data.categories.length <= PHONE_ROWS) return data;
	const totals = data.categories.map((_, i) => data.series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
	const keep = largestRows(totals, PHONE_ROWS);
	more.hidden = false;
	more.querySelector('a')?.addEventListener('click', () => {
		const details = fig.querySelector('details');
		if (details) details.open = true;
	});
	const pick = <T>(list: readonly T[]) => keep.map((i) => list[i]!);
	return {
		...data,
		categories: pick(data.categories),
		rowKeys: pick(data.rowKeys),
		series: data.series.map((s) => ({ ...s, values: pick(s.values) })),
	};
}

/** An axis title in the chart's text size (what the categories are, what the bars count). */
const axisTitle = (text: string) => ({ display: text !== '', text });

/** The line chart's configuration: one line per series, month labels thinned to what the width holds. */
function lineConfig(data: ChartData, valueLabel: string): ChartConfiguration {
	const datasets: ChartDataset<'line'>[] = data.series.map((s) => ({
		label: s.label,
		data: s.values,
		borderColor: style(s.key).color,
		backgroundColor: style(s.key).color,
		pointStyle: LINE[s.key]?.point ?? 'circle',
		pointRadius: 3,
		borderDash: LINE[s.key]?.dash ?? [],
		stepped: false,
	}));
	return {
		type: 'line',
		data: { labels: data.categories, datasets },
		options: {
			maintainAspectRatio: false,
			animation: reducedMotion() ? false : undefined,
			plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } },
			// Month labels as 2021-06, thinned by Chart.js to what the width holds.
			scales: {
				x: {
					title: axisTitle(data.categoryLabel),
					ticks: {
						autoSkip: true,
						autoSkipPadding: 16,
						maxRotation: 0,
						callback: (_v, i) => data.categories[i]?.slice(0, 7),
					},
				},
				y: { title: axisTitle(valueLabel), beginAtZero: true, ticks: { precision: 0 } },
			},
		},
	};
}

/** The bar chart's configuration: one series across statuses (each bar its row's style) or stacked by status. */
function barConfig(
	data: ChartData,
	kind: string | undefined,
	horizontal: boolean,
	labels: readonly (string | string[])[],
	valueLabel: string,
): ChartConfiguration {
	const single = kind === 'bar';
	const datasets: ChartDataset<'bar'>[] = data.series.map((s) => ({
		label: s.label,
		data: s.values,
		// One series across statuses: each bar takes its row's status style; stacked: one style per status.
		backgroundColor: single
			? data.rowKeys.map((k) => pattern(style(k || s.key).color, style(k || s.key).fill))
			: pattern(style(s.key).color, style(s.key).fill),
		borderColor: single ? data.rowKeys.map((k) => style(k || s.key).color) : style(s.key).color,
		borderWidth: 1,
	}));
	const index = horizontal ? 'y' : 'x';
	const value = horizontal ? 'x' : 'y';
	return {
		type: 'bar',
		data: { labels: data.categories, datasets },
		options: {
			indexAxis: index,
			maintainAspectRatio: false,
			animation: reducedMotion() ? false : undefined,
			plugins: { legend: { display: !single, position: 'bottom' } },
			scales: {
				[index]: {
					stacked: !single,
					title: axisTitle(data.categoryLabel),
					ticks: { autoSkip: false, callback: (_v: unknown, i: number) => labels[i] },
				},
				[value]: { stacked: !single, beginAtZero: true, title: axisTitle(valueLabel), ticks: { precision: 0 } },
			},
		},
	};
}

/** Draws the chart of one figure from its table (once). */
export function drawFigure(fig: HTMLElement): void {
	const canvas = fig.querySelector<ChartCanvas>('canvas');
	const table = fig.querySelector<HTMLTableElement>('table.chart-data');
	if (!canvas || !table || canvas.chart) return;
	applyDefaults();
	const kind = canvas.dataset.kind;
	const horizontal = canvas.dataset.horizontal === 'true';
	const valueLabel = canvas.dataset.valueLabel ?? '';
	const box = canvas.parentElement!;
	box.hidden = false;
	const data = forPhone(fig, readTable(table), box);
	const chars = labelChars(box);
	// The data keep the full names (the table's); only the axis draws them wrapped.
	const labels = horizontal ? data.categories.map((c) => wrapLabel(c, chars)) : data.categories;
	if (horizontal) {
		// Height from the number of label lines (CSSOM, not a style attribute, so the CSP stays strict); the axis
		// titles and the legend take the fixed part.
		const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
		const lines = labels.reduce((n, l) => n + (Array.isArray(l) ? l.length : 1), 0);
		box.style.height = `${Math.max(10, lines * 1.25 + data.categories.length * 1 + (kind === 'stacked' ? 8.5 : 4.5)) * rem}px`;
	}
	const config = kind === 'line' ? lineConfig(data, valueLabel) : barConfig(data, kind, horizontal, labels, valueLabel);
	canvas.chart = new Chart(canvas, config);
}

// Text size changes (适老化 controls) resize the chart text too.
document.addEventListener('zg:prefs', () => {
	applyDefaults();
	for (const c of document.querySelectorAll<ChartCanvas>('figure.chart canvas')) {
		if (!c.chart) continue;
		c.chart.update();
	}
});
