import { textFacts } from '../dark-patterns/text-facts';
import type { TextFacts } from '../core/detector';

const LIMIT = 20_000;

/**
 * Text facts for content scripts, memoised: the same button labels and banners recur on every page
 * of a site. Bounded; cleared whole when full (cheap, and the next pages refill it).
 */
export function createTextFactsCache(): (text: string, lang: string | null) => TextFacts {
  const memo = new Map<string, TextFacts>();
  return (text, lang) => {
    const key = `${lang ?? ''}\u0000${text}`;
    let facts = memo.get(key);
    if (!facts) {
      facts = textFacts(text, lang);
      if (memo.size >= LIMIT) memo.clear();
      memo.set(key, facts);
    }
    return facts;
  };
}
