import { markdownToHtml, markdownToMdast } from 'satteri';
import { isSafeLinkDestination } from '#src/lib/model/link-rule.ts';

const OPTIONS = { features: { gfm: true, rawHtml: false } } as const;

/** The Markdown the renderer parses: `&lt;` is an entity in Markdown, so raw tags come out as visible text. */
function narrativeSource(markdown: string): string {
	return markdown.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/**
 * Renders an update narrative (Markdown) to HTML that can contain no markup of the author's own:
 * raw HTML is shown as text, and links or images to anything but http(s), mailto or the site are dropped.
 */
export function renderNarrative(markdown: string): string {
	const { html } = markdownToHtml(narrativeSource(markdown), OPTIONS);
	// Every literal '<' left in the output starts a real element (text '<' was escaped above),
	// so only attributes inside real tags are inspected; quotes in visible text stay as typed.
	// %5C is the backslash the parser kept: judged as the backslash it is, as the check judges it.
	return html.replace(/<[a-z][^>]*>/gi, (tag) =>
		tag.replace(/\s(href|src)="([^"]*)"/g, (all, attr: string, url: string) => {
			return isSafeLinkDestination(url.replace(/%5c/gi, '\\')) ? all : attr === 'href' ? '' : ' src=""';
		}),
	);
}

/** A link, image or link reference definition of a narrative, as the renderer's parser reads it. */
export interface NarrativeLink {
	kind: 'link' | 'image' | 'definition';
	/** The destination after Markdown's own escapes and references are resolved (what the href is made from). */
	url: string;
	/** 1-based line in the narrative. */
	line: number;
}

interface MdNode {
	type: string;
	url?: string;
	children?: MdNode[];
	position?: { start?: { line?: number } };
}

/** Every link destination of a narrative, parsed by the renderer's parser with its options (for the check). */
export function narrativeLinks(markdown: string): NarrativeLink[] {
	const out: NarrativeLink[] = [];
	const visit = (n: MdNode) => {
		if ((n.type === 'link' || n.type === 'image' || n.type === 'definition') && typeof n.url === 'string')
			out.push({ kind: n.type, url: n.url, line: n.position?.start?.line ?? 1 });
		n.children?.forEach(visit);
	};
	visit(markdownToMdast(narrativeSource(markdown), OPTIONS) as MdNode);
	return out;
}
