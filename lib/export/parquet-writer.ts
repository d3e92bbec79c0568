import { ByteWriter, ParquetWriter, schemaFromColumnData, type ColumnSource } from 'hyparquet-writer';
import { SCHEMA_VERSION } from '../schema/common';
import { columnsOf, valueAt, type Column, type ColumnType } from './columns';
import type { ExportedFile } from './manifest';
import type { ExportRecord, RecordKind } from './records';
import type { ByteSink, SinkDirectory } from './sink';
import type { RecordWriter, WriterFactory } from './writers';

/**
 * Parquet, one file per kind, typed columns (ARCHITECTURE.md, "Exports"), written with
 * hyparquet-writer's incremental `ParquetWriter`: rows are gathered column by column until all kinds
 * together hold `ROW_GROUP_ROWS`, the fullest kind is written as one row group, and its encoded bytes go
 * to the sink at once, so memory holds one row group's worth of rows whatever the export's size.
 * Columns are the CSV's
 * (lib/export/columns.ts): strings UTF8, integers INT64, numbers DOUBLE, booleans BOOLEAN, times
 * TIMESTAMP_MILLIS (UTC), arrays JSON; nullable exactly where the schema allows null.
 */
export const ROW_GROUP_ROWS = 10_000;

const PARQUET_TYPE: Record<ColumnType, NonNullable<ColumnSource['type']>> = {
  string: 'STRING',
  integer: 'INT64',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  timestamp: 'TIMESTAMP',
  json: 'JSON',
};

function parquetValue(column: Column, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.type === 'integer') return BigInt(value as number);
  if (column.type === 'timestamp') return BigInt(Date.parse(value as string));
  return value;
}

/** hyparquet's byte writer, emptied into the sink after every row group. */
class SinkByteWriter extends ByteWriter {
  constructor(private readonly sink: ByteSink) {
    super(1 << 20);
  }

  flush(): Promise<void> {
    const bytes = this.getBytes().slice();
    this.index = 0;
    // One large row group must not keep a large buffer for the rest of the export.
    if (this.buffer.byteLength > 4 << 20) {
      this.buffer = new ArrayBuffer(1 << 20);
      this.view = new DataView(this.buffer);
    }
    return this.sink.write(bytes);
  }

  override finish(): Promise<void> {
    return this.flush();
  }
}

interface Table {
  kind: RecordKind;
  columns: Column[];
  data: unknown[][];
  rows: number;
  records: number;
  writer: ParquetWriter;
  sink: ByteSink;
}

function sources(columns: Column[], data: unknown[][]): ColumnSource[] {
  return columns.map((c, i) => ({ name: c.name, data: data[i]!, type: PARQUET_TYPE[c.type], nullable: c.nullable }));
}

/** A Parquet writer with row groups of `rowGroupRows` (tests use small ones to get many groups). */
export function makeParquetWriter(rowGroupRows = ROW_GROUP_ROWS): WriterFactory {
  return (directory, kinds) => openParquetTables(directory, kinds, rowGroupRows);
}

export const parquetWriter: WriterFactory = makeParquetWriter();

async function openParquetTables(directory: SinkDirectory, kinds: readonly RecordKind[], rowGroupRows: number): Promise<RecordWriter> {
  const tables = new Map<RecordKind, Table>();
  for (const kind of kinds) {
    const columns = columnsOf(kind);
    const sink = await directory.open(`${kind}.parquet`);
    const writer = new ParquetWriter({
      writer: new SinkByteWriter(sink),
      schema: schemaFromColumnData({ columnData: sources(columns, columns.map(() => [])) }),
      kvMetadata: [
        { key: 'beaker.kind', value: kind },
        { key: 'beaker.schema_version', value: String(SCHEMA_VERSION) },
      ],
      createdBy: 'Beaker export (hyparquet-writer)',
    });
    tables.set(kind, { kind, columns, data: columns.map(() => []), rows: 0, records: 0, writer, sink });
  }
  // Rows buffered over every kind: when they reach a row group's worth, the fullest kind is written,
  // so rare kinds (visits, dark patterns) cannot each hold a row group's worth as well.
  let buffered = 0;
  const flush = async (t: Table) => {
    if (t.rows === 0) return;
    await t.writer.write({ columnData: sources(t.columns, t.data), rowGroupSize: t.rows });
    buffered -= t.rows;
    t.data = t.columns.map(() => []);
    t.rows = 0;
  };
  const fullest = () => {
    let best: Table | undefined;
    for (const t of tables.values()) if (!best || t.rows > best.rows) best = t;
    return best!;
  };
  return {
    async write(record: ExportRecord) {
      const t = tables.get(record.kind);
      if (!t) throw new Error(`export of kinds ${kinds.join(', ')} got a ${record.kind} record`);
      for (let i = 0; i < t.columns.length; i++) t.data[i]!.push(parquetValue(t.columns[i]!, valueAt(record, t.columns[i]!)));
      t.rows += 1;
      t.records += 1;
      buffered += 1;
      if (buffered >= rowGroupRows) await flush(fullest());
    },
    async finish() {
      const files: ExportedFile[] = [];
      for (const t of tables.values()) {
        await flush(t);
        await t.writer.finish();
        await t.sink.close();
        files.push({ path: `${t.kind}.parquet`, format: 'parquet', kind: t.kind, records: t.records });
      }
      return files;
    },
  };
}
