import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ensureBuilt } from '../../scripts/lib/build';
import type { FixtureServer } from '../../scripts/lib/fixture-server';
import {
  BROWSER_CRASH_URL,
  HANGING_URL,
  NO_DNS_URL,
  REDIRECT_FROM,
  REDIRECT_TO,
  TAB_CRASH_URL,
  WORKING_URLS,
  startCrawlFixtures,
} from '../../scripts/crawl/fixture-sites';
import { doneKeys, spawnCrawl } from '../../scripts/crawl/cli-process';
import { stableRecords, stableRow } from '../../scripts/crawl/compare';
import { mergeCrawlDirs } from '../../scripts/crawl/merge-dirs';
import { OutputDir } from '../../scripts/crawl/output-dir';
import { startRedisServer } from '../../scripts/crawl/redis-server';
import { runCrawl, type CrawlOptions } from '../../scripts/crawl/run-crawl';
import type { SummaryRow } from '../../scripts/crawl/summary';
import { until } from './harness';

// The crawl end to end (ARCHITECTURE.md, "Crawl"): real Chromium with the built extension, the
// fixture sites on real tracker host names, a real redis-server. Dwell 2 s, so ads can be seen.
let server: FixtureServer;
const root = mkdtempSync(join(tmpdir(), 'beaker-crawl-e2e-'));
const DWELL = 2;
/** The build every crawl here uses, copied once (a rebuild in this tree must not change it half-way). */
const EXTENSION = join(root, 'extension');

const LIST = [
  '# crawl e2e list: comments, blanks, a duplicate, a non-HTTP scheme and a non-URL are skipped',
  '',
  ...WORKING_URLS.slice(0, 4),
  HANGING_URL,
  TAB_CRASH_URL,
  BROWSER_CRASH_URL,
  ...WORKING_URLS.slice(4),
  NO_DNS_URL,
  'https://NEWS.crawl-a.test/#top',
  'ftp://files.crawl-a.test/',
  'not a url',
].join('\n');

function writeList(name: string, text: string): string {
  const path = join(root, name);
  writeFileSync(path, `${text}\n`);
  return path;
}

function options(overrides: Partial<CrawlOptions>): CrawlOptions {
  return {
    urlsFile: null,
    out: '',
    dwellSeconds: DWELL,
    scroll: true,
    concurrency: 1,
    shard: null,
    resume: false,
    filterListFile: null,
    queue: null,
    timeoutSeconds: 5,
    redisTimeoutSeconds: 5,
    mapHostsToPort: server.port,
    extensionDir: EXTENSION,
    log: () => undefined,
    progressWrite: () => undefined,
    ...overrides,
  };
}

/** `npm run crawl` in its own process, on the fixture sites with the copied build. */
function crawlCli(args: string[]) {
  return spawnCrawl(['--dwell', String(DWELL), '--timeout', '5', '--map-hosts-to-port', String(server.port), '--extension', EXTENSION, '--scroll', ...args]);
}

let single: { dir: string; rows: SummaryRow[]; restarts: number };

