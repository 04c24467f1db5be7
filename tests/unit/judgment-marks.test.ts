// The post-build rule: no judgment about a sample without its visible mark (scripts/lib/dist-check/judgment-marks.ts).
import { describe, expect, it } from 'vitest';
import { pageFacts } from '#src/integrations/dist-check/html-facts.ts';
import { judgmentMarkProblems } from '#src/integrations/dist-check/judgment-marks.ts';

const page = (body: string, title = '页面') =>
	`<!DOCTYPE html><html lang="zh-CN"><head><title>${title}</title></head><body><main>${body}</main></body></html>`;
const problems = (body: string, title?: string) => judgmentMarkProblems(pageFacts(page(body, title)));

// Markup as the pages rendered it before judgments carried their basis (built as of 2021-06-30, before this change).
const BEFORE = {
	snapshotRow:
		'<tr><td><a href="/tasks/hkk-03/">回头看第03号</a></td><td>清理在建、拟建焦化项目<span class="badge">示例</span></td><td><span class="badge s-overdue">逾期未完成</span></td></tr>',
	changeRow:
		'<li><a href="/tasks/hkk-10/">回头看第10号 推进卫生防护距离内居民搬迁</a>：转为 <span class="badge s-overdue">逾期未完成</span></li>',
	scorecard:
		'<tr><th scope="row"><a href="/units/zrzyt/">省自然资源厅</a></th><td><span class="warn w-red">红色预警</span></td></tr>',
};
// The same judgments as the components render them now.
const AFTER = {
	snapshotRow:
		'<tr><td><a href="/tasks/hkk-03/">回头看第03号</a></td><td>清理在建、拟建焦化项目<span class="badge sample" data-basis="sample">示例</span></td><td><span class="badge s-overdue" data-basis="sample">逾期未完成<span class="basis-mark b-sample"> · 示例</span></span></td></tr>',
	changeRow:
		'<li><a href="/tasks/hkk-02/">回头看第02号 压减焦化总产能</a>：转为 <span class="badge s-overdue" data-basis="partial">逾期未完成<span class="basis-mark b-partial">（整改时限、发布日期未核实）</span></span></li>',
	scorecard:
		'<tr><th scope="row"><a href="/units/zrzyt/">省自然资源厅</a></th><td><span class="warn w-none" data-basis="sourced">不评级（无可核实的牵头任务）</span></td></tr>',
};

describe('judgment marks', () => {
	it("fails today's markup: status and warning badges that do not say what they rest on", () => {
		expect(problems(BEFORE.snapshotRow)).toEqual([
			'judgment without data-basis (sample, partial or sourced): <span class="badge s-overdue">逾期未完成',
		]);
		expect(problems(BEFORE.changeRow)).toHaveLength(1);
		expect(problems(BEFORE.scorecard)).toEqual([
			'judgment without data-basis (sample, partial or sourced): <span class="warn w-red">红色预警',
		]);
	});
	it('passes the new markup', () => {
		for (const body of Object.values(AFTER)) expect(problems(body)).toEqual([]);
	});
	it('fails a sample judgment without 示例 inside it, and a partial one that does not name its unsourced inputs', () => {
		// The 示例 of the record beside it does not count: the mark must be part of the judgment.
		expect(
			problems(
				'<td>标题<span class="badge sample" data-basis="sample">示例</span></td><td><span class="badge s-overdue" data-basis="sample">逾期未完成</span></td>',
			),
		).toEqual([
			'judgment about a sample without a visible 示例: <span class="badge s-overdue" data-basis="sample">逾期未完成',
		]);
		expect(problems('<span class="badge s-overdue" data-basis="partial">逾期未完成</span>')).toEqual([
			'judgment on unsourced inputs that does not name them (…未核实): <span class="badge s-overdue" data-basis="partial">逾期未完成',
		]);
		expect(problems('<span data-basis="guess">3</span>')).toEqual([
			'judgment with an unknown data-basis: <span class="" data-basis="guess">3',
		]);
		// Counts and other judgments carry data-basis too, and answer to the same rule.
		expect(problems('<td><span data-basis="sample">3</span></td>')).toHaveLength(1);
		expect(problems('<td><span data-basis="sample">3<span class="basis-mark">（均为示例）</span></span></td>')).toEqual(
			[],
		);
	});
	it('exempts a legend that explains the badges, and only inside it', () => {
		expect(problems('<div data-legend><ul><li><span class="warn w-red">红色预警</span>：规则</li></ul></div>')).toEqual(
			[],
		);
		expect(problems('<div data-legend></div><span class="warn w-red">红色预警</span>')).toHaveLength(1);
	});
	it('asks a page about a sample record to say 示例 in its <title>', () => {
		expect(
			problems(
				'<section data-subject-basis="sample"><h2>整改状态</h2></section>',
				'回头看第10号 推进居民搬迁 - 整改公开',
			),
		).toEqual(['page about a sample record without 示例 in its <title>: "回头看第10号 推进居民搬迁 - 整改公开"']);
		expect(
			problems('<section data-subject-basis="sample"></section>', '回头看第10号 推进居民搬迁（示例） - 整改公开'),
		).toEqual([]);
		expect(
			problems('<section data-subject-basis="partial"></section>', '回头看第02号 压减焦化总产能 - 整改公开'),
		).toEqual([]);
	});
	it('reads text through nested and void elements', () => {
		expect(
			problems(
				'<span class="badge s-overdue" data-basis="sample">逾期<br>未完成<img src="/x.png" alt=""><span> · 示例</span></span>',
			),
		).toEqual([]);
	});
});
