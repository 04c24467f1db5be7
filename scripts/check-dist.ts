#!/usr/bin/env node
// Post-build checker over a built site (default dist/). Every build runs it (src/integrations/dist-check.ts)
// before scripts/build.ts lets the output replace dist/, so a page with a broken link, a missing title
// or a leaked path is never published. Usage: see the CLI at the end of this file.
import { exit, parseCli } from './lib/cli.ts';
import { DistChecker, formatReport, readPathStream } from '#src/integrations/dist-check/checker.ts';

if (import.meta.url === `file://${process.argv[1]}`) {
	// Usage: node scripts/check-dist.ts [dir] [--skip-dir NAME …] [--later-file PATH …] [--stream] [--json]
	// --json prints {problems, stats, report} and exits 0 whatever it found: the caller decides
	// (src/integrations/dist-check.ts). --stream first checks the files named on standard input (readPathStream) as
	// the build writes them, then the whole directory once the input ends.
	const { values, positionals } = parseCli(
		{
			allowPositionals: true,
			options: {
				'skip-dir': { type: 'string', multiple: true },
				'later-file': { type: 'string', multiple: true },
				stream: { type: 'boolean' },
				json: { type: 'boolean' },
				'text-gate': { type: 'string' },
			},
		},
		'usage: npm run check:dist -- [DIR (default dist)] [--skip-dir NAME …] [--later-file PATH …] [--stream] [--json] [--text-gate fail|report]',
	);
	const dir = positionals[0] ?? 'dist';
	const textGate = values['text-gate'] === 'report' ? 'report' : 'fail';
	const checker = new DistChecker({ skipDirs: values['skip-dir'], laterFiles: values['later-file'], textGate });
	if (values.stream) await readPathStream(process.stdin, (file) => checker.addFromDisk(dir, file));
	const { problems, stats } = await checker.finish(dir);
	const report = [
		formatReport(dir, problems, stats, 200, checker.streamed),
		// --text-gate report: the text gate's findings are listed, but do not fail the check.
		...checker.textReport.slice(0, 5).map((p) => `  (text gate, reported only) ${p.file}: ${p.message}`),
		...(checker.textReport.length > 5 ? [`  (text gate) … and ${checker.textReport.length - 5} more`] : []),
	].join('\n');
	if (values.json) {
		process.stdout.write(JSON.stringify({ problems, stats, report }));
		exit(0);
	}
	if (problems.length) {
		console.error(report);
		exit(1);
	}
	console.log(report);
}
