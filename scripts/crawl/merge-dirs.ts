import type { ExportRecord } from '../../lib/export/records';
import { finishCrawl, previousCrawl, type CrawlFields } from './finish';
import { OutputDir } from './output-dir';
import type { SummaryRow } from './summary';

/**
 * `npm run crawl -- --merge DIR… --out MERGED` (ARCHITECTURE.md, "Crawl"; docs/crawl.md, "Merge"):
 * the output directories of shards or queue workers as one crawl. A URL done in several (a queue
 * job delivered twice) keeps one row and one site file: the first `ok` one by start time, else
 * the first; records are deduplicated by id (a file copied twice adds nothing).
 */
function better(a: SummaryRow, b: SummaryRow): boolean {
  if ((a.status === 'ok') !== (b.status === 'ok')) return a.status === 'ok';
  return (a.startedAt ?? '') < (b.startedAt ?? '');
}

export function mergeCrawlDirs(inputs: readonly string[], outDir: string): { rows: SummaryRow[]; duplicates: number } {
  const chosen = new Map<string, { row: SummaryRow; from: OutputDir }>();
  let duplicates = 0;
  const runs: CrawlFields['runs'] = [];
  const skipped = new Map<number, CrawlFields['skipped'][number]>();
  let first: CrawlFields | null = null;
  for (const dir of inputs) {
    const input = new OutputDir(dir);
    const crawl = previousCrawl(dir);
    first ??= crawl;
    runs.push(...(crawl?.runs ?? []));
    for (const s of crawl?.skipped ?? []) skipped.set(s.line, s);
    for (const row of input.doneRows()) {
      const current = chosen.get(row.key);
      if (current) duplicates += 1;
      if (!current || better(row, current.row)) chosen.set(row.key, { row, from: input });
    }
  }
  const out = new OutputDir(outDir);
  for (const { row, from } of chosen.values()) {
    const seen = new Set<string>();
    const records: ExportRecord[] = [];
    for (const r of from.readRecords(row)) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      records.push(r);
    }
    out.saveVisit(row, records);
  }
  const browser = runs.map((r) => r.browser).find((b) => b) ?? '';
  const crawl: CrawlFields = {
    listFile: first?.listFile ?? null,
    listHash: first?.listHash ?? null,
    shard: null,
    queue: first?.queue ?? null,
    options: first?.options ?? { dwellSeconds: 0, scroll: false, concurrency: 0, timeoutSeconds: 0, filterListHash: null },
    urls: chosen.size,
    skipped: [...skipped.values()].sort((a, b) => a.line - b.line),
    runs,
  };
  const { rows } = finishCrawl(out, { keys: null, crawl, browserVersion: browser, producerVersion: 'merge' });
  return { rows, duplicates };
}
