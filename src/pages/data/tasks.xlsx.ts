import type { APIRoute } from 'astro';
import { getWorkbook } from '#src/data/workbook.ts';

export const GET: APIRoute = async () => {
	const f = await getWorkbook();
	return new Response(f.bytes, { headers: { 'Content-Type': f.mediaType } });
};
