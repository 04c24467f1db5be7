// The ledger of published records (content/ledger.json): append-only without flags, on any clone.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	extendLedger,
	ledgerProblems,
	parseLedger,
	TASK_FACT_FIELDS,
	updateFingerprint,
} from '../../src/lib/content/ledger.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { todayInShanghai } from '../../src/lib/model/dates.ts';
import { makeContent, makeTask, makeUpdate } from './fixtures.ts';

describe('ledger', () => {
	it('the bundled ledger registers every record published by today, and the bundled content matches it', () => {
		const ledger = parseLedger(readFileSync(resolve('content/ledger.json'), 'utf8'));
		const { content, problems } = validateContent(resolve('content'), todayInShanghai());
		expect(problems).toEqual([]);
		// Nothing published is missing from the ledger: run `npm run ledger` and commit the file when this fails.
		expect(extendLedger(ledger, content, todayInShanghai()).added).toEqual([]);
	});

	it('extending never changes or drops an existing entry', () => {
		const c = makeContent({ updates: [makeUpdate('s-01/a')] });
		const first = extendLedger({ updates: {}, tasks: {} }, c, '2021-06-30').ledger;
		const edited = {
			...c,
			updates: [makeUpdate('s-01/a', { title: '改过' }), makeUpdate('s-01/b', { publishedDate: '2019-11-01' })],
		};
		const second = extendLedger(first, edited, '2021-06-30');
		expect(second.added).toEqual(['updates/s-01/b']);
		expect(second.ledger.updates['s-01/a']).toBe(first.updates['s-01/a']);
		expect(ledgerProblems(second.ledger, edited, 'content').map((p) => p.file)).toEqual(['content/updates/s-01/a.md']);
	});

	it('does not register what is not yet published', () => {
		const c = makeContent({ updates: [makeUpdate('s-01/a', { publishedDate: '2022-01-01', factDate: '2021-12-01' })] });
		expect(extendLedger({ updates: {}, tasks: {} }, c, '2021-06-30').added).not.toContain('updates/s-01/a');
	});

	it('an update fingerprint ignores key order and layout but not a word of the text', () => {
		const u = makeUpdate('s-01/a');
		const reordered = Object.fromEntries(Object.entries(u).reverse()) as typeof u;
		expect(updateFingerprint(reordered)).toBe(updateFingerprint(u));
		expect(updateFingerprint({ ...u, body: u.body + '。' })).not.toBe(updateFingerprint(u));
	});

	it('names each changed task fact, and allows improving a title or the units', () => {
		const c = makeContent();
		const ledger = extendLedger({ updates: {}, tasks: {} }, c, '2021-06-30').ledger;
		const t = c.tasks[0]!;
		const changed = {
			...c,
			tasks: [makeTask('s-01', { dueDate: '2020-06-30', title: '新标题', leadUnits: ['u2'] }), c.tasks[1]!],
		};
		expect(ledgerProblems(ledger, changed, 'content').map((p) => p.field)).toEqual(['dueDate']);
		expect(TASK_FACT_FIELDS).not.toContain('title');
		expect(t.id).toBe('s-01');
	});
});
