import type { HostVerdict } from '../core/detector';
import { MAX_URLS_PER_MESSAGE } from '../message-limits';

const SOURCE_SELECTOR = 'iframe[src], frame[src], img[src], embed[src], object[data]';
/** New addresses asked per scan batch; what is beyond is asked in the next batch that holds it. */
const MAX_NEW_PER_BATCH = MAX_URLS_PER_MESSAGE * 5;
/** Sources read per batch, repeats included (a page of 5,000 frames of one address). */
const MAX_READ_PER_BATCH = 4 * MAX_NEW_PER_BATCH;
/**
 * Answers kept. Above it the oldest half goes, never during a batch: the answers fetched for a
 * batch are the ones its detectors read.
 */
const MAX_CACHED = 5000;

export interface VerdictCacheOptions {
  /** A monotonic clock in ms (`performance.now`). */
  now?: () => number;
  /** Reading sources yields to the page after this much main-thread time (the scanner's slice budget). */
  budgetMs?: number;
  /** Give the page its turn; resolves later (a task hop). */
  yieldToPage?: () => Promise<void>;
}

/**
 * TrackerDB verdicts for the sources of frames, images and objects, asked of the background in one
 * batched message per scan batch (the engine lives there; the content script stays small). Reading
 * the sources is bounded (MAX_READ_PER_BATCH) and sliced by the time budget: resolving thousands of
 * `src` addresses is work the page feels (issue #7's page of 5,000 frames).
 */
export function createVerdictCache(ask: (urls: string[]) => Promise<Record<string, HostVerdict | null>>, options: VerdictCacheOptions = {}) {
  const cache = new Map<string, HostVerdict | null>();
  const now = options.now ?? (() => performance.now());
  const budgetMs = options.budgetMs ?? 8;
  const yieldToPage = options.yieldToPage ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

  /** The sources of `roots` not known yet, within the batch's bounds, yielding when over budget. */
  async function collect(roots: readonly ParentNode[]): Promise<string[]> {
    const wanted = new Set<string>();
    let read = 0;
    let sliceStart = now();
    const add = (el: Element) => {
      read += 1;
      const url = (el as HTMLIFrameElement).src || (el as HTMLObjectElement).data || '';
      if (typeof url === 'string' && /^https?:/i.test(url) && !cache.has(url)) wanted.add(url.slice(0, 2048));
    };
    for (let r = 0; r < roots.length && read < MAX_READ_PER_BATCH && wanted.size < MAX_NEW_PER_BATCH; r++) {
      // Thousands of small roots (a full pass over 20,000 siblings) are work too, sources or not.
      if ((r & 63) === 63 && now() - sliceStart > budgetMs) {
        await yieldToPage();
        sliceStart = now();
      }
      const root = roots[r]!;
      if ((root as Element).matches?.(SOURCE_SELECTOR)) add(root as Element);
      const list = root.querySelectorAll(SOURCE_SELECTOR);
      for (let i = 0; i < list.length && read < MAX_READ_PER_BATCH && wanted.size < MAX_NEW_PER_BATCH; i++) {
        add(list[i]!);
        if ((read & 63) === 0 && now() - sliceStart > budgetMs) {
          await yieldToPage();
          sliceStart = now();
        }
      }
    }
    return [...wanted];
  }

  return {
    /** Ask about the sources in `roots` not asked about before. Failures leave them unknown. */
    async prepare(roots: readonly ParentNode[]): Promise<void> {
      const urls = await collect(roots);
      if (urls.length === 0) return;
      if (cache.size + urls.length > MAX_CACHED) {
        // Forget the oldest half (a Map keeps insertion order).
        let drop = cache.size - Math.floor(MAX_CACHED / 2);
        for (const key of cache.keys()) {
          if (drop-- <= 0) break;
          cache.delete(key);
        }
      }
      for (let i = 0; i < urls.length; i += MAX_URLS_PER_MESSAGE) {
        const batch = urls.slice(i, i + MAX_URLS_PER_MESSAGE);
        const answer = await ask(batch).catch(() => ({}) as Record<string, HostVerdict | null>);
        for (const url of batch) cache.set(url, answer[url] ?? null);
      }
    },
    verdict: (url: string): HostVerdict | null => cache.get(url) ?? null,
    /** Answers held (tests). */
    size: (): number => cache.size,
  };
}
