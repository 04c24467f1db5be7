// Issue #23: a build with every sample removed (回头看第02号 alone, the identity placeholders as today) states no
// judgment about hkk-02 or a real body without its basis — in any line, row, feed item, citation or search sentence.
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDist } from '#src/integrations/dist-check/checker.ts';
import { build, cleanup, contentCopy, tempDir } from './helpers.ts';

/** content/ with hkk-02 and its update only: the other tasks, updates and ledger entries and the declared totals go. */
function hkk02Alone(): string {
	const dir = contentCopy();
	for (const f of readdirSync(join(dir, 'tasks'))) if (f !== 'hkk-02.json') rmSync(join(dir, 'tasks', f));
	for (const d of readdirSync(join(dir, 'updates')))
		if (d !== 'hkk-02') rmSync(join(dir, 'updates', d), { recursive: true });
	const ledgerFile = join(dir, 'ledger.json');
	const ledger = JSON.parse(readFileSync(ledgerFile, 'utf8')) as Record<string, unknown>;
	for (const [k, v] of Object.entries(ledger))
		if (v && typeof v === 'object')
			ledger[k] = Object.fromEntries(Object.entries(v).filter(([id]) => id.startsWith('hkk-02')));
	writeFileSync(ledgerFile, JSON.stringify(ledger, null, '\t'));
	// The plan declares 38 tasks; with one record left that declaration would (rightly) fail the integrity check.
	const planFile = join(dir, 'plans', 'shanxi-2019.json');
	const plan = JSON.parse(readFileSync(planFile, 'utf8')) as Record<string, unknown>;
	delete plan.declaredTotals;
	writeFileSync(planFile, JSON.stringify(plan, null, 2));
	return dir;
}

afterAll(cleanup);

describe('a build with the samples removed', () => {
	const out = join(tempDir('hkk02'), 'dist');
	const r = build(out, { contentDir: hkk02Alone() });
	const read = (f: string) => readFileSync(join(out, f), 'utf8');

	it('builds, and the text gate finds nothing in any output', async () => {
		expect(r.status, r.output.slice(-3000)).toBe(0);
		const { problems } = await checkDist(out, { validate: false, forbidden: [], textGate: 'fail' });
		expect(problems.filter((p) => p.message.startsWith('text gate'))).toEqual([]);
	}, 300_000);

	it('says 无法判断, not 逾期未完成, for hkk-02 between its due date and the reprint date, with the basis in the line', () => {
		const snapshot = read('as-of/2021-03-31/index.html');
		expect(snapshot).not.toContain('已逾期');
		expect(snapshot).toContain('无法判断');
		const history = read('data/status-history.csv');
		const row = history.split('\n').find((l) => l.startsWith('hkk-02,') && l.includes(',undetermined,'));
		expect(row).toContain('原定整改时限、发布日期未核实');
	});
});