beforeAll(async () => {
  cpSync(ensureBuilt('chrome'), EXTENSION, { recursive: true });
  server = await startCrawlFixtures();
  // One worker over the whole list, in this process, so the test can crash a tab and the browser
  // through CDP when the crawl reaches their pages (what Chromium does when a renderer or the
  // browser dies; a page cannot crash itself on purpose).
  const dir = join(root, 'single');
  const result = await runCrawl(
    options({
      urlsFile: writeList('list.txt', LIST),
      out: dir,
      hooks: {
        afterLoad: async (page: Page, entry) => {
          if (entry.url === TAB_CRASH_URL) {
            const cdp = await page.context().newCDPSession(page);
            void cdp.send('Page.crash').catch(() => undefined);
            await until(async () => page.isClosed() || (await page.evaluate(() => 1).then(() => false, () => true)), Boolean, 5000);
          } else if (entry.url === BROWSER_CRASH_URL) {
            const closed = new Promise((r) => page.context().once('close', r));
            const cdp = await page.context().browser()!.newBrowserCDPSession();
            void cdp.send('Browser.crash' as never).catch(() => undefined);
            await closed;
          }
        },
      },
    }),
  );
  single = { dir, rows: result.rows, restarts: result.browserRestarts };
}, 180_000);

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('crawl, one worker', () => {
  it('records every URL with its status and goes on after a hang, a crashed tab, a crashed browser and a DNS failure', () => {
    const byUrl = new Map(single.rows.map((r) => [r.url, r]));
    for (const url of WORKING_URLS) expect(byUrl.get(url), url).toMatchObject({ status: 'ok', httpStatus: 200 });
    expect(byUrl.get(HANGING_URL)).toMatchObject({ status: 'timeout' });
    expect(byUrl.get(TAB_CRASH_URL)).toMatchObject({ status: 'tab-crash' });
    expect(byUrl.get(BROWSER_CRASH_URL)).toMatchObject({ status: 'browser-crash' });
    expect(byUrl.get(NO_DNS_URL)).toMatchObject({ status: 'dns' });
    expect(byUrl.get(NO_DNS_URL)!.errors[0]).toMatch(/ERR_NAME_NOT_RESOLVED/);
    expect(single.restarts).toBe(1);
    // The redirect: the list's URL, where it ended, one visit of the target.
    expect(byUrl.get(REDIRECT_FROM)).toMatchObject({ finalUrl: REDIRECT_TO, visits: 1 });
    // What the extension found, by site.
    expect(byUrl.get('https://pixels.crawl-g.test/')!.trackers).toBeGreaterThanOrEqual(4);
    expect(byUrl.get('https://pixels.crawl-g.test/')!.beacons).toBeGreaterThan(0);
    expect(byUrl.get('https://news.crawl-a.test/')!.adsRendered).toBeGreaterThanOrEqual(3);
    expect(byUrl.get('https://news.crawl-a.test/')!.adsSeen).toBeGreaterThan(0);
    expect(byUrl.get('https://plain.crawl-h.test/')).toMatchObject({ trackers: 0, adsRendered: 0, darkPatterns: 0 });
    const patterns = ['https://shop.crawl-b.test/', 'https://consent.crawl-c.test/', 'https://sale.crawl-d.test/'].map((u) => byUrl.get(u)!.darkPatterns);
    expect(patterns.every((n) => n > 0), `dark patterns: ${patterns}`).toBe(true);
  });

  it('skips bad lines of the list with a reason, in the summary', () => {
    const skipped = single.rows.filter((r) => r.status === 'skipped').map((r) => r.errors[0]);
    expect(skipped).toEqual(['duplicate of line 3', 'scheme ftp: is not http or https', 'not a URL']);
    const csv = readFileSync(join(single.dir, 'summary.csv'), 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(1 + 13 + 3);
    expect(csv.filter((l) => l.includes(',skipped,'))).toHaveLength(3);
  });

  it('writes one JSON Lines file per URL of records in the export shape, and a manifest that counts them', () => {
    const out = new OutputDir(single.dir);
    const counts: Record<string, number> = { visit: 0, tracker: 0, ad: 0, 'dark-pattern': 0, engagement: 0 };
    for (const row of single.rows.filter((r) => r.status !== 'skipped')) {
      const records = out.readRecords(row); // parsed with the export schema
      expect(records).toHaveLength(row.records);
      for (const r of records) counts[r.kind]! += 1;
      if (row.status === 'ok') expect(records[0]).toMatchObject({ kind: 'visit' });
    }
    const manifest = JSON.parse(readFileSync(join(single.dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'beaker-export', producer: { name: 'crawl' }, privacy: { mode: 'off' }, counts });
    // A file per URL with records; a DNS failure has none.
    expect(manifest.files).toHaveLength(single.rows.filter((r) => r.records > 0).length);
    expect(single.rows.find((r) => r.url === NO_DNS_URL)!.records).toBe(0);
    expect(manifest.browsers[0].version).toMatch(/^\d+\./);
    expect(manifest.crawl).toMatchObject({
      listHash: createHash('sha256').update(`${LIST}\n`).digest('hex'),
      shard: null,
      options: { dwellSeconds: DWELL, scroll: true, concurrency: 1, timeoutSeconds: 5 },
      urls: 13,
    });
    expect(manifest.crawl.skipped).toHaveLength(3);
    expect(manifest.crawl.runs).toHaveLength(1);
    const names = readdirSync(single.dir, { recursive: true }) as string[];
    expect(names.filter((n) => n.endsWith('.partial'))).toEqual([]);
  });
});

describe('crawl --filter-list', () => {
  it('loads a local EasyList-syntax list into the extension, which finds list-selected ads with it', async () => {
    const url = 'https://www.news.example/world/story/';
    const dir = join(root, 'listed');
    const result = await runCrawl(options({ urlsFile: writeList('listed.txt', url), out: dir, filterListFile: resolve('tests/fixtures/lists/test-easylist.txt') }));
    expect(result.rows[0]).toMatchObject({ url, status: 'ok' });
    const records = new OutputDir(dir).readRecords(result.rows[0]!);
    const listed = records.filter((r) => r.kind === 'ad' && r.phase === 'rendered' && (r.ruleId.startsWith('ads/list-selector') || r.reasons.some((x) => x.rule.startsWith('ads/list-selector'))));
    expect(listed.length, JSON.stringify(records.filter((r) => r.kind === 'ad'))).toBeGreaterThanOrEqual(3);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.crawl.options.filterListHash).toBe(createHash('sha256').update(readFileSync('tests/fixtures/lists/test-easylist.txt')).digest('hex'));
  });
});

describe('crawl --resume', () => {
  it('after a crawl killed half-way, redoes nothing done and loses nothing', async () => {
    const list = writeList('resume.txt', WORKING_URLS.slice(0, 4).join('\n'));
    const dir = join(root, 'resume');
    const first = crawlCli(['--urls', list, '--out', dir]);
    await until(async () => doneKeys(dir).length, (n) => n >= 2, 90_000, 100);
    first.kill();
    await first.exit;
    const before = new Map(doneKeys(dir).map((k) => [k, statSync(join(dir, 'done', k)).mtimeMs]));
    expect(before.size).toBeGreaterThanOrEqual(2);
    expect(before.size).toBeLessThan(4);
    // Without --resume, a directory that holds a crawl is refused (crawls are never mixed).
    await expect(runCrawl(options({ urlsFile: list, out: dir }))).rejects.toThrow(/already holds \d+ crawled URLs: pass --resume/);

    const second = await crawlCli(['--urls', list, '--out', dir, '--resume']).exit;
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain(`resuming, ${before.size} of 4 URLs already done`);
    expect(doneKeys(dir)).toHaveLength(4);
    for (const [k, mtime] of before) expect(statSync(join(dir, 'done', k)).mtimeMs, k).toBe(mtime);
    const rows = new OutputDir(dir).doneRows();
    expect(rows.map((r) => r.status)).toEqual(Array(4).fill('ok'));
    expect(readFileSync(join(dir, 'summary.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(5);
  });
});

describe('crawl --queue (BullMQ on a real redis-server)', () => {
  const QUEUE_URLS = [...WORKING_URLS, NO_DNS_URL];

  it('two workers share the list; their merged result equals the one-worker crawl', async () => {
    const redis = await startRedisServer();
    try {
      const list = writeList('queue.txt', QUEUE_URLS.join('\n'));
      const dirs = [join(root, 'w1'), join(root, 'w2')];
      const runs = dirs.map((dir) => crawlCli(['--urls', list, '--out', dir, '--queue', redis.url('crawl-e2e')]));
      const exits = await Promise.all(runs.map((r) => r.exit));
      for (const e of exits) expect(e.code, e.stderr).toBe(0);
      for (const dir of dirs) expect(doneKeys(dir).length, dir).toBeGreaterThan(0);
      const merged = join(root, 'merged');
      const { rows } = mergeCrawlDirs(dirs, merged);
      expect(rows).toHaveLength(QUEUE_URLS.length);

      const one = new OutputDir(single.dir);
      const many = new OutputDir(merged);
      const oneRows = new Map(single.rows.map((r) => [r.url, r]));
      for (const row of rows.sort((a, b) => a.url.localeCompare(b.url))) {
        const expected = oneRows.get(row.url)!;
        expect(stableRow(row), row.url).toEqual(stableRow(expected));
        expect(stableRecords(many.readRecords(row)), row.url).toEqual(stableRecords(one.readRecords(expected)));
      }
    } finally {
      await redis.stop();
    }
  });

  it('a Redis killed mid-crawl: the worker retries, stops with a clear message, and marks nothing done it did not visit', async () => {
    const list = writeList('outage.txt', WORKING_URLS.slice(0, 4).join('\n'));
    const dir = join(root, 'outage');
    let redis = await startRedisServer();
    const run = crawlCli(['--urls', list, '--out', dir, '--queue', redis.url('outage'), '--redis-timeout', '3']);
    await until(async () => doneKeys(dir).length, (n) => n >= 2, 90_000, 100);
    await redis.stop();
    const exit = await run.exit;
    expect(exit.code, exit.stderr).toBe(4);
    expect(exit.stderr).toContain(`Redis at 127.0.0.1:${redis.port} does not answer; retrying for up to 3 s`);
    expect(exit.stderr).toMatch(/Redis at 127\.0\.0\.1:\d+ has not answered for 3 s: this worker stops\. The \d+ URLs done/);
    const done = new OutputDir(dir).doneRows();
    expect(done.length).toBeGreaterThanOrEqual(2);
    expect(done.length).toBeLessThan(4);
    for (const row of done) {
      expect(row.status).toBe('ok');
      expect(new OutputDir(dir).readRecords(row).length, row.url).toBe(row.records);
    }
    const before = new Map(doneKeys(dir).map((k) => [k, statSync(join(dir, 'done', k)).mtimeMs]));
    // A new Redis (this one kept nothing): the list again, the rest is crawled, nothing is redone.
    redis = await startRedisServer();
    try {
      const again = await crawlCli(['--urls', list, '--out', dir, '--queue', redis.url('outage'), '--resume']).exit;
      expect(again.code, again.stderr).toBe(0);
      expect(doneKeys(dir)).toHaveLength(4);
      for (const [k, mtime] of before) expect(statSync(join(dir, 'done', k)).mtimeMs, k).toBe(mtime);
    } finally {
      await redis.stop();
    }
  });
});
