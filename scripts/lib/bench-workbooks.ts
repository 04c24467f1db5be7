// Hand-made .xlsx (zip) files for the workbook-limit tests and benchmark (scripts/bench-workbooks.ts): the parts are
// written as given, so a test can make a zip bomb, a part whose central directory lies about its size, a sheet of a
// million rows, or the densest sheet the limits accept, without exceljs.
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One part of a hand-made zip: its name, its bytes, and optionally the size its directory entry declares. */
export interface ZipPart {
	name: string;
	data: Buffer | string;
	/** The part's deflated bytes when `data` is not given whole (a bomb); `declared` is then its size. */
	deflated?: Buffer;
	/** The inflated size written in the headers (default: the real one), to make a directory that lies. */
	declared?: number;
	/** The compression method (default 8, deflate; 0 stores `data` as it is; others write `data` as it is). */
	method?: number;
	/** Write the declared size in a zip64 extra field (the directory's own size field then says 0xFFFFFFFF). */
	zip64?: boolean;
}

/** The bytes of a zip with `parts` deflated in order, local headers then a central directory. */
export function zipBytes(parts: readonly ZipPart[]): Buffer {
	const locals: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const p of parts) {
		const raw = Buffer.from(p.data);
		const method = p.method ?? 8;
		const deflated = p.deflated ?? (method === 8 ? deflateRawSync(raw, { level: 9 }) : raw);
		const name = Buffer.from(p.name, 'utf8');
		const size = p.declared ?? raw.length;
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x0800, 6);
		local.writeUInt16LE(method, 8);
		local.writeUInt32LE(crc32(raw), 14);
		local.writeUInt32LE(deflated.length, 18);
		local.writeUInt32LE(Math.min(size, 0xffffffff), 22);
		local.writeUInt16LE(name.length, 26);
		const entry = Buffer.alloc(46);
		entry.writeUInt32LE(0x02014b50, 0);
		entry.writeUInt16LE(20, 4);
		entry.writeUInt16LE(20, 6);
		entry.writeUInt16LE(0x0800, 8);
		entry.writeUInt16LE(method, 10);
		entry.writeUInt32LE(crc32(raw), 16);
		entry.writeUInt32LE(deflated.length, 20);
		const extra = Buffer.alloc(p.zip64 ? 12 : 0);
		if (p.zip64) {
			extra.writeUInt16LE(0x0001, 0);
			extra.writeUInt16LE(8, 2);
			extra.writeBigUInt64LE(BigInt(size), 4);
		}
		entry.writeUInt32LE(p.zip64 ? 0xffffffff : size, 24);
		entry.writeUInt16LE(name.length, 28);
		entry.writeUInt16LE(extra.length, 30);
		entry.writeUInt32LE(offset, 42);
		locals.push(local, name, deflated);
		central.push(entry, name, extra);
		offset += local.length + name.length + deflated.length;
	}
	const dir = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(parts.length, 8);
	end.writeUInt16LE(parts.length, 10);
	end.writeUInt32LE(dir.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, dir, end]);
}

/** The parts of a minimal workbook whose one sheet, named `sheetName`, has the XML `sheetXml`. */
export function workbookParts(sheetName: string, sheetXml: Buffer | string): ZipPart[] {
	const ns = 'http://schemas.openxmlformats.org';
	return [
		{
			name: '[Content_Types].xml',
			data: `<?xml version="1.0"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		},
		{
			name: '_rels/.rels',
			data: `<?xml version="1.0"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		},
		{
			name: 'xl/workbook.xml',
			data: `<?xml version="1.0"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		},
		{
			name: 'xl/_rels/workbook.xml.rels',
			data: `<?xml version="1.0"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		},
		{ name: 'xl/worksheets/sheet1.xml', data: sheetXml },
	];
}

/** A worksheet's XML with `rows` rows, each one inline-string cell in column A. */
export function sheetXml(rows: number): Buffer {
	const head = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
	const body: string[] = [];
	for (let r = 1; r <= rows; r++)
		body.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>行${r}</t></is></c></row>`);
	return Buffer.from(`${head}${body.join('')}</sheetData></worksheet>`);
}

/** The deflated bytes of `megabytes` MB of zeros, made from one deflated megabyte repeated (about 1 KB each). */
export function zeroBomb(megabytes: number): Buffer {
	const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_SYNC_FLUSH });
	return Buffer.concat([...Array.from({ length: megabytes }, () => block), deflateRawSync(Buffer.alloc(0))]);
}

/** A worksheet's XML with `rows` empty row elements (the shortest sheet of that many rows). */
export function bareRowsXml(rows: number): Buffer {
	const parts: string[] = ['<?xml version="1.0"?><worksheet><sheetData>'];
	for (let r = 1; r <= rows; r++) parts.push(`<row r="${r}"/>`);
	parts.push('</sheetData></worksheet>');
	return Buffer.from(parts.join(''));
}

/** XML text with & < > escaped. */
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A column's letters (1 → A). */
function letters(n: number): string {
	let s = '';
	for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
	return s;
}

/**
 * A worksheet's XML: the header row `headers`, then `rows` rows of `cellsPerRow` inline-string cells, the text of
 * row r and column c given by `text(r, c)`.
 */
export function tableXml(
	headers: readonly string[],
	rows: number,
	cellsPerRow: number,
	text: (r: number, c: number) => string,
): Buffer {
	const cell = (r: number, c: number, t: string) =>
		`<c r="${letters(c)}${r}" t="inlineStr"><is><t>${xmlText(t)}</t></is></c>`;
	const out: Buffer[] = [
		Buffer.from(
			'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
		),
	];
	out.push(Buffer.from(`<row r="1">${headers.map((h, i) => cell(1, i + 1, h)).join('')}</row>`));
	for (let r = 2; r <= rows + 1; r++) {
		const cells: string[] = [];
		for (let c = 1; c <= cellsPerRow; c++) cells.push(cell(r, c, text(r, c)));
		out.push(Buffer.from(`<row r="${r}">${cells.join('')}</row>`));
	}
	out.push(Buffer.from('</sheetData></worksheet>'));
	return Buffer.concat(out);
}
