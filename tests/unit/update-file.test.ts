import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFrontmatter } from '#src/lib/content/load.ts';
import {
	draftProblems,
	normalizeStatus,
	parseEvidenceFlag,
	renderUpdateFile,
	updateFileName,
	type UpdateDraft,
} from '#scripts/lib/update-file.ts';
import { UpdateSchema } from '#src/schemas/index.ts';
import { makeContent, makeUpdate } from './fixtures.ts';

const draft = (over: Partial<UpdateDraft> = {}): UpdateDraft => ({
	task: 's-01',
	status: 'on_track',
	factDate: '2019-09-30',
	publishedDate: '2019-10-01',
	title: '推进中：第一阶段',
	text: '按计划推进。\n\n第二段。',
	provenance: { kind: 'official' },
	...over,
});

describe('update file', () => {
	it('renders a file the loader reads back to the same data', () => {
		const d = draft({
			evidence: [parseEvidenceFlag('公告|https://a.gov.cn/x|省生态环境厅|2019-10-01')],
			closure: undefined,
		});
		const fm = parseFrontmatter('x.md', renderUpdateFile(d));
		expect(fm.problems).toEqual([]);
		expect(UpdateSchema.parse(fm.data)).toMatchObject({
			task: 's-01',
			factDate: '2019-09-30',
			title: '推进中：第一阶段',
			evidence: [{ title: '公告', url: 'https://a.gov.cn/x', publisher: '省生态环境厅', date: '2019-10-01' }],
		});
		expect(fm.body).toBe('\n按计划推进。\n\n第二段。\n');
	});
	it('never reuses a taken file name', () => {
		expect(updateFileName([], '2021-06-30')).toBe('2021-06-30.md');
		expect(updateFileName(['2021-06-30.md', '2021-06-30-2.md'], '2021-06-30')).toBe('2021-06-30-3.md');
	});
	it('accepts Chinese status labels', () => expect(normalizeStatus('已完成')).toBe('completed'));
	it('names the flag to fix', () => {
		const c = makeContent({ updates: [makeUpdate('s-01/a')] });
		const flags = (d: UpdateDraft) => draftProblems(d, c).map((p) => p.field);
		expect(draftProblems(draft(), c)).toEqual([]);
		expect(flags(draft({ task: 'zz-99' }))).toEqual(['--task']);
		expect(flags(draft({ status: 'done' }))).toEqual(['--status']);
		expect(flags(draft({ factDate: '2019-02-30' }))).toEqual(['--fact-date']);
		expect(flags(draft({ text: '<b>x</b>' }))).toEqual(['--text']);
		expect(flags(draft({ corrects: 's-01/zz' }))).toEqual(['--corrects']);
		expect(flags(draft({ evidence: [parseEvidenceFlag('x|javascript:alert(1)')] }))).toEqual(['--evidence']);
		expect(flags(draft({ status: 'completed', closure: {} }))).toEqual(['--acceptance-date', '--notice-start']);
		expect(
			flags(
				draft({
					status: 'completed',
					closure: {
						notice: { start: '2019-10-01', end: '2019-09-01', contact: 'x' },
						acceptance: { date: '2019-09-30', by: 'x' },
					},
				}),
			),
		).toEqual(['--notice-end']);
	});
});

describe('npm run update (scripted)', { timeout: 60_000 }, () => {
	const tmp = mkdtempSync(join(tmpdir(), 'zg-update-'));
	afterAll(() => rmSync(tmp, { recursive: true, force: true }));
	const dir = join(tmp, 'content');
	cpSync('content', dir, { recursive: true });
	const run = (...args: string[]) =>
		spawnSync(process.execPath, ['scripts/update.ts', '--content-dir', dir, '--yes', ...args], {
			env: { ...process.env, AS_OF: '2021-06-30' },
			encoding: 'utf8',
		});

	it('writes a valid update, prints the git commands and never overwrites', () => {
		const args = [
			'--task',
			'hkk-11',
			'--status',
			'on_track',
			'--fact-date',
			'2021-06-20',
			'--published-date',
			'2021-06-25',
			'--title',
			'推进中',
			'--text',
			'按计划推进。',
		];
		const a = run(...args);
		expect(a.status).toBe(0);
		expect(a.stdout).toContain('git add');
		const b = run(...args);
		expect(b.status).toBe(0);
		expect(
			readdirSync(join(dir, 'updates/hkk-11'))
				.filter((f) => f.startsWith('2021-06-20'))
				.sort(),
		).toEqual(['2021-06-20-2.md', '2021-06-20.md']);
	});
	it('without --published-date, publishes on the as-of date (AS_OF), so the check as of that date accepts it', () => {
		const r = run(
			'--task',
			'hkk-13',
			'--status',
			'on_track',
			'--fact-date',
			'2021-06-21',
			'--title',
			'推进中',
			'--text',
			'按计划推进。',
		);
		expect(r.status, r.stderr).toBe(0);
		expect(readFileSync(join(dir, 'updates/hkk-13/2021-06-21.md'), 'utf8')).toContain('publishedDate: "2021-06-30"');
	});
	it('closes a task: acceptance, notice window, objection contact, closed date', () => {
		const r = run(
			'--task',
			'hkk-12',
			'--close',
			'--acceptance-date',
			'2021-06-01',
			'--acceptance-by',
			'省生态环境厅',
			'--notice-start',
			'2021-06-02',
			'--notice-end',
			'2021-06-10',
			'--contact',
			'0351-0000000',
			'--closed-date',
			'2021-06-15',
			'--fact-date',
			'2021-06-15',
			'--published-date',
			'2021-06-16',
			'--title',
			'销号',
			'--text',
			'已销号。',
		);
		expect(r.status, r.stderr).toBe(0);
		const text = readFileSync(join(dir, 'updates/hkk-12/2021-06-15.md'), 'utf8');
		expect(text).toContain('status: "closed"');
		expect(text).toContain('contact: "0351-0000000"');
	});
	it('explains bad flags and exits non-zero without writing', () => {
		const before = readdirSync(join(dir, 'updates/hkk-11')).length;
		const r = run('--task', 'hkk-11', '--status', 'done', '--fact-date', '2021-02-30', '--title', 'x', '--text', 'y');
		expect(r.status).toBe(2);
		expect(r.stderr).toContain('[--status]');
		expect(r.stderr).toContain('[--fact-date]');
		expect(run('--frob').stderr).toContain("Unknown option '--frob'");
		expect(readdirSync(join(dir, 'updates/hkk-11')).length).toBe(before);
	});
	it('removes the new file again when the whole-content check refuses it', () => {
		const r = run(
			'--task',
			'hkk-11',
			'--status',
			'on_track',
			'--fact-date',
			'2019-01-20',
			'--published-date',
			'2019-01-25',
			'--title',
			'x',
			'--text',
			'y',
		);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('早于督察反馈日');
		expect(readdirSync(join(dir, 'updates/hkk-11'))).not.toContain('2019-01-20.md');
	});
	it('the content still passes npm run check', () => {
		expect(() =>
			execFileSync(process.execPath, ['scripts/check.ts'], {
				env: { ...process.env, AS_OF: '2021-06-30', CONTENT_DIR: dir },
			}),
		).not.toThrow();
	});
});
