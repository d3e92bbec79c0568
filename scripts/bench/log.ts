/**
 * Log appends per second in Chromium's real IndexedDB: the real write queue (lib/log/write-queue.ts
 * and lib/log/database.ts, bundled with esbuild) runs in an extension-origin page of the built
 * extension, against a fresh database per run. Baseline, same run, same events: the same queue with
 * `maxBatch: 1`, i.e. one transaction per event (the naive writer). Reference, same run, same events:
 * plain `put`s of the same ops in transactions of the queue's batch size, with no reads and no
 * roll-ups: what IndexedDB allows for one record per event, i.e. a ceiling for the batched writer.
 */
import type { Page } from 'playwright-core';
import { classifyRequest } from '../../lib/trackers/classify-request';
import type { TrackerFinding } from '../../lib/schema/events';
import { SCHEMA_VERSION } from '../../lib/schema/common';
import { loadTrackerDbFromNodeModules } from '../../tests/helpers/trackerdb-node';
import { TARGETING_REQUESTS, ORDINARY_REQUESTS } from '../../tests/unit/fixtures/request-corpus';
import { ensureBuilt } from '../lib/build';
import { launchWithExtension } from '../lib/chromium';
import { bundleForBrowser, NAME_SHIM, snapshotExtension } from './bundle';
import { fmt, log, median, ratio, table } from './stats';

type Mode = 'batched' | 'naive' | 'ceiling';

/** The queue's default batch size, which the ceiling runs use for their transactions too. */
const QUEUE_BATCH = 200;

export interface LogOptions {
  events?: number;
  visits?: number;
  /** Events in each naive run (one transaction each); the rate is compared, so it may be fewer. */
  naiveEvents?: number;
  /** Runs of each mode, alternating (batched, naive, ceiling, ceiling, naive, batched, …). */
  runs?: number;
}

export interface LogRun {
  mode: Mode;
  events: number;
  visits: number;
  ms: number;
  eventsPerSecond: number;
  transactions: number;
  errors: number;
  onDisk: { events: number; visits: number; trackerCount: number; siteDayTrackerCount: number };
  expectedTrackerCount: number;
}

export interface LogResult {
  browser: string;
  runs: LogRun[];
  batchedEventsPerSecond: number;
  naiveEventsPerSecond: number;
  /** Plain puts, no reads or roll-ups, same transaction size: the ceiling for one record per event. */
  ceilingEventsPerSecond: number;
  ratio: number;
  /** Batched over ceiling: how much of what IndexedDB allows the queue reaches. */
  ofCeiling: number;
  batchedMsPerTransaction: number;
  naiveMsPerTransaction: number;
  verified: boolean;
}

interface PageRunArgs {
  mode: Mode;
  dbName: string;
  perVisit: number;
  events: number;
  templates: TrackerFinding[];
  trackerDbVersion: string;
  /** lib/schema/common.ts SCHEMA_VERSION: the page-side code cannot import it. */
  schemaVersion: number;
  batchSize: number;
}

interface PageRunResult {
  ms: number;
  transactions: number;
  errors: number;
  onDisk: LogRun['onDisk'];
  expectedTrackerCount: number;
}

