/**
 * Runs IN THE PAGE: bundled with the lib/ code it drives (esbuild, rule examples stripped as in
 * the build) by scan.ts and dark-patterns.ts, evaluated in a plain Chromium page, reached from
 * Node as `globalThis.__beakerBench`. Never imported by Node code.
 *
 * Clocks: `performance.now()` is coarsened in pages (0.1 ms here), so sub-millisecond work is
 * timed over repeated runs (`repeatFor`), never one call at a time.
 */
import { CONTENT_INDEX_SPEC, CONTENT_PASSES } from '../../lib/content/passes';
import { buildIndex } from '../../lib/core/page-index';
import { AD_DETECTORS } from '../../lib/ads/detect-ads.ts';
import { OVERLAY_HINT_SELECTOR } from '../../lib/dark-patterns/support/overlays';
import { createTextFactsClient } from '../../lib/content/text-facts-client';
import { createVerdictCache } from '../../lib/content/verdicts';
import { directTextFacts, textFacts } from '../../lib/dark-patterns/text-facts';
import { DARK_PATTERN_DETECTORS, detectDarkPatterns } from '../../lib/dark-patterns/detect-dark-patterns.ts';
import { CountdownTracker } from '../../lib/dark-patterns/support/countdown-tracker';
import { watchCountdowns, type CountdownWatcher } from '../../lib/content/watch-countdowns';
import type { DetectorContext, Finding, HostVerdict } from '../../lib/core/detector';
import type { Pass, ScanContext } from '../../lib/core/detector';
import { createScanner, type Scanner, type ScanStats } from '../../lib/content/scanner';

const now = () => performance.now();

/** Run `fn` repeatedly for at least `minMs` (and `minRuns` times); ms per run. */
function repeatFor(fn: () => unknown, minMs: number, minRuns = 3): number {
  let runs = 0;
  let sink = 0;
  const t0 = now();
  let elapsed = 0;
  do {
    const r = fn();
    if (typeof r === 'number') sink += r;
    runs += 1;
    elapsed = now() - t0;
  } while (elapsed < minMs || runs < minRuns);
  (globalThis as { __sink?: number }).__sink = sink;
  return elapsed / runs;
}

export interface WalkBaseline {
  elements: number;
  nodes: number;
  /** `document.querySelectorAll('*').length`, ms per walk. */
  qsaMs: number;
  /** A TreeWalker over every node (elements, text, comments), ms per walk. */
  treeWalkerMs: number;
}

/** The plain walks a scan is compared with, each timed over ≥ `minMs` of repeats. */
export function walkBaseline(minMs = 60): WalkBaseline {
  const elements = document.querySelectorAll('*').length;
  const walk = () => {
    const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    let n = 0;
    while (w.nextNode()) n += 1;
    return n;
  };
  const nodes = walk();
  // Warm both once, then alternate halves so neither always runs on a warmer cache.
  const qsa1 = repeatFor(() => document.querySelectorAll('*').length, minMs / 2);
  const tw1 = repeatFor(walk, minMs / 2);
  const tw2 = repeatFor(walk, minMs / 2);
  const qsa2 = repeatFor(() => document.querySelectorAll('*').length, minMs / 2);
  return { elements, nodes, qsaMs: Math.min(qsa1, qsa2), treeWalkerMs: Math.min(tw1, tw2) };
}

// ------------------------------------------------------------------------------------- scan

/** What the background would answer for frame and image sources: ad hosts are advertising. */
function hostVerdict(url: string): HostVerdict | null {
  if (/doubleclick\.net|googlesyndication\.com|outbrain|taboola|criteo/.test(url)) return { category: 'advertising', organization: 'Google', targeting: true };
  return null;
}

/** A task hop (a message round trip to the background resolves in a later task, never in a microtask). */
function hop(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(0);
  });
}

interface Counters {
  passMs: number[];
  passCalls: number[];
  /** Stand-in background: text facts and host verdicts computed in the page (no IPC). */
  textAskMs: number;
  textAskStrings: number;
  textAskBatches: number;
  urlAskMs: number;
  urlAskUrls: number;
  findings: Record<string, number>;
  errors: number;
  /** Each of the scanner's yields: ms from asking to being called back. */
  yieldWaits: number[];
}

