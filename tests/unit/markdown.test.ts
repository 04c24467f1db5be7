import { describe, expect, it } from 'vitest';
import { renderNarrative } from '#src/lib/publish/markdown.ts';

describe('renderNarrative', () => {
	it('renders Markdown paragraphs, emphasis, lists and links', () => {
		const html = renderNarrative('已完成 **验收**。\n\n- 一\n- 二\n\n[公示](https://www.shanxi.gov.cn/)');
		expect(html).toContain('<strong>验收</strong>');
		expect(html).toContain('<li>一</li>');
		expect(html).toContain('<a href="https://www.shanxi.gov.cn/">公示</a>');
	});
	it('shows raw HTML as text, never as elements', () => {
		const html = renderNarrative('<script>alert(1)</script> <img src=x onerror=alert(1)>');
		expect(html).not.toMatch(/<script|<img/i);
		expect(html).toContain('&lt;script&gt;');
	});
	it('drops javascript: and data: links', () => {
		for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java&#x09;script:alert(1)', 'data:text/html,x']) {
			const html = renderNarrative(`[点我](${url})`);
			expect(html).not.toMatch(/href="[^"]*(script|data):/i);
			expect(html).toContain('点我');
		}
	});
	it('leaves quoted attributes typed as text alone', () => {
		expect(renderNarrative('写法 <img src="x"> 不会生效')).toContain('src="x"');
	});
	it('keeps ampersands in text', () => {
		expect(renderNarrative('A&B')).toContain('A&amp;B');
	});
});
