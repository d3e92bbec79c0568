import { RECORD_KINDS, type ExportRecord, type RecordKind } from './records';
import { jsonSchemaOf, type JsonSchema } from './json-schema';

/**
 * The flat columns of the CSV and Parquet files, one table per record kind (ARCHITECTURE.md,
 * "Exports"), derived from the generated JSON Schema so the files, the schema and the docs cannot
 * disagree. Flattening: a nested object's fields become dotted columns (`tracker.organization.name`),
 * in schema order; an array is one JSON-encoded cell (`reasons`, `beacon.kinds`, `arrivalParams`);
 * a null object makes all its columns null; ISO times are timestamps (UTC, milliseconds).
 */
export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'timestamp' | 'json';

export interface Column {
  name: string;
  path: string[];
  type: ColumnType;
  nullable: boolean;
}

function isNullSchema(s: JsonSchema): boolean {
  return s.type === 'null';
}

function leafType(s: JsonSchema): ColumnType {
  if (s.type === 'array') return 'json';
  if (s.type === 'string') return s.format === 'date-time' ? 'timestamp' : 'string';
  if (s.type === 'integer') return 'integer';
  if (s.type === 'number') return typeof s.const === 'number' && Number.isInteger(s.const) ? 'integer' : 'number';
  if (s.type === 'boolean') return 'boolean';
  return 'json';
}

function walk(schema: JsonSchema, path: string[], nullable: boolean, out: Column[]): void {
  const anyOf = schema.anyOf as JsonSchema[] | undefined;
  if (anyOf) {
    const others = anyOf.filter((s) => !isNullSchema(s));
    if (others.length === 1) return walk(others[0]!, path, nullable || others.length < anyOf.length, out);
    out.push({ name: path.join('.'), path, type: 'json', nullable: true });
    return;
  }
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (schema.type === 'object' && properties) {
    const required = new Set((schema.required as string[] | undefined) ?? []);
    for (const [key, child] of Object.entries(properties)) walk(child, [...path, key], nullable || !required.has(key), out);
    return;
  }
  out.push({ name: path.join('.'), path, type: leafType(schema), nullable });
}

export function columnsOfSchema(schema: JsonSchema): Column[] {
  const out: Column[] = [];
  walk(schema, [], false, out);
  return out;
}

let cache: Record<RecordKind, Column[]> | undefined;

/** The columns of each kind's table. */
export function columnsOf(kind: RecordKind): Column[] {
  cache ??= Object.fromEntries(RECORD_KINDS.map((k) => [k, columnsOfSchema(jsonSchemaOf(k))])) as Record<RecordKind, Column[]>;
  return cache[kind];
}

/** The value at a column's path: undefined where a parent object is null or the field is absent. */
export function valueAt(record: ExportRecord, column: Column): unknown {
  let v: unknown = record;
  for (const key of column.path) {
    if (v === null || v === undefined) return null;
    v = (v as Record<string, unknown>)[key];
  }
  return v === undefined ? null : v;
}