interface ScanState {
  scanner: Scanner;
  counters: Counters;
  /** Detector time per task: the scanner's yields and the stand-in's answers each start a task. */
  taskWork: Map<number, number>;
  task: { id: number };
}

export interface ScanPhase {
  wallMs: number;
  passMs: number[];
  passCalls: number[];
  textAskMs: number;
  textAskStrings: number;
  textAskBatches: number;
  urlAskMs: number;
  urlAskUrls: number;
  findings: Record<string, number>;
  errors: number;
  stats: ScanStats;
  /** Detector work in the longest task of this phase (sum of the passes run in it). */
  longestTaskWorkMs: number;
  tasksWithWork: number;
  yields: number;
  yieldWaitMs: number;
  yieldWaitMedianMs: number;
}

function snapshot(s: ScanState): { counters: Counters; stats: ScanStats; task: number } {
  return { counters: JSON.parse(JSON.stringify(s.counters)) as Counters, stats: s.scanner.stats(), task: s.task.id };
}

function phase(s: ScanState, before: ReturnType<typeof snapshot>, wallMs: number): ScanPhase {
  const c = s.counters;
  const b = before.counters;
  const findings: Record<string, number> = {};
  for (const [k, v] of Object.entries(c.findings)) if (v - (b.findings[k] ?? 0) > 0) findings[k] = v - (b.findings[k] ?? 0);
  const stats = s.scanner.stats();
  let longest = 0;
  let tasks = 0;
  for (const [id, ms] of s.taskWork) {
    if (id <= before.task) continue;
    tasks += 1;
    if (ms > longest) longest = ms;
  }
  const waits = c.yieldWaits.slice(b.yieldWaits.length).sort((x, y) => x - y);
  return {
    yields: waits.length,
    yieldWaitMs: waits.reduce((x, y) => x + y, 0),
    yieldWaitMedianMs: waits.length ? waits[waits.length >> 1]! : 0,
    wallMs,
    passMs: c.passMs.map((v, i) => v - b.passMs[i]!),
    passCalls: c.passCalls.map((v, i) => v - b.passCalls[i]!),
    textAskMs: c.textAskMs - b.textAskMs,
    textAskStrings: c.textAskStrings - b.textAskStrings,
    textAskBatches: c.textAskBatches - b.textAskBatches,
    urlAskMs: c.urlAskMs - b.urlAskMs,
    urlAskUrls: c.urlAskUrls - b.urlAskUrls,
    findings,
    errors: c.errors - b.errors,
    stats: {
      slices: stats.slices - before.stats.slices,
      rootsScanned: stats.rootsScanned - before.stats.rootsScanned,
      // Cumulative in the scanner: the full pass's, or a longer one during this phase.
      longestSliceMs: stats.longestSliceMs,
      mutationsQueued: stats.mutationsQueued - before.stats.mutationsQueued,
      fullPasses: stats.fullPasses - before.stats.fullPasses,
    },
    longestTaskWorkMs: longest,
    tasksWithWork: tasks,
  };
}

/**
 * The content script's scan as lib/content/start-content.ts wires it (scanner, CONTENT_PASSES,
 * verdict cache, text-facts client, rounds after `settle`), with the background stood in by the
 * page: answers come one task later (as a message reply would) and are computed here with the
 * same functions the background uses (`textFacts`), timed apart from the content-side work.
 * start() → idle().
 */
