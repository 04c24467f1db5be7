// Classifies every hostile case against the tree it runs in: crashed (threw), published (no problem reported),
// refused (at least one problem). Usage: node tests/support/hostile-run.ts <checkout> (an older checkout needs
// tests/unit/hostile-cases.ts copied in). The test of record is tests/unit/hostile-content.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const tree = process.argv[2]!;
const { HOSTILE_CASES, writeFixture } = await import(join(tree, 'tests/unit/hostile-cases.ts'));
const { validateContent } = await import(join(tree, 'src/lib/content/validate.ts'));
const ledger = await import(join(tree, 'src/lib/content/ledger.ts')).catch(() => undefined);
const counts = { crashed: 0, published: 0, refused: 0 };
const byKind: Record<string, string[]> = {};
for (const c of HOSTILE_CASES) {
	const root = mkdtempSync(join(tmpdir(), 'zg-h-'));
	const fx = writeFixture(root);
	if (ledger) {
		const { content } = validateContent(fx.content, '2021-06-30', root);
		(await import('node:fs')).writeFileSync(
			join(fx.content, 'ledger.json'),
			ledger.ledgerText(ledger.extendLedger({ updates: {}, tasks: {} }, content, '2021-06-30').ledger),
		);
	}
	let outcome: keyof typeof counts;
	try {
		c.apply(fx);
		outcome = validateContent(fx.content, '2021-06-30', root).problems.length ? 'refused' : 'published';
	} catch {
		outcome = 'crashed';
	}
	counts[outcome]++;
	if (outcome !== 'refused') (byKind[outcome] ??= []).push(c.name);
	rmSync(root, { recursive: true, force: true });
}
console.log(JSON.stringify({ cases: HOSTILE_CASES.length, ...counts }, null, 1));
for (const [k, v] of Object.entries(byKind)) console.log(`${k}:\n  ${v.join('\n  ')}`);
