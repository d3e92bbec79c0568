/**
 * Per-page cost on real pages (issue #7): every fixture page (the demo site under
 * tests/fixtures/site, the ad fixtures tests/fixtures/ads/*.html and the dark-pattern fixtures
 * tests/fixtures/dark-patterns/*.html) is loaded in two headless Chromiums open side by side in the
 * same run, one with the built extension and one without (same binary, same flags, same kind of
 * persistent profile), for several rounds with the page order rotated each round and the browser
 * that goes first alternating.
 *
 * One visit: a new tab, `Performance.enable` over CDP (thread time, as the other Chromium benches:
 * scripts/bench/plain-chromium.ts `mainThreadMeter`), `Performance.getMetrics` before, navigate,
 * wait for `load`, wait a fixed settle time (same for both browsers; long enough for Beaker's
 * idle-time scan, its messages and the one-second viewability timer), `Performance.getMetrics`
 * again. The deltas of `ScriptDuration` (JavaScript) and `TaskDuration` (every main-thread task)
 * are the page's cost. The metrics belong to the tab's renderer: the page, its same-process frames,
 * the content scripts' isolated world and the MAIN-world hook. The extension's service worker is a
 * separate target and its time is NOT in them; out-of-process (cross-site) frames are not either.
 *
 * Pages are served over HTTPS by a small front server on 127.0.0.1 that every host name maps to:
 * the ad and dark-pattern fixtures under https://fixtures.beaker-bench.test/{ads,dark-patterns}/,
 * anything else passed on to the fixture server (scripts/lib/fixture-server.ts: the demo site on its
 * own host names, real tracker host names answered at once with empty bodies). Nothing leaves the
 * machine and no reference waits for DNS.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession } from 'playwright-core';
import { ensureBuilt } from '../lib/build';
import { findChromium, launchWithExtension, type ExtensionBrowser } from '../lib/chromium';
import { chromiumFixtureArgs, FIXTURE_SITE_DIR, siteHostnames, startFixtureServer, type FixtureServer } from '../lib/fixture-server';
import { startFrontServer, type FrontServer } from '../lib/front-server';
import { snapshotExtension } from './bundle';
import { mainThreadMeter } from './plain-chromium';
import { fmt, log, median, ratio, table, verdict } from './stats';

const FIXTURES_DIR = resolve(fileURLToPath(new URL('../../tests/fixtures/', import.meta.url)));
/** The host the ad and dark-pattern fixture files are served from (not a tracker, not a site host). */
export const BENCH_PAGES_HOST = 'fixtures.beaker-bench.test';
/** Target (issue #7): median added script time per page, ms. Privacy Badger: about 7 ms. */
export const ADDED_SCRIPT_TARGET_MS = 5;

export interface PageCostOptions {
  /** Recorded rounds over all pages (default 3); one unrecorded warm-up visit per browser comes first. */
  rounds?: number;
  /** Keep only pages whose id contains one of these strings (ids: `news.beaker-demo.test/next.html`, `ads/adsense.html`, …). */
  pages?: string[];
  /** Wait after `load` before the second reading, ms (default 1500). */
  settleMs?: number;
  /** A built extension to use as is (default: `ensureBuilt('chrome')`, copied to a snapshot for the run). */
  extensionDir?: string;
}

export interface FixturePageRef {
  /** `<site host>/<file>` for demo site pages, `ads/<file>` and `dark-patterns/<file>` for fixtures. */
  id: string;
  group: 'site' | 'ads' | 'dark-patterns';
  url: string;
}

/** One visit of one page in one browser; all times in ms. */
export interface Visit {
  scriptMs: number;
  taskMs: number;
  /** Navigation start → end of the load event, from the page's own Navigation Timing entry. */
  loadMs: number;
  /** The URL the tab ended on (checked against the page's URL). */
  finalUrl: string;
  /** HTTP status of the main document. */
  status: number | null;
  /** This extension's isolated worlds (content scripts) in the tab's renderer after the visit, from CDP Runtime: ≥ 1 with Beaker, 0 without. */
  extensionWorlds: number;
}

