import { browser } from 'wxt/browser';
import type { BackgroundDiagnostics } from './diagnostics';
import type { NavigationDetails, Recorder, RequestDetails, ResponseDetails } from './recorder';
import type { WriteAhead } from './write-ahead';

const MAX_EARLY = 20_000;
/**
 * Request events wait this long, in order, before they are attributed: webRequest and webNavigation
 * events travel separate paths, and a pixel a single-page app sends right after pushState can reach
 * us before onHistoryStateUpdated does (seen in CI under load). Navigation events are not delayed,
 * so they land first; the recorder then decides by timestamps.
 */
export const REQUEST_SETTLE_MS = 100;

export interface SettleQueue {
  push(fn: () => unknown): void;
  size(): number;
  /** Resolves once every callback pushed so far has run. */
  drained(): Promise<void>;
}

/** Run callbacks `delayMs` after they were pushed, in push order, with one timer at a time. */
export function createSettleQueue(delayMs: number): SettleQueue {
  const items: { due: number; fn: () => unknown }[] = [];
  const waiters: { upTo: number; resolve: () => void }[] = [];
  let pushed = 0;
  let ran = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    const now = performance.now();
    while (items.length > 0 && items[0]!.due <= now) {
      ran += 1;
      try {
        items.shift()!.fn();
      } catch (error) {
        // One bad event must not stall the ones behind it.
        console.error('[beaker] event handling failed', error);
      }
    }
    while (waiters.length > 0 && waiters[0]!.upTo <= ran) waiters.shift()!.resolve();
    if (items.length > 0) timer = setTimeout(run, Math.max(0, items[0]!.due - performance.now()));
  };
  return {
    push(fn) {
      pushed += 1;
      items.push({ due: performance.now() + delayMs, fn });
      timer ??= setTimeout(run, delayMs);
    },
    size: () => items.length,
    drained() {
      if (ran >= pushed) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ upTo: pushed, resolve }));
    },
  };
}

export interface ReadyGate {
  /** Run `fn` with the recorder now, or queue it (in order, up to 20,000) until `open`. */
  whenReady(fn: (r: Recorder) => unknown): unknown;
  /** Hand over the recorder and replay what was queued, in order. */
  open(recorder: Recorder): Promise<void>;
}

export function createReadyGate(diagnostics: BackgroundDiagnostics): ReadyGate {
  const early: ((r: Recorder) => unknown)[] = [];
  let recorder: Recorder | null = null;
  return {
    whenReady(fn) {
      if (recorder) return fn(recorder);
      if (early.length < MAX_EARLY) early.push(fn);
      diagnostics.queuedBeforeReady += 1;
      return undefined;
    },
    async open(rec) {
      recorder = rec;
      for (const fn of early.splice(0)) await fn(rec);
    },
  };
}

/** Image requests a worker remembers having been told of (100 s of a page sending 50 a second). */
const MAX_HEARD = 5000;
/** How long a response whose request this worker was not told of waits for it before it counts as an orphan. */
const ORPHAN_GRACE_MS = 1000;

/**
 * What to do with a response whose request this worker was never told of (set by start.ts once
 * its ledger exists; until then such a response only settles nothing).
 */
export interface OrphanResponses {
  handle: ((recorder: Recorder, details: RequestDetails) => void) | null;
}

/**
 * The browser's events, wired to the recorder through the gate. Call synchronously, in the worker's
 * first turn: MV3 only wakes a worker for listeners registered that way.
 */
export function listenToBrowserEvents(
  gate: ReadyGate,
  settled: SettleQueue,
  diagnostics: BackgroundDiagnostics,
  writeAhead?: Pick<WriteAhead, 'noteRequest' | 'requestDone' | 'handledBefore'>,
  orphans?: OrphanResponses,
): void {
  const { whenReady } = gate;
  // The image requests this worker was told of (the only responses listened to), the oldest forgotten.
  const heard = new Set<string>();
  const onResponse = (details: ResponseDetails & Partial<RequestDetails>) => {
    settled.push(() => whenReady((r) => r.onResponse(details)));
    if (!orphans || details.tabId < 0 || typeof details.url !== 'string' || heard.has(details.requestId)) return;
    // Told of the response and not the request: the request went to an earlier worker, which may
    // have been stopping and never handled it (issue #10, item 4); the ledger decides (start.ts).
    // A worker that is starting can be told of a response before its request (seen: 30 ms), so
    // the request has ORPHAN_GRACE_MS to arrive; if it does, the response is given again, after it.
    setTimeout(() => {
      const late = heard.has(details.requestId);
      settled.push(() =>
        whenReady((r) => {
          if (late) r.onResponse(details);
          else orphans.handle?.(r, details as RequestDetails);
        }),
      );
    }, ORPHAN_GRACE_MS);
  };
  browser.webRequest.onBeforeRequest.addListener(
    (details) => {
      if (details.type === 'image' && details.tabId >= 0) {
        heard.add(details.requestId);
        if (heard.size > MAX_HEARD) heard.delete(heard.values().next().value!);
      }
      if (details.type !== 'main_frame' && details.tabId >= 0) diagnostics.firstRequestAt ??= performance.now();
      // Copied until the recorder has handled it: a worker stopped meanwhile replays it (write-ahead.ts).
      const token = details.tabId >= 0 && details.type !== 'main_frame' ? writeAhead?.noteRequest(details as RequestDetails) : undefined;
      settled.push(() =>
        whenReady((r) => {
          // Told again of a request the last worker handled as it was stopped: recorded once (write-ahead.ts).
          if (writeAhead?.handledBefore(details.requestId)) {
            if (token) writeAhead.requestDone(token);
            return;
          }
          r.onRequest(details as RequestDetails);
          if (token) writeAhead?.requestDone(token);
          // The navigation that woke the worker is not classified; the first subresource is.
          if (details.type !== 'main_frame' && details.tabId >= 0) diagnostics.firstClassifiedAt ??= performance.now();
        }),
      );
      return undefined;
    },
    { urls: ['<all_urls>'] },
  );
  browser.webRequest.onHeadersReceived.addListener(
    (details) => {
      onResponse(details as ResponseDetails & Partial<RequestDetails>);
      return undefined;
    },
    { urls: ['<all_urls>'], types: ['image'] },
    ['responseHeaders'],
  );
  browser.webRequest.onErrorOccurred.addListener((details) => onResponse(details as ResponseDetails & Partial<RequestDetails>), {
    urls: ['<all_urls>'],
    types: ['image'],
  });
  browser.webNavigation.onCommitted.addListener((d) => void whenReady((r) => r.onCommitted(d as NavigationDetails)));
  browser.webNavigation.onHistoryStateUpdated.addListener((d) => void whenReady((r) => r.onHistoryNavigation(d as NavigationDetails)));
  browser.webNavigation.onReferenceFragmentUpdated.addListener((d) => void whenReady((r) => r.onHistoryNavigation(d as NavigationDetails)));
  browser.tabs.onRemoved.addListener((tabId) => void whenReady((r) => r.onTabRemoved(tabId)));
}
