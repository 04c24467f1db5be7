import { describe, expect, it } from 'vitest';
import { FIELD_TYPES, type FieldType } from '#src/lib/model/field-types.ts';
import { schemaIssueText } from '#src/lib/content/problems.ts';

// A value of each type, as a record holds it.
const SAMPLE: Record<FieldType, unknown> = {
	text: '文字, 含逗号',
	id: 'hkk-02',
	date: '2020-12-31',
	int: 42,
	number: 1234.5,
	bool: false,
	enum: 'on_track',
	ids: ['u1', 'u2'],
	texts: ['第一条', '第二条'],
	json: [{ title: '来源', date: '2019-12-30' }],
	url: 'https://www.shanxi.gov.cn/',
	seq: '02',
};

describe('the field types', () => {
	it('write and read back a value of each type, in the CSV and in the task sheet', () => {
		for (const type of Object.keys(FIELD_TYPES) as FieldType[]) {
			const t = FIELD_TYPES[type];
			const v = SAMPLE[type];
			expect(t.fromCsv(t.toCsv(v), type), type).toEqual(v);
			expect(t.fromSheet(t.toSheet(v)), type).toEqual(v);
		}
	});
	it('pass a sheet cell that is not a number on as typed, so the message quotes it', () => {
		expect(FIELD_TYPES.number.fromSheet('约五百')).toBe('约五百');
		expect(FIELD_TYPES.number.fromSheet('1,234')).toBe('1,234');
		expect(FIELD_TYPES.int.fromSheet('-3')).toBe(-3);
		const issue = { code: 'invalid_type', expected: 'number', path: ['investment'], message: 'x' };
		expect(schemaIssueText(issue, { investment: '约五百' }).message).toBe(
			'类型不对：应为数字，现在是文字“约五百” / wrong type',
		);
	});
	it('never says a NaN is a number', () => {
		const issue = { code: 'invalid_type', expected: 'number', path: ['investment'], message: 'x' };
		const { message } = schemaIssueText(issue, { investment: Number.NaN });
		expect(message).not.toContain('数字 NaN');
		expect(message).toContain('不是数字');
	});
	it('refuses a CSV cell the type cannot hold, naming the column', () => {
		expect(() => FIELD_TYPES.bool.fromCsv('也许', 'overdue')).toThrow('overdue');
		expect(() => FIELD_TYPES.seq.fromCsv('02', 'no')).toThrow('第NN号');
	});
});
