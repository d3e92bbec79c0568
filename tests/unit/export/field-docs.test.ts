import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnsOf } from '../../../lib/export/columns';
import { describeColumn, withFieldTables } from '../../../lib/export/field-docs';
import { RECORD_KINDS } from '../../../lib/export/records';

describe('docs/researchers.md field tables', () => {
  it('describe every column of every kind', () => {
    const missing = RECORD_KINDS.flatMap((kind) => columnsOf(kind).filter((c) => !describeColumn(kind, c)).map((c) => `${kind}.${c.name}`));
    expect(missing, 'describe these in lib/export/field-docs.ts, then npm run gen:schema').toEqual([]);
  });

  it('are what npm run gen:schema writes', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'researchers.md'), 'utf8');
    expect(withFieldTables(doc) === doc, 'docs/researchers.md field tables are stale: run npm run gen:schema').toBe(true);
  });
});
