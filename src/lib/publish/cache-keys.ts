// Cache keys for Astro's incremental build (experimental.incrementalBuild, opt-in: `node scripts/build.ts
// --incremental`). Astro skips a page whose key and code hash are both unchanged and restores last build's copy, so a
// key must change whenever anything the page shows changes; a stale page on this site is worse than a slow build.
import { createHash } from 'node:crypto';
import type { SiteModel } from '#src/lib/model/site-model.ts';

/** Bumped when the meaning of a key changes, so keys from an older scheme never match. */
const KEY_SCHEME = 'zhenggai-incremental-1';

/**
 * A deterministic text of a value for hashing: plain objects, arrays, Maps and Sets, strings, numbers, booleans and
 * null, Dates; `undefined` properties are left out as JSON.stringify does. Any other kind (a function, a class
 * instance) throws, so a model field the key cannot see fails the build instead of being silently ignored.
 */
export function canonicalText(value: unknown): string {
	if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return `"${String(value)}"`;
		return JSON.stringify(value);
	}
	if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalText(v))).join(',')}]`;
	if (value instanceof Map) return `Map${canonicalText([...value.entries()])}`;
	if (value instanceof Set) return `Set${canonicalText([...value])}`;
	if (value instanceof Date)
		return `Date${JSON.stringify(Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString())}`;
	if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalText(v)}`).join(',')}}`;
	}
	throw new Error(`cache key: cannot hash a ${typeof value} (${Object.prototype.toString.call(value)})`);
}

const digest = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex');

const contexts = new WeakMap<SiteModel, string>();

/**
 * What the rendering depends on besides code, config and lockfile (which Astro hashes itself) and content: the
 * Node and ICU versions and the time zone, which date and number formatting may follow.
 */
function runtimeText(): string {
	return canonicalText({
		node: process.versions.node,
		icu: process.versions.icu ?? null,
		timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
	});
}

/**
 * The digest of everything in the model that is not one task's own: the as-of date and every content field except
 * tasks and updates (settings, plans, taxonomy, and any field added to Content later), and the runtime (Node, ICU,
 * time zone). Site-wide: in every key.
 */
export function siteContextDigest(model: SiteModel): string {
	let d = contexts.get(model);
	if (d === undefined) {
		const { tasks: _tasks, updates: _updates, ...shared } = model.content;
		d = digest(KEY_SCHEME, runtimeText(), model.asOf, canonicalText(shared));
		contexts.set(model, d);
	}
	return d;
}

/**
 * The cache key of a task's pages (its page and its feed): the site context, the task record, all of its updates and
 * its state at the as-of date. A task page shows nothing of another task (tests/build/incremental.test.ts compares an
 * incremental rebuild with a full one); a page that does must not use this key.
 */
export function taskCacheKey(model: SiteModel, taskId: string): string {
	const task = model.tasks.get(taskId);
	if (!task) throw new Error(`cache key: unknown task ${taskId}`);
	return digest(
		siteContextDigest(model),
		canonicalText(task),
		canonicalText(model.updatesByTask.get(taskId) ?? []),
		canonicalText(model.states.get(taskId) ?? null),
	);
}
