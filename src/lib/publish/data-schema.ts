/**
 * The JSON Schema of the data files, generated with z.toJSONSchema from the same zod schemas that
 * validate content/ (plus the derived columns, typed from the column list) — never written by hand.
 */
import { z } from 'astro/zod';
import {
	CitySchema,
	MeasureGroupSchema,
	MeasureSchema,
	ProblemAreaSchema,
	TaskSchema,
	UnitSchema,
	UpdateSchema,
} from '#src/schemas/index.ts';
import { HttpUrl, Id, IsoDate, Text, UpdateId } from '#src/schemas/common.ts';
import { REPORTED_BASES, REPORTED_MEASURES } from '#src/lib/model/reported-figures.ts';
import { DATASETS } from './datasets.ts';
import { TASK_STATUSES } from '#src/lib/model/statuses.ts';
import { STATUS_BASES } from '#src/lib/model/history.ts';
import { BASIS_KINDS, PROVENANCE_KINDS } from '#src/lib/model/labels.ts';
import { type Column } from './columns.ts';
import { dataPath } from './urls.ts';
import { pinRecords, restrictUrlSchemes } from './schema-strict.ts';
import { FIELD_TYPES } from '#src/lib/model/field-types.ts';

/**
 * The zod schema of each dataset's records as stored in content/ (tasks and updates get their id from the file name).
 */
export const RECORD_SCHEMAS: Record<string, z.ZodObject> = {
	tasks: z.strictObject({ id: Id, ...TaskSchema.shape }),
	updates: z.strictObject({ id: UpdateId, ...UpdateSchema.shape, body: z.string() }),
	units: UnitSchema,
	'measure-groups': MeasureGroupSchema,
	measures: MeasureSchema,
	areas: ProblemAreaSchema,
	cities: CitySchema,
	'reported-figures': z.strictObject({
		figure: Id,
		plan: Id,
		title: Text,
		key: Id,
		label: Text,
		value: z.number().int().nonnegative(),
		unit: Text,
		compare: z.enum(REPORTED_MEASURES),
		dueFrom: IsoDate.nullable(),
		dueTo: IsoDate.nullable(),
		basis: z.enum(REPORTED_BASES),
		reportedBy: Text.nullable(),
		referenceDate: IsoDate,
		sourcePublisher: Text.nullable(),
		sourceTitle: Text.nullable(),
		sourceDate: IsoDate.nullable(),
		sourceUrl: HttpUrl.nullable(),
		via: Text.nullable(),
		quote: Text,
	}),
	'status-history': z.strictObject({
		task: Id,
		date: IsoDate,
		status: z.enum(TASK_STATUSES),
		basis: z.enum(STATUS_BASES),
		update: UpdateId.nullable(),
		dueDate: IsoDate,
		statusBasis: z.enum(BASIS_KINDS),
		statusUnsourced: z.array(z.string()),
		provenance: z.enum(PROVENANCE_KINDS),
	}),
};

/**
 * A real calendar date YYYY-MM-DD as a regular expression (months' lengths and leap years included), so that a JSON
 * Schema validator refuses 2020-02-30 without relying on optional `format` checks.
 */
export const CALENDAR_DATE_PATTERN =
	'^(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$';

/** The URL of the schema document, and of one of its definitions (what every JSON file names in `$schema`). */
export function schemaUrl(siteUrl: string, def?: string): string {
	const base = new URL(dataPath('schema.json'), siteUrl).href;
	return def ? `${base}#/$defs/${def}` : base;
}

/** zod → JSON Schema with IsoDate written as a strict calendar-date pattern and format. */
function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
	const js = z.toJSONSchema(schema, {
		io: 'output',
		target: 'draft-2020-12',
		override: (ctx) => {
			if (ctx.zodSchema === IsoDate)
				Object.assign(ctx.jsonSchema, { type: 'string', pattern: CALENDAR_DATE_PATTERN, format: 'date' });
		},
	}) as Record<string, unknown>;
	delete js.$schema;
	// The as-of date of a file (IsoDate itself carries no description: a described copy would not be recognised above).
	const asOf = (js.properties as Record<string, Record<string, unknown>> | undefined)?.asOf;
	if (asOf) asOf.description = '数据截至日期（状态和计数按此日期推算）';
	return js;
}

function derivedSchema(col: Column<unknown>): z.ZodType {
	const base = (() => {
		switch (FIELD_TYPES[col.type].json) {
			case 'url':
				return HttpUrl;
			case 'integer':
				// Every derived number is a count or a number of days since something: never negative.
				return z.number().int().nonnegative();
			case 'number':
				return z.number();
			case 'boolean':
				return z.boolean();
			case 'date':
				return IsoDate;
			case 'enum':
				return z.enum((col.values ?? []).map((v) => v.value) as [string, ...string[]]);
			case 'strings':
				return z.array(z.string());
			case 'any':
				return z.unknown();
			default:
				return z.string();
		}
	})();
	return (col.optional || col.nullable ? base.nullable() : base).meta({
		title: col.header,
		description: col.description,
	});
}

/** The zod schema of one row of a dataset's JSON file: the record's fields plus the derived columns. */
export function rowSchema(name: string): z.ZodObject {
	const ds = DATASETS.find((d) => d.name === name);
	const record = RECORD_SCHEMAS[name];
	if (!ds || !record) throw new Error(`unknown dataset ${name}`);
	const derived = Object.fromEntries(ds.columns.filter((c) => c.derive).map((c) => [c.key, derivedSchema(c)]));
	return z.strictObject({ ...record.shape, ...derived });
}