export interface PageCost {
  id: string;
  group: FixturePageRef['group'];
  url: string;
  with: Visit[];
  without: Visit[];
  median: {
    withScriptMs: number;
    withoutScriptMs: number;
    addedScriptMs: number;
    withTaskMs: number;
    withoutTaskMs: number;
    addedTaskMs: number;
    withLoadMs: number;
    withoutLoadMs: number;
  };
}

export interface PageCostResult {
  browser: string;
  extensionId: string;
  /** URL of the extension's service worker seen in the with-extension browser. */
  serviceWorkerUrl: string;
  rounds: number;
  settleMs: number;
  pages: PageCost[];
  summary: {
    pages: number;
    medianAddedScriptMs: number;
    medianAddedTaskMs: number;
    /** Sum over pages of the median load time with the extension / the same without. */
    loadRatio: number;
    targetMs: number;
    addedScript: 'PASS' | 'MISS';
  };
  seconds: number;
}

/** Every fixture page: the demo site's HTML files, then the ad and dark-pattern fixtures. */
export function fixturePages(): FixturePageRef[] {
  const pages: FixturePageRef[] = [];
  for (const host of siteHostnames()) {
    for (const file of htmlFiles(join(FIXTURE_SITE_DIR, host))) {
      const path = file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
      pages.push({ id: `${host}/${file}`, group: 'site', url: `https://${host}/${path}` });
    }
  }
  for (const group of ['ads', 'dark-patterns'] as const) {
    for (const file of htmlFiles(join(FIXTURES_DIR, group))) {
      pages.push({ id: `${group}/${file}`, group, url: `https://${BENCH_PAGES_HOST}/${group}/${file}` });
    }
  }
  return pages;
}

function htmlFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory()) out.push(...htmlFiles(join(dir, entry.name), `${prefix}${entry.name}/`));
    else if (entry.name.endsWith('.html')) out.push(`${prefix}${entry.name}`);
  }
  return out;
}

/**
 * HTTPS on 127.0.0.1 for every host name: the ad and dark-pattern fixture files on
 * BENCH_PAGES_HOST (any other path there: 404), everything else relayed to the fixture server.
 */
function startBenchFrontServer(fixtures: FixtureServer): Promise<FrontServer> {
  return startFrontServer(fixtures, BENCH_PAGES_HOST, (req: IncomingMessage, res: ServerResponse) => {
    const pathname = decodeURIComponent((req.url ?? '/').split(/[?#]/)[0] ?? '/');
    const full = normalize(join(FIXTURES_DIR, pathname));
    const inside = ['ads', 'dark-patterns'].some((g) => full.startsWith(join(FIXTURES_DIR, g) + sep));
    let body: Buffer | null = null;
    if (inside && full.endsWith('.html')) {
      try {
        if (statSync(full).isFile()) body = readFileSync(full);
      } catch {
        body = null;
      }
    }
    if (!body) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end('not found\n');
      return;
    }
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(body.length), 'Cache-Control': 'no-store' })
      .end(req.method === 'HEAD' ? undefined : body);
  });
}

interface Side {
  label: 'with' | 'without';
  context: BrowserContext;
}

