// npm run update as a person uses it, in a real terminal (tmux): type a task's official number as a Chinese input
// method commits it, pick, answer in Chinese with full-width punctuation, review the summary with the public status
// afterwards, confirm. The picker's own words are Chinese.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'zg-tmux-'));
const content = join(tmp, 'content');
cpSync('content', content, { recursive: true });
const socket = `zg-update-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
afterAll(() => {
	try {
		tmux('kill-server');
	} catch {
		// already gone
	}
	rmSync(tmp, { recursive: true, force: true });
});

const screen = () => tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', 'u');
/** Waits until the terminal shows `text` (the prompts render asynchronously). */
async function waitFor(text: string, ms = 20_000): Promise<string> {
	const until = Date.now() + ms;
	for (;;) {
		const s = screen();
		if (s.includes(text)) return s;
		if (Date.now() > until) throw new Error(`terminal never showed “${text}”; it shows:\n${s}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}
/** Types text as an input method commits it: the whole string at once, literally. */
const type = (text: string) => tmux('send-keys', '-t', 'u', '-l', text);
const press = (...keys: string[]) => tmux('send-keys', '-t', 'u', ...keys);

describe('npm run update in a terminal', () => {
	it('type, pick, review, confirm', { timeout: 120_000 }, async () => {
		const cmd = `cd ${JSON.stringify(process.cwd())} && AS_OF=2021-06-30 ${JSON.stringify(process.execPath)} scripts/update.ts --content-dir ${JSON.stringify(content)}; sleep 60`;
		tmux('new-session', '-d', '-s', 'u', '-x', '140', '-y', '50', cmd);
		await waitFor('哪一项整改任务');
		type('回头看第8号');
		let s = await waitFor('找到 1 项');
		expect(s).toContain('查找：');
		expect(s).toContain('回车 选定');
		expect(s).not.toMatch(/Search:|No matches|to select|confirm/);
		press('Enter');
		await waitFor('报告的状态');
		press('Enter'); // 已完成, the first choice
		await waitFor('形成/变更日期');
		press('C-u');
		type('2020-06-01');
		press('Enter');
		await waitFor('发布日期');
		press('Enter'); // the as-of date
		await waitFor('一句话标题');
		type('煤炭消费总量控制目标完成（第一阶段）');
		press('Enter');
		await waitFor('进展正文');
		type('全年煤炭消费总量控制在目标以内。');
		press('Enter');
		press('Enter');
		await waitFor('证明材料的标题');
		type('统计公报');
		press('Enter');
		await waitFor('网址');
		type('ｈｔｔｐｓ：／／tjj.shanxi.gov.cn/gb');
		press('Enter');
		await waitFor('发布单位（没有就直接回车）');
		type('省统计局');
		press('Enter');
		await waitFor('日期 YYYY-MM-DD');
		type('２０２１－０６－２５');
		press('Enter');
		await waitFor('已记下：标题“统计公报”，网址 https://tjj.shanxi.gov.cn/gb，发布单位 省统计局，日期 2021-06-25');
		press('Enter'); // no second item
		s = await waitFor('确认写入？');
		expect(s).toContain('updates/hkk-08/2020-06-01.md');
		expect(s.replace(/[│\s]+/g, '')).toContain(
			'写入后网站显示（截至2021-06-30）：仍显示逾期未完成（示例）：2020-12-31的进展（达到序时进度）晚于本条',
		);
		press('Enter');
		await waitFor('内容检查通过');
		const file = join(content, 'updates/hkk-08/2020-06-01.md');
		expect(existsSync(file)).toBe(true);
		const text = readFileSync(file, 'utf8');
		expect(text).toContain('title: "煤炭消费总量控制目标完成（第一阶段）"');
		expect(text).toContain('url: "https://tjj.shanxi.gov.cn/gb"');
		expect(text).toContain('date: "2021-06-25"');
	});
});
