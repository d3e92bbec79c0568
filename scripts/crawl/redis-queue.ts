import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { z } from 'zod';
import type { OutputDir } from './output-dir';
import { Progress } from './progress';
import { urlKey, type ListEntry } from './url-list';
import type { WorkerPool } from './worker-pool';

/**
 * `--queue redis://HOST:PORT/NAME` (ARCHITECTURE.md, "Crawl"; docs/crawl.md, "Many machines"): any
 * number of workers on any machines pull URLs from one BullMQ queue. A worker started with
 * `--urls` adds the list first (job id = URL key, so adding it twice adds nothing). Delivery is at
 * least once: a job is acknowledged only after its URL's files are written, and a worker that dies
 * leaves its jobs to BullMQ's stalled-job check, which gives them to another worker. A URL can thus
 * be visited twice; merging deduplicates (docs/crawl.md, "Merge").
 *
 * A Redis that stops answering: the worker keeps retrying for `redisTimeoutSeconds`, then
 * finishes the visits under way (their files are written: they are done), stops taking jobs and
 * exits with a message. Nothing is marked done that was not visited.
 */
export const jobData = z.object({ url: z.url(), key: z.string().regex(/^[0-9a-f]{16}$/), line: z.int().positive() });

export function parseQueueUrl(text: string): { connection: { host: string; port: number; username?: string; password?: string }; name: string } {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new Error(`--queue takes redis://HOST:PORT/NAME, got "${text}"`);
  }
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (u.protocol !== 'redis:' || !u.hostname || !/^[A-Za-z0-9_.-]{1,100}$/.test(name)) {
    throw new Error(`--queue takes redis://HOST:PORT/NAME (NAME: letters, digits, _ . -), got "${text}"`);
  }
  return {
    connection: {
      host: u.hostname,
      port: u.port ? Number(u.port) : 6379,
      ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
      ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    },
    name,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function runQueueWorkers(opts: {
  queueUrl: string;
  entries: readonly ListEntry[];
  pool: WorkerPool;
  out: OutputDir;
  concurrency: number;
  redisTimeoutSeconds: number;
  lockSeconds: number;
  log: (line: string) => void;
  progressWrite?: (text: string) => void;
}): Promise<{ visited: number; stopped: string | null }> {
  const { connection: base, name } = parseQueueUrl(opts.queueUrl);
  const where = `${base.host}:${base.port}`;
  // Retry the connection every ≤ 1 s; commands wait for it (BullMQ workers need maxRetriesPerRequest null).
  const connection: ConnectionOptions = { ...base, maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(times * 100, 1000) };
  const queue = new Queue(name, { connection });
  queue.on('error', () => undefined); // reported by the health check below, once
  // Asking for the job counts is the health check: it answers only when Redis does.
  const counts = () => within(queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed'), 2000);
  if ((await within(queue.getJobCounts('waiting'), opts.redisTimeoutSeconds * 1000)) === undefined) {
    await queue.disconnect().catch(() => undefined);
    throw new Error(`Redis at ${where} does not answer (waited ${opts.redisTimeoutSeconds} s).`);
  }
  if (opts.entries.length > 0) {
    await queue.addBulk(
      opts.entries.map((e) => ({
        name: 'visit',
        data: { url: e.url, key: e.key, line: e.line },
        opts: { jobId: `u-${e.key}`, attempts: 3, backoff: { type: 'fixed', delay: 1000 }, removeOnComplete: false, removeOnFail: false },
      })),
    );
    opts.log(`crawl: ${opts.entries.length} URLs in queue "${name}" on ${where} (URLs already there are not added twice)`);
  }

  const progress = new Progress(opts.entries.length, opts.progressWrite);
  let visited = 0;
  let inFlight = 0;
  let stopping = false;
  const worker = new Worker(
    name,
    async (job) => {
      if (stopping) throw new Error('this worker is stopping');
      const parsed = jobData.safeParse(job.data);
      if (!parsed.success || urlKey(parsed.data.url) !== parsed.data.key) {
        throw new Error(`job ${job.id} is not a crawl URL: ${parsed.success ? 'its key does not match its URL' : parsed.error.issues[0]?.message}`);
      }
      const entry = parsed.data;
      if (opts.out.isDone(entry.key)) return { status: 'done-before' };
      inFlight += 1;
      try {
        const { row, records } = await opts.pool.visit(entry);
        opts.out.saveVisit(row, records);
        visited += 1;
        progress.record(row);
        return { status: row.status };
      } finally {
        inFlight -= 1;
      }
    },
    {
      connection,
      concurrency: opts.concurrency,
      // A visit holds its job's lock for its whole length (BullMQ renews it every half of this); a
      // dead worker's job goes back to the queue once its lock expires, found by the stalled check.
      lockDuration: opts.lockSeconds * 1000,
      stalledInterval: Math.min(30_000, opts.lockSeconds * 1000),
    },
  );
  worker.on('error', () => undefined); // connection errors: the health check below decides
  worker.on('failed', (job, error) => opts.log(`crawl: job ${job?.id ?? '?'} failed: ${error.message}`));

  let stopped: string | null = null;
  let lastOk = Date.now();
  let warned = false;
  let interrupted = false;
  const interrupt = () => {
    interrupted = true;
    opts.log('crawl: interrupted; finishing the visits under way (the rest stays in the queue)');
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  for (;;) {
    await sleep(500);
    if (interrupted) {
      stopping = true;
      await worker.pause(true).catch(() => undefined);
      while (inFlight > 0) await sleep(100);
      stopped = 'interrupted';
      break;
    }
    const now = await counts();
    if (now !== undefined) {
      lastOk = Date.now();
      if (warned) opts.log(`crawl: Redis at ${where} answers again`);
      warned = false;
      progress.setTotal(Object.values(now).reduce((a, b) => a + b, 0));
      const left = (now.waiting ?? 0) + (now.active ?? 0) + (now.delayed ?? 0) + (now.prioritized ?? 0);
      if (left === 0 && inFlight === 0) break;
      continue;
    }
    if (!warned) opts.log(`crawl: Redis at ${where} does not answer; retrying for up to ${opts.redisTimeoutSeconds} s`);
    warned = true;
    if (Date.now() - lastOk > opts.redisTimeoutSeconds * 1000) {
      stopping = true;
      while (inFlight > 0) await sleep(100);
      const done = opts.out.doneRows().length;
      stopped =
        `Redis at ${where} has not answered for ${opts.redisTimeoutSeconds} s: this worker stops. ` +
        `The ${done} URLs done in ${opts.out.dir} (done/) were visited and written; every other URL stays in queue "${name}" ` +
        `for any worker once Redis is back (a visited URL Redis did not hear about is visited again, and merging keeps one).`;
      break;
    }
  }
  process.off('SIGINT', interrupt);
  process.off('SIGTERM', interrupt);
  progress.end();
  // Without Redis nothing can be acknowledged: close at once. Otherwise let the last acknowledgements through.
  const redisGone = stopped !== null && stopped !== 'interrupted';
  await within(worker.close(redisGone), redisGone ? 5000 : 30_000);
  await within(queue.close(), 2000);
  if (redisGone) {
    worker.disconnect().catch(() => undefined);
    queue.disconnect().catch(() => undefined);
  }
  return { visited, stopped };
}
