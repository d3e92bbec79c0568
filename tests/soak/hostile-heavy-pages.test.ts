/**
 * Issue #7, "Bad input": heavy hostile pages in real Chromium with the built extension, each loaded
 * the same way in a second Chromium WITHOUT the extension (same binary, same flags) to tell the
 * page's own cost from Beaker's.
 *
 * (a) `frames.html`: 5,000 same-origin iframes (`src` on the page's own origin, so Beaker's
 *     content script runs in each frame it gets), added by the page's script in batches of 50 per
 *     task; six of them carry an ad slot or a low-stock message; the top document has one planted
 *     ad unit (a GPT slot) and one planted dark pattern (a low-stock message).
 * (b) `big-text.html`: one 1 MB text node (parsed, then merged into a single node), then a planted
 *     low-stock message in a normal element.
 *
 * The pages are generated here and served by a small HTTPS front server on 127.0.0.1 that every host
 * name maps to: HEAVY_HOST answers from here, any other host is relayed to the fixture server
 * (scripts/lib/fixture-server.ts), so nothing is added to tests/fixtures/site (whose pages the
 * manifest and the page-cost bench list).
 *
 * Chromium creates at most 1,000 subframes per page (its `kMaxNumberOfFrames`): the other 4,000
 * iframes stay empty elements. Building the page is slow in Chromium itself, Beaker or not (each
 * new same-origin frame costs more the more there are: on this 2-core machine 60-95 s without
 * Beaker, with single tasks of the page's own up to ~1 s), so this file takes about 4 minutes.
 *
 * Responsiveness, in both browsers with the same instruments:
 * - long tasks (> 50 ms) from a `longtask` PerformanceObserver installed before the page's scripts
 *   in the top frame's main world; it sees every task of the renderer's main thread (same-origin
 *   frames and the content scripts' isolated worlds share that thread);
 * - whose code ran in each long task: the V8 CPU profile of the tab's renderer (CDP `Profiler`,
 *   1 ms samples), put on the page's clock with `Performance.getMetrics`' NavigationStart; a
 *   sample is Beaker's when its stack has a `chrome-extension://<id>/` frame (the content script,
 *   the MAIN-world hook);
 * - round trips once the page is built, while Beaker still scans: a setTimeout(0) posted every
 *   25 ms (its delay) and trusted clicks through CDP (`page.mouse.click` resolves when the renderer
 *   has handled the input; the page's own listener records when it ran).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { ensureBuilt } from '../../scripts/lib/build';
import { CHROME_BUILD_DIR, findChromium, launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { chromiumFixtureArgs, startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server';
import { startFrontServer, type FrontServer } from '../../scripts/lib/front-server';
import { readLog, tabIdOf, tabStateOf } from '../../scripts/lib/read-log';
import type { LogEvent } from '../../lib/schema';
import { until } from '../e2e/harness';

// ---------------------------------------------------------------------------------------------
// The pages

const HEAVY_HOST = 'heavy.beaker-hostile.test';
const FRAMES_URL = `https://${HEAVY_HOST}/frames.html`;
const BIG_TEXT_URL = `https://${HEAVY_HOST}/big-text.html`;
const FRAME_COUNT = 5000;
const FRAME_BATCH = 50;
/** Frames with something to report; Chromium creates at most 1,000 subframes per page, so all are below that. */
const AD_FRAMES = [100, 300, 500];
const PROMPT_FRAMES = [200, 400, 600];
const BIG_TEXT_CHARS = 1 << 20;
const LONG_TASK_MS = 50;

const HEAD = `<meta charset="utf-8"><link rel="icon" href="data:,">`;

