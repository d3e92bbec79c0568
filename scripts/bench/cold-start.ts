/**
 * Service-worker cold start → first classified request, in Chromium with the built extension and the
 * local fixture site (real tracker host names). Each cycle stops the worker over CDP, navigates again
 * (the webRequest event wakes it) and reads `globalThis.__beaker` from the new worker.
 *
 * Baselines, same run, same browser build, same wake-up path: two stand-in extensions built here
 * with the same permissions and the same `__beaker` timestamps:
 * - `empty`: registers the webRequest listener and does nothing else (the floor of a worker start);
 * - `engine`: the same listener, plus what Beaker must do before classifying: fetch and deserialise
 *   trackerdb.engine (lib/trackers/trackerdb.ts), then match each request (raw `db.matchUrl`).
 * Beaker minus `engine` is the rest of its start (storage, settings, sequencer, IndexedDB, tab restore).
 *
 * Two clocks: "start → 1st classified" runs from the background script's first line (`startedAt`), so
 * it leaves out what the worker evaluates before that; "worker start → 1st classified" runs from the
 * worker's time origin (firstClassifiedAt as is), so script loading and evaluation count too.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { ensureBuilt } from '../lib/build';
import { launchWithExtension, type ExtensionBrowser } from '../lib/chromium';
import { startFixtureServer, type FixtureServer } from '../lib/fixture-server';
import { watchServiceWorker } from '../lib/service-worker';
import { bundleForBrowser, snapshotExtension } from './bundle';
import { fmt, log, max, median, min, ratio, table } from './stats';

const DEMO_URL = 'https://news.beaker-demo.test/';
/** Issue #7: a lean background classifies its first request at most this much later than the engine alone. */
const WORKER_TO_FIRST_TARGET = 1.3;

export type Variant = 'beaker' | 'engine' | 'empty';
const VARIANTS: Variant[] = ['beaker', 'engine', 'empty'];
const VARIANT_LABEL: Record<Variant, string> = {
  beaker: 'Beaker (built extension)',
  engine: 'baseline: listener + engine fetch/deserialise + matchUrl',
  empty: 'baseline: empty worker (listener only)',
};

export interface ColdStartOptions {
  cycles?: number;
}

/** One wake-up, all in ms. */
export interface Cycle {
  /** Worker's performance.now() when the background script started (script load + evaluation). */
  startedAt: number;
  readyMs: number;
  firstClassifiedMs: number;
  /** Worker's time origin → first classified: includes loading and evaluating the background script. */
  workerToFirstClassifiedMs: number;
  /** Worker's time origin → ready to classify (engine loaded, recorder wired): no request timing in it. */
  workerToReadyMs: number;
  /** Beaker only: first subresource event → classified (the 100 ms settle, or waiting for readiness). */
  requestToClassifiedMs: number | null;
  /** Engine variant only: fetch of the engine bytes, then deserialise. */
  fetchMs: number | null;
  deserialiseMs: number | null;
  /** Navigation issued (Node clock) → first classified (worker clock, as epoch ms). */
  navToFirstClassifiedMs: number;
  stopMs: number;
}

export interface VariantResult {
  variant: Variant;
  backgroundBytes: number;
  cycles: Cycle[];
  median: { startedAt: number; readyMs: number; firstClassifiedMs: number; workerToFirstClassifiedMs: number; workerToReadyMs: number; requestToClassifiedMs: number | null; fetchMs: number | null; deserialiseMs: number | null; navToFirstClassifiedMs: number };
  minFirstClassifiedMs: number;
  maxFirstClassifiedMs: number;
}

export interface ColdStartResult {
  cycles: number;
  variants: VariantResult[];
  ratios: {
    beakerVsEmptyFirstClassified: number;
    beakerVsEngineFirstClassified: number;
    beakerVsEngineWorkerToFirst: number;
    /** Worker start → ready to classify: what the worker evaluates and loads first, without the settle. */
    beakerVsEngineWorkerToReady: number;
    beakerVsEmptyWorkerToFirst: number;
    beakerVsEmptyNavToFirst: number;
    engineShareOfBeakerReady: number;
  };
}

