// Append-only that survives deletion (#22 item 5, #25 item 3): a missing or reshaped ledger is an error; a release is
// checked against the previous published site's ledger, so an emptied ledger unlocks nothing; an edited published
// update is put back from that site without git; correction chains cannot loop.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { correctionChainProblems } from '#src/lib/content/corrections.ts';
import { validateContent } from '#src/lib/content/validate.ts';
import { readLedger } from '#src/lib/content/ledger.ts';
import { PUBLISHED_LEDGER } from '#src/lib/content/published.ts';
import { registerRelease, releaseLedgerProblems, restoreFromSite } from '#scripts/lib/release-ledger.ts';

const asOf = '2021-06-30';
const tmp = mkdtempSync(join(tmpdir(), 'zg-published-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
/** A fresh copy of the bundled content. */
const copy = () => {
	const dir = join(tmp, `content-${++n}`);
	cpSync('content', dir, { recursive: true });
	return dir;
};
const messages = (dir: string) => validateContent(dir, asOf, tmp).problems.map((p) => `${p.file} ${p.message}`);
const edit = (dir: string) => {
	const f = join(dir, 'updates/hkk-03/2020-06-30.md');
	writeFileSync(f, readFileSync(f, 'utf8').replace('---\n\n', '---\n\n补一句。'));
};

describe('the ledger in content/', () => {
	it('a missing ledger is an error, not a fresh start', () => {
		const dir = copy();
		rmSync(join(dir, 'ledger.json'));
		expect(messages(dir)).toEqual([expect.stringMatching(/ledger\.json 缺少发布记录账本/)]);
	});
	it('a reshaped ledger ({"updates": [], "tasks": []}) is refused, not read as empty', () => {
		const dir = copy();
		writeFileSync(join(dir, 'ledger.json'), '{"updates": [], "tasks": []}');
		expect(messages(dir)).toEqual([expect.stringContaining('不能是列表')]);
	});
	it('a cycle of corrections is refused, naming the cycle', () => {
		const p = correctionChainProblems(
			[
				{ id: 't/a', corrects: 't/b' },
				{ id: 't/b', corrects: 't/c' },
				{ id: 't/c', corrects: 't/a' },
				{ id: 't/d', corrects: 't/a' },
			],
			'content',
		);
		expect(p.map((x) => `${x.file} ${x.message}`)).toEqual([
			'content/updates/t/a.md 更正形成了循环：t/a → t/b → t/c → t/a / corrections form a cycle',
		]);
		expect(
			correctionChainProblems(
				[
					{ id: 't/b', corrects: 't/a' },
					{ id: 't/c', corrects: 't/b' },
				],
				'c',
			),
		).toEqual([]);
	});
});

describe('a release checked against the previous published site', { timeout: 60_000 }, () => {
	const site = join(tmp, 'site');
	const first = copy();
	it('the first release writes the site ledger with every published update text', async () => {
		// An empty ledger and no previous site: the first release of a site.
		writeFileSync(join(first, 'ledger.json'), '{"updates": {}, "tasks": {}}\n');
		const gate = await releaseLedgerProblems({ contentDir: first, root: tmp, asOf, previous: undefined, out: site });
		expect(gate.problems.filter((p) => !p.message.includes('找不到上次发布'))).toEqual([]);
		const { added, commit } = registerRelease(first, tmp, asOf, site);
		commit();
		expect(added.length).toBeGreaterThan(100);
		const published = JSON.parse(readFileSync(join(site, PUBLISHED_LEDGER), 'utf8'));
		expect(published.asOf).toBe(asOf);
		expect(published.files['hkk-03/2020-06-30']).toBe(
			readFileSync(join(first, 'updates/hkk-03/2020-06-30.md'), 'utf8'),
		);
		expect(readLedger(first).updates['hkk-03/2020-06-30']).toBe(published.updates['hkk-03/2020-06-30']);
	});
	it('an emptied ledger with an edited update is refused against the previous site', async () => {
		const dir = copy();
		writeFileSync(join(dir, 'ledger.json'), '{"updates": {}, "tasks": {}}\n');
		edit(dir);
		expect(messages(dir)).toEqual([]); // the content alone can no longer tell
		const gate = await releaseLedgerProblems({ contentDir: dir, root: tmp, asOf, previous: site, out: site });
		const edited = gate.problems.filter((p) => p.message.includes('已发布的进展“hkk-03/2020-06-30”被修改'));
		expect(edited).toHaveLength(1);
		expect(edited[0]!.message).toContain(`对照上次发布的网站 ${site}`);
		expect(edited[0]!.hint).toContain('npm run ledger -- --restore hkk-03/2020-06-30');
		expect(gate.problems.some((p) => p.message.includes('账本中缺少或改动了上次发布的网站'))).toBe(true);
	});
	it('with no previous site found, a ledger that has entries refuses the release', async () => {
		const gate = await releaseLedgerProblems({
			contentDir: copy(),
			root: tmp,
			asOf,
			previous: undefined,
			out: join(tmp, 'nowhere'),
		});
		expect(gate.problems.map((p) => p.message)).toEqual([expect.stringContaining('却找不到上次发布的网站来核对')]);
	});
	it('the fix works without git: --restore puts the published text back, --restore-ledger the ledger', async () => {
		const dir = copy();
		edit(dir);
		rmSync(join(dir, 'ledger.json'));
		expect(await restoreFromSite({ contentDir: dir, root: tmp, previous: site })).toBe(0);
		expect(messages(dir)).toEqual([expect.stringContaining('已发布的进展“hkk-03/2020-06-30”被修改')]);
		expect(await restoreFromSite({ contentDir: dir, root: tmp, previous: site, update: 'hkk-03/2020-06-30' })).toBe(0);
		expect(messages(dir)).toEqual([]);
		expect(await restoreFromSite({ contentDir: dir, root: tmp, previous: site, update: 'hkk-03/2099-01-01' })).toBe(1);
	});
});