function framesPage(): string {
  const special = JSON.stringify([...AD_FRAMES, ...PROMPT_FRAMES]);
  return `<!doctype html>
<html lang="en">
<head>
  ${HEAD}
  <title>Five thousand frames</title>
  <style>
    #frames { display: flex; flex-wrap: wrap; }
    #frames iframe { width: 24px; height: 24px; border: 0; }
    #frames iframe.big { width: 330px; height: 280px; }
  </style>
</head>
<body>
  <h1>Frames</h1>
  <button id="probe" style="width:120px;height:40px">probe</button>
  <p id="stock">Hurry! Only 2 left in stock.</p>
  <div id="div-gpt-ad-1700000000077-0" style="width:300px;height:250px">
    <div id="google_ads_iframe_/77/heavy_0__container__">
      <iframe id="google_ads_iframe_/77/heavy_0" width="300" height="250" src="https://securepubads.g.doubleclick.net/gampad/ads?iu=/77/heavy&amp;sz=300x250"></iframe>
    </div>
  </div>
  <div id="frames"></div>
  <script>
    (function () {
      var host = document.getElementById('frames');
      var special = ${special};
      var n = 0, started = performance.now(), longestBatch = 0;
      function batch() {
        var t = performance.now();
        for (var i = 0; i < ${FRAME_BATCH} && n < ${FRAME_COUNT}; i++, n++) {
          var f = document.createElement('iframe');
          f.src = '/frame/' + n + '.html';
          if (special.indexOf(n) !== -1) f.className = 'big';
          host.appendChild(f);
        }
        longestBatch = Math.max(longestBatch, performance.now() - t);
        if (n < ${FRAME_COUNT}) { setTimeout(batch, 0); return; }
        window.__framesAdded = { ms: performance.now() - started, longestBatchMs: longestBatch };
      }
      batch();
    })();
  </script>
</body>
</html>`;
}

function framePage(i: number): string {
  let body = `<p>Item ${i}</p>`;
  if (AD_FRAMES.includes(i)) {
    body = `<div id="div-gpt-ad-1700000000078-${i}" style="width:300px;height:250px"><div id="google_ads_iframe_/77/frame${i}_0__container__"><iframe id="google_ads_iframe_/77/frame${i}_0" width="300" height="250" style="border:0"></iframe></div></div>`;
  } else if (PROMPT_FRAMES.includes(i)) {
    body = `<p id="frame-stock">Hurry! Only 3 left in stock.</p>`;
  }
  return `<!doctype html><html lang="en"><head>${HEAD}<title>Frame ${i}</title></head><body style="margin:0">${body}</body></html>`;
}

/** 1 MiB of plain prose: pseudo-random lower-case words from a fixed seed (no digits, no prompts). */
function bigText(): string {
  const words = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'consectetur', 'adipiscing', 'elit', 'sed', 'do', 'eiusmod', 'tempor', 'incididunt', 'ut', 'labore', 'et', 'dolore', 'magna', 'aliqua', 'enim', 'minim', 'veniam', 'quis', 'nostrud', 'exercitation', 'ullamco', 'laboris', 'nisi', 'aliquip', 'ex', 'ea', 'commodo', 'consequat'];
  let seed = 7;
  const parts: string[] = [];
  let length = 0;
  while (length < BIG_TEXT_CHARS) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const w = words[seed % words.length]!;
    parts.push(w);
    length += w.length + 1;
  }
  return parts.join(' ').slice(0, BIG_TEXT_CHARS);
}

function bigTextPage(): string {
  return `<!doctype html>
<html lang="en">
<head>${HEAD}<title>One megabyte of text</title></head>
<body>
  <h1>Notes</h1>
  <button id="probe" style="width:120px;height:40px">probe</button>
  <div id="big">${bigText()}</div>
  <p id="stock">Only 2 left in stock!</p>
  <script>
    // The parser cuts long text into nodes of 65,536 characters; merge them into one.
    var big = document.getElementById('big');
    big.normalize();
    window.__bigText = { nodes: big.childNodes.length, length: big.firstChild ? big.firstChild.length : 0 };
  </script>
</body>
</html>`;
}

// ---------------------------------------------------------------------------------------------
// Serving

