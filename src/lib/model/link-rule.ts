// The one link rule for editor-written text: the check (content/narrative.ts, content/plan-text.ts) refuses
// what the renderer (publish/markdown.ts) would drop, so a link that passes `npm run check` keeps its href.
import { decodeEntities } from './entities.ts';

/** Decodes the character references a Markdown renderer or an HTML attribute would decode in a link. */
function decodeReferences(s: string): string {
	// Numeric references may lack their semicolon in HTML; the site's one decoder wants it, so add it first.
	const closed = s.replace(/&(#x[0-9a-f]+|#\d+)(?![0-9a-f;])/gi, '&$1;');
	return decodeEntities(closed.replace(/&colon;/gi, ':').replace(/&(?:tab|newline);/gi, ''));
}

/** Why a link target may not be published; each has its own fix in the check's message. */
export type LinkRefusal = 'scheme' | 'protocol-relative' | 'backslash' | 'relative';

/**
 * Why a link target may not be published, or undefined when it may: an http(s) or mailto URL, a site path starting
 * with `/`, or a `#fragment`. Relative paths (`tasks/x`, `./x`) are refused: the same text shows on several pages,
 * where they would point to different places. A backslash is refused anywhere (browsers read `/\evil.example` as
 * `//evil.example`, another host), and so is a protocol-relative `//host`. Entity-encoded or whitespace-split schemes
 * (java&#x09;script:) are decoded first.
 */
export function linkRefusal(dest: string): LinkRefusal | undefined {
	// Browsers ignore control characters and whitespace inside a scheme (java\tscript:), so strip them first.
	// eslint-disable-next-line no-control-regex -- control characters are what this strips
	const d = decodeReferences(dest).replace(/[\u0000-\u0020\u007f]/g, '');
	if (d.includes('\\')) return 'backslash';
	const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(d);
	if (scheme) return /^(https?|mailto)$/i.test(scheme[1]!) ? undefined : 'scheme';
	if (/^\/\//.test(d)) return 'protocol-relative'; // another host, scheme chosen by the page
	return d.startsWith('/') || d.startsWith('#') ? undefined : 'relative';
}

/** True when a link target may be published (see `linkRefusal`). */
export function isSafeLinkDestination(dest: string): boolean {
	return linkRefusal(dest) === undefined;
}
