// Every CLI writes its whole report, then exits (scripts/lib/cli.ts `exit`): 3,000 problems piped through
// `head -c` and a slow reader all arrive, and the exit code is still 1. process.exit() lost all but ~560.
// An unexpected error is one Chinese sentence and a log with the trace, never a stack trace on the terminal.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixture } from './hostile-cases.ts';

const PROBLEMS = 3_000;
let root: string;

beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'zg-cli-output-'));
	const fx = writeFixture(root);
	// 3,000 misnamed task files: one problem each, reported before anything is parsed.
	for (let i = 0; i < PROBLEMS; i++) fx.write(`tasks/Bad_${i}.json`, '{}');
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const run = (pipeline: string) =>
	spawnSync(
		'bash',
		['-c', `set -o pipefail; node scripts/check.ts 2>&1 | ${pipeline}; echo "exit=\${PIPESTATUS[0]}"`],
		{
			env: { ...process.env, CONTENT_DIR: join(root, 'content'), AS_OF: '2021-06-30' },
			encoding: 'utf8',
			timeout: 120_000,
		},
	);

describe('a CLI report arrives whole through a pipe', { timeout: 120_000 }, () => {
	it('through head -c and a reader that waits before reading', () => {
		const r = run(`head -c 100000000 | (sleep 2; cat) | grep -c '不合规'`);
		expect(r.stdout.trim().split('\n')).toEqual([String(PROBLEMS), 'exit=1']);
	}, 120_000);

	it('through a reader that reads slowly, 4 KB at a time', () => {
		// Reads 4 KB, waits 1 ms, reads again: the writer meets a full pipe many times over.
		const reader = join(root, 'slow-reader.mjs');
		writeFileSync(
			reader,
			`const chunks = [];
			const tick = () => {
				const c = process.stdin.read(4096);
				if (c !== null) { chunks.push(c); setTimeout(tick, 1); } else process.stdin.once('readable', tick);
			};
			process.stdin.once('readable', tick);
			process.stdin.on('end', () => console.log(Buffer.concat(chunks).toString('utf8').split('不合规').length - 1));`,
		);
		const r = run(`node ${reader}`);
		expect(r.stdout.trim().split('\n')).toEqual([String(PROBLEMS), 'exit=1']);
	}, 120_000);
});

describe('an unexpected error reaches the editor as one sentence and a log', { timeout: 60_000 }, () => {
	it('npm run update -- --text-file <a folder> is a message, not a crash', () => {
		const r = spawnSync(process.execPath, ['scripts/update.ts', '--task', 's-01', '--text-file', root, '--yes'], {
			env: { ...process.env, CONTENT_DIR: join(root, 'content'), AS_OF: '2021-06-30' },
			encoding: 'utf8',
		});
		expect(r.status).toBe(2);
		expect(r.stderr).toContain('--text-file 给的是一个文件夹，不是文本文件');
		expect(r.stderr).not.toMatch(/\n\s+at /);
	});

	it('a crash prints one Chinese sentence pointing to a log that holds the trace', () => {
		// generate-content.ts with a file where its output folder belongs: mkdir fails inside the script.
		const r = spawnSync(
			process.execPath,
			['scripts/generate-content.ts', join(root, 'secret.txt', 'x'), '--tasks', '1'],
			{
				encoding: 'utf8',
			},
		);
		expect(r.status).toBe(70);
		expect(r.stderr).not.toMatch(/\n\s+at /);
		const m = /generate-content 因程序内部错误中止（.+）；这不是您的操作造成的，详细记录已写入 (\S+\.log)，/.exec(
			r.stderr,
		);
		expect(m, r.stderr).not.toBeNull();
		expect(readFileSync(m![1]!, 'utf8')).toMatch(/\n\s+at /);
	});
});

describe('every CLI ends through the one handler (#25 item 5)', () => {
	const scripts = readdirSync('scripts').filter((f) => f.endsWith('.ts'));
	const code = (f: string) =>
		readFileSync(f, 'utf8')
			.replace(/\/\*[\s\S]*?\*\//g, '')
			.replace(/^\s*\/\/.*$/gm, '');
	it('no script calls process.exit(): each sets the exit code and returns', () => {
		const files = [...scripts.map((f) => `scripts/${f}`), ...readdirSync('scripts/lib').map((f) => `scripts/lib/${f}`)];
		expect(files.filter((f) => f.endsWith('.ts') && /process\.exit\s*\(/.test(code(f)))).toEqual([]);
	});
	it('every script imports scripts/lib/cli.ts, whose handler turns a crash into a sentence and a log', () => {
		expect(
			scripts.filter((f) => !/from '\.\/lib\/cli\.ts'|import '\.\/lib\/cli\.ts'/.test(code(`scripts/${f}`))),
		).toEqual([]);
	});
});