function startHeavyFrontServer(fixtures: FixtureServer): Promise<FrontServer> {
  const pages = new Map<string, string>([
    ['/frames.html', framesPage()],
    ['/big-text.html', bigTextPage()],
  ]);
  return startFrontServer(fixtures, HEAVY_HOST, (req, res) => {
    const path = (req.url ?? '/').split(/[?#]/)[0]!;
    const frame = /^\/frame\/(\d+)\.html$/.exec(path);
    const body = frame ? framePage(Number(frame[1])) : pages.get(path);
    if (body === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end('not found\n');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(body);
  });
}

// ---------------------------------------------------------------------------------------------
// In the page: long tasks and round trips (a string, so no compiled helper is needed there)

/** Top frame only (the 5,000 frames must not each get an observer), before the page's own scripts. */
const PROBES = `(() => {
  if (window.top !== window) return;
  const longTasks = [];
  const lags = [];
  const clicks = [];
  let probing = false;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration, name: e.name });
  }).observe({ type: 'longtask', buffered: true });
  const tick = () => {
    if (!probing) return;
    const posted = performance.now();
    setTimeout(() => {
      lags.push(performance.now() - posted);
      setTimeout(tick, 25);
    }, 0);
  };
  addEventListener('click', (e) => {
    if (e.isTrusted && e.target && e.target.id === 'probe') clicks.push(Date.now());
  }, true);
  Object.defineProperty(window, '__probes', {
    value: {
      longTasks,
      lags,
      clicks,
      start() { if (!probing) { probing = true; tick(); } },
      stop() { probing = false; },
    },
  });
})();`;

interface LongTask {
  start: number;
  duration: number;
  name: string;
}

interface RoundTrips {
  timerLagsMs: number[];
  clickMs: number[];
}

async function longTasksOf(page: Page): Promise<LongTask[]> {
  return page.evaluate(() => (window as unknown as { __probes: { longTasks: LongTask[] } }).__probes.longTasks.slice());
}

/** Probe for `ms`: setTimeout(0) lags all along, and a trusted click on #probe every 500 ms. */
async function probeRoundTrips(page: Page, ms: number): Promise<RoundTrips> {
  await page.evaluate(() => (window as unknown as { __probes: { start(): void } }).__probes.start());
  const box = await page.locator('#probe').boundingBox();
  if (!box) throw new Error('no #probe button');
  const clickMs: number[] = [];
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const sent = Date.now();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const handledAt = await page.evaluate(() => (window as unknown as { __probes: { clicks: number[] } }).__probes.clicks.at(-1) ?? null);
    // Sent → the page's own click listener ran (same machine, same clock).
    clickMs.push(handledAt === null || handledAt < sent ? Number.POSITIVE_INFINITY : handledAt - sent);
    await new Promise((r) => setTimeout(r, 500));
  }
  const timerLagsMs = await page.evaluate(() => {
    const p = (window as unknown as { __probes: { stop(): void; lags: number[] } }).__probes;
    p.stop();
    return p.lags.slice();
  });
  return { timerLagsMs, clickMs };
}

// ---------------------------------------------------------------------------------------------
// Whose code ran in a long task: the V8 CPU profile of the page's renderer

/**
 * The CPU profiler of the tab's renderer (CDP `Profiler`, one sample a millisecond): the main
 * thread's isolate, so the top document, its same-origin frames and the content scripts' isolated
 * worlds. `Performance` is on for `NavigationStart`, which puts the page's long-task times (ms from
 * its time origin) on the profile's clock (µs of the same monotonic clock).
 */
async function startProfiler(cdp: CDPSession): Promise<void> {
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' } as never);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

interface TaskCost {
  startMs: number;
  durMs: number;
  /** Profiler samples taken inside the task. */
  samples: number;
  /** The task's time in samples with a chrome-extension://<id>/ frame on the stack. */
  beakerMs: number;
  /** The task's time in samples that were not idle. */
  busyMs: number;
  /** Beaker's code in this task, by its outermost and innermost Beaker frame (`fn@line:col`), ms. */
  entries: [string, number][];
  hotspots: [string, number][];
}

interface ProfileSummary {
  samples: number;
  beakerSamples: number;
  /** Beaker's code over the whole visit (each sample counted to the next one, at most 5 ms). */
  beakerMs: number;
  /** Every long task, most Beaker time first. */
  tasks: TaskCost[];
  /** Share of the long tasks' sampled time the profiler saw as idle: near 0 when the clocks line up. */
  idleShare: number;
}

async function stopProfiler(cdp: CDPSession): Promise<{ profile: CpuProfile; navigationStartUs: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const navigationStart = metrics.find((m) => m.name === 'NavigationStart')?.value;
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  if (navigationStart === undefined) throw new Error('no NavigationStart metric');
  return { profile, navigationStartUs: navigationStart * 1e6 };
}

function summarizeProfile({ profile, navigationStartUs }: { profile: CpuProfile; navigationStartUs: number }, longTasks: LongTask[], extensionId: string): ProfileSummary {
  const extensionUrl = `chrome-extension://${extensionId}/`;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} (${n.callFrame.url.slice(extensionUrl.length)}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1})`;
  // Per node: its outermost and innermost Beaker frames, or null.
  const beakerOf = new Map<number, { outer: string; inner: string } | null>();
  const beakerFrames = (id: number): { outer: string; inner: string } | null => {
    if (beakerOf.has(id)) return beakerOf.get(id)!;
    let inner: string | null = null;
    let outer: string | null = null;
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      if (n.callFrame.url.startsWith(extensionUrl)) {
        inner ??= label(n);
        outer = label(n);
      }
    }
    const found = inner && outer ? { inner, outer } : null;
    beakerOf.set(id, found);
    return found;
  };

  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const times: number[] = new Array(samples.length);
  let t = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    t += deltas[i] ?? 0;
    times[i] = t;
  }
  let beakerSamples = 0;
  let beakerUs = 0;
  for (let i = 0; i < samples.length; i++) {
    if (!beakerFrames(samples[i]!)) continue;
    beakerSamples += 1;
    beakerUs += Math.min((times[i + 1] ?? times[i]!) - times[i]!, 5000);
  }

  // A long task's time is shared out in proportion to the samples taken inside it: on a busy
  // machine the sampler thread itself waits, so samples are uneven, but each is as likely to land
  // in Beaker's code as the main thread's time there is long.
  let idle = 0;
  let sampled = 0;
  const tasks: TaskCost[] = [];
  let k = 0;
  for (const task of longTasks.slice().sort((a, b) => a.start - b.start)) {
    const start = navigationStartUs + task.start * 1000;
    const end = start + task.duration * 1000;
    while (k < times.length && times[k]! < start) k++;
    let n = 0;
    let idleHere = 0;
    let beakerHere = 0;
    const entries = new Map<string, number>();
    const hotspots = new Map<string, number>();
    for (let j = k; j < times.length && times[j]! < end; j++) {
      const node = byId.get(samples[j]!)!;
      n += 1;
      if (node.callFrame.functionName === '(idle)') {
        idleHere += 1;
        continue;
      }
      const b = beakerFrames(node.id);
      if (!b) continue;
      beakerHere += 1;
      entries.set(b.outer, (entries.get(b.outer) ?? 0) + 1);
      hotspots.set(b.inner, (hotspots.get(b.inner) ?? 0) + 1);
    }
    sampled += n;
    idle += idleHere;
    const msPerSample = n > 0 ? task.duration / n : 0;
    const top = (m: Map<string, number>) =>
      [...m].sort((x, y) => y[1] - x[1]).slice(0, 3).map(([f, count]): [string, number] => [f, round1(count * msPerSample)]);
    tasks.push({
      startMs: round1(task.start),
      durMs: round1(task.duration),
      samples: n,
      beakerMs: round1(beakerHere * msPerSample),
      busyMs: round1((n - idleHere) * msPerSample),
      entries: top(entries),
      hotspots: top(hotspots),
    });
  }
  tasks.sort((a, b) => b.beakerMs - a.beakerMs);
  return { samples: samples.length, beakerSamples, beakerMs: beakerUs / 1000, tasks, idleShare: sampled > 0 ? idle / sampled : 0 };
}

// ---------------------------------------------------------------------------------------------
// Visiting a page in one browser

interface VisitResult {
  label: 'with' | 'without';
  longTasks: LongTask[];
  /** performance.now() of the page when it was ready (built, parsed): the probes ran from there, while Beaker scans. */
  settledAt: number;
  /** performance.now() of DOMContentLoaded: Beaker's first pass starts after it. */
  dclAt: number;
  roundTrips: RoundTrips;
  profile: ProfileSummary | null;
  page: Page;
  seconds: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const maxOf = (xs: number[]) => xs.reduce((m, x) => Math.max(m, x), 0);
const median = (xs: number[]) => {
  if (xs.length === 0) return 0;
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const p95 = (xs: number[]) => {
  if (xs.length === 0) return 0;
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]!;
};

function describeLongTasks(tasks: LongTask[]): string {
  const d = tasks.map((t) => t.duration);
  const blocking = d.reduce((a, b) => a + Math.max(0, b - LONG_TASK_MS), 0);
  return `${d.length} long tasks, longest ${round1(maxOf(d))} ms, total ${round1(d.reduce((a, b) => a + b, 0))} ms, blocking ${round1(blocking)} ms`;
}

async function visit(
  label: 'with' | 'without',
  context: BrowserContext,
  url: string,
  opts: { ready: (page: Page) => Promise<boolean>; readyTimeoutMs: number; probeMs: number; extensionId: string | null },
): Promise<VisitResult> {
  const t0 = Date.now();
  const page = await context.newPage();
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.addInitScript(PROBES);
  const cdp = await context.newCDPSession(page);
  await startProfiler(cdp);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 480_000 });
  let lastNote = Date.now();
  const ready = await until(
    async () => {
      const done = await opts.ready(page);
      if (!done && Date.now() - lastNote > 30_000) {
        lastNote = Date.now();
        const frames = await page.evaluate(() => document.querySelectorAll('iframe').length);
        console.log(`  … ${label} Beaker: ${round1((Date.now() - t0) / 1000)} s, ${frames} iframes so far`);
      }
      return done;
    },
    (done) => done,
    opts.readyTimeoutMs,
    250,
  );
  if (!ready) throw new Error(`${url} (${label} Beaker) was not ready within ${opts.readyTimeoutMs} ms`);
  const settledAt = await page.evaluate(() => performance.now());
  const dclAt = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart);
  const roundTrips = await probeRoundTrips(page, opts.probeMs);
  const longTasks = await longTasksOf(page);
  const profile = await stopProfiler(cdp);
  await cdp.detach().catch(() => undefined);
  const summary = opts.extensionId ? summarizeProfile(profile, longTasks, opts.extensionId) : null;
  return { label, longTasks, settledAt, dclAt, roundTrips, profile: summary, page, seconds: (Date.now() - t0) / 1000 };
}

function report(title: string, w: VisitResult, wo: VisitResult, documents = 1): void {
  const lines = [`== ${title}`];
  for (const v of [w, wo]) {
    lines.push(
      `  ${v.label.padEnd(7)} Beaker: visit ${round1(v.seconds)} s; long tasks: whole visit ${describeLongTasks(v.longTasks)}; ` +
        `after DOMContentLoaded ${describeLongTasks(v.longTasks.filter((t) => t.start >= v.dclAt))}; ` +
        `once ready ${describeLongTasks(v.longTasks.filter((t) => t.start >= v.settledAt))}`,
      `          round trips once ready: setTimeout(0) lag max ${round1(maxOf(v.roundTrips.timerLagsMs))} ms p95 ${round1(p95(v.roundTrips.timerLagsMs))} ms ` +
        `(${v.roundTrips.timerLagsMs.length} probes); click max ${round1(maxOf(v.roundTrips.clickMs))} ms median ${round1(median(v.roundTrips.clickMs))} ms (${v.roundTrips.clickMs.length} clicks)`,
    );
  }
  if (w.profile) {
    const t = w.profile;
    lines.push(
      `  profile: ${t.samples} samples, ${t.beakerSamples} in Beaker's code: ${round1(t.beakerMs)} ms over the visit, ${round1(t.beakerMs / documents)} ms per document ` +
        `(${documents}); long tasks idle in the profile: ${(t.idleShare * 100).toFixed(1)} % (clock check)`,
    );
    for (const x of t.tasks.filter((x) => x.beakerMs > 0).slice(0, 6)) {
      const where = (list: [string, number][]) => list.map(([f, ms]) => `${f} ${ms} ms ${snippet(f)}`).join(', ');
      lines.push(`    long task at ${x.startMs} ms, ${x.durMs} ms (${x.samples} samples, ${x.busyMs} ms busy): Beaker ${x.beakerMs} ms; entered at ${where(x.entries)}; innermost ${where(x.hotspots)}`);
    }
  }
  console.log(lines.join('\n'));
}

