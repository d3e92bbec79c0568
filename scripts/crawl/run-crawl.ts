import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PQueue from 'p-queue';
import { ensureBuilt } from '../lib/build';
import { findChromium } from '../lib/chromium';
import type { CrawlHooks } from './browser-worker';
import { checkFilterList } from './filter-list';
import { finishCrawl, previousRuns, type CrawlFields } from './finish';
import { OutputDir } from './output-dir';
import { Progress } from './progress';
import { runQueueWorkers } from './redis-queue';
import type { SummaryRow } from './summary';
import { inShard, parseUrlList, type ListEntry, type Shard, type SkippedLine } from './url-list';
import { WorkerPool } from './worker-pool';

/**
 * `npm run crawl` (ARCHITECTURE.md, "Crawl"; docs/crawl.md): the list (or this machine's shard of
 * it) or a shared Redis queue, N browsers with the built extension, one output directory.
 */
export interface CrawlOptions {
  urlsFile: string | null;
  out: string;
  dwellSeconds: number;
  scroll: boolean;
  concurrency: number;
  shard: Shard | null;
  resume: boolean;
  filterListFile: string | null;
  queue: string | null;
  timeoutSeconds: number;
  /** How long a worker keeps retrying a Redis that does not answer before it stops. */
  redisTimeoutSeconds: number;
  /** How long a queue job stays locked to a worker that stopped renewing it (a dead worker); default 120. */
  lockSeconds?: number;
  /** Map every host to 127.0.0.1:port (the fixture sites; tests and the bench). */
  mapHostsToPort: number | null;
  /** An unpacked Chrome build to crawl with instead of building this checkout (`--extension DIR`). */
  extensionDir?: string | null;
  hooks?: CrawlHooks;
  log?: (line: string) => void;
  /** Progress output; defaults to stderr (a rewritten line on a terminal). */
  progressWrite?: (text: string) => void;
}

export interface CrawlResult {
  rows: SummaryRow[];
  visited: number;
  /** Why the crawl stopped before its end, or null. */
  stopped: string | null;
  browserRestarts: number;
}

/** The built extension, copied so a rebuild during a long crawl cannot change or remove it. */
function snapshotExtension(given: string | null, log: (line: string) => void): { dir: string; version: string; cleanup: () => void } {
  if (given !== null && !existsSync(join(given, 'manifest.json'))) throw new Error(`--extension ${given}: no manifest.json there (an unpacked Chrome build, like .output/chrome-mv3)`);
  const built = given ?? ensureBuilt('chrome', log);
  const dir = mkdtempSync(join(tmpdir(), 'beaker-crawl-ext-'));
  cpSync(built, dir, { recursive: true });
  const version = (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string }).version;
  return { dir, version, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function runCrawl(opts: CrawlOptions): Promise<CrawlResult> {
  const log = opts.log ?? ((line: string) => console.error(line));
  const startedAt = new Date().toISOString();
  let entries: ListEntry[] = [];
  let skipped: SkippedLine[] = [];
  let listHash: string | null = null;
  if (opts.urlsFile !== null) {
    const list = parseUrlList(readText(opts.urlsFile, 'the URL list'));
    entries = inShard(list.entries, opts.shard);
    skipped = list.skipped;
    listHash = list.hash;
  }
  const out = new OutputDir(opts.out);
  const alreadyDone = out.doneRows();
  if (alreadyDone.length > 0 && !opts.resume) {
    throw new Error(`${opts.out} already holds ${alreadyDone.length} crawled URLs: pass --resume to continue that crawl, or choose another --out.`);
  }
  let filterList: string | null = null;
  let filterListHash: string | null = null;
  if (opts.filterListFile !== null) {
    const text = readText(opts.filterListFile, 'the filter list');
    filterList = checkFilterList(text, opts.filterListFile);
    filterListHash = createHash('sha256').update(text).digest('hex');
  }
  findChromium();
  const extension = snapshotExtension(opts.extensionDir ?? null, log);
  const pool = new WorkerPool(opts.concurrency, {
    extensionDir: extension.dir,
    dwellMs: opts.dwellSeconds * 1000,
    scroll: opts.scroll,
    navigationTimeoutMs: opts.timeoutSeconds * 1000,
    mapHostsToPort: opts.mapHostsToPort,
    filterListText: filterList,
    hooks: opts.hooks ?? {},
  });
  let visited = 0;
  let stopped: string | null = null;
  try {
    await pool.start();
    if (opts.queue !== null) {
      const result = await runQueueWorkers({ queueUrl: opts.queue, entries, pool, out, concurrency: opts.concurrency, redisTimeoutSeconds: opts.redisTimeoutSeconds, lockSeconds: opts.lockSeconds ?? 120, log, progressWrite: opts.progressWrite });
      visited = result.visited;
      stopped = result.stopped;
    } else {
      const todo = entries.filter((e) => !out.isDone(e.key));
      if (opts.resume && todo.length < entries.length) log(`crawl: resuming, ${entries.length - todo.length} of ${entries.length} URLs already done`);
      const progress = new Progress(todo.length, opts.progressWrite);
      const queue = new PQueue({ concurrency: opts.concurrency });
      let fatal: unknown = null;
      const interrupt = () => {
        stopped = 'interrupted';
        queue.clear();
        log('crawl: interrupted; finishing the visits under way (the rest is left for --resume)');
      };
      process.once('SIGINT', interrupt);
      process.once('SIGTERM', interrupt);
      try {
        for (const entry of todo) {
          void queue.add(async () => {
            try {
              const { row, records } = await pool.visit(entry);
              out.saveVisit(row, records);
              visited += 1;
              progress.record(row);
            } catch (error) {
              // Only what is not a URL's result gets here (a browser that cannot start): stop.
              fatal ??= error;
              queue.clear();
            }
          });
        }
        await queue.onIdle();
      } finally {
        process.off('SIGINT', interrupt);
        process.off('SIGTERM', interrupt);
        progress.end();
      }
      if (fatal !== null) throw fatal;
    }
  } finally {
    await pool.close();
    extension.cleanup();
  }
  const crawl: CrawlFields = {
    listFile: opts.urlsFile,
    listHash,
    shard: opts.shard ? `${opts.shard.index}/${opts.shard.count}` : null,
    queue: opts.queue === null ? null : redactQueueUrl(opts.queue),
    options: { dwellSeconds: opts.dwellSeconds, scroll: opts.scroll, concurrency: opts.concurrency, timeoutSeconds: opts.timeoutSeconds, filterListHash },
    urls: entries.length,
    skipped: skipped.slice(0, 10_000),
    runs: [
      ...previousRuns(opts.out),
      { startedAt, endedAt: new Date().toISOString(), browser: pool.browserVersion(), workers: pool.names(), visited, stopped },
    ],
  };
  const keys = opts.queue === null ? new Set(entries.map((e) => e.key)) : null;
  const { rows } = finishCrawl(out, { keys, crawl, browserVersion: pool.browserVersion(), producerVersion: extension.version });
  return { rows, visited, stopped, browserRestarts: pool.restarts() };
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** The queue URL without its password, for the manifest. */
export function redactQueueUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return 'redis://(unparsable)';
  }
}
