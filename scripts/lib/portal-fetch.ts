// How the portal reads a file from a site it does not trust: redirects to another origin are not followed, the
// body is read up to a size cap (a 560 MB or endless manifest is cut off, not read into memory) within a time
// limit, and each failure is reported with its real reason.
import { statSync, readFileSync } from 'node:fs';
import { LIMITS, overLimitMessage, type LimitKey } from '#src/lib/model/limits.ts';

/** Same-origin redirects followed at most this often (a loop is a failure, not a hang). */
const MAX_REDIRECTS = 3;

/** Reads a file of a site's folder, refusing it on its size before reading. */
export function readCappedFile(path: string, cap: LimitKey): Uint8Array {
	let size: number;
	try {
		size = statSync(path).size;
	} catch (e) {
		throw new Error(`无法读取 ${path}（${(e as NodeJS.ErrnoException).code ?? String(e)}）`, { cause: e });
	}
	if (size > LIMITS[cap].max) throw new Error(`${path}：${overLimitMessage(cap, size)}`);
	return readFileSync(path);
}

/** The body of a response, at most `max` bytes; throws with the size limit's message past it. */
async function cappedBody(res: Response, cap: LimitKey, url: string): Promise<Uint8Array> {
	const max = LIMITS[cap].max;
	const declared = Number(res.headers.get('content-length') ?? NaN);
	if (declared > max) {
		await res.body?.cancel();
		throw new Error(`${url}：${overLimitMessage(cap, declared)}`);
	}
	const chunks: Uint8Array[] = [];
	let total = 0;
	for await (const chunk of res.body ?? []) {
		total += (chunk as Uint8Array).length;
		if (total > max) {
			await res.body?.cancel().catch(() => undefined);
			throw new Error(`${url}：${overLimitMessage(cap, total, true)}`);
		}
		chunks.push(chunk as Uint8Array);
	}
	const out = new Uint8Array(total);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}

/**
 * The bytes at `url`, read as the portal reads another site: same-origin redirects followed (up to 3), a redirect
 * to another origin refused, the body capped by limit `cap`, everything within the portal's time limit.
 */
export async function fetchCapped(url: string, cap: LimitKey): Promise<Uint8Array> {
	const origin = new URL(url).origin;
	const signal = AbortSignal.timeout(LIMITS.portalFetchTime.max);
	let current = url;
	try {
		for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
			const res = await fetch(current, { redirect: 'manual', signal });
			if (res.status >= 300 && res.status < 400) {
				await res.body?.cancel();
				const to = new URL(res.headers.get('location') ?? '', current);
				if (to.origin !== origin)
					throw new Error(`${current} 重定向到另一来源 ${to.origin}，未跟随：站点须在自己的地址上提供数据文件`);
				current = to.href;
				continue;
			}
			if (!res.ok) {
				await res.body?.cancel();
				throw new Error(`${current} 返回 HTTP ${res.status}`);
			}
			return await cappedBody(res, cap, current);
		}
		throw new Error(`${url} 重定向超过 ${MAX_REDIRECTS} 次，未跟随`);
	} catch (e) {
		if ((e as Error).name === 'TimeoutError' || signal.aborted)
			throw new Error(`${current} 在 ${LIMITS.portalFetchTime.max / 1000} 秒内没有读完（超时）`, { cause: e });
		if ((e as Error).message.startsWith(current) || (e as Error).message.startsWith(url)) throw e;
		const cause = (e as Error).cause as { code?: string } | undefined;
		throw new Error(`无法连接 ${current}（${cause?.code ?? (e as Error).message}）`, { cause: e });
	}
}
