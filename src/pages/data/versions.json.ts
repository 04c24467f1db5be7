import type { APIRoute } from 'astro';
import { getSite } from '#src/data/site.ts';
import { siteUrlOf } from '#src/data/site-url.ts';
import { getWorkbook } from '#src/data/workbook.ts';
import { dataFile } from '#src/lib/publish/data-files.ts';
import { VERSIONS_CATALOGUE } from '#src/lib/publish/data-versions.ts';

export const GET: APIRoute = async ({ site }) => {
	const model = await getSite();
	const f = dataFile(model, siteUrlOf(site), VERSIONS_CATALOGUE, [await getWorkbook(site)]);
	return new Response(f.bytes, { headers: { 'Content-Type': f.mediaType } });
};