interface Diagnostics {
  ready: boolean;
  startedAt: number;
  readyAt: number | null;
  firstClassifiedAt: number | null;
  fetchedAt?: number | null;
  /** Beaker only: the first subresource request reached the worker. */
  firstRequestAt?: number | null;
  deserialisedAt?: number | null;
  initError: string | null;
  timeOrigin: number;
}

const EMPTY_WORKER = `
const d = { ready: false, startedAt: performance.now(), readyAt: null, firstClassifiedAt: null, initError: null };
globalThis.__beaker = d;
chrome.webRequest.onBeforeRequest.addListener(() => {
  if (d.firstClassifiedAt === null) d.firstClassifiedAt = performance.now();
  return undefined;
}, { urls: ['<all_urls>'] });
d.ready = true;
d.readyAt = performance.now();
`;

/** The engine stand-in: what lib/background/start.ts does for classification, and nothing else. */
const ENGINE_WORKER_ENTRY = `
import { loadTrackerDb } from './lib/trackers/trackerdb.ts';
declare const chrome: any;
const d = { ready: false, startedAt: performance.now(), readyAt: null as number | null, firstClassifiedAt: null as number | null,
  fetchedAt: null as number | null, deserialisedAt: null as number | null, initError: null as string | null };
(globalThis as any).__beaker = d;
// Raw matchUrl, not lib/trackers/classify-request.ts: that module pulls zod (the schemas) into an
// esbuild bundle (~430 kB unminified-size of zod alone), which would slow this worker's script start.
let db: Awaited<ReturnType<typeof loadTrackerDb>> | null = null;
const early: any[] = [];
const classify = (details: any) => {
  db!.matchUrl({ url: details.url, type: details.type, sourceUrl: details.documentUrl ?? details.initiator ?? details.url });
  d.firstClassifiedAt ??= performance.now();
};
chrome.webRequest.onBeforeRequest.addListener((details: any) => {
  if (db) classify(details);
  else if (early.length < 20000) early.push(details);
  return undefined;
}, { urls: ['<all_urls>'] });
(async () => {
  try {
    const [bytes, version] = await Promise.all([
      fetch(chrome.runtime.getURL('/trackerdb.engine')).then((r) => r.arrayBuffer()),
      fetch(chrome.runtime.getURL('/trackerdb-version.txt')).then((r) => r.text()),
    ]);
    d.fetchedAt = performance.now();
    const loaded = await loadTrackerDb(new Uint8Array(bytes), version.trim());
    d.deserialisedAt = performance.now();
    db = loaded;
    for (const details of early.splice(0)) classify(details);
    d.ready = true;
    d.readyAt = performance.now();
  } catch (error) {
    d.initError = String(error);
  }
})();
`;

