import type { APIRoute } from 'astro';
import { getWorkbook } from '#src/data/workbook.ts';

export const GET: APIRoute = async ({ site }) => {
	const f = await getWorkbook(site);
	return new Response(f.bytes, { headers: { 'Content-Type': f.mediaType } });
};