/** The version fields every JSON data file and the manifest carry (which month-end version, where it stays). */
function versionFields() {
	return {
		version: IsoDate.nullable().meta({
			description:
				'这些文件所属的月末数据版本（数据截至日期是月末时即为该日）；数据截至日期不是月末时为 null：文件之后仍会更新',
		}),
		versionUrl: HttpUrl.nullable().meta({ description: '该数据版本的固定路径（/data/<月末>/status.csv），永不改变' }),
		versions: HttpUrl.meta({ description: '全部数据版本及其校验值的目录（versions.json）' }),
	};
}

/** The zod schema of a whole JSON data file (metadata and records); it names its schema definition in `$schema`. */
export function fileSchema(name: string, siteUrl = 'https://example.org/'): z.ZodObject {
	return z.strictObject({
		$schema: z.literal(schemaUrl(siteUrl, name)),
		dataset: z.literal(name),
		title: z.string(),
		asOf: IsoDate,
		...versionFields(),
		site: z.url(),
		license: z.string(),
		count: z.number().int().nonnegative(),
		records: z.array(rowSchema(name)),
	});
}

type JsonSchemaNode = {
	properties?: Record<string, JsonSchemaNode>;
	anyOf?: JsonSchemaNode[];
	title?: string;
	description?: string;
};

/** Finds the sub-schema of an object property path, looking through nullable/optional wrappers. */
function propertyAt(node: JsonSchemaNode, path: readonly string[]): JsonSchemaNode | undefined {
	let n: JsonSchemaNode | undefined = node;
	for (const p of path) {
		const obj: JsonSchemaNode | undefined = n?.properties ? n : n?.anyOf?.find((a) => a.properties);
		n = obj?.properties?.[p];
	}
	return n;
}

/** The zod schema of /data/manifest.json. */
export function manifestSchema(siteUrl = 'https://example.org/'): z.ZodObject {
	return z.strictObject({
		$schema: z.literal(schemaUrl(siteUrl, 'manifest')),
		asOf: IsoDate,
		...versionFields(),
		site: z.url(),
		siteName: z.string(),
		license: z.string(),
		source: z.string(),
		counts: z.record(z.string(), z.number().int().nonnegative()),
		plans: z.array(
			z.strictObject({ id: z.string(), title: z.string(), publishedDate: IsoDate, feedbackDate: IsoDate.optional() }),
		),
		files: z.array(
			z.strictObject({
				name: z
					.string()
					.regex(/^(?:status-history\/[a-z0-9-]+\.csv|\d{4}-\d{2}-\d{2}\/status\.csv|[a-z0-9-]+\.(?:csv|json|xlsx))$/),
				url: z.url(),
				mediaType: z.string(),
				bytes: z.number().int().positive(),
				sha256: z.string().regex(/^[0-9a-f]{64}$/),
				dataset: z.string().optional(),
				records: z.number().int().nonnegative().optional(),
			}),
		),
	});
}

/** The zod schema of /data/versions.json, the catalogue of month-end versions (data-versions.ts). */
export function versionsSchema(siteUrl = 'https://example.org/'): z.ZodObject {
	return z.strictObject({
		$schema: z.literal(schemaUrl(siteUrl, 'versions')),
		asOf: IsoDate,
		description: z.string(),
		versions: z.array(
			z.strictObject({
				date: IsoDate,
				url: HttpUrl,
				bytes: z.number().int().positive(),
				sha256: z.string().regex(/^[0-9a-f]{64}$/),
			}),
		),
	});
}

/**
 * The schema document published at /data/schema.json: one definition per data file (and the manifest), and a root
 * that accepts exactly one of them. Every object is closed (no unknown keys), required fields are required, dates
 * must be real calendar dates, and codes must be one of their listed values; links have an allowed scheme, counts
 * are never negative, and with `counts` each file's count and records are pinned (no record twice).
 */
export function dataJsonSchema(siteUrl: string, counts?: Readonly<Record<string, number>>): Record<string, unknown> {
	const $defs: Record<string, Record<string, unknown>> = {};
	for (const ds of DATASETS) {
		const js = toJsonSchema(fileSchema(ds.name, siteUrl)) as JsonSchemaNode & Record<string, unknown>;
		// Titles and meanings of record fields come from the one column list, like the CSV headers.
		const row = propertyAt(js, ['records']) as { items?: JsonSchemaNode } | undefined;
		for (const col of ds.columns) {
			if (col.derive || !row?.items) continue;
			const prop = propertyAt(row.items, col.key.split('.'));
			if (prop) {
				prop.title = col.header;
				prop.description = col.description;
			}
		}
		$defs[ds.name] = { ...js, title: `${ds.title}（${ds.name}.json）`, description: ds.description };
	}
	$defs.manifest = { ...toJsonSchema(manifestSchema(siteUrl)), title: '清单（manifest.json）' };
	$defs.versions = { ...toJsonSchema(versionsSchema(siteUrl)), title: '各月末版本目录（versions.json）' };
	// With this build's record counts, each file's count and records are pinned (schema-strict.ts).
	if (counts) for (const ds of DATASETS) pinRecords($defs[ds.name]!, counts[ds.name] ?? 0);
	restrictUrlSchemes($defs);
	return {
		$schema: 'https://json-schema.org/draft/2020-12/schema',
		$id: schemaUrl(siteUrl),
		title: '整改公开 开放数据 JSON 文件结构',
		description:
			'由内容校验所用的 zod 模式自动生成；每个数据文件对应 $defs 中的一项，文件的 $schema 字段指明它是哪一项。',
		oneOf: Object.keys($defs).map((k) => ({ $ref: `#/$defs/${k}` })),
		$defs,
	};
}
