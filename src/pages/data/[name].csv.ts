import type { APIRoute } from 'astro';
import { getSite } from '#src/data/site.ts';
import { siteUrlOf } from '#src/data/site-url.ts';
import { getWorkbook } from '#src/data/workbook.ts';
import { dataFile } from '#src/lib/publish/data-files.ts';
import { DATASETS } from '#src/lib/publish/datasets.ts';

export function getStaticPaths() {
	return DATASETS.map((d) => ({ params: { name: d.name } }));
}

export const GET: APIRoute = async ({ params, site }) => {
	const model = await getSite();
	const f = dataFile(model, siteUrlOf(site), `${params.name}.csv`, [await getWorkbook(site)]);
	return new Response(f.bytes, { headers: { 'Content-Type': f.mediaType } });
};
