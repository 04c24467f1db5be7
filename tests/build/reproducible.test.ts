// Two builds of the same content with the same as-of date are byte-identical (see docs/quality.md).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { build, cleanup, tempDir } from './helpers.ts';

afterAll(cleanup);

function hashes(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
	}
	return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

it('two builds (one with a cold content cache) into different directories produce identical files', () => {
	const a = join(tempDir('repro-a'), 'dist');
	const b = join(tempDir('repro-b'), 'site');
	const first = build(a, { args: ['--force'] });
	expect(first.status, first.output.slice(-3000)).toBe(0);
	const second = build(b);
	expect(second.status, second.output.slice(-3000)).toBe(0);
	const ha = hashes(a);
	expect(Object.keys(ha).length).toBeGreaterThan(40);
	expect(hashes(b)).toEqual(ha);
});