/** The built code at a profile label's position (the bundle is minified): what the function is. */
function snippet(labelText: string): string {
  const m = /\(([^():]+):(\d+):(\d+)\)$/.exec(labelText);
  if (!m) return '';
  try {
    const line = readFileSync(join(CHROME_BUILD_DIR, m[1]!), 'utf8').split('\n')[Number(m[2]) - 1] ?? '';
    const col = Number(m[3]) - 1;
    return JSON.stringify(line.slice(col, col + 48));
  } catch {
    return '';
  }
}

/** Beaker's share of any one task, and any task that was mostly Beaker's: both at most 50 ms. */
function beakerTasksOver(profile: ProfileSummary, limitMs: number): TaskCost[] {
  return profile.tasks.filter((t) => t.beakerMs > limitMs || (t.beakerMs >= t.busyMs / 2 && t.durMs > limitMs));
}

// ---------------------------------------------------------------------------------------------

let fixtures: FixtureServer;
let front: FrontServer;
let withExt: ExtensionBrowser;
let ext: Page;
let plain: BrowserContext;
let plainProfile: string;

beforeAll(async () => {
  ensureBuilt('chrome');
  fixtures = await startFixtureServer();
  front = await startHeavyFrontServer(fixtures);
  withExt = await launchWithExtension({ fixturePort: front.port });
  ext = await withExt.extensionPage();
  // Anything the worker logs as an error or a warning from here on.
  await (await withExt.worker()).evaluate(() => {
    const g = globalThis as unknown as { __heavyErrors?: string[] };
    g.__heavyErrors = [];
    for (const level of ['error', 'warn'] as const) {
      const original = console[level].bind(console);
      console[level] = (...args: unknown[]) => {
        g.__heavyErrors!.push(`${level}: ${args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' ')}`.slice(0, 500));
        original(...args);
      };
    }
  });
  plainProfile = mkdtempSync(join(tmpdir(), 'beaker-chromium-plain-'));
  plain = await chromium.launchPersistentContext(plainProfile, {
    executablePath: findChromium(),
    headless: true,
    args: chromiumFixtureArgs(front.port),
    ignoreHTTPSErrors: true,
  });
  // Warm-up, not measured: a fresh browser's first page pays for process and cache start.
  for (const context of [plain, withExt.context]) {
    const page = await context.newPage();
    await page.goto(`https://${HEAVY_HOST}/frame/0.html`);
    await page.close();
  }
});

