/**
 * The History dashboard's first meaningful paint in real Chromium with the built extension, with
 * 100k and then 1M events (and their roll-ups) in the log (issue #9, "Benchmarks"). The log is
 * filled in an extension page (scripts/bench/dashboard-page.ts: bulk chunk writes, roll-ups by
 * lib/log's own code); the dashboard is then opened in a fresh tab, several times per size and span.
 *
 * First meaningful paint: from the tab's navigation start to the first animation frame after the
 * dashboard says `data-painted="true"` (the plot and the ranking rendered from `get-history-plot`);
 * complete: to the first frame after `data-status="ready"` (every view, from `get-history`).
 * Memory: the dashboard tab's JS heap after a garbage collection (CDP `Runtime.getHeapUsage`).
 * Checked: the plotted week's targeted counts equal what the fill wrote. Then the lazy backfill:
 * the v5 roll-ups deleted (a log just upgraded from v4), the first open of the week and of 90 days
 * rebuild them from events (lib/log/rollup-repair.ts).
 */
import type { Page } from 'playwright-core';
import { SCHEMA_VERSION } from '../../lib/schema/common';
import { ensureBuilt } from '../lib/build';
import { launchWithExtension, type ExtensionBrowser } from '../lib/chromium';
import { bundleForBrowser, NAME_SHIM, snapshotExtension } from './bundle';
import { fillLog, type FillResult } from './dashboard-page';
import { fmt, log, median, table } from './stats';
import { classifyRequest } from '../../lib/trackers/classify-request';
import type { TrackerFinding } from '../../lib/schema/events';
import { loadTrackerDbFromNodeModules } from '../../tests/helpers/trackerdb-node';
import { TARGETING_REQUESTS, ORDINARY_REQUESTS } from '../../tests/unit/fixtures/request-corpus';

/** Target: first meaningful paint at 1M events (issue #9). */
const TARGET_MS = 300;
const SIZES = [100_000, 1_000_000];
const SPANS = [7, 90] as const;
const OPENS = 5;

export interface DashboardOptions {
  /** Log sizes, ascending (the last is the one the target is for). */
  sizes?: number[];
  opens?: number;
  backfill?: boolean;
}

export interface OpenMeasure {
  size: number;
  span: number;
  /** Every open's first meaningful paint, ms, in order (the first after the fill included). */
  paintsMs: number[];
  medianMs: number;
  /** The background's answer alone (`get-history` from an extension page, round trip), median of the same number of asks. */
  answerMs: number;
  /** The same for `get-history-plot` (the first paint's answer), asked alternately with `get-history`. */
  plotAnswerMs: number;
  /** Every open's complete paint (who follows you and dark patterns there too), ms, and its median. */
  readyMs: number[];
  readyMedianMs: number;
  heapMB: number;
  verified: boolean;
  /** Medians, from navigation start: the page's script starts (User Timing `dashboard:start`), the plot's answer arrives (`dashboard:plot-answer`). */
  startMs: number;
  answeredMs: number;
  /** The span's roll-up reads alone (see `storeReads`), ms. */
  reads: Record<'siteDays' | 'extras' | 'orgDays', number>;
}

export interface DashboardResult {
  browser: string;
  /** The same page over an empty log (median). */
  emptyMs: number;
  fills: (FillResult & { eventsPerSecond: number })[];
  opens: OpenMeasure[];
  /** Median at 1M over median at 100k, per span: first paint, complete paint, heap. */
  ratios: Record<string, number>;
  readyRatios: Record<string, number>;
  heapRatios: Record<string, number>;
  backfill: { span: number; ms: number }[];
  target: 'PASS' | 'MISS';
}

/**
 * Two marks per open: `__fmp`, the first frame after the dashboard painted its numbers
 * (`data-painted`: the series and the ranking, the first answer), and `__ready`, the first frame
 * after everything is there (`data-status="ready"`: who follows you and the dark patterns too, which
 * is when the page painted before it painted in two steps).
 */
const READY_PROBE = `(() => {
  const frame = (name) => { globalThis[name] = null; requestAnimationFrame(() => { globalThis[name] = performance.now(); }); };
  const mark = () => {
    const main = document.querySelector('[data-testid="dashboard"]');
    if (!main) return;
    if (globalThis.__fmp === undefined && main.getAttribute('data-painted') === 'true') frame('__fmp');
    if (globalThis.__ready === undefined && main.getAttribute('data-status') === 'ready') frame('__ready');
  };
  new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status', 'data-painted'] });
})();`;

