import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MANIFEST_FILE, ManifestBuilder, NO_FILTERS, manifestJson, type ExportedFile } from '../../lib/export/manifest';
import { OutputDir, siteFileName, writeAtomically } from './output-dir';
import { skippedRow, summaryCsv, type SummaryRow } from './summary';

/**
 * End of a crawl (ARCHITECTURE.md, "Crawl"): `summary.csv` from every done row (plus the list's
 * skipped lines) and `manifest.json`: the export manifest of lib/export/manifest.ts over every
 * site file, plus a `crawl` object (list hash, shard, options, runs with their start, end and
 * browser version). A resumed crawl appends its run to the previous manifest's.
 */
export const crawlRun = z.object({
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime(),
  browser: z.string(),
  workers: z.array(z.string()),
  visited: z.int().nonnegative(),
  /** Why the run ended early (a Redis that went away, an interrupt), or null. */
  stopped: z.string().nullable(),
});

export const crawlFields = z.object({
  listFile: z.string().nullable(),
  listHash: z.string().nullable(),
  shard: z.string().nullable(),
  queue: z.string().nullable(),
  options: z.object({
    dwellSeconds: z.number(),
    scroll: z.boolean(),
    concurrency: z.int(),
    timeoutSeconds: z.number(),
    filterListHash: z.string().nullable(),
  }),
  urls: z.int().nonnegative(),
  /** Lines of the list not crawled, with why (also rows of summary.csv). */
  skipped: z.array(z.object({ line: z.int().positive(), text: z.string().max(2048), reason: z.string() })).max(10_000),
  runs: z.array(crawlRun),
});
export type CrawlFields = z.infer<typeof crawlFields>;
export type CrawlRun = z.infer<typeof crawlRun>;

/** The `crawl` object of a directory's manifest, or null when there is none (or it is not one). */
export function previousCrawl(dir: string): CrawlFields | null {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return null;
  try {
    const parsed = z.object({ crawl: crawlFields }).safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data.crawl : null;
  } catch {
    return null;
  }
}

export function previousRuns(dir: string): CrawlRun[] {
  return previousCrawl(dir)?.runs ?? [];
}

export function finishCrawl(
  out: OutputDir,
  opts: { keys: ReadonlySet<string> | null; crawl: CrawlFields; browserVersion: string; producerVersion: string },
): { rows: SummaryRow[]; manifest: Record<string, unknown> } {
  const rows = out.doneRows().filter((r) => opts.keys === null || opts.keys.has(r.key));
  const builder = new ManifestBuilder();
  const files: ExportedFile[] = [];
  for (const row of [...rows].sort((a, b) => a.line - b.line)) {
    const records = out.readRecords(row);
    for (const r of records) builder.observe(r);
    if (records.length > 0) files.push({ path: siteFileName(row), format: 'jsonl', kind: null, records: records.length });
  }
  const all = [...rows, ...opts.crawl.skipped.map((s) => skippedRow(s.line, s.text, s.reason))];
  writeAtomically(join(out.dir, 'summary.csv'), summaryCsv(all));
  const base = builder.build({
    producer: { name: 'crawl', version: opts.producerVersion },
    browsers: opts.browserVersion ? [{ name: 'chromium', version: opts.browserVersion }] : [],
    filters: NO_FILTERS,
    privacy: 'off',
    files,
  });
  const manifest = { ...base, crawl: crawlFields.parse(opts.crawl) };
  writeAtomically(join(out.dir, MANIFEST_FILE), manifestJson(manifest as typeof base));
  return { rows: all, manifest };
}