afterAll(async () => {
  await withExt?.close();
  await plain?.close().catch(() => undefined);
  if (plainProfile) rmSync(plainProfile, { recursive: true, force: true });
  await front?.close();
  await fixtures?.close();
});

async function eventsOf(tabId: number): Promise<LogEvent[]> {
  const state = await tabStateOf(ext, tabId);
  return (await readLog(ext)).events.filter((e) => e.visitId === state.visitId);
}
const ads = (events: LogEvent[]) => events.filter((e): e is Extract<LogEvent, { kind: 'ad' }> => e.kind === 'ad' && e.phase === 'rendered');
const patterns = (events: LogEvent[]) => events.filter((e): e is Extract<LogEvent, { kind: 'dark-pattern' }> => e.kind === 'dark-pattern');

async function diagnostics(): Promise<{ initError: string | null; writeFailures: number; dropped: Record<string, number>; pendingWrites: number }> {
  return ext.evaluate(() => chrome.runtime.sendMessage({ type: 'get-diagnostics' }));
}

/** What the worker logged as an error or warning since `beforeAll` (a restarted worker was not watched: that says so). */
async function workerErrors(): Promise<string[]> {
  const logged = await (await withExt.worker()).evaluate(() => (globalThis as unknown as { __heavyErrors?: string[] }).__heavyErrors?.slice() ?? null);
  return logged ?? ['the service worker restarted: its console was not watched'];
}

