// What must never reach a published file: paths of the build machine, editors' names, secrets,
// and the stray files editors and operating systems leave behind.
import { lineAt } from '#src/lib/content/problems.ts';

/** One kind of leak, found by a pattern. */
export interface LeakPattern {
	name: string;
	pattern: RegExp;
}

/**
 * Absolute paths of a build machine, bare home folders (/root) too (a leading letter, dot or dash means it is part of
 * a URL path).
 */
const LOCAL_PATH_PATTERNS: LeakPattern[] = [
	{
		name: 'local path',
		pattern: /(?<![\w.~-])\/(?:work|root|home|Users|tmp|var\/folders)(?:\/[^\s"'<>)]*|(?![\w.~-]))/,
	},
	{ name: 'file: URL', pattern: /\bfile:\/\/[^\s"'<>]*/i },
	{ name: 'Windows path', pattern: /\b[A-Z]:\\(?:Users|Windows|Documents and Settings)\\/ },
];

/** Shapes of credentials and keys, after the common secret scanners. */
const SECRET_PATTERNS: LeakPattern[] = [
	{ name: 'private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
	{ name: 'AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
	{ name: 'GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/ },
	{ name: 'GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/ },
	{ name: 'Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
	{ name: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
	{ name: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
	{ name: 'API secret key', pattern: /\bsk-(?:ant-|proj-|live_|test_)?[A-Za-z0-9_-]{24,}/ },
	{ name: 'JSON web token', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
	{ name: 'password in URL', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@"'<>]+:[^/\s@"'<>]+@[\w.-]+/i },
	{
		name: 'assigned secret',
		pattern:
			/\b(?:api[_-]?key|secret[_-]?key|client[_-]?secret|access[_-]?token|auth[_-]?token|password|passwd)["']?\s*[:=]\s*["'][^"'\s]{12,}["']/i,
	},
];

/** Files of a built site that are text, and so scanned for leaks (pages, styles, scripts, data, feeds). */
export const TEXT_FILE = /\.(?:html?|css|m?js|json|csv|tsv|xml|rss|atom|txt|svg|md|map|webmanifest|ya?ml|ics)$/i;

/** Files that editors, version control or operating systems leave behind (path relative to dist/). */
export const STRAY_FILE =
	/(?:^|\/)(?:\.DS_Store|Thumbs\.db|desktop\.ini|\.#[^/]*|#[^/]*#|[^/]*~|[^/]*\.sw[op]|[^/]*\.(?:bak|orig|rej|tmp)|\.(?:git|svn|hg|idea|vscode)(?:\/.*)?)$/;

/** Environment variable names whose values are secrets by convention. */
const SECRET_ENV_NAME = /(?:TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;

/** A literal that must not appear, with the label to report instead of the value itself. */
export interface ForbiddenLiteral {
	label: string;
	value: string;
	/** Match only as a whole word (for Latin names, so "Ann" does not match "Annual"). */
	word?: boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where `lit` first occurs in `text`, or -1. */
function indexOfLiteral(text: string, lit: ForbiddenLiteral): number {
	if (!lit.word) return text.indexOf(lit.value);
	const m = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(lit.value)}(?![\\p{L}\\p{N}_])`, 'u').exec(text);
	return m ? m.index : -1;
}

/** Values of secret-looking environment variables (8+ characters), labelled by name only. */
export function secretEnvLiterals(env: Record<string, string | undefined>): ForbiddenLiteral[] {
	return Object.entries(env)
		.filter(([name, value]) => SECRET_ENV_NAME.test(name) && value !== undefined && value.length >= 8)
		.map(([name, value]) => ({ label: `value of environment variable ${name}`, value: value! }));
}

/** One leak found in a text, with its 1-based line and a short excerpt (secrets masked). */
export interface Leak {
	kind: string;
	line: number;
	excerpt: string;
}

const mask = (s: string) => (s.length <= 8 ? '***' : `${s.slice(0, 4)}…(${s.length} chars)`);

/** Every leak in `text`: local paths, secret shapes and the given literals (editor names, env secrets). */
export function findLeaks(text: string, literals: readonly ForbiddenLiteral[] = []): Leak[] {
	const leaks: Leak[] = [];
	for (const { name, pattern } of LOCAL_PATH_PATTERNS) {
		const m = pattern.exec(text);
		if (m) leaks.push({ kind: name, line: lineAt(text, m.index), excerpt: m[0].slice(0, 80) });
	}
	for (const { name, pattern } of SECRET_PATTERNS) {
		const m = pattern.exec(text);
		if (m) leaks.push({ kind: name, line: lineAt(text, m.index), excerpt: mask(m[0]) });
	}
	for (const lit of literals) {
		const { label, value } = lit;
		if (!value) continue;
		const i = indexOfLiteral(text, lit);
		if (i >= 0)
			leaks.push({ kind: label, line: lineAt(text, i), excerpt: label.startsWith('value of') ? mask(value) : value });
	}
	return leaks;
}
