import type { APIRoute } from 'astro';
import { getSite } from '../../data/site.ts';
import { siteUrlOf } from '../../data/site-url.ts';
import { getWorkbook } from '../../data/workbook.ts';
import { dataFile } from '../../lib/publish/data-files.ts';

export const GET: APIRoute = async ({ site }) => {
	const model = await getSite();
	const f = dataFile(model, siteUrlOf(site), 'manifest.json', [await getWorkbook(site)]);
	return new Response(f.bytes, { headers: { 'Content-Type': f.mediaType } });
};