export async function scanFullPass(lang = 'en'): Promise<ScanPhase> {
  const task = { id: 0 };
  const taskWork = new Map<number, number>();
  const counters: Counters = { passMs: CONTENT_PASSES.map(() => 0), passCalls: CONTENT_PASSES.map(() => 0), textAskMs: 0, textAskStrings: 0, textAskBatches: 0, urlAskMs: 0, urlAskUrls: 0, findings: {}, errors: 0, yieldWaits: [] };
  const timed: Pass[] = CONTENT_PASSES.map((pass, i) => (root, ctx) => {
    const t0 = now();
    try {
      return pass(root, ctx);
    } finally {
      const ms = now() - t0;
      counters.passMs[i]! += ms;
      counters.passCalls[i]! += 1;
      taskWork.set(task.id, (taskWork.get(task.id) ?? 0) + ms);
    }
  });
  const verdicts = createVerdictCache(async (urls) => {
    await hop();
    task.id += 1;
    const t0 = now();
    const out: Record<string, HostVerdict | null> = {};
    for (const u of urls) out[u] = hostVerdict(u);
    counters.urlAskMs += now() - t0;
    counters.urlAskUrls += urls.length;
    return out;
  });
  const texts = createTextFactsClient(async (list) => {
    await hop();
    task.id += 1;
    const t0 = now();
    const facts = list.map((t) => textFacts(t, lang));
    counters.textAskMs += now() - t0;
    counters.textAskStrings += list.length;
    counters.textAskBatches += 1;
    return facts;
  });
  // The background is long-lived: its classifier is warm (regexes compiled) before a page asks.
  // The content script is injected fresh into every page, so the passes stay cold, as here.
  for (const warm of ['Only 3 left in stock', 'Accept all cookies', 'No thanks', 'The city council said the bridge opens next week.']) {
    textFacts(warm, lang);
    textFacts(warm, null);
  }
  const tracker = new CountdownTracker();
  const loadedAt = Math.round(performance.timeOrigin);
  const context = async (roots: readonly ParentNode[]): Promise<ScanContext> => {
    await verdicts.prepare(roots);
    return { win: window, lang, verdict: verdicts.verdict, text: texts.lookup, settle: texts.settle, misses: texts.misses, now: () => Date.now(), loadedAt, lastUserGestureAt: null, countdowns: tracker };
  };
  // The scanner's window: the real one's members, each yield counted as a new task (for
  // `longestTaskWorkMs`) and its wait recorded.
  const yielded = <A extends unknown[]>(cb: (...args: A) => void) => {
    const asked = now();
    return (...args: A) => {
      counters.yieldWaits.push(now() - asked);
      task.id += 1;
      cb(...args); // the IdleDeadline, for requestIdleCallback
    };
  };
  const scanWin = {
    document,
    performance,
    setTimeout: (cb: () => void, ms?: number) => window.setTimeout(yielded(cb), ms),
    requestIdleCallback: (cb: IdleRequestCallback, opts?: IdleRequestOptions) => window.requestIdleCallback(yielded(cb), opts),
  } as unknown as Window;
  const scanner = createScanner({
    win: scanWin,
    indexSpec: CONTENT_INDEX_SPEC,
    passes: timed,
    context,
    onFindings: (found: Finding[]) => {
      for (const f of found) {
        const key = f.kind === 'ad' ? `ad:${f.detectorId.replace('ads/', '')}` : `dp:${f.type}`;
        counters.findings[key] = (counters.findings[key] ?? 0) + 1;
      }
    },
    onError: () => {
      counters.errors += 1;
    },
  });
  const state: ScanState = { scanner, counters, taskWork, task };
  (globalThis as { __beakerScanState?: ScanState }).__beakerScanState = state;
  const before = snapshot(state);
  const t0 = now();
  scanner.start();
  await scanner.idle();
  return phase(state, before, now() - t0);
}

/**
 * After `scanFullPass`: the page inserts `html.length` small subtrees at as many places (one
 * task, as a feed appending items would), and the scanner rescans what was added, until idle.
 */
export async function scanMutations(html: string[]): Promise<ScanPhase & { inserted: number; insertMs: number }> {
  const state = (globalThis as { __beakerScanState?: ScanState }).__beakerScanState;
  if (!state) throw new Error('scanFullPass first');
  const hosts = document.querySelectorAll('main .inner');
  if (hosts.length === 0) throw new Error('no insertion points (main .inner)');
  const before = snapshot(state);
  state.task.id += 1;
  const t0 = now();
  for (let i = 0; i < html.length; i++) {
    const host = hosts[Math.floor((i * hosts.length) / html.length)]!;
    host.insertAdjacentHTML(i % 2 === 0 ? 'beforeend' : 'afterbegin', html[i]!);
  }
  const t1 = now();
  // The observer's callback is a microtask after the insertions; let it queue the roots.
  await Promise.resolve();
  await Promise.resolve();
  await state.scanner.idle();
  const result = phase(state, before, now() - t1);
  return { ...result, inserted: html.length, insertMs: t1 - t0 };
}

