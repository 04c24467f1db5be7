import type { AstroIntegration } from 'astro';
import { buildAsOf } from '#src/lib/content/as-of.ts';
import { formatProblems } from '#src/lib/content/problems.ts';
import { validateContent } from '#src/lib/content/validate.ts';
import { shareValidatedContent } from './validated-loader.ts';
import { isReleaseBuild } from '#src/lib/content/release.ts';
import { contentDirOf } from '#src/lib/content/layout.ts';

/**
 * Validates all content with the same code as `npm run check` before anything is rendered,
 * and fixes the as-of date for the whole build (AS_OF, default today in Asia/Shanghai).
 * A content error fails the build as a whole, naming file, field and reason.
 */
export function contentGate(): AstroIntegration {
	return {
		name: 'zhenggai:content-gate',
		hooks: {
			'astro:config:setup': ({ command, logger }) => {
				const asOf = buildAsOf();
				process.env.AS_OF = asOf;
				const dir = contentDirOf();
				// A release build (npm run build:release) also refuses sample records and placeholder identity fields.
				const { content, problems, warnings } = validateContent(dir, asOf, process.cwd(), {
					release: isReleaseBuild(),
				});
				if (warnings.length) logger.warn(formatProblems(warnings));
				if (problems.length) {
					const report = formatProblems(problems);
					if (command === 'build')
						throw new Error(`内容检查未通过，构建终止 / content check failed, build stopped\n${report}`);
					logger.error(report);
					return;
				}
				shareValidatedContent(dir, asOf, content);
				logger.info(`content OK: ${content.tasks.length} tasks, ${content.updates.length} updates, as of ${asOf}`);
			},
		},
	};
}
