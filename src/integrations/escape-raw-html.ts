/**
 * A Sätteri mdast plugin: raw HTML written in a Markdown file (an update's narrative) is shown
 * as text, never passed through as markup. Editors write Markdown; a `<script>`, an `onclick` or
 * a stray `<div>` in content must not reach a page (the CSP would block it, scripts/check-dist.ts
 * would fail the build, but escaping keeps the page publishable and the text visible).
 * MDX files (the plan text) parse HTML as JSX and are not affected.
 */
export const escapeRawHtml = {
	name: 'zhenggai:escape-raw-html',
	html(node: { value: string }, ctx: { replaceNode(node: unknown, replacement: { type: 'text'; value: string }): void }) {
		ctx.replaceNode(node, { type: 'text', value: node.value });
	},
};
