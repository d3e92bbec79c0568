/**
 * Crawl a list of URLs with the real extension in headless Chromium (ARCHITECTURE.md, "Crawl";
 * docs/crawl.md has every option, the outputs and what each failure means).
 *
 *   npm run crawl -- --urls list.txt --out DIR [--dwell 10] [--scroll] [--concurrency N]
 *                    [--shard i/n] [--resume] [--filter-list FILE] [--queue redis://HOST:PORT/NAME]
 *                    [--timeout 30] [--redis-timeout 30] [--extension DIR]
 *   npm run crawl -- --merge DIR1 DIR2 … --out MERGED
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { MissingPrerequisite } from './lib/chromium';
import { mergeCrawlDirs } from './crawl/merge-dirs';
import { parseQueueUrl } from './crawl/redis-queue';
import { runCrawl, type CrawlOptions } from './crawl/run-crawl';
import { parseShard } from './crawl/url-list';

const USAGE = `usage: npm run crawl -- --urls list.txt --out DIR [--dwell 10] [--scroll] [--concurrency N] [--shard i/n]
                        [--resume] [--filter-list FILE] [--queue redis://HOST:PORT/NAME] [--timeout 30] [--redis-timeout 30]
                        [--extension DIR]
       npm run crawl -- --merge DIR1 DIR2 … --out MERGED
See docs/crawl.md.`;

const seconds = (name: string, max: number) =>
  z.coerce.number({ error: `--${name} takes seconds` }).refine((n) => Number.isFinite(n) && n >= 0 && n <= max, `--${name} takes 0 to ${max} seconds`);

const optionsSchema = z.object({
  urls: z.string().optional(),
  out: z.string({ error: '--out DIR is required' }).min(1),
  dwell: seconds('dwell', 3600).default(10),
  scroll: z.boolean().default(false),
  concurrency: z.coerce.number().int('--concurrency takes a whole number').min(1, '--concurrency takes 1 or more').max(64).default(1),
  shard: z.string().optional(),
  resume: z.boolean().default(false),
  'filter-list': z.string().optional(),
  queue: z.string().optional(),
  timeout: seconds('timeout', 600).default(30),
  'redis-timeout': seconds('redis-timeout', 3600).default(30),
  'map-hosts-to-port': z.coerce.number().int().min(1).max(65535).optional(),
  extension: z.string().optional(),
});

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      urls: { type: 'string' },
      out: { type: 'string' },
      dwell: { type: 'string' },
      scroll: { type: 'boolean' },
      concurrency: { type: 'string' },
      shard: { type: 'string' },
      resume: { type: 'boolean' },
      'filter-list': { type: 'string' },
      queue: { type: 'string' },
      timeout: { type: 'string' },
      'redis-timeout': { type: 'string' },
      // The fixture sites: every host name to 127.0.0.1:PORT, self-made certificates accepted (tests, bench).
      'map-hosts-to-port': { type: 'string' },
      extension: { type: 'string' },
      merge: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.merge) {
    if (!values.out || positionals.length === 0) {
      console.error(USAGE);
      return 2;
    }
    const { rows, duplicates } = mergeCrawlDirs(positionals, values.out);
    console.error(`crawl: merged ${positionals.length} directories into ${values.out}: ${rows.length} rows, ${duplicates} URLs done more than once (one kept)`);
    return 0;
  }
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((i) => i.message).join('\n')}\n${USAGE}`);
    return 2;
  }
  const v = parsed.data;
  if (!v.urls && !v.queue) {
    console.error(`--urls FILE is required (or --queue, to pull URLs another worker added)\n${USAGE}`);
    return 2;
  }
  if (v.shard && v.queue) {
    console.error('--shard and --queue do not go together: a queue already shares the list among workers.');
    return 2;
  }
  try {
    if (v.queue) parseQueueUrl(v.queue);
    const options: CrawlOptions = {
      urlsFile: v.urls ?? null,
      out: v.out,
      dwellSeconds: v.dwell,
      scroll: v.scroll,
      concurrency: v.concurrency,
      shard: v.shard ? parseShard(v.shard) : null,
      resume: v.resume,
      filterListFile: v['filter-list'] ?? null,
      queue: v.queue ?? null,
      timeoutSeconds: v.timeout,
      redisTimeoutSeconds: v['redis-timeout'],
      mapHostsToPort: v['map-hosts-to-port'] ?? null,
      extensionDir: v.extension ?? null,
    };
    const result = await runCrawl(options);
    const failed = result.rows.filter((r) => r.status !== 'ok' && r.status !== 'skipped').length;
    const skipped = result.rows.filter((r) => r.status === 'skipped').length;
    console.error(
      `crawl: ${result.visited} URLs visited in this run; ${options.out}/summary.csv has ${result.rows.length} rows (${failed} failed, ${skipped} lines skipped); ${result.browserRestarts} browser restarts`,
    );
    if (result.stopped) {
      console.error(`crawl: stopped: ${result.stopped}`);
      return result.stopped === 'interrupted' ? 130 : 4;
    }
    return 0;
  } catch (error) {
    if (error instanceof MissingPrerequisite) {
      console.error(error.message);
      return 3;
    }
    console.error(`crawl: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
