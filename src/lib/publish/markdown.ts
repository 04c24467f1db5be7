import { markdownToHtml } from 'satteri';
import { isSafeLinkDestination } from '#src/lib/model/link-rule.ts';

/**
 * Renders an update narrative (Markdown) to HTML that can contain no markup of the author's own:
 * raw HTML is shown as text, and links or images to anything but http(s), mailto or the site are dropped.
 */
export function renderNarrative(markdown: string): string {
	// `&lt;` is an entity in Markdown, so raw tags come out as visible text instead of elements.
	const source = markdown.replace(/&/g, '&amp;').replace(/</g, '&lt;');
	const { html } = markdownToHtml(source, { features: { gfm: true, rawHtml: false } });
	// Every literal '<' left in the output starts a real element (text '<' was escaped above),
	// so only attributes inside real tags are inspected; quotes in visible text stay as typed.
	return html.replace(/<[a-z][^>]*>/gi, (tag) =>
		tag.replace(/\s(href|src)="([^"]*)"/g, (all, attr: string, url: string) => {
			return isSafeLinkDestination(url) ? all : attr === 'href' ? '' : ' src=""';
		}),
	);
}