/** The browser without the extension: what launchWithExtension starts, minus the two extension flags. */
async function launchWithout(port: number): Promise<Side & { close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'beaker-chromium-plain-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: chromiumFixtureArgs(port),
    ignoreHTTPSErrors: true,
  });
  return {
    label: 'without',
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Isolated worlds an extension created in the tab's renderer (read after the measurement; any extension when `extensionId` is null). */
async function extensionWorlds(cdp: CDPSession, extensionId: string | null): Promise<number> {
  const origins: string[] = [];
  const onContext = (event: { context: { origin: string; auxData?: { type?: string; isDefault?: boolean } } }) => {
    if (event.context.auxData?.type === 'isolated') origins.push(event.context.origin);
  };
  cdp.on('Runtime.executionContextCreated', onContext);
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.disable').catch(() => undefined);
  cdp.off('Runtime.executionContextCreated', onContext);
  return origins.filter((o) => (extensionId ? o === `chrome-extension://${extensionId}` : o.startsWith('chrome-extension://'))).length;
}

async function visit(side: Side, page: FixturePageRef, settleMs: number, extensionId: string | null): Promise<Visit> {
  const tab = await side.context.newPage();
  try {
    const meter = await mainThreadMeter(tab);
    const before = await meter.read();
    const response = await tab.goto(page.url, { waitUntil: 'load', timeout: 60_000 });
    await new Promise((r) => setTimeout(r, settleMs));
    const after = await meter.read();
    await meter.detach();
    // Everything below runs after the second reading: it is not in the figures.
    const loadMs = await tab.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return nav ? nav.loadEventEnd - nav.startTime : Number.NaN;
    });
    const cdp = await side.context.newCDPSession(tab);
    const worlds = await extensionWorlds(cdp, extensionId);
    await cdp.detach().catch(() => undefined);
    return {
      scriptMs: after.scriptMs - before.scriptMs,
      taskMs: after.taskMs - before.taskMs,
      loadMs,
      finalUrl: tab.url(),
      status: response?.status() ?? null,
      extensionWorlds: worlds,
    };
  } finally {
    await tab.close().catch(() => undefined);
  }
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const n = items.length;
  if (n === 0) return [];
  const k = ((by % n) + n) % n;
  return [...items.slice(k), ...items.slice(0, k)];
}