async function popupCounts(tabId: number): Promise<{ ads: string | null; patterns: string | null }> {
  const popup = await withExt.context.newPage();
  await popup.goto(`chrome-extension://${withExt.extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('[data-testid="popup"][data-status="ready"]');
  const counts = { ads: await popup.textContent('[data-testid="ads-rendered"]'), patterns: await popup.textContent('[data-testid="dark-patterns"] summary') };
  await popup.close();
  return counts;
}

const durations = (v: VisitResult, from = 0) => v.longTasks.filter((t) => t.start >= from).map((t) => t.duration);

/**
 * Issue #7's target, "no task from Beaker over 50 ms", made precise with the CPU profile of the
 * page's renderer: no long task in which Beaker's own code ran for more than 50 ms, and no long
 * task over 50 ms that was mostly Beaker's (at least half of its busy time in Beaker's code).
 */
function expectNoLongTaskFromBeaker(w: VisitResult): void {
  expect(beakerTasksOver(w.profile!, LONG_TASK_MS)).toEqual([]);
}

describe('a page with 5,000 same-origin iframes', () => {
  let w: VisitResult;
  let wo: VisitResult;
  let tabId: number;
  // Built: every iframe added and the top document's load event done (it waits for every frame).
  const built = (page: Page) =>
    page.evaluate(() => (window as unknown as { __framesAdded?: unknown }).__framesAdded !== undefined && document.readyState === 'complete');

  beforeAll(async () => {
    wo = await visit('without', plain, FRAMES_URL, { ready: built, readyTimeoutMs: 480_000, probeMs: 3000, extensionId: null });
    w = await visit('with', withExt.context, FRAMES_URL, { ready: built, readyTimeoutMs: 480_000, probeMs: 3000, extensionId: withExt.extensionId });
    const shapeOf = (page: Page) =>
      page.evaluate(() => ({
        iframes: document.querySelectorAll('#frames iframe').length,
        withDocument: [...document.querySelectorAll('#frames iframe')].filter((f) => (f as HTMLIFrameElement).contentDocument?.body).length,
        added: (window as unknown as { __framesAdded: { ms: number; longestBatchMs: number } }).__framesAdded,
      }));
    const shapes = { with: await shapeOf(w.page), without: await shapeOf(wo.page) };
    report('5,000 same-origin iframes', w, wo, shapes.with.withDocument + 1);
    for (const [label, shape] of Object.entries(shapes)) {
      console.log(
        `  page ${label} Beaker: ${shape.iframes} iframes, ${shape.withDocument} with a loaded document (Chromium's cap on subframes per page); ` +
          `all added in ${round1(shape.added.ms / 1000)} s, longest batch of ${FRAME_BATCH}: ${round1(shape.added.longestBatchMs)} ms`,
      );
    }
    tabId = await tabIdOf(ext, FRAMES_URL);
  }, 1_200_000);

  // ISSUE #7 TARGET, NOT MET when this test was written (it fails; it is not weakened):
  // - Beaker's content script starts in every one of the ~1,000 frames Chromium creates, about
  //   13-20 ms of main-thread time per frame in the profile (module top level, the extension API
  //   bindings, the first messages and listeners), and 1-11 of those starts per run are single
  //   tasks over 50 ms (up to 178 ms), almost all Beaker's code; the page takes about twice as long
  //   to build (140-155 s against 60-75 s);
  // - after the build, the top frame's full pass asks about the 5,000 iframe sources in one go
  //   (lib/content/verdicts.ts `prepare`, called by the scanner before it slices): up to 55 ms in
  //   one task.
  test('no long task from Beaker (CPU profile of the renderer)', () => {
    expectNoLongTaskFromBeaker(w);
  });

  // Fails in some runs for the second reason above (Beaker's pass over the built page lands in
  // the probe window): setTimeout(0) p95 63 ms and median click 337 ms against 7 ms and 100 ms.
  test('once the page is built, timers and clicks answer with Beaker scanning as they do without it', () => {
    // The page has long tasks of its own here (Chromium settling 1,000 frames: 100-300 ms, a
    // different few each run), so single long tasks and single clicks cannot be compared with the
    // run without Beaker; whose code ran in them is the profile's answer (the test above). What is
    // compared is the typical answer: the 95th percentile timer delay and the median click.
    expect(p95(w.roundTrips.timerLagsMs)).toBeLessThanOrEqual(Math.max(LONG_TASK_MS, p95(wo.roundTrips.timerLagsMs) + 10));
    expect(median(w.roundTrips.clickMs)).toBeLessThanOrEqual(Math.max(LONG_TASK_MS, median(wo.roundTrips.clickMs) + 20));
  });

  test('Beaker reports the planted ad unit and dark pattern of the top document, and nothing the page does not have', async () => {
    const events = await until(
      () => eventsOf(tabId),
      (e) => ads(e).some((a) => a.frameId === 0) && patterns(e).some((p) => p.frameId === 0 && p.type === 'low-stock-message'),
      30_000,
    );
    const top = { ads: ads(events).filter((a) => a.frameId === 0), patterns: patterns(events).filter((p) => p.frameId === 0) };
    const inFrames = { ads: ads(events).filter((a) => a.frameId !== 0), patterns: patterns(events).filter((p) => p.frameId !== 0) };
    console.log(
      `  reported: top document ${top.ads.length} ad(s), ${top.patterns.length} dark pattern(s) [${top.patterns.map((p) => p.type).join(', ')}]; ` +
        `frames ${inFrames.ads.length}/${AD_FRAMES.length} planted ads, ${inFrames.patterns.length}/${PROMPT_FRAMES.length} planted prompts`,
    );
    expect(top.ads).toHaveLength(1);
    expect(top.ads[0]!.network).toBe('Google Ad Manager');
    expect(top.patterns.map((p) => p.type)).toEqual(['low-stock-message']);
    expect(top.patterns[0]!.locator).toBe('#stock');
    // The frames hold at most what was planted in them (5,000 frames, no phantom findings).
    expect(inFrames.ads.length).toBeLessThanOrEqual(AD_FRAMES.length);
    expect(inFrames.patterns.length).toBeLessThanOrEqual(PROMPT_FRAMES.length);
    for (const p of inFrames.patterns) expect(p.type).toBe('low-stock-message');
    const counts = await popupCounts(tabId);
    expect(counts.ads).toBe(String(ads(events).length));
    expect(counts.patterns).toContain(String(patterns(events).length));
  });

  test('the log has no error', async () => {
    const d = await diagnostics();
    expect(d.initError).toBeNull();
    expect(d.writeFailures).toBe(0);
    expect(d.dropped).toEqual({});
    expect(await workerErrors()).toEqual([]);
  });

  afterAll(async () => {
    await w?.page.close().catch(() => undefined);
    await wo?.page.close().catch(() => undefined);
  });
});

