import type { HostVerdict } from '../core/detector';
import { MAX_URLS_PER_MESSAGE } from '../message-limits';

const SOURCE_SELECTOR = 'iframe[src], frame[src], img[src], embed[src], object[data]';
const MAX_CACHED = 5000;

/**
 * TrackerDB verdicts for the sources of frames, images and objects, asked of the background in one
 * batched message per scan batch (the engine lives there; the content script stays small).
 */
export function createVerdictCache(ask: (urls: string[]) => Promise<Record<string, HostVerdict | null>>) {
  const cache = new Map<string, HostVerdict | null>();

  function sourcesIn(root: ParentNode, into: Set<string>): void {
    const add = (el: Element) => {
      const url = (el as HTMLIFrameElement).src || (el as HTMLObjectElement).data || '';
      if (/^https?:/i.test(url) && !cache.has(url)) into.add(url.slice(0, 2048));
    };
    if ((root as Element).matches?.(SOURCE_SELECTOR)) add(root as Element);
    const list = root.querySelectorAll(SOURCE_SELECTOR);
    for (let i = 0; i < list.length && into.size < MAX_URLS_PER_MESSAGE * 5; i++) add(list[i]!);
  }

  return {
    /** Ask about every source in `roots` not asked about before. Failures leave them unknown. */
    async prepare(roots: readonly ParentNode[]): Promise<void> {
      const wanted = new Set<string>();
      for (const root of roots) sourcesIn(root, wanted);
      const urls = [...wanted];
      for (let i = 0; i < urls.length; i += MAX_URLS_PER_MESSAGE) {
        const batch = urls.slice(i, i + MAX_URLS_PER_MESSAGE);
        const answer = await ask(batch).catch(() => ({}) as Record<string, HostVerdict | null>);
        if (cache.size > MAX_CACHED) cache.clear();
        for (const url of batch) cache.set(url, answer[url] ?? null);
      }
    },
    verdict: (url: string): HostVerdict | null => cache.get(url) ?? null,
  };
}
