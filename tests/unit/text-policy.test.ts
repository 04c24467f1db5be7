// The text policy (src/lib/model/text-policy.ts) and the output writers' last line: each writer refuses a
// character its format cannot carry, even when something upstream let it through.
import { describe, expect, it } from 'vitest';
import {
	assertCarriable,
	codePointName,
	normalizeText,
	normalizeValue,
	shownText,
	textViolations,
	valueViolations,
} from '#src/lib/model/text-policy.ts';
import { dataFiles, json } from '#src/lib/publish/data-files.ts';
import { taskWorkbookBytes } from '#src/lib/publish/workbook.ts';
import { tasksToRows } from '#src/lib/publish/task-sheet.ts';
import { buildSiteModel } from '#src/lib/model/site-model.ts';
import { makeContent, makeTask } from './fixtures.ts';

describe('textViolations', () => {
	it.each([
		['\u202e', 'bidi'],
		['\u2066', 'bidi'],
		['\u200f', 'bidi'],
		['\u061c', 'bidi'],
		['\u0000', 'nul'],
		['\u0001', 'control'],
		['\u000d', 'control'],
		['\u007f', 'control'],
		['\u0085', 'control'],
		['\ud800', 'surrogate'],
		['\udfff', 'surrogate'],
		['\ufffe', 'noncharacter'],
		['\ufdd0', 'noncharacter'],
		['\u{10ffff}', 'noncharacter'],
	])('refuses %j as %s', (ch, kind) => {
		const found = textViolations(`前${ch}后`);
		expect(found).toEqual([{ index: 1, codePoint: ch.codePointAt(0), kind }]);
	});

	it('accepts tab, newline, Chinese, emoji, zero-width joiner and full-width forms', () => {
		expect(textViolations('整改\t任务\n😀‍👍 ＜＞ \u3000')).toEqual([]);
	});

	it('names a code point as an editor can search for it', () => {
		expect(codePointName(0x202e)).toBe('U+202E（RIGHT-TO-LEFT OVERRIDE，双向控制字符）');
		expect(codePointName(0x1fffe)).toBe('U+1FFFE（Unicode 非字符）');
	});

	it('finds refused characters in keys and nested values with their paths', () => {
		const found = valueViolations({ a: ['ok', 'x\u202e'], ['k\u0000']: 1 });
		expect(found.map((v) => [v.path, v.inKey, v.codePoint])).toEqual([
			[['a', 1], false, 0x202e],
			[['k\u0000'], true, 0],
		]);
	});

	it('normalises to NFC, keys and values', () => {
		expect(normalizeText('e\u0301')).toBe('\u00e9');
		expect(normalizeValue({ ['e\u0301']: ['e\u0301'] })).toEqual({ ['\u00e9']: ['\u00e9'] });
	});
});

describe('every output writer refuses what its format cannot carry', () => {
	it('assertCarriable passes what the format carries and names the rest', () => {
		expect(assertCarriable('XML', 'a\tb\n', 'x')).toBe('a\tb\n');
		expect(() => assertCarriable('HTML', 'a\u0085', '/tasks/x/')).toThrow(/\/tasks\/x\/：HTML 无法承载字符 U\+0085/);
	});

	const spoilt = makeContent({ tasks: [makeTask('s-01', { title: '任务\ufffe' })] });

	it('xlsx (the workbook XML would not be well formed)', async () => {
		await expect(taskWorkbookBytes(tasksToRows(spoilt))).rejects.toThrow(/xlsx title：xlsx 无法承载字符 U\+FFFE/);
		expect((await taskWorkbookBytes(tasksToRows(makeContent()))).length).toBeGreaterThan(1000);
	});

	it('JSON data files (and the CSV beside them, written first)', () => {
		expect(() => json({ tasks: [{ title: '任务\ud800' }] })).toThrow(/JSON title：JSON 无法承载字符 U\+D800/);
		expect(new TextDecoder().decode(json({ title: '任务' }))).toBe('{\n "title": "任务"\n}\n');
		const bad = makeContent({ tasks: [makeTask('s-01', { title: '任务\ud800' })] });
		expect(() => dataFiles(buildSiteModel(bad, '2019-12-31'), 'https://example.gov.cn/')).toThrow(
			/tasks\.csv：CSV 无法承载字符 U\+D800/,
		);
		expect(dataFiles(buildSiteModel(makeContent(), '2019-12-31'), 'https://example.gov.cn/').length).toBeGreaterThan(3);
	});
});

describe('limits over the whole content', () => {
	it('refuses a task with more updates than the per-task limit, naming the folder and the count', async () => {
		const { buildLimitProblems } = await import('#src/lib/content/text-check.ts');
		const many = Array.from({ length: 1_001 }, () => ({ task: 's-01' }));
		expect(buildLimitProblems(many, 'content')).toEqual([
			expect.objectContaining({
				file: 'content/updates/s-01',
				message: expect.stringMatching(/^每项任务的进展条数超过上限：1,001 条，上限 1,000 条/),
			}),
		]);
		expect(buildLimitProblems(many.slice(1), 'content')).toEqual([]);
	});
});

describe('shownText', () => {
	it('spells out each refused character and leaves clean text, tabs and newlines alone', () => {
		expect(shownText('工作表“旧\u202e表”\t\n\u0000')).toBe('工作表“旧<U+202E>表”\t\n<U+0000>');
		expect(shownText('清白的文字')).toBe('清白的文字');
	});
});
