import type { APIRoute } from 'astro';
import { getSite } from '#src/data/site.ts';
import { siteUrlOf } from '#src/data/site-url.ts';
import { getWorkbook } from '#src/data/workbook.ts';
import { dataFile } from '#src/lib/publish/data-files.ts';
import { versionDates, versionPath } from '#src/lib/publish/data-versions.ts';

export async function getStaticPaths() {
	return versionDates(await getSite()).map((date) => ({ params: { date } }));
}

export const GET: APIRoute = async ({ params, site }) => {
	const model = await getSite();
	const name = versionPath(params.date!).replace('/data/', '');
	const f = dataFile(model, siteUrlOf(site), name, [await getWorkbook(site)]);
	return new Response(f.bytes, { headers: { 'Content-Type': f.mediaType } });
};
