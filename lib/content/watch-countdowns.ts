import { CountdownTracker, findCountdownHost } from '../dark-patterns/support/countdown-tracker';
import type { CountdownReadout, CountdownSighting } from '../core/detector';
import { isElement } from '../dark-patterns/support/dom';

export interface CountdownWatcherOptions {
  /** Called once per element confirmed to count down (run the detectors on it then). */
  onCountdown?: (sighting: CountdownSighting) => void;
  /** A monotonic clock in ms; defaults to `performance.now()`. */
  now?: () => number;
  tracker?: CountdownTracker;
  /** Changed elements looked at per observer callback; the rest of a burst is skipped. */
  maxElementsPerBatch?: number;
}

export interface CountdownWatcher {
  readout: CountdownReadout;
  stop(): void;
  /** Work done so far: observer callbacks, host look-ups, samples fed (tests count these). */
  stats(): { callbacks: number; records: number; lookups: number; samples: number };
}

const IGNORED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'title', 'textarea', 'beaker-highlight']);

/**
 * Watches text change to find countdown timers. The only trigger is a MutationObserver on text
 * and child lists: no timers, no polling, so an idle page costs nothing. A timer ticking every
 * 10 ms costs one map look-up per change; text is read at most every `minIntervalMs` (250 ms)
 * per element, climbing at most 4 ancestors to find the whole timer (digits in separate boxes).
 */
export function watchCountdowns(win: Window, options: CountdownWatcherOptions = {}): CountdownWatcher {
  const tracker = options.tracker ?? new CountdownTracker();
  const now = options.now ?? (() => win.performance.now());
  const maxPerBatch = options.maxElementsPerBatch ?? 64;
  const interval = tracker.limits.minIntervalMs;
  // When each changed element was last looked at; weak, so removed nodes are forgotten.
  const lastLook = new WeakMap<Element, number>();
  const stats = { callbacks: 0, records: 0, lookups: 0, samples: 0 };
  let stopped = false;

  const onRecords = (records: MutationRecord[]) => {
    if (stopped) return;
    stats.callbacks += 1;
    stats.records += records.length;
    const t = now();
    const changed = new Set<Element>();
    for (const record of records) {
      if (changed.size >= maxPerBatch) break;
      const target = record.type === 'characterData' ? record.target.parentElement : record.target;
      if (!isElement(target) || changed.has(target)) continue;
      const last = lastLook.get(target);
      if (last !== undefined && t - last < interval) continue;
      if (IGNORED_TAGS.has(target.localName) || (target as HTMLElement).isContentEditable === true) continue;
      changed.add(target);
    }
    const sampled = new Set<Element>();
    for (const el of changed) {
      lastLook.set(el, t);
      if (!el.isConnected) continue;
      stats.lookups += 1;
      const found = findCountdownHost(el);
      if (!found || sampled.has(found.host) || !tracker.wants(found.host, t)) continue;
      sampled.add(found.host);
      stats.samples += 1;
      // `observe` answers 'countdown' once per element: later samples of it are not taken.
      if (tracker.observe(found.host, found.text, t) === 'countdown') {
        const sighting = tracker.sightingOf(found.host);
        if (sighting && options.onCountdown) options.onCountdown(sighting);
      }
    }
  };

  const Observer = (win as unknown as { MutationObserver?: typeof MutationObserver }).MutationObserver ?? globalThis.MutationObserver;
  const observer = new Observer(onRecords);
  observer.observe(win.document.documentElement, { childList: true, characterData: true, subtree: true });

  return {
    readout: tracker,
    stop() {
      stopped = true;
      observer.disconnect();
    },
    stats: () => ({ ...stats }),
  };
}
