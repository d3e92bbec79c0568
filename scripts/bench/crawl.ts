import { cpus } from 'node:os';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../lib/build';
import { stableRecords, stableRow } from '../crawl/compare';
import { WORKING_URLS, startCrawlFixtures } from '../crawl/fixture-sites';
import { OutputDir } from '../crawl/output-dir';
import { runCrawl } from '../crawl/run-crawl';
import { log } from './stats';

/**
 * Bench section `crawl` (ARCHITECTURE.md, "Crawl"): throughput of `npm run crawl` on the crawl's
 * fixture sites (tests/fixtures/crawl, served locally on real tracker host names), one worker
 * against N = the number of cores, same list, same run. Figures are sites per minute of wall time,
 * from the first visit to the last summary row (browser starts included), and per core used
 * (min(N, cores)). Dwell 2 s, scrolling: with the default 10 s dwell a worker is idle most of the
 * time and sites/min scale with N far past the cores.
 */
export interface CrawlBenchRun {
  workers: number;
  sites: number;
  seconds: number;
  sitesPerMinute: number;
  sitesPerMinutePerCore: number;
  failed: number;
}

export interface CrawlResult {
  dwellSeconds: number;
  cores: number;
  one: CrawlBenchRun;
  many: CrawlBenchRun;
  /** Sites/min with N workers over sites/min with one. */
  speedup: number;
  /** URLs whose stable summary fields or records differ between the two runs (docs: scripts/crawl/compare.ts). */
  differing: string[];
}

const DWELL = 2;
const ROUNDS = 3; // each fixture site this many times (a query string makes each visit its own URL)

export async function benchCrawl(): Promise<CrawlResult> {
  const root = mkdtempSync(join(tmpdir(), 'beaker-bench-crawl-'));
  const extension = join(root, 'extension');
  cpSync(ensureBuilt('chrome', log), extension, { recursive: true });
  const server = await startCrawlFixtures();
  const cores = cpus().length;
  const many = Math.max(2, cores);
  const urls = Array.from({ length: ROUNDS }, (_, round) => WORKING_URLS.map((u) => `${u}?round=${round}`)).flat();
  const list = join(root, 'list.txt');
  writeFileSync(list, `${urls.join('\n')}\n`);
  const run = async (workers: number): Promise<CrawlBenchRun> => {
    log(`bench: crawl, ${urls.length} sites with ${workers} worker(s)…`);
    const t0 = performance.now();
    const result = await runCrawl({
      urlsFile: list,
      out: join(root, `out-${workers}`),
      dwellSeconds: DWELL,
      scroll: true,
      concurrency: workers,
      shard: null,
      resume: false,
      filterListFile: null,
      queue: null,
      timeoutSeconds: 30,
      redisTimeoutSeconds: 30,
      mapHostsToPort: server.port,
      extensionDir: extension,
      log: () => undefined,
      progressWrite: () => undefined,
    });
    const seconds = (performance.now() - t0) / 1000;
    const perMinute = (result.visited / seconds) * 60;
    return {
      workers,
      sites: result.visited,
      seconds,
      sitesPerMinute: perMinute,
      sitesPerMinutePerCore: perMinute / Math.min(workers, cores),
      failed: result.rows.filter((r) => r.status !== 'ok').length,
    };
  };
  try {
    const one = await run(1);
    const n = await run(many);
    const [a, b] = [new OutputDir(join(root, 'out-1')), new OutputDir(join(root, `out-${many}`))];
    const other = new Map(b.doneRows().map((r) => [r.key, r]));
    const differing = a
      .doneRows()
      .filter((r) => {
        const o = other.get(r.key);
        return !o || JSON.stringify(stableRow(r)) !== JSON.stringify(stableRow(o)) || JSON.stringify(stableRecords(a.readRecords(r))) !== JSON.stringify(stableRecords(b.readRecords(o)));
      })
      .map((r) => r.url);
    return { dwellSeconds: DWELL, cores, one, many: n, speedup: n.sitesPerMinute / one.sitesPerMinute, differing };
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

export function printCrawl(r: CrawlResult): string {
  const row = (x: CrawlBenchRun) =>
    `  ${String(x.workers).padStart(2)} worker(s): ${x.sites} sites in ${x.seconds.toFixed(1)} s = ${x.sitesPerMinute.toFixed(1)} sites/min, ${x.sitesPerMinutePerCore.toFixed(1)} per core${x.failed ? ` (${x.failed} failed)` : ''}`;
  return [
    `== crawl: npm run crawl on the fixture sites, dwell ${r.dwellSeconds} s with --scroll, ${r.cores} cores (browser starts included)`,
    row(r.one),
    row(r.many),
    `  ${r.many.workers} workers vs 1: ×${r.speedup.toFixed(2)} sites/min; same findings per URL: ${r.differing.length === 0 ? 'yes' : `no, ${r.differing.length} differ (${r.differing.slice(0, 3).join(', ')})`}`,
  ].join('\n');
}
