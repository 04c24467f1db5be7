/** A content problem: where it is, what is wrong, and how to fix it (Chinese first, English beside). */
export interface Problem {
	/** Path of the file relative to the project root, e.g. content/tasks/hkk-02.json. */
	file: string;
	/** 1-based line, when known. */
	line?: number;
	/** Dotted field path inside the record, e.g. closure.notice.end. */
	field?: string;
	/** What is wrong. */
	message: string;
	/** How to fix it. */
	hint?: string;
}

/** Whether a zod issue is a required field that is absent (zod says so only in its message). */
export function isMissingField(issue: { code: string; message: string }): boolean {
	return issue.code === 'invalid_type' && /received undefined/.test(issue.message);
}

/** The 1-based line of a character offset in a text (for problem reports). */
export function lineAt(text: string, offset: number): number {
	let line = 1;
	for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
	return line;
}

/** Formats one problem as a single line for terminals and build logs. */
export function formatProblem(p: Problem): string {
	const where = p.line ? `${p.file}:${p.line}` : p.file;
	const field = p.field ? ` [${p.field}]` : '';
	const hint = p.hint ? `\n    → ${p.hint}` : '';
	return `${where}${field}: ${p.message}${hint}`;
}

/** Formats a list of problems with a count header, for the build error and `npm run check`. */
export function formatProblems(problems: readonly Problem[]): string {
	return [
		`发现 ${problems.length} 个内容问题 / ${problems.length} content problem(s):`,
		...problems.map((p) => '  ' + formatProblem(p)),
	].join('\n');
}
