import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { watchResourceTiming, type ResourceTimingReport } from '../../../lib/content/resource-timing';
import { MAX_RESOURCE_URLS_PER_DOCUMENT } from '../../../lib/schema/resource-timing-limits';
import { contentMessage } from '../../../lib/schema/content-messages';
import { MAX_MESSAGE_BYTES } from '../../../lib/message-limits';

/** A window with just the Performance API the watcher reads: entries already in the buffer, and an observer the test feeds. */
function fakeWindow(initial: { name: string; initiatorType: string; startTime: number }[]) {
  let callback: ((list: { getEntries(): unknown[] }) => void) | null = null;
  const win = {
    performance: { timeOrigin: 1_700_000_000_000, getEntriesByType: (type: string) => (type === 'resource' ? initial : []) },
    PerformanceObserver: class {
      constructor(cb: (list: { getEntries(): unknown[] }) => void) {
        callback = cb;
      }
      observe() {}
      disconnect() {
        callback = null;
      }
    },
  };
  return { win: win as unknown as Window, emit: (entries: unknown[]) => callback?.({ getEntries: () => entries }), observing: () => callback !== null };
}

const entry = (name: string, initiatorType = 'script', startTime = 10) => ({ name, initiatorType, startTime });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the content side of Resource Timing', () => {
  test('sends nothing before it is enabled; then what loaded before and after, deduplicated, without data:, blob: or fragments', async () => {
    const { win, emit } = fakeWindow([entry('https://a.example/x.js'), entry('data:image/gif;base64,R0'), entry('https://a.example/x.js#y')]);
    const sent: ResourceTimingReport[] = [];
    const watch = watchResourceTiming(win, async (r) => void sent.push(r))!;
    emit([entry('blob:https://a.example/1', 'fetch'), entry('https://t.example/p?id=1', 'img', 25.4)]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toEqual([]);
    watch.enable();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toEqual([
      {
        entries: [
          { url: 'https://a.example/x.js', initiator: 'script', at: 1_700_000_000_010 },
          { url: 'https://t.example/p?id=1', initiator: 'img', at: 1_700_000_000_025 },
        ],
        capped: 0,
        overflowed: false,
      },
    ]);
    emit([entry('https://t.example/p?id=1', 'img')]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toHaveLength(1);
    for (const r of sent) expect(contentMessage.safeParse({ type: 'resource-timing', ...r }).success).toBe(true);
  });

  test('a buffer that was full when the script started is said (overflowed), once', async () => {
    const initial = Array.from({ length: 250 }, (_, i) => entry(`https://a.example/${i}.png`, 'img'));
    const { win, emit } = fakeWindow(initial);
    const sent: ResourceTimingReport[] = [];
    const watch = watchResourceTiming(win, async (r) => void sent.push(r))!;
    watch.enable();
    await vi.advanceTimersByTimeAsync(1000);
    emit([entry('https://a.example/late.png', 'img')]);
    await vi.advanceTimersByTimeAsync(1000);
    // 250 entries go in three messages of at most 100, the late one in a fourth; only the first says so.
    expect(sent.map((r) => r.overflowed)).toEqual([true, false, false, false]);
    expect(sent.reduce((n, r) => n + r.entries.length, 0)).toBe(251);
  });

  test('a page flooding entries: at most MAX_RESOURCE_URLS_PER_DOCUMENT URLs are sent, the rest counted; every message fits', async () => {
    const { win, emit } = fakeWindow([]);
    const sent: ResourceTimingReport[] = [];
    const watch = watchResourceTiming(win, async (r) => void sent.push(r))!;
    watch.enable();
    const long = 'x'.repeat(1900);
    for (let burst = 0; burst < 50; burst++) emit(Array.from({ length: 1000 }, (_, i) => entry(`https://f.example/${long}?${burst}-${i}`, 'img')));
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent.reduce((n, r) => n + r.entries.length, 0)).toBe(MAX_RESOURCE_URLS_PER_DOCUMENT);
    expect(sent.reduce((n, r) => n + r.capped, 0)).toBe(50_000 - MAX_RESOURCE_URLS_PER_DOCUMENT);
    for (const r of sent) {
      const message = { type: 'resource-timing', ...r };
      expect(JSON.stringify(message).length).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
      expect(contentMessage.safeParse(message).success).toBe(true);
    }
  });

  test('disabled (a paused site) it drops what it queued; stopped it observes no more', async () => {
    const { win, observing } = fakeWindow([entry('https://a.example/x.js')]);
    const sent: ResourceTimingReport[] = [];
    const watch = watchResourceTiming(win, async (r) => void sent.push(r))!;
    watch.disable();
    watch.enable();
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toEqual([]);
    watch.stop();
    expect(observing()).toBe(false);
  });
});
