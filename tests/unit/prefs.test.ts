import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { elderOn, parsePrefs, prefsAttributes, PREFS_KEY, toggleElder } from '#src/lib/view/prefs.ts';

/** Runs public/a11y-prefs.js against a fake localStorage value and returns the attributes it set. */
function runHeadScript(stored: string | null): Record<string, string> {
	const attrs: Record<string, string> = {};
	const code = readFileSync(new URL('../../public/a11y-prefs.js', import.meta.url), 'utf8');
	runInNewContext(code, {
		localStorage: { getItem: (k: string) => (k === PREFS_KEY ? stored : null) },
		document: { documentElement: { setAttribute: (k: string, v: string) => (attrs[k] = v) } },
	});
	return attrs;
}

const defined = (o: Record<string, string | undefined>) =>
	Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

describe('reading preferences', () => {
	const cases = [
		null,
		'',
		'not json',
		'null',
		'{}',
		'{"text":"large"}',
		'{"text":"xlarge","contrast":"high"}',
		'{"text":"huge","contrast":"yes"}',
		'{"contrast":"high"}',
		'{"text":"normal"}',
	];
	it.each(cases)('the head script and src/lib/view/prefs.ts agree on %s', (stored) => {
		expect(runHeadScript(stored)).toEqual(defined(prefsAttributes(parsePrefs(stored))));
	});
	it('defaults to normal text and contrast', () => {
		expect(parsePrefs('garbage')).toEqual({ text: 'normal', contrast: 'normal' });
		expect(prefsAttributes(parsePrefs('{"text":"xlarge","contrast":"high"}'))).toEqual({
			'data-text': 'xlarge',
			'data-contrast': 'high',
		});
	});
});

describe('长者模式', () => {
	it('switches to the largest text and back, keeping the contrast', () => {
		const on = toggleElder(parsePrefs('{"contrast":"high"}'));
		expect(on).toEqual({ text: 'xlarge', contrast: 'high' });
		expect(elderOn(on)).toBe(true);
		expect(toggleElder(on)).toEqual({ text: 'normal', contrast: 'high' });
		expect(elderOn(parsePrefs('{"text":"large"}'))).toBe(false);
		expect(toggleElder(parsePrefs('{"text":"large"}')).text).toBe('xlarge');
	});
});