describe('a page with a 1 MB text node', () => {
  let w: VisitResult;
  let wo: VisitResult;
  let tabId: number;
  const parsed = (page: Page) => page.evaluate(() => (window as unknown as { __bigText?: unknown }).__bigText !== undefined);

  beforeAll(async () => {
    wo = await visit('without', plain, BIG_TEXT_URL, { ready: parsed, readyTimeoutMs: 30_000, probeMs: 3000, extensionId: null });
    w = await visit('with', withExt.context, BIG_TEXT_URL, { ready: parsed, readyTimeoutMs: 30_000, probeMs: 3000, extensionId: withExt.extensionId });
    report('one 1 MB text node', w, wo);
    tabId = await tabIdOf(ext, BIG_TEXT_URL);
  }, 180_000);

  test('the page really has one text node of 1 MiB', async () => {
    expect(await w.page.evaluate(() => (window as unknown as { __bigText: unknown }).__bigText)).toEqual({ nodes: 1, length: BIG_TEXT_CHARS });
  });

  test('no long task from Beaker (CPU profile of the renderer)', () => {
    expectNoLongTaskFromBeaker(w);
  });

  test('no long task the page does not have without Beaker, and timers and clicks answer as fast', () => {
    // From DOMContentLoaded on (Beaker's first pass starts there): parsing the megabyte is the
    // page's own task before it, over 50 ms in some runs and not in others, with Beaker or not.
    // After it the page alone is idle, so any long task with Beaker is Beaker's doing.
    const after = (v: VisitResult) => durations(v, v.dclAt);
    expect(after(w).length - after(wo).length).toBeLessThanOrEqual(0);
    expect(maxOf(after(w))).toBeLessThanOrEqual(Math.max(LONG_TASK_MS, maxOf(after(wo)) + 10));
    expect(maxOf(w.roundTrips.timerLagsMs)).toBeLessThanOrEqual(Math.max(LONG_TASK_MS, maxOf(wo.roundTrips.timerLagsMs) + 10));
    expect(maxOf(w.roundTrips.clickMs)).toBeLessThanOrEqual(Math.max(100, maxOf(wo.roundTrips.clickMs) + 50));
  });

  test('Beaker reports the planted low-stock message, and not the megabyte of prose', async () => {
    const events = await until(() => eventsOf(tabId), (e) => patterns(e).some((p) => p.type === 'low-stock-message'), 30_000);
    console.log(`  reported: ${patterns(events).map((p) => `${p.type} at ${p.locator}`).join(', ') || 'nothing'}; ${ads(events).length} ad(s)`);
    expect(patterns(events).map((p) => [p.type, p.locator])).toEqual([['low-stock-message', '#stock']]);
    expect(ads(events)).toEqual([]);
    for (const p of patterns(events)) expect(p.evidence.length).toBeLessThanOrEqual(200);
  });

  test('the log has no error', async () => {
    const d = await diagnostics();
    expect(d.initError).toBeNull();
    expect(d.writeFailures).toBe(0);
    expect(d.dropped).toEqual({});
    expect(await workerErrors()).toEqual([]);
  });

  afterAll(async () => {
    await w?.page.close().catch(() => undefined);
    await wo?.page.close().catch(() => undefined);
  });
});
