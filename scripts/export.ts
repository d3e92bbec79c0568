/**
 * Export JSON Lines exports and crawl outputs to JSON Lines, CSV or Parquet, filtered, with
 * privacy mode on unless `--no-privacy` (ARCHITECTURE.md, "Exports"). Streams: input is read line by
 * line and validated (a bad line stops the export with file:line and why, and nothing is written);
 * output goes to `<name>.partial` files renamed at the end, with the JSON Schemas and the manifest.
 *
 *   npm run export -- --in <file.jsonl|dir> [--in …] --out DIR --format jsonl|csv|parquet
 *                     [--from ISO] [--to ISO] [--site S]… [--kind K]… [--no-privacy] [--force]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportFilters, exportFormat, MANIFEST_FILE, type BrowserInfo } from '../lib/export/manifest';
import { NodeDirectory } from '../lib/export/node-directory';
import { ExportInputError, inputManifests, listJsonlFiles, readJsonlFiles } from '../lib/export/read-jsonl';
import { runExport } from '../lib/export/run-export';
import { UsageError, parseCommandLine, runCli } from './lib/cli';

const USAGE = `usage: npm run export -- --in <file.jsonl|dir> [--in …] --out DIR --format jsonl|csv|parquet
                         [--from ISO] [--to ISO] [--site S]… [--kind K]… [--no-privacy] [--force] [--quiet]

Exports JSON Lines exports and crawl outputs again, filtered, as JSON Lines, CSV or Parquet, with
a manifest and the JSON Schemas (docs/researchers.md).

  --in FILE|DIR      a .jsonl export or a directory of them (a crawl's output); repeat for several
  --out DIR          where to write; refused when it already holds an export, unless --force
  --format F         jsonl, csv or parquet
  --from ISO         only records from this date or time on (2026-11-21, 2026-11-21T08:00Z)
  --to ISO           only records before this date or time
  --site S           only this site (registrable domain); repeat for several
  --kind K           only this record kind (visit, tracker, ad, dark-pattern, engagement); repeat
  --no-privacy       keep full URLs and evidence (privacy mode, on by default, keeps a URL's
                     registrable domain and path only and empties ad and dark-pattern details)
  --force            overwrite an export in --out
  --quiet            no progress and no summary
  -h, --help         this help

Exit codes: 0 exported, 1 refused (a bad line: file:line and why; nothing written), 2 usage error.`;

function isoOrNull(value: string | undefined, flag: string): string | null {
  if (value === undefined) return null;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new UsageError(`${flag}: not a date or time: ${value}`);
  return new Date(t).toISOString();
}

async function main(): Promise<number> {
  const { values } = parseCommandLine({
      in: { type: 'string', multiple: true },
      out: { type: 'string' },
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      site: { type: 'string', multiple: true },
      kind: { type: 'string', multiple: true },
      'no-privacy': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.in?.length || !values.out || !values.format) throw new UsageError('--in, --out and --format are required');
  const format = exportFormat.safeParse(values.format);
  if (!format.success) throw new UsageError(`--format: ${values.format} (expected jsonl, csv or parquet)`);
  const filters = exportFilters.safeParse({
    from: isoOrNull(values.from, '--from'),
    to: isoOrNull(values.to, '--to'),
    sites: values.site ?? [],
    kinds: values.kind ?? [],
  });
  if (!filters.success) throw new UsageError(`bad filter: ${filters.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  if (existsSync(join(values.out, MANIFEST_FILE)) && !values.force) {
    throw new UsageError(`${values.out} already holds an export (${MANIFEST_FILE}); choose another --out or pass --force`);
  }

  const files = listJsonlFiles(values.in);
  if (files.length === 0) throw new UsageError(`no .jsonl files in ${values.in.join(', ')}`);
  const manifests = inputManifests(values.in);
  const browsers = new Map<string, BrowserInfo>();
  for (const { manifest } of manifests) for (const b of manifest.browsers) browsers.set(`${b.name}\0${b.version}`, b);
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string };

  const started = performance.now();
  const progress = (n: number) => {
    if (!values.quiet) process.stderr.write(`\rexport: ${n.toLocaleString('en')} records, ${Math.round(n / ((performance.now() - started) / 1000)).toLocaleString('en')}/s`);
  };
  const manifest = await runExport({
    records: readJsonlFiles(files),
    format: format.data,
    directory: new NodeDirectory(values.out),
    filters: filters.data,
    privacy: values['no-privacy'] ? 'off' : 'on',
    manifest: { producer: { name: 'cli', version: pkg.version }, browsers: [...browsers.values()] },
    onProgress: progress,
    progressEvery: 100_000,
  });
  if (!values.quiet) {
    const total = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(`${total >= 100_000 ? '\n' : ''}`);
    console.log(
      `export: ${total} records from ${files.length} file(s) → ${values.out} (${format.data}, privacy ${manifest.privacy.mode}) in ${seconds.toFixed(1)} s: ` +
        Object.entries(manifest.counts).map(([k, n]) => `${k} ${n}`).join(', ') +
        `; visits complete ${manifest.completeness.complete}, incomplete ${manifest.completeness.incomplete}`,
    );
  }
  return 0;
}

runCli('export', main, {
  failed: 'failed, nothing written',
  known: (error) => (error instanceof ExportInputError ? { message: `export: refused, nothing written: ${error.message}`, code: 1 } : null),
});
