/**
 * Log appends per second in Chromium's real IndexedDB: the real write queue (lib/log/write-queue.ts,
 * lib/log/database.ts and the chunk layout of lib/log/event-chunks.ts, bundled with esbuild) runs in
 * an extension-origin page of the built extension, against a fresh database per run. Baseline, same
 * run, same events: the same queue with `maxBatch: 1`, i.e. one transaction per event (the naive
 * writer). References, same run, same events, transactions of the queue's batch size, nothing read
 * and nothing rolled up (scripts/bench/log-page.ts): `ceiling`, plain puts in the log's layout (one
 * chunk per visit per transaction), what IndexedDB allows the batched writer; `per-event`, plain
 * puts of one record per event into the indexed store of database v3, what the layout before
 * chunks allowed at best.
 */
import { classifyRequest } from '../../lib/trackers/classify-request';
import type { TrackerFinding } from '../../lib/schema/events';
import { SCHEMA_VERSION } from '../../lib/schema/common';
import { loadTrackerDbFromNodeModules } from '../../tests/helpers/trackerdb-node';
import { TARGETING_REQUESTS, ORDINARY_REQUESTS } from '../../tests/unit/fixtures/request-corpus';
import { ensureBuilt } from '../lib/build';
import { launchWithExtension } from '../lib/chromium';
import { bundleForBrowser, NAME_SHIM, snapshotExtension } from './bundle';
import { fmt, log, median, ratio, table } from './stats';
import { runInPage, type Mode, type OnDisk } from './log-page';

/** The queue's default batch size, which the ceiling runs use for their transactions too. */
const QUEUE_BATCH = 200;

export interface LogOptions {
  events?: number;
  visits?: number;
  /** Events in each naive run (one transaction each); the rate is compared, so it may be fewer. */
  naiveEvents?: number;
  /** Runs of each mode, alternating (batched, naive, ceiling, per-event, per-event, ceiling, …). */
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
  onDisk: OnDisk;
  expectedTrackerCount: number;
}

export interface LogResult {
  browser: string;
  runs: LogRun[];
  batchedEventsPerSecond: number;
  naiveEventsPerSecond: number;
  /** Plain puts in the log's layout (chunks), no reads or roll-ups, same transaction size: the ceiling. */
  ceilingEventsPerSecond: number;
  /** Plain puts of one record per event (database v3's indexed store): the old layout's ceiling. */
  perEventEventsPerSecond: number;
  ratio: number;
  /** Batched over ceiling: how much of what IndexedDB allows the queue reaches. */
  ofCeiling: number;
  batchedMsPerTransaction: number;
  naiveMsPerTransaction: number;
  verified: boolean;
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
      "import { chunkEvents } from './lib/log/event-chunks.ts';",
      "import { unwrap, wrap } from 'idb';",
      'globalThis.__beakerLog = { createWriteQueue, openDatabase, chunkEvents, unwrap, wrap };',
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
    // Alternate the order (ABCD DCBA): no mode always runs on a warmer or fuller profile.
    const modes: Mode[] = ['batched', 'naive', 'ceiling', 'per-event'];
    const order: Mode[] = [];
    for (let i = 0; i < runs; i++) order.push(...(i % 2 === 0 ? modes : [...modes].reverse()));
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
    const rateOf = (mode: Mode) => median(results.filter((r) => r.mode === mode).map((r) => r.eventsPerSecond));
    const cRate = rateOf('ceiling');
    return {
      browser: browserVersion,
      runs: results,
      batchedEventsPerSecond: bRate,
      naiveEventsPerSecond: nRate,
      ceilingEventsPerSecond: cRate,
      perEventEventsPerSecond: rateOf('per-event'),
      ratio: ratio(bRate, nRate),
      ofCeiling: bRate / cRate,
      batchedMsPerTransaction: median(batched.map((r) => r.ms / r.transactions)),
      naiveMsPerTransaction: median(naive.map((r) => r.ms / r.transactions)),
      // The reference runs keep no roll-ups: only their events are checked.
      verified: results.every(
        (r) =>
          r.errors === 0 &&
          r.onDisk.events === r.events &&
          (r.mode === 'ceiling' ||
            r.mode === 'per-event' ||
            (r.onDisk.trackerCount === r.expectedTrackerCount && r.onDisk.siteDayTrackerCount === r.expectedTrackerCount)),
      ),
    };
  } finally {
    await browser.close();
    snapshot.remove();
  }
}

const MODE_LABELS: Record<Mode, string> = {
  batched: 'batched (queue defaults: 200 ops, 250 ms)',
  naive: 'naive (same queue, maxBatch 1: 1 tx/op)',
  ceiling: `ceiling (chunk puts, ${QUEUE_BATCH} ops per tx, no roll-ups)`,
  'per-event': `per-event (1 put per event, v3 indexes, ${QUEUE_BATCH} per tx)`,
};

export function printLog(r: LogResult): string {
  const b = r.runs.find((x) => x.mode === 'batched');
  const n = r.runs.find((x) => x.mode === 'naive');
  return [
    `== log: appends per second in Chromium's IndexedDB (${r.browser}), real write queue in an extension page`,
    `events: ${b?.events} tracker events over ${b?.visits} visits per batched run; naive runs write the first ${n?.events} of the same stream (${n?.visits} visits) and are compared by rate; fresh database per run; roll-ups (visit + site-day counts) updated in the same transactions; events stored in chunks (one per visit per batch)`,
    `ceiling: the same ops as plain puts in the log's layout (each transaction's events as one chunk per visit, visits), ${QUEUE_BATCH} ops per transaction, no reads and no roll-ups: what IndexedDB allows the batched writer`,
    `per-event: the same ops as plain puts of one record per event into database v3's store (indexes by-visit, by-time), ${QUEUE_BATCH} per transaction: what the layout before chunks allowed at best`,
    `check: every queue run's events, visit counts and site-day counts (every reference run's events) read back from disk ${r.verified ? 'match what was written' : 'DO NOT MATCH (see --json)'}`,
    '',
    table(
      ['run', 'mode', 'events', 'transactions', 'ms', 'events/s', 'ms/transaction'],
      r.runs.map((x, i) => [String(i + 1), MODE_LABELS[x.mode], x.events, x.transactions, fmt(x.ms, 0), fmt(x.eventsPerSecond, 0), fmt(x.ms / x.transactions, 3)]),
    ),
    '',
    table(
      ['summary (median of runs)', 'events/s'],
      [
        ['batched', fmt(r.batchedEventsPerSecond, 0)],
        ['naive, one transaction per event (baseline)', fmt(r.naiveEventsPerSecond, 0)],
        ['ratio batched / naive', `${fmt(r.ratio)}×`],
        ['ceiling: chunk puts, no reads or roll-ups (reference)', fmt(r.ceilingEventsPerSecond, 0)],
        ['batched / ceiling', `${fmt(r.ofCeiling * 100, 0)} %`],
        ['per-event puts, the v3 layout at best (reference)', fmt(r.perEventEventsPerSecond, 0)],
        ['batched / per-event', `${fmt(r.batchedEventsPerSecond / r.perEventEventsPerSecond)}×`],
      ],
    ),
  ].join('\n');
}
