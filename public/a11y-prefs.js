// Applies the reader's text size and contrast (适老化) before the first paint, so no page flashes at
// the default size. A classic external script in <head>, not inline: the CSP allows 'self' scripts.
// Same rule as src/lib/view/prefs.ts (parsePrefs + prefsAttributes); tests/unit/prefs.test.ts checks they agree.
(function () {
	var p;
	try {
		p = JSON.parse(localStorage.getItem('zg-prefs') || '{}') || {};
	} catch {
		p = {};
	}
	var root = document.documentElement;
	if (p.text === 'large' || p.text === 'xlarge') root.setAttribute('data-text', p.text);
	if (p.contrast === 'high') root.setAttribute('data-contrast', 'high');
})();