export async function benchPageCost(opts: PageCostOptions = {}): Promise<PageCostResult> {
  const t0 = performance.now();
  const rounds = Math.max(1, Math.floor(opts.rounds ?? 3));
  const settleMs = Math.max(0, opts.settleMs ?? 1500);
  const all = fixturePages();
  const pages = opts.pages && opts.pages.length > 0 ? all.filter((p) => opts.pages!.some((want) => p.id.includes(want))) : all;
  if (pages.length === 0) throw new Error(`page-cost: no fixture page matches ${JSON.stringify(opts.pages)}`);

  const snapshot = opts.extensionDir ? null : snapshotExtension(ensureBuilt('chrome', log));
  const extensionDir = opts.extensionDir ?? snapshot!.dir;
  let fixtures: FixtureServer | null = null;
  let front: FrontServer | null = null;
  let withExt: ExtensionBrowser | null = null;
  let without: Awaited<ReturnType<typeof launchWithout>> | null = null;
  try {
    fixtures = await startFixtureServer();
    front = await startBenchFrontServer(fixtures);
    withExt = await launchWithExtension({ fixturePort: front.port, extensionDir });
    without = await launchWithout(front.port);
    const serviceWorkerUrl = (await withExt.worker()).url();
    const sides: [Side, Side] = [
      { label: 'with', context: withExt.context },
      without,
    ];
    const browserVersion = `Chromium ${withExt.context.browser()?.version() ?? without.context.browser()?.version() ?? '?'}`;

    // Warm-up, not recorded: the first navigation of a fresh browser pays for process and cache start.
    for (const side of sides) await visit(side, pages[0]!, Math.min(settleMs, 500), withExt.extensionId);

    const visits = new Map<string, { with: Visit[]; without: Visit[] }>(pages.map((p) => [p.id, { with: [], without: [] }]));
    for (let round = 0; round < rounds; round++) {
      const order = rotate(pages, Math.round((round * pages.length) / rounds));
      for (const [i, page] of order.entries()) {
        const pair = (round + i) % 2 === 0 ? sides : ([sides[1], sides[0]] as const);
        for (const side of pair) {
          const v = await visit(side, page, settleMs, withExt.extensionId);
          if (v.status !== 200) throw new Error(`page-cost: ${page.url} answered ${v.status} (${side.label} the extension)`);
          visits.get(page.id)![side.label].push(v);
        }
      }
      const done = pages.map((p) => visits.get(p.id)!);
      log(
        `  page-cost: round ${round + 1}/${rounds} (${pages.length} page${pages.length === 1 ? '' : 's'}): median added script ${fmt(
          median(done.map((d) => d.with.at(-1)!.scriptMs - d.without.at(-1)!.scriptMs)),
          1,
        )} ms`,
      );
    }

    const costs: PageCost[] = pages.map((p) => {
      const v = visits.get(p.id)!;
      const m = (list: Visit[], f: (x: Visit) => number) => median(list.map(f));
      const withScriptMs = m(v.with, (x) => x.scriptMs);
      const withoutScriptMs = m(v.without, (x) => x.scriptMs);
      const withTaskMs = m(v.with, (x) => x.taskMs);
      const withoutTaskMs = m(v.without, (x) => x.taskMs);
      return {
        id: p.id,
        group: p.group,
        url: p.url,
        with: v.with,
        without: v.without,
        median: {
          withScriptMs,
          withoutScriptMs,
          addedScriptMs: withScriptMs - withoutScriptMs,
          withTaskMs,
          withoutTaskMs,
          addedTaskMs: withTaskMs - withoutTaskMs,
          withLoadMs: m(v.with, (x) => x.loadMs),
          withoutLoadMs: m(v.without, (x) => x.loadMs),
        },
      };
    });
    const medianAddedScriptMs = median(costs.map((c) => c.median.addedScriptMs));
    const sum = (f: (c: PageCost) => number) => costs.reduce((a, c) => a + f(c), 0);
    return {
      browser: browserVersion,
      extensionId: withExt.extensionId,
      serviceWorkerUrl,
      rounds,
      settleMs,
      pages: costs,
      summary: {
        pages: costs.length,
        medianAddedScriptMs,
        medianAddedTaskMs: median(costs.map((c) => c.median.addedTaskMs)),
        loadRatio: ratio(sum((c) => c.median.withLoadMs), sum((c) => c.median.withoutLoadMs)),
        targetMs: ADDED_SCRIPT_TARGET_MS,
        addedScript: verdict(medianAddedScriptMs <= ADDED_SCRIPT_TARGET_MS),
      },
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    await withExt?.close();
    await without?.close();
    await front?.close();
    await fixtures?.close();
    snapshot?.remove();
  }
}

export function printPageCost(r: PageCostResult): string {
  const s = r.summary;
  return [
    `== page-cost: every fixture page with and without the extension, same run (${r.browser}; ${r.rounds} round${r.rounds === 1 ? '' : 's'}, order rotated; ${r.settleMs} ms settle after load)`,
    "metrics: CDP Performance.getMetrics deltas of the tab's renderer (thread time): ScriptDuration = JavaScript, TaskDuration = all main-thread tasks;",
    '         they include the page, its same-process frames and the content scripts; NOT the extension\'s service worker (a separate target) nor cross-site frames',
    `extension: ${r.extensionId} (service worker ${r.serviceWorkerUrl}); medians per page, added = median with − median without`,
    '',
    table(
      ['page', 'script with ms', 'script without ms', 'added script ms', 'task with ms', 'task without ms', 'added task ms', 'load with/without ms'],
      r.pages.map((p) => [
        p.id,
        fmt(p.median.withScriptMs, 1),
        fmt(p.median.withoutScriptMs, 1),
        fmt(p.median.addedScriptMs, 1),
        fmt(p.median.withTaskMs, 1),
        fmt(p.median.withoutTaskMs, 1),
        fmt(p.median.addedTaskMs, 1),
        `${fmt(p.median.withLoadMs, 0)}/${fmt(p.median.withoutLoadMs, 0)}`,
      ]),
    ),
    '',
    `summary (${s.pages} page${s.pages === 1 ? '' : 's'}): median added script ${fmt(s.medianAddedScriptMs, 1)} ms per page (target ≤ ${s.targetMs} ms: ${s.addedScript}); ` +
      `median added main-thread ${fmt(s.medianAddedTaskMs, 1)} ms per page; total load time with/without ${fmt(s.loadRatio, 2)}×`,
  ].join('\n');
}
