/**
 * Writes the JSON Schema of every export record kind and of the manifest into `public/schema/`
 * (shipped in the extension build; ARCHITECTURE.md, "Exports"), and the field tables of
 * docs/researchers.md (lib/export/field-docs.ts). `npm run gen:schema`.
 * tests/unit/export/json-schema.test.ts fails when these files are stale, and when the schemas
 * change without a SCHEMA_VERSION bump.
 *
 *   npm run gen:schema            # write public/schema/*.schema.json
 *   npm run gen:schema -- --check # exit 1 if a file differs from what would be written
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withFieldTables } from '../lib/export/field-docs';
import { jsonSchemaFiles } from '../lib/export/json-schema';

export const PUBLIC_SCHEMA_DIR = join(import.meta.dirname, '..', 'public', 'schema');
const RESEARCHERS_DOC = join(import.meta.dirname, '..', 'docs', 'researchers.md');

function main(): number {
  const check = process.argv.includes('--check');
  const files = jsonSchemaFiles();
  const stale = files.filter((f) => !existsSync(join(PUBLIC_SCHEMA_DIR, f.file)) || readFileSync(join(PUBLIC_SCHEMA_DIR, f.file), 'utf8') !== f.text);
  const known = new Set(files.map((f) => f.file));
  const extra = existsSync(PUBLIC_SCHEMA_DIR) ? readdirSync(PUBLIC_SCHEMA_DIR).filter((f) => !known.has(f)) : [];
  const doc = readFileSync(RESEARCHERS_DOC, 'utf8');
  const newDoc = withFieldTables(doc);
  if (check) {
    for (const f of stale) console.error(`stale: public/schema/${f.file}`);
    for (const f of extra) console.error(`not generated: public/schema/${f}`);
    if (newDoc !== doc) console.error('stale: the field tables of docs/researchers.md');
    return stale.length + extra.length > 0 || newDoc !== doc ? 1 : 0;
  }
  writeFileSync(RESEARCHERS_DOC, newDoc);
  mkdirSync(PUBLIC_SCHEMA_DIR, { recursive: true });
  for (const f of files) writeFileSync(join(PUBLIC_SCHEMA_DIR, f.file), f.text);
  for (const f of extra) rmSync(join(PUBLIC_SCHEMA_DIR, f));
  console.log(`public/schema: ${files.length} files written (${stale.length} changed, ${extra.length} removed); docs/researchers.md field tables ${newDoc === doc ? 'unchanged' : 'updated'}`);
  return 0;
}

process.exit(main());
