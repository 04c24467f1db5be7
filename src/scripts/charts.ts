// Loads Chart.js only when a chart is about to scroll into view, then draws each chart from its table.
const figures = [...document.querySelectorAll<HTMLElement>('figure.chart')];
let drawer: Promise<typeof import('./chart-draw.ts')> | undefined;
const load = () => (drawer ??= import('./chart-draw.ts'));

async function show(fig: HTMLElement) {
	const { drawFigure } = await load();
	drawFigure(fig);
}

if (figures.length > 0) {
	if ('IntersectionObserver' in window) {
		const io = new IntersectionObserver(
			(entries) => {
				for (const e of entries) {
					if (!e.isIntersecting) continue;
					io.unobserve(e.target);
					void show(e.target as HTMLElement);
				}
			},
			{ rootMargin: '300px 0px' },
		);
		for (const f of figures) io.observe(f);
	} else {
		for (const f of figures) void show(f);
	}
}

// beforeprint gives no time to load Chart.js: load the print hook (and Chart.js) once the page is idle, so charts
// never scrolled into view still print (src/scripts/chart-print.ts).
if (figures.length > 0) {
	const idle = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 1000));
	idle(() => void import('./chart-print.ts'));
}
