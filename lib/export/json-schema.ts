import { z } from 'zod/mini';
import { SCHEMA_VERSION } from '../schema/common';
import { manifest } from './manifest';
import { adRecord, darkPatternRecord, engagementRecord, exportRecord, trackerRecord, visitRecord, type RecordKind } from './records';

/**
 * JSON Schema of every record kind and of the manifest, generated from the zod schemas
 * (ARCHITECTURE.md, "Exports"): `scripts/gen-json-schema.ts` writes them into `public/schema/`
 * (shipped in the extension), every export writes them beside its files, and
 * tests/unit/export/json-schema.test.ts pins them to SCHEMA_VERSION.
 */
export const KIND_SCHEMAS = {
  visit: visitRecord,
  tracker: trackerRecord,
  ad: adRecord,
  'dark-pattern': darkPatternRecord,
  engagement: engagementRecord,
} as const satisfies Record<RecordKind, unknown>;

/** File stem → schema: one per kind, `record` (any line of a JSON Lines export), `manifest`. */
export const SCHEMA_DOCUMENTS = { ...KIND_SCHEMAS, record: exportRecord, manifest } as const;
export type SchemaDocumentName = keyof typeof SCHEMA_DOCUMENTS;

export const SCHEMA_DIR = 'schema';

export function schemaFileName(name: SchemaDocumentName): string {
  return `${name}.schema.json`;
}

export type JsonSchema = Record<string, unknown>;

/** The JSON Schema (draft 2020-12) of one document, with a stable `$id` naming the schema version. */
export function jsonSchemaOf(name: SchemaDocumentName): JsonSchema {
  const generated = z.toJSONSchema(SCHEMA_DOCUMENTS[name], { target: 'draft-2020-12' }) as JsonSchema;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: `urn:beaker:schema:${SCHEMA_VERSION}:${name}`,
    title: name === 'manifest' ? 'Beaker export manifest' : name === 'record' ? 'Beaker export record (any kind)' : `Beaker ${name} record`,
    'x-beaker-schema-version': SCHEMA_VERSION,
    ...rest,
  };
}

/** Every document, in a fixed order, as the text written to disk (2-space JSON, trailing newline). */
export function jsonSchemaFiles(): { name: SchemaDocumentName; file: string; text: string }[] {
  return (Object.keys(SCHEMA_DOCUMENTS) as SchemaDocumentName[]).map((name) => ({
    name,
    file: schemaFileName(name),
    text: `${JSON.stringify(jsonSchemaOf(name), null, 2)}\n`,
  }));
}