/** Runs inside the extension page. No named inner functions (see NAME_SHIM). */
async function runInPage(page: Page, args: PageRunArgs): Promise<PageRunResult> {
  return page.evaluate(async (a) => {
    const L = (globalThis as any).__beakerLog;
    const dbPromise = L.openDatabase(a.dbName);
    const db = await dbPromise;
    let transactions = 0;
    let errors = 0;
    const queue = L.createWriteQueue(() => dbPromise, {
      ...(a.mode === 'naive' ? { maxBatch: 1 } : {}),
      onFlushed: () => {
        transactions += 1;
      },
      onError: () => {
        errors += 1;
      },
    });
    // Build every record before the clock starts: only the writes are timed.
    const sessionId = crypto.randomUUID();
    const day = new Date().toISOString().slice(0, 10);
    const batches: unknown[][] = [];
    let seq = 0;
    let expectedTrackerCount = 0;
    let made = 0;
    for (let v = 0; made < a.events; v++) {
      const site = `site${v % 7}.example`;
      const url = `https://${site}/page/${v}`;
      const visitId = `${sessionId}:v${seq++}`;
      const ops: unknown[] = [
        {
          op: 'visit',
          visit: {
            id: visitId,
            schemaVersion: a.schemaVersion,
            sessionId,
            tabId: 1 + (v % 5),
            url,
            site,
            navigation: 'load',
            startedAt: new Date().toISOString(),
            day,
            arrivalParams: [],
            seenFromStart: true,
            droppedEvents: 0,
            counts: { tracker: 0, ad: 0, darkPattern: 0, engagement: 0, requests: 0, thirdPartyRequests: 0 },
          },
        },
      ];
      for (let i = 0; i < a.perVisit && made < a.events; i++, made++) {
        const finding = a.templates[(v * 31 + i) % a.templates.length]!;
        const s = seq++;
        if (finding.targeting) expectedTrackerCount += 1;
        ops.push({
          op: 'event',
          event: {
            id: `${sessionId}:${s}`,
            schemaVersion: a.schemaVersion,
            extensionVersion: '0.1.0',
            trackerDbVersion: a.trackerDbVersion,
            visitId,
            tabId: 1 + (v % 5),
            frameId: 0,
            topUrl: url,
            site,
            time: new Date().toISOString(),
            sessionId,
            seq: s,
            kind: 'tracker',
            ...finding,
          },
        });
      }
      batches.push(ops);
    }

    const t0 = performance.now();
    if (a.mode === 'ceiling') {
      // No queue: the same ops as plain puts (raw IndexedDB, no promise per request), `batchSize` per
      // transaction, nothing read, nothing rolled up.
      const raw: IDBDatabase = L.unwrap(db);
      const all = batches.flat() as ({ op: 'visit'; visit: unknown } | { op: 'event'; event: unknown })[];
      for (let i = 0; i < all.length; i += a.batchSize) {
        const tx = raw.transaction(['events', 'visits'], 'readwrite');
        for (const item of all.slice(i, i + a.batchSize)) {
          if (item.op === 'event') tx.objectStore('events').put(item.event);
          else tx.objectStore('visits').put(item.visit);
        }
        await new Promise((resolveTx, rejectTx) => {
          tx.oncomplete = resolveTx;
          tx.onabort = () => rejectTx(tx.error);
        });
        transactions += 1;
      }
    } else {
      for (const ops of batches) {
        for (const op of ops) queue.push(op);
        // Keep well under the queue's overflow limit (20,000 ops): a page never queues that much.
        while (queue.pending() > 4000) await new Promise((r) => setTimeout(r, 0));
      }
      await queue.flush();
    }
    const ms = performance.now() - t0;

    const tx = db.transaction(['events', 'visits', 'siteDays'], 'readonly');
    const events = await tx.objectStore('events').count();
    const visits = await tx.objectStore('visits').getAll();
    const days = await tx.objectStore('siteDays').getAll();
    await tx.done;
    db.close();
    await new Promise((resolveDelete) => {
      const req = indexedDB.deleteDatabase(a.dbName);
      req.onsuccess = req.onerror = req.onblocked = () => resolveDelete(undefined);
    });
    return {
      ms,
      transactions,
      errors,
      expectedTrackerCount,
      onDisk: {
        events,
        visits: visits.length,
        trackerCount: visits.reduce((n: number, x: { counts: { tracker: number } }) => n + x.counts.tracker, 0),
        siteDayTrackerCount: days.reduce((n: number, x: { counts: { tracker: number } }) => n + x.counts.tracker, 0),
      },
    };
  }, args);
}

/** Realistic tracker findings: the classifier's output on the corpus (what the recorder logs). */
async function findingTemplates(): Promise<{ templates: TrackerFinding[]; version: string }> {
  const db = await loadTrackerDbFromNodeModules();
  const templates = [...TARGETING_REQUESTS, ...ORDINARY_REQUESTS]
    .map((r) => classifyRequest(r, db))
    .filter((f): f is TrackerFinding => f !== null);
  return { templates, version: db.version };
}

