import type { APIRoute } from 'astro';
import { getSite } from '#src/data/site.ts';
import { siteUrlOf } from '#src/data/site-url.ts';
import { getWorkbook } from '#src/data/workbook.ts';
import { dataFile } from '#src/lib/publish/data-files.ts';
import { versionDates, versionPath } from '#src/lib/publish/data-versions.ts';
import { dataFileName } from '#src/lib/publish/urls.ts';

export async function getStaticPaths() {
	return versionDates(await getSite()).map((date) => ({ params: { date } }));
}

export const GET: APIRoute = async ({ params, site }) => {
	const model = await getSite();
	const name = dataFileName(versionPath(params.date!));
	const f = dataFile(model, siteUrlOf(site), name, [await getWorkbook(site)]);
	return new Response(f.bytes, { headers: { 'Content-Type': f.mediaType } });
};
