import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseQueueUrl } from './redis-queue';
import type { CrawlOptions } from './run-crawl';
import { parseShard } from './url-list';

/**
 * The command line of `npm run crawl` (ARCHITECTURE.md, "Crawl"; every option in docs/crawl.md),
 * parsed with zod: a bad value is a message naming the option, never a crash or a silent default.
 */
export const USAGE = `usage: npm run crawl -- --urls list.txt --out DIR [--dwell 10] [--scroll] [--concurrency N] [--shard i/n]
                        [--resume] [--filter-list FILE] [--queue redis://HOST:PORT/NAME] [--timeout 30] [--redis-timeout 30]
                        [--lock-seconds 120] [--extension DIR]
       npm run crawl -- --merge DIR1 DIR2 … --out MERGED
See docs/crawl.md.`;

const seconds = (name: string, max: number) =>
  z.coerce
    .number({ error: `--${name} takes seconds` })
    .refine((n) => Number.isFinite(n) && n >= 0 && n <= max, `--${name} takes 0 to ${max} seconds`);

const optionsSchema = z.object({
  urls: z.string().optional(),
  out: z.string({ error: '--out DIR is required' }).min(1, '--out DIR is required'),
  dwell: seconds('dwell', 3600).default(10),
  scroll: z.boolean().default(false),
  concurrency: z.coerce.number({ error: '--concurrency takes a whole number' }).int('--concurrency takes a whole number').min(1, '--concurrency takes 1 to 64').max(64, '--concurrency takes 1 to 64').default(1),
  shard: z.string().optional(),
  resume: z.boolean().default(false),
  'filter-list': z.string().optional(),
  queue: z.string().optional(),
  timeout: seconds('timeout', 600).default(30),
  'redis-timeout': seconds('redis-timeout', 3600).default(30),
  'lock-seconds': seconds('lock-seconds', 3600).refine((n) => n >= 1, '--lock-seconds takes 1 to 3600 seconds').default(120),
  'map-hosts-to-port': z.coerce.number().int().min(1).max(65535).optional(),
  extension: z.string().optional(),
});

export type CrawlCommand =
  | { kind: 'help' }
  | { kind: 'merge'; inputs: string[]; out: string }
  | { kind: 'crawl'; options: CrawlOptions }
  | { kind: 'error'; message: string };

export function parseCrawlCommand(argv: string[]): CrawlCommand {
  let parsedArgs: ReturnType<typeof parse>;
  try {
    parsedArgs = parse(argv);
  } catch (error) {
    return { kind: 'error', message: `${error instanceof Error ? error.message : String(error)}\n${USAGE}` };
  }
  const { values, positionals } = parsedArgs;
  if (values.help) return { kind: 'help' };
  if (values.merge) {
    if (!values.out || positionals.length === 0) return { kind: 'error', message: USAGE };
    return { kind: 'merge', inputs: positionals, out: values.out };
  }
  if (positionals.length > 0) return { kind: 'error', message: `unexpected argument ${positionals[0]}\n${USAGE}` };
  const checked = optionsSchema.safeParse(values);
  if (!checked.success) return { kind: 'error', message: `${checked.error.issues.map((i) => i.message).join('\n')}\n${USAGE}` };
  const v = checked.data;
  if (!v.urls && !v.queue) return { kind: 'error', message: `--urls FILE is required (or --queue, to pull URLs another worker added)\n${USAGE}` };
  if (v.shard && v.queue) return { kind: 'error', message: '--shard and --queue do not go together: a queue already shares the list among workers.' };
  try {
    if (v.queue) parseQueueUrl(v.queue);
    return {
      kind: 'crawl',
      options: {
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
        lockSeconds: v['lock-seconds'],
        mapHostsToPort: v['map-hosts-to-port'] ?? null,
        extensionDir: v.extension ?? null,
      },
    };
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
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
      'lock-seconds': { type: 'string' },
      // The fixture sites: every host name to 127.0.0.1:PORT, self-made certificates accepted (tests, bench).
      'map-hosts-to-port': { type: 'string' },
      extension: { type: 'string' },
      merge: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