/** Tracker findings as the recorder logs them: the classifier's output on the request corpus (real organizations). */
async function trackerFindings(): Promise<{ templates: TrackerFinding[]; version: string }> {
  const db = await loadTrackerDbFromNodeModules();
  const templates = [...TARGETING_REQUESTS, ...ORDINARY_REQUESTS].map((r) => classifyRequest(r, db)).filter((f): f is TrackerFinding => f !== null);
  return { templates, version: db.version };
}

/** JS heap in use by a page's isolate after a garbage collection, MB. */
async function heapOf(b: ExtensionBrowser, page: Page): Promise<number> {
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return heap.usedSize / 2 ** 20;
}

/**
 * Open the dashboard in a fresh tab. `heapMB`: what the tab adds to the JS heap of the extension's
 * pages (they share one renderer isolate with the page that filled the log: measured before and after).
 */
async function openOnce(b: ExtensionBrowser, span: number, timeoutMs = 60_000): Promise<{ ms: number; readyMs: number; startMs: number; answeredMs: number; heapMB: number; page: Page }> {
  const before = await heapOf(b, await b.extensionPage());
  const page = await b.context.newPage();
  await page.addInitScript(READY_PROBE);
  await page.goto(`chrome-extension://${b.extensionId}/dashboard.html#span=${span}`);
  type Marks = { __fmp?: number | null; __ready?: number | null };
  await page.waitForFunction(() => typeof (globalThis as Marks).__fmp === 'number' && typeof (globalThis as Marks).__ready === 'number', undefined, { timeout: timeoutMs, polling: 50 });
  // No named inner function: the page has no __name shim (scripts/bench/bundle.ts, NAME_SHIM).
  const [ms, readyMs, start, answer] = await page.evaluate(() => [
    (globalThis as Marks).__fmp!,
    (globalThis as Marks).__ready!,
    performance.getEntriesByName('dashboard:start', 'mark')[0]?.startTime ?? NaN,
    performance.getEntriesByName('dashboard:plot-answer', 'mark')[0]?.startTime ?? NaN,
  ]);
  const after = await heapOf(b, page);
  if (process.env.BENCH_DEBUG_HEAP) log(`    heap: extension page ${fmt(before, 1)} MB, with the dashboard open ${fmt(after, 1)} MB`);
  return { ms, readyMs, startMs: start, answeredMs: answer, heapMB: after - before, page };
}

const plottedWeek = (page: Page) => page.$$eval('[data-testid="daily-chart"] [data-testid="day"]', (gs) => gs.map((g) => Number(g.getAttribute('data-targeted'))));

/** A round trip (`get-history`, or `get-history-plot`: the first paint's) from an extension page: the background's part of a paint. */
function askHistory(ext: Page, span: number, type: 'get-history' | 'get-history-plot' = 'get-history'): Promise<number> {
  return ext.evaluate(
    async ([s, t]) => {
      const t0 = performance.now();
      await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: t, span: s });
      return performance.now() - t0;
    },
    [span, type] as const,
  );
}

/**
 * What an answer waits for: each roll-up store's read of a span alone, from an extension page
 * (the same IndexedDB, no message), median of `n`: site-days and extras are one record per site-day,
 * organization-days one per day.
 */
