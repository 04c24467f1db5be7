import { describe, expect, it } from 'vitest';
import { BOM, csvField, toCsv } from '#src/lib/publish/csv.ts';
import { parseCsv } from '#src/lib/publish/csv.ts';

describe('csv', () => {
	it('quotes only fields with a comma, quote, CR or LF, doubling quotes (RFC 4180)', () => {
		expect(csvField('焦化产能')).toBe('焦化产能');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('他说"好"')).toBe('"他说""好"""');
		expect(csvField('一\n二')).toBe('"一\n二"');
		expect(csvField('x\ry')).toBe('"x\ry"');
		expect(csvField('，全角逗号不需要引号')).toBe('，全角逗号不需要引号');
	});

	it('writes a BOM and CRLF after every record', () => {
		const text = toCsv([
			['编号', '名称'],
			['hkk-02', '压减焦化总产能'],
		]);
		expect(text.startsWith(BOM)).toBe(true);
		expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
		expect(text.slice(1)).toBe('编号,名称\r\nhkk-02,压减焦化总产能\r\n');
		expect(toCsv([['a']], { bom: false })).toBe('a\r\n');
	});

	it('parses back what it writes, including quotes, commas, newlines and empty fields', () => {
		const rows = [
			['a', 'b,c', '"q"', ''],
			['多行\r\n文本', '', '末尾', '"'],
		];
		expect(parseCsv(toCsv(rows))).toEqual(rows);
	});

	it('accepts LF line ends and a missing final line end', () => {
		expect(parseCsv('a,b\nc,d')).toEqual([
			['a', 'b'],
			['c', 'd'],
		]);
		expect(parseCsv('a,"b\nc"\n')).toEqual([['a', 'b\nc']]);
		expect(parseCsv('a,\n')).toEqual([['a', '']]);
	});

	it('rejects malformed quoting', () => {
		expect(() => parseCsv('"abc')).toThrow(/unterminated/);
		expect(() => parseCsv('"a"b,c')).toThrow(/after a closing quote/);
		expect(() => parseCsv('a"b')).toThrow(/stray quote/);
	});
});
