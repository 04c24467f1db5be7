// Every CLI reads the as-of date the same way (asOfFromEnv in scripts/lib/cli.ts): a malformed AS_OF is a clear
// message and exit code 2, never a stack trace, and nothing is written.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Each case spawns a CLI: a generous timeout, the machine running the tests may be loaded.
describe('AS_OF given to the CLIs', { timeout: 60_000 }, () => {
	for (const script of ['check', 'ledger', 'update', 'build', 'import-xlsx'])
		it(`scripts/${script}.ts refuses AS_OF=2021-02-30 with exit code 2 and no stack trace`, () => {
			const args = script === 'import-xlsx' ? ['content-missing.xlsx'] : [];
			const r = spawnSync(process.execPath, [`scripts/${script}.ts`, ...args], {
				env: { ...process.env, AS_OF: '2021-02-30' },
				encoding: 'utf8',
				input: '',
			});
			expect(r.status).toBe(2);
			expect(r.stderr).toContain('AS_OF must be a real date YYYY-MM-DD');
			expect(r.stderr).not.toMatch(/\n\s+at /);
		});
});
