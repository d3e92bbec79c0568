// The browser build carries its own Buffer polyfill; the Node build reads a global `Buffer` that extension pages lack.
import { stringify } from 'csv-stringify/browser/esm/sync';
import { columnsOf, valueAt, type Column } from './columns';
import type { ExportedFile } from './manifest';
import { toJsonLine, type ExportRecord, type RecordKind } from './records';
import { TextChunker, type SinkDirectory } from './sink';

/**
 * The export writers behind one interface (ARCHITECTURE.md, "Exports"): records go in one at a
 * time, bytes go out to a `SinkDirectory` in chunks; none holds more than a chunk or a row group.
 */
export interface RecordWriter {
  write(record: ExportRecord): Promise<void>;
  /** Flushes and closes every file; the directory commits them afterwards. */
  finish(): Promise<ExportedFile[]>;
}

export type WriterFactory = (directory: SinkDirectory, kinds: readonly RecordKind[]) => Promise<RecordWriter>;

export const JSONL_FILE = 'records.jsonl';

/** JSON Lines, the canonical format: every kind in one file, one record per line, in input order. */
export const jsonlWriter: WriterFactory = async (directory) => {
  const out = new TextChunker(await directory.open(JSONL_FILE));
  let records = 0;
  return {
    async write(record) {
      records += 1;
      await out.write(`${toJsonLine(record)}\n`);
    },
    async finish() {
      await out.close();
      return [{ path: JSONL_FILE, format: 'jsonl', kind: null, records }];
    },
  };
};

/**
 * One CSV cell (RFC 4180 quoting by csv-stringify): null is an empty unquoted cell, an empty
 * string is `""`; booleans `true`/`false`; numbers as JavaScript prints them; times as the
 * records store them (ISO 8601, UTC); arrays as JSON.
 */
export function csvCell(column: Column, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (column.type === 'json') return JSON.stringify(value);
  if (typeof value === 'string') return value;
  return String(value);
}

const CSV_OPTIONS = { record_delimiter: '\r\n', quoted_match: /^$/ };
const CSV_BATCH_ROWS = 512;

function csvText(rows: (string | null)[][]): string {
  // csv-stringify casts null to an empty unquoted cell; `quoted_match: /^$/` quotes only real empty strings.
  return stringify(rows, CSV_OPTIONS);
}

/** CSV: one file per kind (`tracker.csv`), a header of flattened column names (lib/export/columns.ts). */
export const csvWriter: WriterFactory = async (directory, kinds) => {
  const tables = new Map<RecordKind, { columns: Column[]; out: TextChunker; rows: (string | null)[][]; records: number }>();
  for (const kind of kinds) {
    const columns = columnsOf(kind);
    const out = new TextChunker(await directory.open(`${kind}.csv`));
    await out.write(csvText([columns.map((c) => c.name)]));
    tables.set(kind, { columns, out, rows: [], records: 0 });
  }
  const flush = async (t: { out: TextChunker; rows: (string | null)[][] }) => {
    if (t.rows.length === 0) return;
    await t.out.write(csvText(t.rows));
    t.rows = [];
  };
  return {
    async write(record) {
      const t = tables.get(record.kind);
      if (!t) throw new Error(`export of kinds ${kinds.join(', ')} got a ${record.kind} record`);
      t.rows.push(t.columns.map((c) => csvCell(c, valueAt(record, c))));
      t.records += 1;
      if (t.rows.length >= CSV_BATCH_ROWS) await flush(t);
    },
    async finish() {
      const files: ExportedFile[] = [];
      for (const [kind, t] of tables) {
        await flush(t);
        await t.out.close();
        files.push({ path: `${kind}.csv`, format: 'csv', kind, records: t.records });
      }
      return files;
    },
  };
};

