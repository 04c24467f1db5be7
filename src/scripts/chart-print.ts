// Print: every chart prints as a picture of the same numbers as its table. Before printing, charts not yet drawn
// (below the screen, so never loaded) are drawn, and every chart is redrawn at the paper's width and twice the
// pixels, without animation, so the canvas is complete when the browser takes it; print.css scales it to the page.
// The canvas itself prints (no <img> copy: the CSP allows no data: or blob: images), and its legend is drawn with
// the same fills and patterns as the bars. After printing, the charts go back to the screen's size.
import { drawFigure, type ChartCanvas } from './chart-draw.ts';

const root = document.documentElement;
// Ready: the printed note under 图表 now says the charts print (print.css); without it, only their tables print.
root.dataset.chartsPrint = 'ready';
const charts = () => [...document.querySelectorAll<ChartCanvas>('figure.chart canvas')].flatMap((c) => c.chart ?? []);

addEventListener('beforeprint', () => {
	// The root class widens every chart box to the paper's width (print.css) before the charts read their size.
	root.classList.add('print-charts');
	for (const fig of document.querySelectorAll<HTMLElement>('figure.chart')) drawFigure(fig);
	for (const chart of charts()) {
		chart.stop();
		chart.options.animation = false;
		chart.options.devicePixelRatio = 2;
		chart.resize();
		chart.update('none');
		chart.canvas.closest('figure')?.classList.add('printed');
	}
});

addEventListener('afterprint', () => {
	root.classList.remove('print-charts');
	for (const chart of charts()) {
		chart.options.devicePixelRatio = undefined;
		chart.resize();
	}
});
