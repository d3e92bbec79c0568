import type { TextFacts } from '../core/detector';
import { MAX_TEXT_FACT_LENGTH } from '../core/detector';
import { classifyButton, classifyText, classifyTexts, isDiscourse, normalizeText } from './classify-text';
import { matchWords } from './support/structural-words';

/**
 * Everything the text classifiers say about one string, in one call: what the background answers
 * to a content script's `classify-texts`, and what `ctx.text` computes directly under Node.
 */
export function textFacts(text: string, lang: string | null): TextFacts {
  const capped = text.slice(0, MAX_TEXT_FACT_LENGTH);
  return {
    pattern: classifyText(capped, { lang }),
    button: classifyButton(capped, { lang }),
    discourse: isDiscourse(normalizeText(capped)),
    words: matchWords(capped),
  };
}

/**
 * `textFacts` of a whole batch (a content script's `classify-texts`), each answer the same as
 * alone; the patterns are matched rule by rule over the batch (`classifyTexts`), several times
 * cheaper than one string after the other.
 */
export function textFactsBatch(texts: readonly string[], lang: string | null): TextFacts[] {
  const capped = texts.map((t) => t.slice(0, MAX_TEXT_FACT_LENGTH));
  const patterns = classifyTexts(capped, { lang });
  return capped.map((t, i) => ({ pattern: patterns[i] ?? null, button: classifyButton(t, { lang }), discourse: isDiscourse(normalizeText(t)), words: matchWords(t) }));
}

/** A `ctx.text` for Node, tests and benchmarks: direct, memoised per context. */
export function directTextFacts(lang: string | null): (text: string) => TextFacts {
  const memo = new Map<string, TextFacts>();
  return (text) => {
    const key = text.slice(0, MAX_TEXT_FACT_LENGTH);
    let facts = memo.get(key);
    if (!facts) {
      facts = textFacts(key, lang);
      if (memo.size > 10_000) memo.clear();
      memo.set(key, facts);
    }
    return facts;
  };
}
