// Contact channels as a reader can use them on a phone: telephone numbers as tel:, e-mail addresses as mailto:,
// web addresses as links. Only real channels link: a placeholder (演示占位) stays plain text, so no fake number
// can be dialled or look verified.

/** A piece of a channel's text, with the link it opens when it is a number, an address or a web page. */
export interface ChannelPart {
	text: string;
	href?: string;
}

// Web addresses; e-mail addresses; Chinese telephone numbers (0351-1234567, 010-12345678, mobile, 12345 hotlines).
const PATTERN =
	/(https?:\/\/[^\s，。；、）)]+)|([\w.+-]+@[\w-]+(?:\.[\w-]+)+)|(\b0\d{2,3}-?\d{7,8}(?:-\d{1,5})?\b|\b1[3-9]\d{9}\b|\b123\d\d\b)/g;

/** Splits a channel's text into plain parts and tappable links (none for a placeholder). */
export function channelParts(value: string, placeholder: boolean): ChannelPart[] {
	if (placeholder) return [{ text: value }];
	const parts: ChannelPart[] = [];
	let last = 0;
	for (const m of value.matchAll(PATTERN)) {
		if (m.index > last) parts.push({ text: value.slice(last, m.index) });
		const [text, web, mail] = m;
		const href = web ? web : mail ? `mailto:${mail}` : `tel:${text.replace(/-/g, '')}`;
		parts.push({ text, href });
		last = m.index + text.length;
	}
	if (last < value.length) parts.push({ text: value.slice(last) });
	return parts;
}
