// The folder borders of src/lib (docs/architecture.md) are ESLint rules: this checks that the config really
// refuses what crosses them, and lets through what is allowed, so a loosened pattern cannot pass unnoticed.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint();
const refused = async (filePath: string, code: string) => {
	const [result] = await eslint.lintText(code, { filePath });
	return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
};

describe('import borders', () => {
	// Loading the config and its plugins takes seconds on a busy machine: once, outside the cases' timeouts.
	beforeAll(() => eslint.calculateConfigForFile('src/lib/model/x.ts'), 120_000);

	it.each([
		['src/lib/model/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
		['src/lib/model/x.ts', "import { z } from 'astro/zod';\nexport const a = z;\n"],
		['src/lib/view/x.ts', "import { TaskSchema } from '#src/schemas/index.ts';\nexport const a = TaskSchema;\n"],
		['src/lib/model/x.ts', "import { CHROMIUM } from '#scripts/lib/chromium.ts';\nexport const a = CHROMIUM;\n"],
		['src/scripts/x.ts', "import { loadContent } from '#src/lib/content/load.ts';\nexport const a = loadContent;\n"],
		[
			'src/pages/x.astro',
			"---\nimport { loadContent } from '#src/lib/content/load.ts';\nconst a = loadContent;\n---\n<p>{a}</p>\n",
		],
		['src/components/X.astro', "---\nimport { xml } from '#tests/support/xml.ts';\nconst a = xml;\n---\n<p>{a}</p>\n"],
		// Another folder is named from the top, never by climbing.
		['src/lib/model/x.ts', "import { STATUS_LABELS } from '../model/statuses.ts';\nexport const a = STATUS_LABELS;\n"],
		['scripts/x.ts', "import { loadContent } from '../src/lib/content/load.ts';\nexport const a = loadContent;\n"],
		['tests/unit/x.test.ts', "import { xml } from '../support/xml.ts';\nexport const a = xml;\n"],
	])('refuses %s: %s', async (file, code) => {
		expect(await refused(file, code)).toHaveLength(1);
	});

	it.each([
		['src/lib/model/x.ts', "import type { Task } from '#src/schemas/index.ts';\nexport type A = Task;\n"],
		['src/lib/model/x.ts', "import { STATUS_LABELS } from './statuses.ts';\nexport const a = STATUS_LABELS;\n"],
		['src/lib/content/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
		[
			'src/components/X.astro',
			"---\nimport { stateOf } from '#src/lib/model/status.ts';\nconst a = stateOf;\n---\n<p>{a}</p>\n",
		],
		['src/components/X.astro', "---\n---\n<script>\n\timport '#src/scripts/charts.ts';\n</script>\n"],
		['scripts/x.ts', "import { loadContent } from '#src/lib/content/load.ts';\nexport const a = loadContent;\n"],
		['tests/unit/x.test.ts', "import { xml } from '#tests/support/xml.ts';\nexport const a = xml;\n"],
	])('allows %s: %s', async (file, code) => {
		expect(await refused(file, code)).toEqual([]);
	});
});