export function stopScan(): void {
  (globalThis as { __beakerScanState?: ScanState }).__beakerScanState?.scanner.stop();
}

export interface DetectorCost {
  id: string;
  /** Warm, on the whole document. */
  documentMs: number;
  /** Warm, on one small inserted subtree (what a rescan hands a detector per mutation root). */
  subtreeMs: number;
}

/**
 * Each detector alone (warm: text facts memoised), on the document and on one inserted subtree,
 * plus the selector queries behind the costs that grow with the document.
 */
export function detectorCosts(subtreeHtml: string, minMs = 60): { detectors: DetectorCost[]; probes: Record<string, number> } {
  const host = document.querySelectorAll('main .inner')[0] ?? document.body;
  host.insertAdjacentHTML('beforeend', subtreeHtml);
  const sub = host.lastElementChild!;
  // Through the page index as in the scanner, one fresh walk per run (so nothing is memoised
  // across runs): each figure includes one walk, whose cost alone is the first row.
  const ctx: DetectorContext = { ...dpContext('en'), index: (root) => buildIndex(root, CONTENT_INDEX_SPEC) };
  const detectors: DetectorCost[] = [];
  detectors.push({
    id: '(the walk: buildIndex, once per root)',
    documentMs: repeatFor(() => buildIndex(document, CONTENT_INDEX_SPEC).texts.length, minMs),
    subtreeMs: repeatFor(() => buildIndex(sub, CONTENT_INDEX_SPEC).texts.length, minMs / 2),
  });
  for (const d of [...AD_DETECTORS, ...DARK_PATTERN_DETECTORS]) {
    d.detect(document, ctx);
    d.detect(sub, ctx);
    detectors.push({ id: d.id, documentMs: repeatFor(() => d.detect(document, ctx).length, minMs), subtreeMs: repeatFor(() => d.detect(sub, ctx).length, minMs / 2) });
  }
  sub.remove();
  const probes: Record<string, number> = {
    'document.querySelectorAll(OVERLAY_HINT_SELECTOR) [support/overlays.ts, per findOverlays call]': repeatFor(() => document.querySelectorAll(OVERLAY_HINT_SELECTOR).length, minMs),
    "document.querySelectorAll('script:not([src])') [ads/shared/inline-scripts.ts, per call]": repeatFor(() => document.querySelectorAll('script:not([src])').length, minMs),
    'document.scripts.length (for comparison)': repeatFor(() => document.scripts.length, minMs / 2),
  };
  return { detectors, probes };
}

// ----------------------------------------------------------------------------- dark patterns

export interface DarkPatternPassResult {
  /** Fresh `ctx.text` memo: every text unit classified during the pass (content + background work). */
  coldMs: number[];
  /** Memo already filled: the content script's pass once the background has answered. */
  warmMs: number;
  textCalls: number;
  distinctTexts: number;
  perDetectorWarmMs: Record<string, number>;
  findings: Record<string, number>;
  errors: number;
}

function dpContext(lang: string, counter?: { calls: number; seen: Set<string> }): DetectorContext {
  const text = directTextFacts(lang);
  return {
    win: window,
    lang,
    verdict: () => null,
    text: counter
      ? (t: string) => {
          counter.calls += 1;
          counter.seen.add(t);
          return text(t);
        }
      : text,
    now: () => Date.now(),
    loadedAt: Math.round(performance.timeOrigin),
    lastUserGestureAt: null,
    countdowns: new CountdownTracker(),
  };
}

/** `detectDarkPatterns(document, ctx)` as one scanner pass over the whole page. */
export function darkPatternPass(coldRuns = 3, warmMinMs = 400, lang = 'en'): DarkPatternPassResult {
  const coldMs: number[] = [];
  for (let r = 0; r < coldRuns; r++) {
    const ctx = dpContext(lang);
    const t0 = now();
    detectDarkPatterns(document, ctx);
    coldMs.push(now() - t0);
  }
  const counter = { calls: 0, seen: new Set<string>() };
  const ctx = dpContext(lang, counter);
  const first = detectDarkPatterns(document, ctx);
  const textCalls = counter.calls;
  const findings: Record<string, number> = {};
  for (const f of first.findings) if (f.kind === 'dark-pattern') findings[f.type] = (findings[f.type] ?? 0) + 1;
  const warmMs = repeatFor(() => detectDarkPatterns(document, ctx).findings.length, warmMinMs);
  const perDetectorWarmMs: Record<string, number> = {};
  for (const d of DARK_PATTERN_DETECTORS) perDetectorWarmMs[d.id] = repeatFor(() => d.detect(document, ctx).length, warmMinMs / 4);
  return { coldMs, warmMs, textCalls, distinctTexts: counter.seen.size, perDetectorWarmMs, findings, errors: first.errors.length };
}

