// The 适老化 buttons: store the choice, apply it to <html>, and tell charts to re-measure their text.
import {
	elderOn,
	parsePrefs,
	prefsAttributes,
	PREFS_KEY,
	toggleElder,
	type Prefs,
	type TextStep,
} from '#src/lib/view/prefs.ts';

const root = document.documentElement;

function read(): Prefs {
	try {
		return parsePrefs(localStorage.getItem(PREFS_KEY));
	} catch {
		return parsePrefs(null);
	}
}

function apply(p: Prefs) {
	for (const [k, v] of Object.entries(prefsAttributes(p))) {
		if (v === undefined) root.removeAttribute(k);
		else root.setAttribute(k, v);
	}
	for (const b of document.querySelectorAll<HTMLButtonElement>('[data-text-step]'))
		b.setAttribute('aria-pressed', String(b.dataset.textStep === p.text));
	for (const b of document.querySelectorAll<HTMLButtonElement>('[data-contrast-toggle]'))
		b.setAttribute('aria-pressed', String(p.contrast === 'high'));
	for (const b of document.querySelectorAll<HTMLButtonElement>('[data-elder-toggle]'))
		b.setAttribute('aria-pressed', String(elderOn(p)));
}

// Once a size is chosen the menu closes, so the enlarged menu never hides the page (or the control itself).
function closeMenu() {
	for (const m of document.querySelectorAll<HTMLDetailsElement>('details.menu[open]')) m.open = false;
}

function save(p: Prefs) {
	try {
		localStorage.setItem(PREFS_KEY, JSON.stringify(p));
	} catch {
		// Private mode or storage off: the choice still holds for this page.
	}
	apply(p);
	document.dispatchEvent(new CustomEvent('zg:prefs'));
}

for (const box of document.querySelectorAll<HTMLElement>('.a11y-controls')) {
	box.hidden = false;
	box.addEventListener('click', (e) => {
		const b = (e.target as HTMLElement).closest('button');
		if (!b) return;
		const p = read();
		if (b.dataset.textStep) {
			save({ ...p, text: b.dataset.textStep as TextStep });
			closeMenu();
		} else if (b.hasAttribute('data-contrast-toggle'))
			save({ ...p, contrast: p.contrast === 'high' ? 'normal' : 'high' });
	});
}
for (const b of document.querySelectorAll<HTMLButtonElement>('[data-elder-toggle]')) {
	b.hidden = false;
	b.addEventListener('click', () => {
		save(toggleElder(read()));
		closeMenu();
	});
}
apply(read());
