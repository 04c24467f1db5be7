import type { APIRoute } from 'astro';
import { getSite } from '#src/data/site.ts';
import { siteUrlOf } from '#src/data/site-url.ts';
import { getWorkbook } from '#src/data/workbook.ts';
import { dataFile, taskHistoryPath } from '#src/lib/publish/data-files.ts';
import { dataFileName } from '#src/lib/publish/urls.ts';

export async function getStaticPaths() {
	const model = await getSite();
	return [...model.tasks.keys()].map((task) => ({ params: { task } }));
}

export const GET: APIRoute = async ({ params, site }) => {
	const model = await getSite();
	const name = dataFileName(taskHistoryPath(params.task!));
	const f = dataFile(model, siteUrlOf(site), name, [await getWorkbook(site)]);
	return new Response(f.bytes, { headers: { 'Content-Type': f.mediaType } });
};