// -------------------------------------------------------------------------- countdown watcher

interface WatchState {
  watcher: CountdownWatcher | null;
  callbackMs: number;
  callbackMaxMs: number;
  callbacks: number;
  confirmed: number;
  timer: number | null;
  timerTicks: number;
  longTasks: number;
  longTaskMs: number;
  observer: PerformanceObserver | null;
}

function watchState(): WatchState {
  const g = globalThis as { __beakerWatch?: WatchState };
  g.__beakerWatch ??= { watcher: null, callbackMs: 0, callbackMaxMs: 0, callbacks: 0, confirmed: 0, timer: null, timerTicks: 0, longTasks: 0, longTaskMs: 0, observer: null };
  return g.__beakerWatch;
}

/** Count long tasks (≥ 50 ms, the browser's definition) from now on. */
export function watchLongTasks(): void {
  const s = watchState();
  if (s.observer) return;
  s.observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      s.longTasks += 1;
      s.longTaskMs += e.duration;
    }
  });
  s.observer.observe({ type: 'longtask' });
}

/**
 * `watchCountdowns` as the content script starts it, on a window whose MutationObserver times
 * each callback (the watcher's only entry point: it has no timers).
 */
export function startCountdownWatch(): void {
  const s = watchState();
  class TimedObserver extends MutationObserver {
    constructor(cb: MutationCallback) {
      super((records, observer) => {
        const t0 = now();
        try {
          cb(records, observer);
        } finally {
          const ms = now() - t0;
          s.callbackMs += ms;
          s.callbacks += 1;
          if (ms > s.callbackMaxMs) s.callbackMaxMs = ms;
        }
      });
    }
  }
  const win = { document, performance, MutationObserver: TimedObserver } as unknown as Window;
  s.watcher = watchCountdowns(win, {
    onCountdown: () => {
      s.confirmed += 1;
    },
  });
}

/**
 * A shop's countdown ticking every 10 ms: three boxes (minutes, seconds, hundredths) each set
 * with `textContent` on every tick, as timer widgets do (3 mutation records per tick).
 */
export function startTimer(ids: { minutes: string; seconds: string; hundredths: string }, startSeconds = 299.99): void {
  const s = watchState();
  const m = document.getElementById(ids.minutes)!;
  const sec = document.getElementById(ids.seconds)!;
  const cs = document.getElementById(ids.hundredths)!;
  const end = now() + startSeconds * 1000;
  const pad = (n: number) => String(n).padStart(2, '0');
  s.timer = window.setInterval(() => {
    const left = Math.max(0, end - now());
    m.textContent = pad(Math.floor(left / 60_000));
    sec.textContent = pad(Math.floor((left % 60_000) / 1000));
    cs.textContent = pad(Math.floor((left % 1000) / 10));
    s.timerTicks += 1;
  }, 10);
}

export interface WatchReading {
  callbacks: number;
  records: number;
  lookups: number;
  samples: number;
  callbackMs: number;
  callbackMaxMs: number;
  confirmed: number;
  timerTicks: number;
  longTasks: number;
  longTaskMs: number;
}

export function readCountdownWatch(): WatchReading {
  const s = watchState();
  const w = s.watcher?.stats() ?? { callbacks: 0, records: 0, lookups: 0, samples: 0 };
  return { ...w, callbacks: s.watcher ? w.callbacks : 0, callbackMs: s.callbackMs, callbackMaxMs: s.callbackMaxMs, confirmed: s.confirmed, timerTicks: s.timerTicks, longTasks: s.longTasks, longTaskMs: s.longTaskMs };
}

export function stopAll(): void {
  const s = watchState();
  s.watcher?.stop();
  if (s.timer !== null) window.clearInterval(s.timer);
  s.observer?.disconnect();
}
