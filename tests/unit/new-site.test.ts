import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newSiteFiles, newSiteProblems, type NewSiteAnswers } from '#scripts/lib/new-site.ts';
import { validateContent } from '#src/lib/content/validate.ts';
import { buildSiteModel } from '#src/lib/model/site-model.ts';
import { taskNumber } from '#src/lib/model/names.ts';
import { siteSections } from '#src/lib/view/site-nav.ts';

const answers = (over: Partial<NewSiteAnswers> = {}): NewSiteAnswers => ({
	planId: 'audit-2023',
	title: '某县审计发现问题整改情况',
	shortTitle: '某县审计整改',
	jurisdiction: '某县',
	issuer: '某县审计局',
	publishedDate: '2023-08-15',
	siteName: '整改公开',
	series: [{ id: 'rw', label: '整改事项', name: '审计发现问题', numberFormat: '{no}', digits: 1 }],
	...over,
});
const tmp = mkdtempSync(join(tmpdir(), 'new-site-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(dir: string, files: Record<string, string>) {
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(join(dir, path, '..'), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
}

describe('npm run new', () => {
	it('writes content the check passes, with no tasks and no Shanxi groupings', () => {
		const dir = join(tmp, 'ok');
		write(dir, newSiteFiles(answers({ url: 'https://sjj.example.gov.cn/a.html' })));
		const { content, problems } = validateContent(dir, '2023-12-31');
		expect(problems).toEqual([]);
		expect(content.plans.map((p) => p.id)).toEqual(['audit-2023']);
		expect(content.tasks).toEqual([]);
		expect(content.plans[0]!.sources[0]).toMatchObject({
			publisher: '某县审计局',
			url: 'https://sjj.example.gov.cn/a.html',
		});
		const site = buildSiteModel(content, '2023-12-31');
		// The menu leaves out groupings the plan does not have.
		expect(siteSections(['audit-2023'], site.shape).map((s) => s.href)).not.toContain('/units/');
		expect(siteSections(['audit-2023'], site.shape).map((s) => s.href)).not.toContain('/areas/');
		// The identity fields are placeholders that say so (a release build refuses them).
		expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toContain('（占位，待填写）主办单位名称');
	});
	it('numbers tasks as the plan does', () => {
		const plan = { series: [{ id: 'sx', label: '省序', name: '省序', order: 1, numberFormat: '{label}{no}' }] };
		expect(taskNumber({ series: 'sx', no: '29' }, plan as never)).toBe('省序29');
		expect(taskNumber({ series: 'hkk', no: '02' }, undefined)).toBe('hkk第02号');
	});
	it('names every wrong answer with its flag', () => {
		const p = newSiteProblems(
			answers({ planId: 'Audit 2023', publishedDate: '2023-02-30', url: 'ftp://x', series: [] }),
		);
		expect(p.join('\n')).toMatch(/--id/);
		expect(p.join('\n')).toMatch(/--published/);
		expect(p.join('\n')).toMatch(/--url/);
		expect(p.join('\n')).toMatch(/--series/);
		expect(newSiteProblems(answers())).toEqual([]);
	});
	// Two runs of the CLI (a Node start each): on the shared machine that can take longer than the default 5 s.
	it('refuses to write into a folder that holds files, and writes nothing', () => {
		const dir = join(tmp, 'taken');
		mkdirSync(dir);
		writeFileSync(join(dir, 'keep.txt'), 'x');
		const run = (...extra: string[]) =>
			spawnSync(
				process.execPath,
				[
					'scripts/new-site.ts',
					'--yes',
					'--dir',
					dir,
					'--id',
					'audit-2023',
					'--title',
					'某县审计发现问题整改情况',
					'--jurisdiction',
					'某县',
					'--issuer',
					'某县审计局',
					'--published',
					'2023-08-15',
					'--series',
					'rw|整改事项|审计发现问题|n',
					...extra,
				],
				{ encoding: 'utf8' },
			);
		const refused = run();
		expect(refused.status).toBe(2);
		expect(refused.stderr).toMatch(/已有文件.*--force/);
		expect(readdirSync(dir)).toEqual(['keep.txt']);
		const forced = run('--force');
		expect(forced.status, forced.stderr).toBe(0);
		expect(readdirSync(dir).sort()).toContain('settings.json');
		expect(readdirSync(dir)).not.toContain('keep.txt');
		expect(JSON.parse(readFileSync(join(dir, 'plans/audit-2023.json'), 'utf8')).series[0]).toMatchObject({
			numberFormat: '{no}',
			digits: 1,
		});
	}, 60_000);
});
