import { jsonSchemaFiles, SCHEMA_DIR } from './json-schema';
import { makeFilter } from './filters';
import { MANIFEST_FILE, ManifestBuilder, NO_FILTERS, manifestJson, type ExportFilters, type ExportFormat, type Manifest, type ManifestInput } from './manifest';
import { parquetWriter } from './parquet-writer';
import { privacyTransform, type PrivacyMode } from './privacy';
import { RECORD_KINDS, type ExportRecord } from './records';
import { encodeText, type SinkDirectory } from './sink';
import { csvWriter, jsonlWriter, type WriterFactory } from './writers';

/**
 * One export (ARCHITECTURE.md, "Exports"): records stream in (a log cursor, JSON Lines files,
 * a crawl), are filtered, passed through privacy mode, counted for the manifest and written;
 * then the JSON Schemas and the manifest are written beside them and the directory commits.
 * On any error the directory aborts: no partial export is left looking complete.
 */
export const WRITERS: Record<ExportFormat, WriterFactory> = { jsonl: jsonlWriter, csv: csvWriter, parquet: parquetWriter };

export interface ExportOptions {
  records: AsyncIterable<ExportRecord> | Iterable<ExportRecord>;
  format: ExportFormat;
  directory: SinkDirectory;
  filters?: ExportFilters;
  /** On unless the caller turns it off (researchers). */
  privacy?: PrivacyMode;
  manifest: Omit<ManifestInput, 'filters' | 'privacy' | 'files'>;
  /** A writer other than the format's default one (tests: small Parquet row groups). */
  writer?: WriterFactory;
  /** Write `schema/*.schema.json` beside the files (default true). */
  schemas?: boolean;
  /** Called every `progressEvery` records written (default 10,000). */
  onProgress?(written: number): void;
  progressEvery?: number;
}

export async function writeTextFile(directory: SinkDirectory, name: string, text: string): Promise<void> {
  const sink = await directory.open(name);
  await sink.write(encodeText(text));
  await sink.close();
}

export async function runExport(options: ExportOptions): Promise<Manifest> {
  const filters = options.filters ?? NO_FILTERS;
  const keep = makeFilter(filters);
  const privacy = options.privacy ?? 'on';
  const transform = privacyTransform(privacy);
  const kinds = filters.kinds.length > 0 ? RECORD_KINDS.filter((k) => filters.kinds.includes(k)) : RECORD_KINDS;
  const { directory } = options;
  const every = options.progressEvery ?? 10_000;
  try {
    const writer = await (options.writer ?? WRITERS[options.format])(directory, kinds);
    const builder = new ManifestBuilder();
    let written = 0;
    for await (const record of options.records) {
      if (!keep(record)) continue;
      const out = transform(record);
      builder.observe(out);
      await writer.write(out);
      written += 1;
      if (options.onProgress && written % every === 0) options.onProgress(written);
    }
    const files = await writer.finish();
    if (options.schemas ?? true) {
      for (const { file, text } of jsonSchemaFiles()) await writeTextFile(directory, `${SCHEMA_DIR}/${file}`, text);
    }
    const manifest = builder.build({ ...options.manifest, filters, privacy, files });
    await writeTextFile(directory, MANIFEST_FILE, manifestJson(manifest));
    await directory.commit();
    return manifest;
  } catch (error) {
    await directory.abort();
    throw error;
  }
}
