import type { APIRoute } from 'astro';
import { getSite } from '../data/site.ts';
import { siteUrlOf } from '../data/site-url.ts';
import { robotsTxt } from '../lib/publish/robots.ts';

export const GET: APIRoute = async ({ site }) => {
	const model = await getSite();
	return new Response(robotsTxt(siteUrlOf(site)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
