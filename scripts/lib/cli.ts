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
		process.exit(0);
	}
	try {
		return parseArgs(config);
	} catch (e) {
		console.error(`参数错误 / bad arguments: ${(e as Error).message}\n${usage}`);
		process.exit(2);
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
		process.exit(2);
	}
}
