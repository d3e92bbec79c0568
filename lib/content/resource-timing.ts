import type { ResourceEntry } from '../schema/content-messages';
import { MAX_INITIATOR_TYPE_CHARS, MAX_RESOURCE_ENTRIES_PER_MESSAGE, MAX_RESOURCE_URL_CHARS, MAX_RESOURCE_URLS_PER_DOCUMENT } from '../schema/resource-timing-limits';
import { splitBatches } from '../message-limits';

/** What one `resource-timing` message carries (lib/schema/content-messages.ts). */
export interface ResourceTimingReport {
  entries: ResourceEntry[];
  capped: number;
  overflowed: boolean;
}

export interface ResourceTimingWatch {
  /** Start sending (the page's site is not paused); what was collected before goes first. */
  enable(): void;
  /** Stop sending and forget what is queued (a paused site); collecting goes on, bounded. */
  disable(): void;
  /** Send what is queued now (pagehide). */
  flush(): void;
  stop(): void;
}

/** Entries are sent at most this long after they appear, batched. */
const SEND_DELAY_MS = 1000;
/** Chromium's and Firefox's default Resource Timing buffer: a page with this many entries when Beaker starts may have lost some. */
const DEFAULT_BUFFER_SIZE = 250;

/**
 * Requests Beaker did not see (ARCHITECTURE.md, "Requests Beaker did not see"): this document's
 * Resource Timing entries, read at start (`getEntriesByType`) and as they come (a
 * `PerformanceObserver`, which the page cannot starve: a full or cleared buffer does not stop it).
 * The buffer is not raised: the observer starts with the content script, so the buffer only
 * matters for entries made before, and raising it would let a page tell Beaker is installed.
 * Bounded against a page that floods entries: http(s) URLs only (no data:, blob:), fragment cut,
 * each URL once per document and at most MAX_RESOURCE_URLS_PER_DOCUMENT of them (the rest
 * counted as `capped`), batched at most once a second.
 */
export function watchResourceTiming(win: Window, send: (report: ResourceTimingReport) => Promise<unknown>): ResourceTimingWatch | null {
  const perf = win.performance;
  const Observer = (win as Window & typeof globalThis).PerformanceObserver;
  if (typeof Observer !== 'function' || typeof perf?.getEntriesByType !== 'function') return null;
  const origin = perf.timeOrigin;
  const seen = new Set<string>();
  let queue: ResourceEntry[] = [];
  let capped = 0;
  let overflowed = false;
  let enabled = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!enabled || (queue.length === 0 && capped === 0)) return;
    const batches = splitBatches(queue, MAX_RESOURCE_ENTRIES_PER_MESSAGE);
    if (batches.length === 0) batches.push([]);
    for (let i = 0; i < batches.length; i += 1) {
      void send({ entries: batches[i]!, capped: i === 0 ? capped : 0, overflowed: i === 0 && overflowed }).catch(() => undefined);
    }
    queue = [];
    capped = 0;
    overflowed = false;
  };
  const take = (list: PerformanceEntryList) => {
    for (let i = 0; i < list.length; i += 1) {
      const entry = list[i] as PerformanceResourceTiming;
      const name = entry.name;
      if (typeof name !== 'string' || !(name.startsWith('https:') || name.startsWith('http:'))) continue;
      const hash = name.indexOf('#');
      const url = (hash === -1 ? name : name.slice(0, hash)).slice(0, MAX_RESOURCE_URL_CHARS);
      if (seen.has(url)) continue;
      if (seen.size >= MAX_RESOURCE_URLS_PER_DOCUMENT) {
        capped += 1;
        continue;
      }
      seen.add(url);
      const initiator = typeof entry.initiatorType === 'string' ? entry.initiatorType.slice(0, MAX_INITIATOR_TYPE_CHARS) : 'other';
      queue.push({ url, initiator, at: Math.max(0, Math.round(origin + entry.startTime)) });
    }
    if (enabled && timer === null && (queue.length > 0 || capped > 0)) timer = setTimeout(flush, SEND_DELAY_MS);
  };

  const observer = new Observer((list) => take(list.getEntries()));
  try {
    observer.observe({ type: 'resource', buffered: true });
  } catch {
    observer.observe({ entryTypes: ['resource'] });
  }
  const initial = perf.getEntriesByType('resource');
  overflowed = initial.length >= DEFAULT_BUFFER_SIZE;
  take(initial);

  return {
    enable() {
      if (enabled) return;
      enabled = true;
      take([]);
    },
    disable() {
      enabled = false;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      queue = [];
      capped = 0;
    },
    flush,
    stop() {
      observer.disconnect();
      if (timer !== null) clearTimeout(timer);
      timer = null;
      enabled = false;
    },
  };
}
