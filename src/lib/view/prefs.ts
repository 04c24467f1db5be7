/**
 * Reading preferences (适老化): text size in three steps and high contrast, kept in localStorage.
 * public/a11y-prefs.js applies the same rule before first paint; tests/unit/prefs.test.ts keeps the two equal.
 */

/** localStorage key of the preferences. */
export const PREFS_KEY = 'zg-prefs';
/** Text size steps, smallest first; the first is the default and sets no attribute. */
export const TEXT_STEPS = ['normal', 'large', 'xlarge'] as const;
export type TextStep = (typeof TEXT_STEPS)[number];
/** Chinese labels of the text steps. */
export const TEXT_STEP_LABELS: Record<TextStep, string> = { normal: '标准', large: '大', xlarge: '特大' };

/** The preferences a visitor chose. */
export interface Prefs {
	text: TextStep;
	contrast: 'normal' | 'high';
}

/** Parses the stored value; anything unreadable gives the defaults. */
export function parsePrefs(raw: string | null | undefined): Prefs {
	let v: unknown;
	try {
		v = raw ? JSON.parse(raw) : {};
	} catch {
		v = {};
	}
	const o = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
	return {
		text: (TEXT_STEPS as readonly unknown[]).includes(o.text) ? (o.text as TextStep) : 'normal',
		contrast: o.contrast === 'high' ? 'high' : 'normal',
	};
}

/** The attributes of <html> that carry the preferences (undefined = remove the attribute). */
export function prefsAttributes(p: Prefs): { 'data-text'?: string; 'data-contrast'?: string } {
	return {
		'data-text': p.text === 'normal' ? undefined : p.text,
		'data-contrast': p.contrast === 'high' ? 'high' : undefined,
	};
}

const LARGEST: TextStep = 'xlarge';

/** Label of the header control that switches to the largest text and back (长者模式). */
export const ELDER_LABEL = '长者模式';

/** 长者模式 is on when the text is at its largest step. */
export function elderOn(p: Prefs): boolean {
	return p.text === LARGEST;
}

/** The preferences after a tap on 长者模式: the largest text, or back to the standard size; contrast is kept. */
export function toggleElder(p: Prefs): Prefs {
	return { ...p, text: elderOn(p) ? 'normal' : LARGEST };
}
