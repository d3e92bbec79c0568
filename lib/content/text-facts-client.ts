import type { TextFacts } from '../core/detector';
import { MAX_TEXT_CHARS, MAX_TEXTS_PER_MESSAGE, splitBatches } from '../message-limits';
import { cleanText } from '../text';

const UNKNOWN: TextFacts = { pattern: null, button: 'other', discourse: false };
/** Answers kept: a 100k-element page asks about ~45k strings (npm run bench -- --only scan). */
const MAX_CACHED = 60_000;

/**
 * The content side of `ctx.text`: answers from a cache, and records what it could not answer so
 * the scanner can fetch it from the background (`settle`) and run the pass again. An unknown
 * string reads as "nothing to say" meanwhile, so a detector never sees a guess.
 */
export function createTextFactsClient(ask: (texts: string[]) => Promise<TextFacts[] | null>) {
  const cache = new Map<string, TextFacts>();
  const missing = new Set<string>();
  let misses = 0;

  return {
    lookup(text: string): TextFacts {
      // Classified as it would be stored: hidden characters out first, so padding uses no room.
      const key = cleanText(text.slice(0, 4 * MAX_TEXT_CHARS)).slice(0, MAX_TEXT_CHARS);
      const known = cache.get(key);
      if (known) return known;
      missing.add(key);
      misses += 1;
      return UNKNOWN;
    },
    /** Questions asked so far that had no answer yet (the scanner reruns the jobs that asked). */
    misses: () => misses,
    /** Fetch what was missing; true when anything new arrived. */
    async settle(): Promise<boolean> {
      if (missing.size === 0) return false;
      const wanted = [...missing];
      missing.clear();
      // Make room before, never during: answers fetched now are what the next round reads.
      if (cache.size + wanted.length > MAX_CACHED) cache.clear();
      let learned = false;
      // By count and by bytes: the background drops a message over MAX_MESSAGE_BYTES whole.
      for (const batch of splitBatches(wanted, MAX_TEXTS_PER_MESSAGE)) {
        const answer = await ask(batch).catch(() => null);
        // No answer (extension gone, malformed reply): remember the strings as unknown, so the
        // pass does not loop on them.
        for (let j = 0; j < batch.length; j++) cache.set(batch[j]!, answer?.[j] ?? UNKNOWN);
        learned ||= answer !== null;
      }
      return learned;
    },
  };
}
