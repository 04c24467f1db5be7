// The ledger of published records (content/ledger.json): append-only without flags, on any clone.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	extendLedger,
	ledgerProblems,
	ledgerShrinkProblems,
	parseLedger,
	readLedger,
	TASK_FACT_FIELDS,
	updateFingerprint,
} from '#src/lib/content/ledger.ts';
import { validateContent } from '#src/lib/content/validate.ts';
import { todayInShanghai } from '#src/lib/model/dates.ts';
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

describe('the ledger between two commits (npm run check -- --base REF)', () => {
	const before = { updates: { 'a/1': 'f1', 'a/2': 'f2' }, tasks: { t1: { dueDate: 'd1' } } };

	it('accepts a ledger that only grew', () => {
		const now = { updates: { ...before.updates, 'a/3': 'f3' }, tasks: { ...before.tasks, t2: { dueDate: 'd2' } } };
		expect(ledgerShrinkProblems(before, now, 'content/ledger.json', 'origin/main')).toEqual([]);
	});

	it('names every entry of the earlier ledger that was changed or dropped, and all of them when it is unreadable', () => {
		const now = { updates: { 'a/1': 'changed' }, tasks: { t1: { dueDate: 'd1' } } };
		const problems = ledgerShrinkProblems(before, now, 'content/ledger.json', 'origin/main');
		expect(problems.map((p) => p.field)).toEqual(['updates.a/1', 'updates.a/2']);
		expect(problems[0]!.hint).toContain('git checkout origin/main -- content/ledger.json');
		expect(ledgerShrinkProblems(before, undefined, 'content/ledger.json', 'origin/main')).toHaveLength(3);
	});

	it('refuses a content directory without a ledger: a missing ledger is not a fresh start (issue #25)', () => {
		const dir = mkdtempSync(join(tmpdir(), 'ledger-'));
		try {
			expect(() => readLedger(dir)).toThrow('找不到 ledger.json');
			expect(readLedger(resolve('content'))).toEqual(parseLedger(readFileSync(resolve('content/ledger.json'), 'utf8')));
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