export async function benchLog(opts: LogOptions = {}): Promise<LogResult> {
  const events = opts.events ?? 20_000;
  const visits = opts.visits ?? 50;
  // The naive writer is slow: by default it writes the first quarter of the same event stream.
  const naiveEvents = Math.min(events, opts.naiveEvents ?? Math.ceil(events / 4));
  const perVisit = Math.ceil(events / visits);
  const runs = opts.runs ?? 2;

  const snapshot = snapshotExtension(ensureBuilt('chrome', log));
  const bundle = await bundleForBrowser(
    [
      "import { createWriteQueue } from './lib/log/write-queue.ts';",
      "import { openDatabase } from './lib/log/database.ts';",
      "import { unwrap } from 'idb';",
      'globalThis.__beakerLog = { createWriteQueue, openDatabase, unwrap };',
    ].join('\n'),
    { globalName: '__beakerLogBundle' },
  );
  const { templates, version } = await findingTemplates();

  const browser = await launchWithExtension({ extensionDir: snapshot.dir }).catch((error: unknown) => {
    snapshot.remove();
    throw error;
  });
  try {
    const page = await browser.extensionPage();
    // An extension page's CSP refuses inline <script>; evaluating over CDP is not subject to it.
    await page.evaluate(NAME_SHIM);
    await page.evaluate(bundle);
    const browserVersion = browser.context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent));

    const results: LogRun[] = [];
    // Alternate the order (ABC CBA): no mode always runs on a warmer or fuller profile.
    const order: Mode[] = [];
    for (let i = 0; i < runs; i++) order.push(...(i % 2 === 0 ? (['batched', 'naive', 'ceiling'] as const) : (['ceiling', 'naive', 'batched'] as const)));
    for (const [i, mode] of order.entries()) {
      const n = mode === 'naive' ? naiveEvents : events;
      log(`  log: ${mode} run ${i + 1}/${order.length}: ${n} events, ${perVisit} per visit…`);
      const r = await runInPage(page, { mode, dbName: `beaker-bench-${mode}-${i}-${Date.now()}`, perVisit, events: n, templates, trackerDbVersion: version, schemaVersion: SCHEMA_VERSION, batchSize: QUEUE_BATCH });
      results.push({
        mode,
        events: n,
        visits: r.onDisk.visits,
        ms: r.ms,
        eventsPerSecond: n / (r.ms / 1000),
        transactions: r.transactions,
        errors: r.errors,
        onDisk: r.onDisk,
        expectedTrackerCount: r.expectedTrackerCount,
      });
    }
    const batched = results.filter((r) => r.mode === 'batched');
    const naive = results.filter((r) => r.mode === 'naive');
    const bRate = median(batched.map((r) => r.eventsPerSecond));
    const nRate = median(naive.map((r) => r.eventsPerSecond));
    const cRate = median(results.filter((r) => r.mode === 'ceiling').map((r) => r.eventsPerSecond));
    return {
      browser: browserVersion,
      runs: results,
      batchedEventsPerSecond: bRate,
      naiveEventsPerSecond: nRate,
      ceilingEventsPerSecond: cRate,
      ratio: ratio(bRate, nRate),
      ofCeiling: bRate / cRate,
      batchedMsPerTransaction: median(batched.map((r) => r.ms / r.transactions)),
      naiveMsPerTransaction: median(naive.map((r) => r.ms / r.transactions)),
      // The ceiling runs keep no roll-ups: only their events are checked.
      verified: results.every(
        (r) =>
          r.errors === 0 &&
          r.onDisk.events === r.events &&
          (r.mode === 'ceiling' ||
            (r.onDisk.trackerCount === r.expectedTrackerCount && r.onDisk.siteDayTrackerCount === r.expectedTrackerCount)),
      ),
    };
  } finally {
    await browser.close();
    snapshot.remove();
  }
}

export function printLog(r: LogResult): string {
  const b = r.runs.find((x) => x.mode === 'batched');
  const n = r.runs.find((x) => x.mode === 'naive');
  return [
    `== log: appends per second in Chromium's IndexedDB (${r.browser}), real write queue in an extension page`,
    `events: ${b?.events} tracker events over ${b?.visits} visits per batched run; naive runs write the first ${n?.events} of the same stream (${n?.visits} visits) and are compared by rate; fresh database per run; roll-ups (visit + site-day counts) updated in the same transactions`,
    `ceiling: the same ops as plain puts, ${QUEUE_BATCH} per transaction, no reads and no roll-ups (what IndexedDB allows for one record per event)`,
    `check: every queue run's events, visit counts and site-day counts (every ceiling run's events) read back from disk ${r.verified ? 'match what was written' : 'DO NOT MATCH (see --json)'}`,
    '',
    table(
      ['run', 'mode', 'events', 'transactions', 'ms', 'events/s', 'ms/transaction'],
      r.runs.map((x, i) => [
        String(i + 1),
        x.mode === 'batched'
          ? 'batched (queue defaults: 200 ops, 250 ms)'
          : x.mode === 'naive'
            ? 'naive (same queue, maxBatch 1: 1 tx/op)'
            : `ceiling (plain puts, ${QUEUE_BATCH} per tx, no roll-ups)`,
        x.events,
        x.transactions,
        fmt(x.ms, 0),
        fmt(x.eventsPerSecond, 0),
        fmt(x.ms / x.transactions, 3),
      ]),
    ),
    '',
    table(
      ['summary (median of runs)', 'events/s'],
      [
        ['batched', fmt(r.batchedEventsPerSecond, 0)],
        ['naive, one transaction per event (baseline)', fmt(r.naiveEventsPerSecond, 0)],
        ['ratio batched / naive', `${fmt(r.ratio)}×`],
        ['ceiling: plain puts, no reads or roll-ups (reference)', fmt(r.ceilingEventsPerSecond, 0)],
        ['batched / ceiling', `${fmt(r.ofCeiling * 100, 0)} %`],
      ],
    ),
  ].join('\n');
}
