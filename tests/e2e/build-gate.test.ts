// A broken reference in content must fail the build with a message that names the file.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'zg-gate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('content gate in the build', () => {
	it('fails on a dangling unit reference, naming file and field', () => {
		const dir = join(tmp, 'content');
		cpSync('content', dir, { recursive: true });
		const file = join(dir, 'tasks/hkk-05.json');
		const task = JSON.parse(readFileSync(file, 'utf8'));
		task.leadUnits = ['no-such-unit'];
		writeFileSync(file, JSON.stringify(task, null, 2) + '\n');
		const r = spawnSync(
			process.execPath,
			['node_modules/astro/bin/astro.mjs', 'build', '--outDir', join(tmp, 'dist')],
			{
				env: { ...process.env, CONTENT_DIR: dir, AS_OF: '2021-06-30', ASTRO_TELEMETRY_DISABLED: '1' },
				encoding: 'utf8',
			},
		);
		const out = r.stdout + r.stderr;
		expect(r.status).not.toBe(0);
		expect(out).toContain('tasks/hkk-05.json');
		expect(out).toContain('leadUnits[0]');
		expect(out).toContain('no-such-unit');
	});
});
