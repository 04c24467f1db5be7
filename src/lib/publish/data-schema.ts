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
} from '../../schemas/index.ts';
import { Id, IsoDate } from '../../schemas/common.ts';
import { DATASETS } from './datasets.ts';
import { type Column } from './columns.ts';

/**
 * The zod schema of each dataset's records as stored in content/ (tasks and updates get their id from the file name).
 */
export const RECORD_SCHEMAS: Record<string, z.ZodObject> = {
	tasks: z.strictObject({ id: Id, ...TaskSchema.shape }),
	updates: z.strictObject({ id: z.string(), ...UpdateSchema.shape, body: z.string() }),
	units: UnitSchema,
	'measure-groups': MeasureGroupSchema,
	measures: MeasureSchema,
	areas: ProblemAreaSchema,
	cities: CitySchema,
};

function derivedSchema(col: Column<unknown>): z.ZodType {
	const base = (() => {
		switch (col.type) {
			case 'int':
				return z.number().int();
			case 'bool':
				return z.boolean();
			case 'date':
				return IsoDate;
			case 'enum':
				return z.enum((col.values ?? []).map((v) => v.value) as [string, ...string[]]);
			case 'ids':
			case 'texts':
				return z.array(z.string());
			case 'json':
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

/** The zod schema of a whole JSON data file (metadata and records). */
export function fileSchema(name: string): z.ZodObject {
	return z.strictObject({
		dataset: z.literal(name),
		title: z.string(),
		asOf: IsoDate.meta({ description: '数据截至日期（状态按此日期推算）' }),
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

/** The schema document published at /data/schema.json: one definition per data file. */
export function dataJsonSchema(siteUrl: string): Record<string, unknown> {
	const $defs: Record<string, unknown> = {};
	for (const ds of DATASETS) {
		const js = z.toJSONSchema(fileSchema(ds.name), { io: 'output', target: 'draft-2020-12' }) as JsonSchemaNode &
			Record<string, unknown>;
		delete js.$schema;
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
	return {
		$schema: 'https://json-schema.org/draft/2020-12/schema',
		$id: new URL('/data/schema.json', siteUrl).href,
		title: '整改公开 开放数据 JSON 文件结构',
		description: '由内容校验所用的 zod 模式自动生成；每个数据文件对应 $defs 中的一项。',
		$defs,
	};
}
