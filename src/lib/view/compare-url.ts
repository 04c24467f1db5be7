/**
 * The URL of a comparison of two dates on /changes/ (?from=2019-12-31&to=2020-01-31), so a result can be shared.
 * Pure: the page script and the tests share it.
 */

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** A comparison request read from a URL: the two dates, or why they cannot be compared; null when none is asked for. */
export type CompareRequest = { from: string; to: string } | { error: string } | null;

/** Reads ?from=&to= and checks both dates lie in [first, asOf]; the earlier date becomes `from`. */
export function parseCompare(search: string, first: string, asOf: string): CompareRequest {
	const p = new URLSearchParams(search);
	const a = p.get('from');
	const b = p.get('to');
	if (a === null && b === null) return null;
	const bad = [a ?? '', b ?? ''].some((d) => !ISO.test(d) || d < first || d > asOf);
	if (bad) return { error: `请选择 ${first} 至 ${asOf} 之间的日期。` };
	const [from, to] = a! <= b! ? [a!, b!] : [b!, a!];
	return { from, to };
}

/** The query string of a comparison: ?from=…&to=… . */
export function formatCompare(from: string, to: string): string {
	return `?${new URLSearchParams({ from, to }).toString()}`;
}
