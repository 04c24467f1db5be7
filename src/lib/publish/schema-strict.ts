/**
 * What the published JSON Schema adds to the zod shapes (issue #26): links only with an allowed scheme, each file's
 * `count` equal to its number of records, no record twice, and every statusLabel tied to its status. Applied to the
 * generated JSON Schema document, so the schema refuses what the data files must never hold.
 */
import { STATUS_LABELS, type TaskStatus } from '#src/lib/model/statuses.ts';

/** The schemes a published link may have (the content's HttpUrl: never javascript:, data: …). */
export const URL_SCHEMES = ['http', 'https'] as const;

/** A JSON Schema pattern for a URL with an allowed scheme (format: uri alone accepts javascript:alert(1)). */
export const URL_PATTERN = `^(?:${URL_SCHEMES.join('|')})://`;

type Node = Record<string, unknown>;

/** Every `format: uri` in a schema tree also gets the allowed-scheme pattern (in place). */
export function restrictUrlSchemes(node: unknown): void {
	if (Array.isArray(node)) return node.forEach(restrictUrlSchemes);
	if (node === null || typeof node !== 'object') return;
	const n = node as Node;
	if (n.format === 'uri' && n.pattern === undefined) n.pattern = URL_PATTERN;
	for (const v of Object.values(n)) restrictUrlSchemes(v);
}

/**
 * Ties statusLabel to status in a row schema that has both (in place): the row must match exactly one status with its
 * label, so 已完成 beside `overdue` is refused.
 */
export function tieStatusLabels(row: Node): void {
	const props = row.properties as Record<string, Node> | undefined;
	if (!props?.status || !props.statusLabel) return;
	const statuses = (props.status.enum ?? []) as TaskStatus[];
	row.oneOf = statuses.map((s) => ({
		type: 'object',
		properties: { status: { const: s }, statusLabel: { const: STATUS_LABELS[s] } },
	}));
}

/**
 * A data file's definition as published (in place): `count` is the number of records of this build and `records`
 * holds exactly that many, no two the same. JSON Schema cannot compare two values of a document, so the count is
 * written into the schema, which is published with the files it describes.
 */
export function pinRecords(fileDef: Node, count: number): void {
	const props = fileDef.properties as Record<string, Node>;
	props.count = { ...props.count, const: count };
	const records = props.records as Node;
	Object.assign(records, { minItems: count, maxItems: count, uniqueItems: true });
	const items = records.items as Node | undefined;
	if (items) tieStatusLabels(items);
}
