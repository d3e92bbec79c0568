import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsOf, valueAt, type ColumnType } from '../../../lib/export/columns';
import type { Manifest } from '../../../lib/export/manifest';
import { NodeDirectory } from '../../../lib/export/node-directory';
import { makeParquetWriter } from '../../../lib/export/parquet-writer';
import { RECORD_KINDS, type ExportRecord } from '../../../lib/export/records';
import { runExport } from '../../../lib/export/run-export';
import { fixtureSession } from './fixture-session';

/**
 * The Parquet files read back with DuckDB (ARCHITECTURE.md, "Exports"): same row counts as the
 * JSON Lines export of the same records, the column types the docs promise, the same types DuckDB
 * infers from the JSON Lines (arrays excepted: JSON in Parquet), and every value.
 */
const session = fixtureSession();
const dir = mkdtempSync(join(tmpdir(), 'beaker-parquet-'));
const manifestInput = { producer: { name: 'test', version: '0' }, browsers: [] };
const DUCKDB_TYPE: Record<ColumnType, string> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  timestamp: 'TIMESTAMP',
  json: 'JSON',
};
/** DuckDB sniffs `YYYY-MM-DD` strings in JSON as DATE; the schema (and Parquet) keep them strings. */
const SNIFFED_AS_DATE = new Set(['day']);

let db: DuckDBInstance;
let c: DuckDBConnection;
let manifest: Manifest;
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const rows = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJson();

beforeAll(async () => {
  // Row groups of 2 rows, so every multi-row kind spans several groups.
  manifest = await runExport({ records: session, format: 'parquet', writer: makeParquetWriter(2), directory: new NodeDirectory(join(dir, 'parquet')), privacy: 'off', manifest: manifestInput });
  await runExport({ records: session, format: 'jsonl', directory: new NodeDirectory(join(dir, 'jsonl')), privacy: 'off', manifest: manifestInput });
  db = await DuckDBInstance.create(':memory:');
  c = await db.connect();
});

afterAll(() => {
  c?.closeSync();
});

describe('Parquet export read back with DuckDB', () => {
  const jsonl = () => `read_json_auto('${join(dir, 'jsonl', 'records.jsonl')}', format = 'newline_delimited')`;
  const parquet = (kind: string) => `read_parquet('${join(dir, 'parquet', `${kind}.parquet`)}')`;

  it('has the row counts of the JSON Lines export, kind by kind', async () => {
    for (const kind of RECORD_KINDS) {
      const [p] = await rows(`SELECT count(*) AS n FROM ${parquet(kind)}`);
      const [j] = await rows(`SELECT count(*) AS n FROM ${jsonl()} WHERE kind = '${kind}'`);
      expect(p!.n, kind).toBe(j!.n);
      expect(Number(p!.n), kind).toBe(manifest.counts[kind]);
    }
    const groups = await rows(`SELECT count(DISTINCT row_group_id) AS g FROM parquet_metadata('${join(dir, 'parquet', 'tracker.parquet')}')`);
    expect(Number(groups[0]!.g)).toBe(2);
  });

  it('types every column as documented and as DuckDB reads the JSON Lines', async () => {
    for (const kind of RECORD_KINDS) {
      const described = await rows(`DESCRIBE SELECT * FROM ${parquet(kind)}`);
      const columns = columnsOf(kind);
      expect(described.map((d) => d.column_name)).toEqual(columns.map((col) => col.name));
      for (const [i, col] of columns.entries()) {
        expect(described[i]!.column_type, `${kind}.${col.name}`).toBe(DUCKDB_TYPE[col.type]);
        if (col.type === 'json') continue;
        const path = col.path.map(quote).join('.');
        const [fromJson] = await rows(`SELECT typeof(${path}) AS t FROM ${jsonl()} WHERE kind = '${kind}' LIMIT 1`);
        const expected = SNIFFED_AS_DATE.has(col.name) ? 'DATE' : DUCKDB_TYPE[col.type];
        expect(fromJson!.t, `${kind}.${col.name} in JSON Lines`).toBe(expected);
      }
    }
  });

  it('holds every value of every record', async () => {
    for (const kind of RECORD_KINDS) {
      const columns = columnsOf(kind);
      const select = columns.map((col) => (col.type === 'timestamp' ? `epoch_ms(${quote(col.name)})` : quote(col.name)) + ` AS ${quote(col.name)}`);
      const got = await rows(`SELECT ${select.join(', ')} FROM ${parquet(kind)}`);
      const records = session.filter((r) => r.kind === kind) as ExportRecord[];
      expect(got).toHaveLength(records.length);
      records.forEach((record, i) => {
        for (const col of columns) {
          const v = valueAt(record, col);
          const cell = got[i]![col.name];
          const where = `${kind} ${record.id} ${col.name}`;
          if (v === null) expect(cell, where).toBeNull();
          else if (col.type === 'json') expect(JSON.parse(cell as string), where).toEqual(v);
          else if (col.type === 'timestamp') expect(Number(cell), where).toBe(Date.parse(v as string));
          else if (col.type === 'integer') expect(cell, where).toBe(String(v));
          else expect(cell, where).toEqual(v);
        }
      });
    }
  });
});
