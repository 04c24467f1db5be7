#!/usr/bin/env node
// Writes a synthetic content tree for the benchmark: node scripts/generate-content.ts <dir> --tasks N [--seed S]
// [--site-name 合成甲省整改公开]
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exit, parseCli } from './lib/cli.ts';
import { generateContent, type SyntheticBase, type SyntheticSite } from './lib/synthetic.ts';

/** Reads the taxonomy of the bundled content that synthetic plans reuse. */
export function bundledBase(contentDir = 'content'): SyntheticBase {
	const read = (f: string) => JSON.parse(readFileSync(join(contentDir, f), 'utf8'));
	return {
		settings: read('settings.json')[0],
		units: read('units.json'),
		cities: read('cities.json'),
		measureGroups: read('measure-groups.json'),
		measures: read('measures.json'),
		problemAreas: read('problem-areas.json'),
	};
}

/**
 * Generates and writes the tree; returns the number of files written. `site` renames the site (a synthetic province for
 * the portal).
 */
export function writeSynthetic(dir: string, tasks: number, seed = 1, site?: SyntheticSite): number {
	rmSync(dir, { recursive: true, force: true });
	const files = generateContent(bundledBase(), tasks, seed, 5, site);
	for (const [rel, text] of files) {
		const p = join(dir, rel);
		mkdirSync(dirname(p), { recursive: true });
		writeFileSync(p, text);
	}
	return files.size;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { values, positionals } = parseCli(
		{
			allowPositionals: true,
			options: {
				tasks: { type: 'string', default: '1000' },
				seed: { type: 'string', default: '1' },
				'site-name': { type: 'string' },
			},
		},
		'usage: node scripts/generate-content.ts <dir> [--tasks 1000] [--seed 1] [--site-name 合成甲省整改公开]',
	);
	const dir = positionals[0];
	if (!dir) {
		console.error('usage: node scripts/generate-content.ts <dir> --tasks N [--seed S]');
		exit(2);
	}
	const n = writeSynthetic(
		dir,
		Number(values.tasks),
		Number(values.seed),
		values['site-name'] ? { siteName: values['site-name'] } : undefined,
	);
	console.log(`wrote ${n} files for ${values.tasks} tasks to ${dir}`);
}
