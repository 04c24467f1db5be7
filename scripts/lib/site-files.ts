// Files of a published site, given as a folder or an http(s) address: what a release reads from the previous one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Far above any real site's ledger, so a hostile answer cannot exhaust memory.
/** The most a file read from a previous site may weigh. */
const MAX_SITE_FILE_BYTES = 256 << 20;

/**
 * The text of a file of a site given as a folder or an http(s) address (`path` relative to the site's root);
 * undefined when the site has no such file.
 */
export async function readSiteText(where: string, path: string): Promise<string | undefined> {
	if (/^https?:\/\//.test(where)) {
		const url = new URL(path, where.endsWith('/') ? where : `${where}/`);
		// A redirect to another site would make that site's file ours: not followed.
		const res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(60_000) });
		if (res.status === 404) return undefined;
		if (!res.ok) throw new Error(`${url} 返回 ${res.status}`);
		const text = await res.text();
		if (text.length > MAX_SITE_FILE_BYTES) throw new Error(`${url} 超过 ${MAX_SITE_FILE_BYTES >> 20} MB`);
		return text;
	}
	const file = join(where, path);
	return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
