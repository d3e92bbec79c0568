import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFiles, jsonSchemaOf } from '../../../lib/export/json-schema';
import { EXPORT_FORMAT_VERSION } from '../../../lib/export/manifest';
import { SCHEMA_VERSION } from '../../../lib/schema';
import pins from './schema-pins.json';

/**
 * The golden test of the export schemas (ARCHITECTURE.md, "Exports"): `public/schema/` must be what
 * `npm run gen:schema` writes, and what it writes is pinned per version, so a schema that changes
 * without a version bump fails here with what to do.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const files = jsonSchemaFiles();
const sha = (texts: string[]) => createHash('sha256').update(texts.join('\0')).digest('hex');
const recordsHash = sha(files.filter((f) => f.name !== 'manifest').map((f) => f.text));
const manifestHash = sha(files.filter((f) => f.name === 'manifest').map((f) => f.text));
const pinned = pins as { records: Record<string, string>; manifest: Record<string, string> };
const manifestKey = `${EXPORT_FORMAT_VERSION}/${SCHEMA_VERSION}`;

describe('export JSON Schemas', () => {
  it('are pinned for this SCHEMA_VERSION (a change needs a bump and a README entry)', () => {
    const pin = pinned.records[String(SCHEMA_VERSION)];
    if (pin === undefined) {
      expect.fail(
        `SCHEMA_VERSION ${SCHEMA_VERSION} has no pinned schema. If you bumped it on purpose, describe the change under ` +
          `"### Version ${SCHEMA_VERSION}" in README.md's "Schema changes" section, run \`npm run gen:schema\`, and pin ` +
          `"${SCHEMA_VERSION}": "${recordsHash}" under "records" in tests/unit/export/schema-pins.json.`,
      );
    }
    if (pin !== recordsHash) {
      expect.fail(
        `The record schemas changed while SCHEMA_VERSION is still ${SCHEMA_VERSION}. Bump SCHEMA_VERSION in ` +
          `lib/schema/common.ts, describe the change under "### Version ${SCHEMA_VERSION + 1}" in README.md's ` +
          `"Schema changes" section, run \`npm run gen:schema\` and pin the new version's hash in tests/unit/export/schema-pins.json.`,
      );
    }
    const manifestPin = pinned.manifest[manifestKey];
    if (manifestPin !== manifestHash) {
      expect.fail(
        `The manifest schema changed (or is not pinned) for format ${EXPORT_FORMAT_VERSION}, schema ${SCHEMA_VERSION}. ` +
          `If the manifest's own fields changed, bump EXPORT_FORMAT_VERSION in lib/export/manifest.ts and say so in README.md's ` +
          `"Schema changes" section; then run \`npm run gen:schema\` and pin "${manifestKey}": "${manifestHash}" under "manifest" in ` +
          `tests/unit/export/schema-pins.json.`,
      );
    }
  });

  it('public/schema/ holds exactly what npm run gen:schema writes', () => {
    const dir = join(ROOT, 'public', 'schema');
    for (const f of files) {
      const path = join(dir, f.file);
      expect(existsSync(path), `public/schema/${f.file} is missing: run npm run gen:schema`).toBe(true);
      expect(readFileSync(path, 'utf8') === f.text, `public/schema/${f.file} is stale: run npm run gen:schema`).toBe(true);
    }
    expect(readdirSync(dir).sort()).toEqual(files.map((f) => f.file).sort());
  });

  it('README describes this schema version', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Schema changes'));
    expect(readme.includes('## Schema changes'), 'README.md needs a "## Schema changes" section').toBe(true);
    expect(section, `README.md's "Schema changes" needs a "### Version ${SCHEMA_VERSION}" entry`).toContain(`### Version ${SCHEMA_VERSION}`);
  });

  it('describe every kind as a closed object with its kind and the schema version', () => {
    for (const kind of ['visit', 'tracker', 'ad', 'dark-pattern', 'engagement'] as const) {
      const s = jsonSchemaOf(kind) as { type: string; additionalProperties: boolean; properties: Record<string, { const?: unknown }> };
      expect(s.type).toBe('object');
      expect(s.additionalProperties).toBe(false);
      expect(s.properties.kind?.const).toBe(kind);
      expect(s.properties.schemaVersion?.const).toBe(SCHEMA_VERSION);
    }
    const record = jsonSchemaOf('record') as { anyOf: unknown[] };
    expect(record.anyOf).toHaveLength(2);
  });
});
