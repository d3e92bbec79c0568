import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureBuilt } from '../../scripts/lib/build';
import type { FixtureServer } from '../../scripts/lib/fixture-server';
import { doneKeys, spawnCrawl } from '../../scripts/crawl/cli-process';
import { WORKING_URLS, startCrawlFixtures } from '../../scripts/crawl/fixture-sites';
import { mergeCrawlDirs } from '../../scripts/crawl/merge-dirs';
import { startRedisServer, type RedisServer } from '../../scripts/crawl/redis-server';
import { until } from './harness';

// At-least-once delivery (ARCHITECTURE.md, "Crawl"; docs/crawl.md, "Many machines"): a queue worker
// killed mid-visit (kill -9 of its process group, its Chromium included) leaves its URL locked;
// once the lock expires another worker's stalled-job check puts it back and that worker visits
// it. The merge has every URL once.
let server: FixtureServer;
let redis: RedisServer;
const root = mkdtempSync(join(tmpdir(), 'beaker-crawl-stalled-'));
const extension = join(root, 'extension');

beforeAll(async () => {
  cpSync(ensureBuilt('chrome'), extension, { recursive: true });
  server = await startCrawlFixtures();
  redis = await startRedisServer();
});

afterAll(async () => {
  await redis?.stop();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

it('a URL of a worker killed mid-visit is visited by another worker once its lock expires', async () => {
  const urls = WORKING_URLS.slice(0, 4);
  const list = join(root, 'list.txt');
  writeFileSync(list, `${urls.join('\n')}\n`);
  const common = ['--dwell', '2', '--timeout', '5', '--map-hosts-to-port', String(server.port), '--extension', extension, '--queue', redis.url('stalled'), '--lock-seconds', '3'];
  const [a, b] = [join(root, 'a'), join(root, 'b')];
  const first = spawnCrawl([...common, '--urls', list, '--out', a]);
  await until(async () => doneKeys(a).length, (n) => n >= 1, 90_000, 50);
  first.kill(); // during its second visit
  await first.exit;
  expect(doneKeys(a).length).toBeLessThan(urls.length);
  // A worker that only pulls: the waiting URLs, then the one the dead worker held.
  const second = await spawnCrawl([...common, '--out', b]).exit;
  expect(second.code, second.stderr).toBe(0);
  const { rows } = mergeCrawlDirs([a, b], join(root, 'merged'));
  expect(rows.map((r) => r.url).sort()).toEqual([...urls].sort());
  expect(rows.every((r) => r.status === 'ok')).toBe(true);
  expect(doneKeys(a).length + doneKeys(b).length).toBeGreaterThanOrEqual(urls.length);
});
