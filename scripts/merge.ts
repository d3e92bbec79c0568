/**
 * Merge exports (a panel's participants, crawl shards) into one JSON Lines file (ARCHITECTURE.md,
 * "Export and import"): every input is streamed and validated record by record with the
 * extension's own import validator (lib/import/jsonl-validator.ts), records are deduplicated by
 * id (visits and events each), and the first bad line of any input stops the merge naming
 * file:line, leaving no output. Writes `<out>.partial`, renamed at the end, and a manifest beside
 * it (`<out without .jsonl>.manifest.json`).
 *
 *   npm run merge -- <export.jsonl|export.zip|dir>… --out FILE.jsonl [--force] [--quiet]
 */
import { createReadStream, createWriteStream, existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExportFileError, exportFileText } from '../lib/import/export-file-text';
import { JsonlValidator } from '../lib/import/jsonl-validator';
import { ManifestBuilder, NO_FILTERS, manifestJson } from '../lib/export/manifest';
import { toJsonLine, visitToRecord, type ExportRecord } from '../lib/export/records';
import { UsageError, parseCommandLine, runCli } from './lib/cli';

const USAGE = `usage: npm run merge -- <export.jsonl|export.zip|dir>… --out FILE.jsonl [--force] [--quiet]

Merges exports (a panel's participants, crawl shards) into one JSON Lines file, validated like an
import and deduplicated by id, with a manifest beside it.

  INPUT…             .jsonl or .zip exports, or directories of them (walked in name order)
  --out FILE.jsonl   the merged file (its manifest: FILE.manifest.json)
  --force            overwrite --out when it exists
  --quiet            no per-input counts
  -h, --help         this help

Exit codes: 0 merged, 1 refused (a bad line: file:line and why; nothing written), 2 usage error.`;

export class MergeRefusal extends Error {}

export interface InputCounts {
  file: string;
  records: number;
  written: number;
  duplicates: number;
  kinds: Record<string, number>;
}

/** `.jsonl` and `.zip` files of the inputs, directories walked in name order (`.partial` files skipped). */
export function listInputs(inputs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.jsonl') || name.endsWith('.zip')) out.push(path);
    }
  };
  for (const input of inputs) {
    if (!existsSync(input)) throw new MergeRefusal(`no such file or directory: ${input}`);
    if (statSync(input).isDirectory()) walk(input);
    else out.push(input);
  }
  return out;
}

export function manifestPathOf(out: string): string {
  return `${out.replace(/\.jsonl$/, '')}.manifest.json`;
}

export async function mergeExports(inputs: readonly string[], out: string, version = '0.0.0'): Promise<InputCounts[]> {
  const files = listInputs(inputs).filter((f) => f !== out);
  if (files.length === 0) throw new MergeRefusal(`no .jsonl or .zip exports in ${inputs.join(', ')}`);
  const partial = `${out}.partial`;
  const sink = createWriteStream(partial);
  const seen = { visit: new Set<string>(), event: new Set<string>() };
  const manifest = new ManifestBuilder();
  const counts: InputCounts[] = [];
  const write = async (line: string) => {
    if (!sink.write(line)) await once(sink, 'drain');
  };
  try {
    for (const file of files) {
      const row: InputCounts = { file, records: 0, written: 0, duplicates: 0, kinds: {} };
      const lines: string[] = [];
      const validator = new JsonlValidator({
        name: file,
        onRecord: (r) => {
          row.records += 1;
          const [ids, id] = r.kind === 'visit' ? [seen.visit, r.visit.id] : [seen.event, r.event.id];
          if (ids.has(id)) {
            row.duplicates += 1;
            return;
          }
          ids.add(id);
          const record: ExportRecord = r.kind === 'visit' ? visitToRecord(r.visit) : r.event;
          manifest.observe(record);
          row.written += 1;
          row.kinds[record.kind] = (row.kinds[record.kind] ?? 0) + 1;
          lines.push(`${toJsonLine(record)}\n`);
        },
      });
      try {
        for await (const text of exportFileText(createReadStream(file))) {
          const refusal = validator.push(text);
          if (refusal) throw new MergeRefusal(refusal.message);
          if (lines.length > 0) await write(lines.splice(0).join(''));
        }
      } catch (error) {
        if (error instanceof ExportFileError) throw new MergeRefusal(`${file}: ${error.message}`);
        throw error;
      }
      const refusal = validator.end();
      if (refusal) throw new MergeRefusal(refusal.message);
      if (lines.length > 0) await write(lines.splice(0).join(''));
      counts.push(row);
    }
    sink.end();
    await once(sink, 'finish');
    renameSync(partial, out);
    const built = manifest.build({ producer: { name: 'merge', version }, browsers: [], filters: NO_FILTERS, privacy: 'off', files: [{ path: out.split('/').pop()!, format: 'jsonl', kind: null, records: counts.reduce((n, c) => n + c.written, 0) }] });
    writeFileSync(manifestPathOf(out), manifestJson(built));
    return counts;
  } catch (error) {
    sink.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine(
    { out: { type: 'string' }, force: { type: 'boolean' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    { allowPositionals: true },
  );
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('give at least one export to merge');
  if (!values.out || !values.out.endsWith('.jsonl')) throw new UsageError('--out FILE.jsonl is required (a name ending in .jsonl)');
  if (existsSync(values.out) && !values.force) throw new UsageError(`${values.out} exists; choose another --out or pass --force`);
  const started = performance.now();
  try {
    const counts = await mergeExports(positionals, values.out, process.env.npm_package_version);
    if (!values.quiet) {
      for (const c of counts) {
        const kinds = Object.entries(c.kinds).map(([k, n]) => `${k} ${n}`).join(', ') || 'nothing new';
        console.log(`${c.file}: ${c.records} records, ${c.written} written (${kinds}), ${c.duplicates} duplicates skipped`);
      }
      const total = counts.reduce((n, c) => n + c.written, 0);
      console.log(`merge: ${total} records from ${counts.length} input(s) → ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    return 0;
  } catch (error) {
    if (error instanceof MergeRefusal) {
      console.error(`merge: refused, nothing written: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runCli('merge', main, { failed: 'failed, nothing written' });
