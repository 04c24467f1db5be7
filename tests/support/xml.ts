// Strict-enough XML reading for tests: htmlparser2 in XML mode plus checks it does not make itself.
import { Parser } from 'htmlparser2';

/** Element names in document order; throws on a close tag that does not match or an element left open. */
export function elements(xml: string): { name: string; attrs: Record<string, string>; text: string }[] {
	const out: { name: string; attrs: Record<string, string>; text: string }[] = [];
	const stack: { name: string; attrs: Record<string, string>; text: string }[] = [];
	// htmlparser2 reports a self-closing tag as an implied close while writing, an unclosed one while ending.
	let ending = false;
	const p = new Parser(
		{
			onopentag(name, attrs) {
				const e = { name, attrs, text: '' };
				stack.push(e);
				out.push(e);
			},
			ontext(t) {
				const top = stack.at(-1);
				if (top) top.text += t;
			},
			onclosetag(name, implied) {
				const top = stack.pop();
				if ((implied && ending) || top?.name !== name) throw new Error(`mismatched </${name}>`);
			},
		},
		{ xmlMode: true, decodeEntities: true },
	);
	p.write(xml);
	ending = true;
	p.end();
	if (stack.length) throw new Error('unclosed element');
	if (/&(?!(amp|lt|gt|quot|apos);)/.test(xml)) throw new Error('bare ampersand');
	return out;
}