/** A stand-in extension with Beaker's permissions and `worker` as its background. */
function writeStandIn(variant: 'empty' | 'engine', beakerDir: string, worker: string): string {
  const dir = mkdtempSync(join(tmpdir(), `beaker-bench-${variant}-`));
  const manifest = JSON.parse(readFileSync(join(beakerDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const standIn = {
    manifest_version: 3,
    name: `Beaker bench stand-in (${variant})`,
    version: String(manifest.version ?? '0.0.1'),
    permissions: manifest.permissions,
    host_permissions: manifest.host_permissions,
    background: { service_worker: 'background.js' },
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(standIn));
  writeFileSync(join(dir, 'background.js'), worker);
  // extensionPage() opens trackerdb-version.txt; the engine variant fetches both files.
  copyFileSync(join(beakerDir, 'trackerdb-version.txt'), join(dir, 'trackerdb-version.txt'));
  if (variant === 'engine') copyFileSync(join(beakerDir, 'trackerdb.engine'), join(dir, 'trackerdb.engine'));
  return dir;
}

interface Harness {
  variant: Variant;
  dir: string;
  browser: ExtensionBrowser;
  page: Page;
  /** The worker's running status over CDP (scripts/lib/service-worker.ts). */
  sw: Awaited<ReturnType<typeof watchServiceWorker>>;
}

async function openHarness(variant: Variant, dir: string, server: FixtureServer): Promise<Harness> {
  const browser = await launchWithExtension({ fixturePort: server.port, extensionDir: dir });
  const page = await browser.context.newPage();
  await page.goto(DEMO_URL, { waitUntil: 'load', timeout: 30_000 });
  const sw = await watchServiceWorker(browser.context, page, browser.extensionId);
  return { variant, dir, browser, page, sw };
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | undefined> | T | null | undefined): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function stopWorker(h: Harness): Promise<number> {
  const t0 = performance.now();
  await h.sw.waitFor('running', 10_000);
  await h.sw.stop(10_000);
  return performance.now() - t0;
}

/** `worker.evaluate`, but never hanging on a stopped worker (ARCHITECTURE.md, "Browser recipes": CDP status is the truth). */
function evaluateWithin<T>(worker: Worker, fn: () => T, ms: number): Promise<T | null> {
  return Promise.race([
    worker.evaluate(fn).catch(() => null) as Promise<T | null>,
    new Promise<null>((r) => setTimeout(() => r(null), ms)),
  ]);
}

const readDiagnostics = (): Diagnostics | null => {
  const b = (globalThis as { __beaker?: Omit<Diagnostics, 'timeOrigin'> }).__beaker;
  return b ? { ...b, timeOrigin: performance.timeOrigin } : null;
};

async function cycle(h: Harness): Promise<Cycle> {
  // Playwright keeps one Worker handle across restarts; the worker's timeOrigin tells them apart.
  const before = await until('the running worker', 10_000, async () => evaluateWithin(await h.browser.worker(), readDiagnostics, 2000));
  const stopMs = await stopWorker(h);
  // Let the browser settle after the stop before timing the wake-up.
  await new Promise((r) => setTimeout(r, 200));
  const navAt = performance.timeOrigin + performance.now();
  await h.page.goto(DEMO_URL, { waitUntil: 'load', timeout: 30_000 });
  const d = await until('the restarted worker to classify a request', 20_000, async () => {
    if (!h.sw.status().includes('running')) return null;
    const diag = await evaluateWithin(await h.browser.worker(), readDiagnostics, 2000);
    if (!diag || diag.timeOrigin === before.timeOrigin) return null;
    if (diag.initError) throw new Error(`${h.variant} background failed: ${diag.initError}`);
    return diag.readyAt !== null && diag.firstClassifiedAt !== null ? diag : null;
  });
  const first = d.firstClassifiedAt!;
  return {
    startedAt: d.startedAt,
    readyMs: d.readyAt! - d.startedAt,
    firstClassifiedMs: first - d.startedAt,
    workerToFirstClassifiedMs: first,
    workerToReadyMs: d.readyAt!,
    requestToClassifiedMs: d.firstRequestAt != null ? first - d.firstRequestAt : null,
    fetchMs: d.fetchedAt != null ? d.fetchedAt - d.startedAt : null,
    deserialiseMs: d.fetchedAt != null && d.deserialisedAt != null ? d.deserialisedAt - d.fetchedAt : null,
    navToFirstClassifiedMs: d.timeOrigin + first - navAt,
    stopMs,
  };
}

function summarise(variant: Variant, dir: string, cycles: Cycle[]): VariantResult {
  const pick = (f: (c: Cycle) => number | null) => {
    const values = cycles.map(f).filter((v): v is number => v !== null);
    return values.length > 0 ? median(values) : null;
  };
  return {
    variant,
    backgroundBytes: readFileSync(join(dir, 'background.js')).byteLength,
    cycles,
    median: {
      startedAt: pick((c) => c.startedAt)!,
      readyMs: pick((c) => c.readyMs)!,
      firstClassifiedMs: pick((c) => c.firstClassifiedMs)!,
      workerToFirstClassifiedMs: pick((c) => c.workerToFirstClassifiedMs)!,
      workerToReadyMs: pick((c) => c.workerToReadyMs)!,
      requestToClassifiedMs: pick((c) => c.requestToClassifiedMs),
      fetchMs: pick((c) => c.fetchMs),
      deserialiseMs: pick((c) => c.deserialiseMs),
      navToFirstClassifiedMs: pick((c) => c.navToFirstClassifiedMs)!,
    },
    minFirstClassifiedMs: min(cycles.map((c) => c.firstClassifiedMs)),
    maxFirstClassifiedMs: max(cycles.map((c) => c.firstClassifiedMs)),
  };
}

export async function benchColdStart(opts: ColdStartOptions = {}): Promise<ColdStartResult> {
  const cycles = opts.cycles ?? 9;
  const engineWorker = await bundleForBrowser(ENGINE_WORKER_ENTRY, { minify: true });
  const snapshot = snapshotExtension(ensureBuilt('chrome', log));
  const dirs: Record<Variant, string> = { beaker: snapshot.dir, engine: '', empty: '' };
  let server: FixtureServer | null = null;
  const harnesses: Harness[] = [];
  try {
    dirs.engine = writeStandIn('engine', snapshot.dir, engineWorker);
    dirs.empty = writeStandIn('empty', snapshot.dir, EMPTY_WORKER);
    server = await startFixtureServer();
    // All three browsers stay open; cycles go round-robin, so drift in the machine hits each alike.
    for (const v of VARIANTS) harnesses.push(await openHarness(v, dirs[v], server));
    const results = new Map<Variant, Cycle[]>(VARIANTS.map((v) => [v, []]));
    // One unrecorded cycle each first: the very first restart after install is not typical.
    for (let i = 0; i <= cycles; i++) {
      const order = i % 2 === 0 ? harnesses : [...harnesses].reverse();
      for (const h of order) {
        const c = await cycle(h);
        if (i > 0) results.get(h.variant)!.push(c);
      }
      if (i > 0) log(`  cold-start: cycle ${i}/${cycles}: ${harnesses.map((h) => `${h.variant} ${fmt(results.get(h.variant)!.at(-1)!.firstClassifiedMs, 1)} ms`).join(', ')}`);
    }
    const variants = VARIANTS.map((v) => summarise(v, dirs[v], results.get(v)!));
    const [beaker, engine, empty] = variants as [VariantResult, VariantResult, VariantResult];
    return {
      cycles,
      variants,
      ratios: {
        beakerVsEmptyFirstClassified: ratio(beaker.median.firstClassifiedMs, empty.median.firstClassifiedMs),
        beakerVsEngineFirstClassified: ratio(beaker.median.firstClassifiedMs, engine.median.firstClassifiedMs),
        beakerVsEngineWorkerToFirst: ratio(beaker.median.workerToFirstClassifiedMs, engine.median.workerToFirstClassifiedMs),
        beakerVsEngineWorkerToReady: ratio(beaker.median.workerToReadyMs, engine.median.workerToReadyMs),
        beakerVsEmptyWorkerToFirst: ratio(beaker.median.workerToFirstClassifiedMs, empty.median.workerToFirstClassifiedMs),
        beakerVsEmptyNavToFirst: ratio(beaker.median.navToFirstClassifiedMs, empty.median.navToFirstClassifiedMs),
        engineShareOfBeakerReady: ratio(engine.median.readyMs, beaker.median.readyMs),
      },
    };
  } finally {
    for (const h of harnesses) await h.browser.close();
    await server?.close();
    snapshot.remove();
    for (const dir of [dirs.engine, dirs.empty]) if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

export function printColdStart(r: ColdStartResult): string {
  const [beaker, engine, empty] = r.variants as [VariantResult, VariantResult, VariantResult];
  const rows = r.variants.map((v) => [
    VARIANT_LABEL[v.variant],
    `${fmt(v.backgroundBytes / 1024, 1)} kB`,
    fmt(v.median.startedAt, 1),
    fmt(v.median.readyMs, 1),
    fmt(v.median.firstClassifiedMs, 1),
    `${fmt(v.minFirstClassifiedMs, 1)}–${fmt(v.maxFirstClassifiedMs, 1)}`,
    fmt(v.median.workerToFirstClassifiedMs, 1),
    fmt(v.median.navToFirstClassifiedMs, 0),
  ]);
  return [
    `== cold-start: service worker stopped over CDP, woken by navigating to ${DEMO_URL} (median of ${r.cycles} cycles per variant, round-robin)`,
    'columns: script start = worker performance.now() when the background script ran (worker start + script evaluation);',
    '         ready / 1st classified = readyAt / firstClassifiedAt − startedAt (worker clock);',
    '         worker → 1st = firstClassifiedAt as is (worker time origin: includes loading and evaluating the script);',
    '         nav → 1st = navigation issued (Node clock) → first classified (worker clock as epoch; includes the wake-up)',
    '',
    table(
      ['variant', 'bg script', 'script start ms', 'ready ms', '1st classified ms', 'range', 'worker → 1st ms', 'nav → 1st ms'],
      rows,
    ),
    '',
    table(
      ['decomposition of Beaker start → ready (medians)', 'ms'],
      [
        ['engine fetch (engine stand-in, start → bytes)', fmt(engine.median.fetchMs, 1)],
        ['engine deserialise (engine stand-in)', fmt(engine.median.deserialiseMs, 1)],
        ['engine stand-in start → ready', fmt(engine.median.readyMs, 1)],
        ['Beaker start → ready', fmt(beaker.median.readyMs, 1)],
        ['  rest of Beaker start (Beaker − engine stand-in)', fmt(beaker.median.readyMs - engine.median.readyMs, 1)],
        ['empty worker start → ready', fmt(empty.median.readyMs, 2)],
        ['Beaker: 1st subresource event → classified (settle 100 ms, or readiness)', fmt(beaker.median.requestToClassifiedMs, 1)],
      ],
    ),
    '',
    table(
      ['ratios (medians)', 'value'],
      [
        ['Beaker / empty worker, start → 1st classified', `${fmt(r.ratios.beakerVsEmptyFirstClassified, 1)}×`],
        ['Beaker / engine stand-in, start → 1st classified', `${fmt(r.ratios.beakerVsEngineFirstClassified, 2)}×`],
        ['Beaker / engine stand-in, worker start → 1st classified', `${fmt(r.ratios.beakerVsEngineWorkerToFirst, 2)}×`],
        ['Beaker / engine stand-in, worker start → ready to classify (no settle)', `${fmt(r.ratios.beakerVsEngineWorkerToReady, 2)}×`],
        ['Beaker / empty worker, worker start → 1st classified', `${fmt(r.ratios.beakerVsEmptyWorkerToFirst, 1)}×`],
        ['Beaker / empty worker, navigation → 1st classified', `${fmt(r.ratios.beakerVsEmptyNavToFirst, 2)}×`],
        ['engine stand-in ready / Beaker ready (engine share)', `${fmt(100 * r.ratios.engineShareOfBeakerReady, 0)}%`],
      ],
    ),
    '',
    `target (issue #7): worker start → 1st classified ≤ ${WORKER_TO_FIRST_TARGET}× the engine stand-in: ${fmt(r.ratios.beakerVsEngineWorkerToFirst, 2)}× ${
      r.ratios.beakerVsEngineWorkerToFirst <= WORKER_TO_FIRST_TARGET ? 'PASS' : 'MISS'
    }`,
    `  of which Beaker holds every request ${fmt(beaker.median.requestToClassifiedMs, 0)} ms on purpose (the settle that orders request events behind navigation events, lib/background/browser-events.ts); worker start → ready to classify: ${fmt(r.ratios.beakerVsEngineWorkerToReady, 2)}× the stand-in`,
  ].join('\n');
}
