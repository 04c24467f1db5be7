import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { buildAsOf } from '#src/lib/content/as-of.ts';

/**
 * Node's parseArgs for the CLIs, as a person meets it: --help or -h prints `usage` and exits 0; an unknown or
 * malformed flag prints what is wrong and `usage` and exits 2, never a stack trace.
 */
export function parseCli<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
	const argv = process.argv.slice(2);
	if (argv.includes('--help') || argv.includes('-h')) {
		console.log(usage);
		exit(0);
	}
	try {
		return parseArgs(config);
	} catch (e) {
		console.error(`参数错误 / bad arguments: ${(e as Error).message}\n${usage}`);
		exit(2);
	}
}

/**
 * The as-of date of a CLI run: AS_OF, or today in Asia/Shanghai. A malformed AS_OF prints what is wrong (after
 * `prefix`) and exits 2, never a stack trace.
 */
export function asOfFromEnv(prefix = ''): string {
	try {
		return buildAsOf();
	} catch (e) {
		console.error(`${prefix}${(e as Error).message}`);
		exit(2);
	}
}

/** Thrown by `exit` to stop a CLI's top-level code; the handler below takes it as the run's normal end. */
class CliExit extends Error {}

/**
 * Ends a CLI run with exit code `code`: sets process.exitCode and unwinds, so Node exits only once everything
 * written to stdout and stderr has reached its reader (process.exit() cut a piped report short at the pipe's
 * buffer, 560 of 3,000 problems through `| less`). Never call it inside a try whose catch would swallow it.
 */
export function exit(code: number): never {
	process.exitCode = code;
	throw new CliExit(`exit ${code}`);
}

/** Where the trace of an unexpected error goes: a log file the sentence on the terminal points to. */
function writeCrashLog(script: string, e: unknown): string {
	const dir = join(tmpdir(), 'zhenggai-logs');
	const path = join(dir, `${script}-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}.log`);
	try {
		mkdirSync(dir, { recursive: true });
		const trace = e instanceof Error ? (e.stack ?? e.message) : String(e);
		writeFileSync(path, `${process.argv.join(' ')}\ncwd: ${process.cwd()}\n\n${trace}\n`);
		return path;
	} catch {
		return '（日志无法写入，请把上面的命令和这句话一起发给维护者）';
	}
}

/**
 * The one top-level handler of every CLI (installed when a script under scripts/ imports this module): an
 * unexpected error becomes one Chinese sentence naming the command and the log with its trace, exit code 70;
 * `exit` ends the run quietly with the code it set.
 */
function onUncaught(e: unknown): void {
	if (e instanceof CliExit) return;
	const script = basename(process.argv[1] ?? 'cli').replace(/\.[cm]?[jt]s$/, '');
	const log = writeCrashLog(script, e);
	const what = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 120);
	process.stderr.write(
		`\n${script} 因程序内部错误中止（${what}）；这不是您的操作造成的，详细记录已写入 ${log}，请把该文件发给维护者。\n`,
	);
	process.exitCode = 70;
}

// Only in a CLI process: a test runner that imports a script's functions keeps its own handlers.
if (/[\\/]scripts[\\/](?:lib[\\/])?[^\\/]+\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
	process.on('uncaughtException', onUncaught);
	process.on('unhandledRejection', onUncaught);
}
