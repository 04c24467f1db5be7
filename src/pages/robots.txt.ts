import type { APIRoute } from 'astro';
import { siteUrlOf } from '#src/data/site-url.ts';
import { robotsTxt } from '#src/lib/publish/robots.ts';

export const GET: APIRoute = ({ site }) =>
	new Response(robotsTxt(siteUrlOf(site)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