async function storeReads(ext: Page, span: number, n: number): Promise<Record<'siteDays' | 'extras' | 'orgDays', number>> {
  const runs = await ext.evaluate(
    async ([s, times]) => {
      const D = (globalThis as any).__beakerDash;
      const today = D.localDay(new Date());
      const range = IDBKeyRange.bound(D.daysBefore(today, s - 1), today);
      const raw: IDBDatabase = await new Promise((ok, fail) => {
        const req = indexedDB.open('beaker');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const read = (store: string, index: string | null) =>
        new Promise<number>((ok, fail) => {
          const t0 = performance.now();
          const os = raw.transaction(store).objectStore(store);
          const req = (index ? os.index(index) : os).getAll(range);
          req.onsuccess = () => ok(performance.now() - t0);
          req.onerror = () => fail(req.error);
        });
      const out: { siteDays: number; extras: number; orgDays: number }[] = [];
      for (let i = 0; i < times; i++) out.push({ siteDays: await read('siteDays', 'by-day'), extras: await read('siteDayExtras', 'by-day'), orgDays: await read('orgDays', null) });
      raw.close();
      return out;
    },
    [span, n] as const,
  );
  const med = (k: 'siteDays' | 'extras' | 'orgDays') => median(runs.map((r) => r[k]));
  return { siteDays: med('siteDays'), extras: med('extras'), orgDays: med('orgDays') };
}

export async function benchDashboard(opts: DashboardOptions = {}): Promise<DashboardResult> {
  const sizes = opts.sizes ?? SIZES;
  const opensPer = opts.opens ?? OPENS;
  const snapshot = snapshotExtension(ensureBuilt('chrome', log));
  const bundle = await bundleForBrowser(
    [
      "import { RollupChanges } from './lib/log/org-rollups.ts';",
      "import { chunkEvents } from './lib/log/event-chunks.ts';",
      "import { daysBefore, localDay } from './lib/log/queries.ts';",
      'globalThis.__beakerDash = { RollupChanges, chunkEvents, daysBefore, localDay };',
    ].join('\n'),
    { globalName: '__beakerDashBundle' },
  );
  const { templates, version } = await trackerFindings();
  const b = await launchWithExtension({ extensionDir: snapshot.dir }).catch((error: unknown) => {
    snapshot.remove();
    throw error;
  });
  try {
    const ext = await b.extensionPage();
    await ext.evaluate(NAME_SHIM);
    await ext.evaluate(bundle);
    const browserVersion = b.context.browser()?.version() ?? 'chromium';
    const fills: DashboardResult['fills'] = [];
    const opens: OpenMeasure[] = [];
    // The same page over an empty log: what loading and rendering the page costs with no data.
    const empty: number[] = [];
    for (let i = 0; i < opensPer; i++) {
      const { ms, page } = await openOnce(b, 7);
      empty.push(ms);
      await page.close();
    }
    let filled = 0;
    for (const size of sizes) {
      log(`  dashboard: filling the log to ${size} events…`);
      const fill = await fillLog(ext, { events: size - filled, templates, trackerDbVersion: version, schemaVersion: SCHEMA_VERSION, days: 90, sites: 60 });
      filled = fill.totalEvents;
      fills.push({ ...fill, eventsPerSecond: (size - (fills.at(-1)?.totalEvents ?? 0)) / (fill.ms / 1000) });
      for (const span of SPANS) {
        const paints: number[] = [];
        const heaps: number[] = [];
        let verified = true;
        const answers: number[] = [];
        const plotAnswers: number[] = [];
        for (let i = 0; i < opensPer; i++) {
          answers.push(await askHistory(ext, span));
          plotAnswers.push(await askHistory(ext, span, 'get-history-plot'));
        }
        const readys: number[] = [];
        const starts: number[] = [];
        const answered: number[] = [];
        for (let i = 0; i < opensPer; i++) {
          const { ms, readyMs, startMs, answeredMs, heapMB, page } = await openOnce(b, span);
          paints.push(ms);
          readys.push(readyMs);
          starts.push(startMs);
          answered.push(answeredMs);
          heaps.push(heapMB);
          if (span === 7) verified &&= JSON.stringify(await plottedWeek(page)) === JSON.stringify(fill.lastWeekTargeted);
          await page.close();
        }
        log(`  dashboard: ${size} events, ${span} days: first paint ${paints.map((p) => fmt(p, 0)).join(', ')} ms; complete ${readys.map((p) => fmt(p, 0)).join(', ')} ms`);
        const reads = await storeReads(ext, span, opensPer);
        opens.push({ size, span, reads, startMs: median(starts), answeredMs: median(answered), paintsMs: paints, medianMs: median(paints), readyMs: readys, readyMedianMs: median(readys), answerMs: median(answers), plotAnswerMs: median(plotAnswers), heapMB: median(heaps), verified });
      }
    }
    const ratioOf = (pick: (o: OpenMeasure) => number) =>
      Object.fromEntries(
        SPANS.map((span) => {
          const at = (size: number) => pick(opens.find((o) => o.size === size && o.span === span)!);
          return [String(span), at(sizes.at(-1)!) / at(sizes[0]!)];
        }),
      );
    const ratios = ratioOf((o) => o.medianMs);
    const readyRatios = ratioOf((o) => o.readyMedianMs);
    const heapRatios = ratioOf((o) => o.heapMB);
    // The lazy backfill: a log just upgraded to v5 has no organization roll-ups or extras.
    log('  dashboard: deleting the v5 roll-ups, opening again (rebuilt from events)…');
    await ext.evaluate(async () => {
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const req = indexedDB.open('beaker');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const tx = db.transaction(['orgDays', 'siteDayExtras'], 'readwrite');
      tx.objectStore('orgDays').clear();
      tx.objectStore('siteDayExtras').clear();
      await new Promise((ok) => (tx.oncomplete = ok));
      db.close();
    });
    const backfill: DashboardResult['backfill'] = [];
    for (const span of opts.backfill === false ? [] : SPANS) {
      const { ms, page } = await openOnce(b, span, 600_000);
      backfill.push({ span, ms });
      await page.close();
    }
    const atLargest = opens.filter((o) => o.size === sizes.at(-1)).map((o) => o.medianMs);
    const target = sizes.at(-1) === 1_000_000 && atLargest.every((ms) => ms <= TARGET_MS) ? 'PASS' : 'MISS';
    return { browser: browserVersion, emptyMs: median(empty), fills, opens, ratios, readyRatios, heapRatios, backfill, target };
  } finally {
    await b.close();
    snapshot.remove();
  }
}

export function printDashboard(r: DashboardResult): string {
  const k = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
  return [
    `== dashboard: first meaningful paint of the History dashboard in Chromium (${r.browser}), built extension, the log filled in an extension page`,
    `log: visits of 20 events (14 tracker requests from the request corpus, 3 ads, engagement; a dark pattern in 1 visit of 20) over 90 days and 60 sites, one chunk per visit, roll-ups by lib/log's code`,
    `first paint: navigation start → the first frame after data-painted="true" (the series and the ranking: get-history-plot's answer rendered); complete: → the first frame after data-status="ready" (who follows you and dark patterns too, get-history's answer: what the page waited for before it painted in two steps); ${OPENS} fresh tabs per size and span; heap: the tab's JS heap after a GC, while open; answers: the background's get-history-plot and get-history alone (round trips from an extension page, alternating)`,
    `the same page over an empty log: ${fmt(r.emptyMs, 0)} ms (median)`,
    '',
    table(
      ['fill', 'events in log', 'visits', 'site-days', 'organization-days', 'fill s', 'events/s'],
      r.fills.map((f) => [k(f.totalEvents), f.totalEvents, f.totalVisits, f.siteDays, f.orgDays, fmt(f.ms / 1000, 1), fmt(f.eventsPerSecond, 0)]),
    ),
    '',
    table(
      ['events', 'span', 'first paint ms (each open)', 'median', 'complete ms (each open)', 'median', 'complete / first', 'plot answer ms', 'full answer ms', 'heap MB', 'plotted week = log'],
      r.opens.map((o) => [
        k(o.size),
        `${o.span} days`,
        o.paintsMs.map((p) => fmt(p, 0)).join(' '),
        fmt(o.medianMs, 0),
        o.readyMs.map((p) => fmt(p, 0)).join(' '),
        fmt(o.readyMedianMs, 0),
        `${fmt(o.readyMedianMs / o.medianMs)}×`,
        fmt(o.plotAnswerMs, 0),
        fmt(o.answerMs, 0),
        fmt(o.heapMB, 1),
        o.span === 7 ? (o.verified ? 'yes' : 'NO') : '–',
      ]),
    ),
    '',
    "where a first paint goes (medians from navigation start): the page's script starts → the plot's answer arrives → painted:",
    ...r.opens.map((o) => `  ${k(o.size)} ${o.span} days: ${fmt(o.startMs, 0)} → ${fmt(o.answeredMs, 0)} → ${fmt(o.medianMs, 0)} ms`),
    'what the answers wait for: each roll-up read of the span alone from an extension page (median ms; records read):',
    ...r.opens.map(
      (o) =>
        `  ${k(o.size)} ${o.span} days: site-days ${fmt(o.reads.siteDays, 0)} ms, extras ${fmt(o.reads.extras, 0)} ms (one record per site-day each), organization-days ${fmt(o.reads.orgDays, 0)} ms (one per day)`,
    ),
    '',
    `1M / 100k (target: flat, ≈ 1): first paint ${Object.entries(r.ratios).map(([span, x]) => `${span} days ${fmt(x)}×`).join(', ')}; complete ${Object.entries(r.readyRatios).map(([span, x]) => `${span} days ${fmt(x)}×`).join(', ')}; heap while open ${Object.entries(r.heapRatios).map(([span, x]) => `${span} days ${fmt(x)}×`).join(', ')}`,
    `first open after the v5 roll-ups were deleted (rebuilt from events, one day per transaction): ${r.backfill.map((x) => `${x.span} days ${fmt(x.ms / 1000, 1)} s`).join(', ')} (the 90 days rebuild only the 83 the week left)`,
    `target: median first meaningful paint ≤ ${TARGET_MS} ms at 1M events, every span → ${r.target}`,
  ].join('\n');
}
