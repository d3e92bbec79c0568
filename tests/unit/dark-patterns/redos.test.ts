import { describe, expect, test } from 'vitest';
import { classifyButton } from '../../../lib/dark-patterns/classify-button';
import { DISCOURSE_GUARD_SOURCES, classifyText, normalizeText } from '../../../lib/dark-patterns/classify-text';
import { TEXT_RULES } from '../../../lib/dark-patterns/text-rules';

/**
 * Issue #4 requires every rule to stay fast on hostile input: each rule's RAW regular expression
 * (not the classifier, which only looks at 500 characters) is run on 100 KB adversarial strings
 * built from its own literal fragments, its examples cut short, spaces, digits, clocks and "a"s,
 * and must finish well under 50 ms (best of three runs). A catastrophic pattern takes seconds to
 * hours on these.
 */

const SIZE = 100_000;
const LIMIT_MS = 50;

function fill(unit: string): string {
  const u = unit.length === 0 ? ' ' : unit;
  return u.repeat(Math.ceil(SIZE / u.length)).slice(0, SIZE);
}

/** Runs of letters (and inner spaces/apostrophes) in a pattern source: "only", "left in stock"… */
function literalFragments(source: string): string[] {
  const stripped = source
    .replace(/\\[pPu]\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\\./g, ' ')
    .replace(/\(\?<?[=!:]/g, ' ');
  const parts = stripped.split(/[^\p{L}' -]+/u).map((p) => p.trim());
  return [...new Set(parts.filter((p) => p.length >= 2))];
}

function adversarialInputs(source: string, examples: readonly string[], counterExamples: readonly string[]): Array<[string, string]> {
  const fragments = literalFragments(source);
  const words = fragments.flatMap((f) => f.split(' ')).filter((w) => w.length > 0);
  const normalizedExamples = examples.map(normalizeText);
  const exampleWords = normalizedExamples.flatMap((e) => e.split(' '));
  const nearMisses = normalizedExamples.map((e) => e.slice(0, -1));
  const cutLastWord = normalizedExamples.map((e) => e.split(' ').slice(0, -1).join(' '));
  return [
    ['fragments', fill(`${fragments.join(' ')} `)],
    ['fragments with digits', fill(`${fragments.join(' 1 ')} 12 `)],
    ['fragments glued', fill(fragments.join(''))],
    ['words with numbers and clocks', fill(`${words.map((w, i) => `${w} ${i % 10} `).join('')}00:00:`)],
    ['near-miss examples', fill(`${nearMisses.join(' ')} `)],
    ['examples without last word', fill(`${cutLastWord.join(' ')} `)],
    ['example words', fill(`${exampleWords.join(' ')} `)],
    ['example words without spaces', fill(exampleWords.join(''))],
    ['counter-examples', fill(`${counterExamples.map(normalizeText).join(' ')} `)],
    ['spaces', fill(' ')],
    ['digits', fill('1')],
    ['spaced digits', fill('1 ')],
    ['clock pieces', fill('00 : ')],
    ['a', fill('a')],
    ['a and spaces', fill('a ')],
    ['accented letters', fill('é')],
    ['quotes and apostrophes', fill(`"'" `)],
  ];
}

/**
 * Best of three runs: a catastrophic pattern is slow every time, while a garbage-collection pause,
 * flattening a freshly built string or another test file running in parallel is not.
 */
function timeMs(fn: () => unknown): number {
  let best = Infinity;
  for (let run = 0; run < 3; run += 1) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('every text rule is linear on 100 KB adversarial input', () => {
  let slowest = { ms: 0, what: '' };

  test.each(TEXT_RULES.map((rule) => ({ id: rule.id, rule })))('$id', ({ rule }) => {
    const regex = new RegExp(rule.source, rule.flags);
    // V8 interprets a regexp's first run and compiles it to native code on the next: warm up twice,
    // so what is measured is matching, not compiling.
    regex.test('warm up the regexp compiler');
    regex.test('warm up the regexp compiler');
    for (const [name, input] of adversarialInputs(rule.source, rule.examples, rule.counterExamples)) {
      expect(input.length).toBe(SIZE);
      const ms = timeMs(() => regex.exec(input));
      if (ms > slowest.ms) slowest = { ms, what: `${rule.id} on ${name}` };
      expect(ms, `${rule.id} on ${name}: ${ms.toFixed(1)} ms`).toBeLessThan(LIMIT_MS);
    }
  });

  test('discourse guards are linear too', () => {
    for (const source of DISCOURSE_GUARD_SOURCES) {
      const regex = new RegExp(source, 'u');
      regex.test('warm up');
      regex.test('warm up');
      for (const [name, input] of adversarialInputs(source, ['a study found that dark patterns work'], ['only 2 left'])) {
        const ms = timeMs(() => regex.exec(input));
        expect(ms, `guard on ${name}: ${ms.toFixed(1)} ms`).toBeLessThan(LIMIT_MS);
      }
    }
  });

  test('report the slowest case', () => {
    console.log(`slowest rule run on 100 KB: ${slowest.ms.toFixed(2)} ms (${slowest.what})`);
    expect(slowest.ms).toBeLessThan(LIMIT_MS);
  });
});

describe('the classifiers cap what they read', () => {
  test('classifyText on 100 KB of rule fragments stays fast (it reads 500 characters)', () => {
    classifyText('warm up');
    classifyText('warm up');
    for (const rule of TEXT_RULES) {
      const input = fill(`${literalFragments(rule.source).join(' ')} `);
      const ms = timeMs(() => classifyText(input));
      expect(ms, rule.id).toBeLessThan(LIMIT_MS);
    }
  });

  test('classifyText on 1 MB of whitespace and zero-width characters stays fast', () => {
    const input = ' \u200b\u00a0\t'.repeat(250_000);
    expect(timeMs(() => classifyText(input))).toBeLessThan(LIMIT_MS);
  });

  test('classifyButton on 100 KB labels stays fast', () => {
    classifyButton('warm up');
    classifyButton('warm up');
    for (const unit of ['accept all ', 'reject ', 'a', ' ', 'nur notwendige ', 'é']) {
      const input = fill(unit);
      expect(timeMs(() => classifyButton(input))).toBeLessThan(LIMIT_MS);
    }
  });
});

// ---- H4, issue #11: the structural detectors' wording (lib/dark-patterns/support/structural-words.ts) ----
import { WORD_RULES as H4_WORD_RULES } from '../../../lib/dark-patterns/support/structural-words';
import { PERIOD as H4_PERIOD, PRICE as H4_PRICE, priceOf as h4PriceOf } from '../../../lib/dark-patterns/support/offer-numbers';

describe('every structural-detector pattern is linear on 100 KB adversarial input (issue #11)', () => {
  const h4Patterns: Array<{ id: string; pattern: RegExp; examples: readonly string[]; counterExamples: readonly string[] }> = [
    ...H4_WORD_RULES,
    { id: 'price', pattern: H4_PRICE, examples: ['$11.99', '1.299,00 €', '1.000.000.000'], counterExamples: ['Starter'] },
    { id: 'period', pattern: H4_PERIOD, examples: ['$5 / month', 'per year'], counterExamples: ['Pro'] },
  ];
  test.each(h4Patterns.map((p) => [p.id, p] as const))('%s', (id, p) => {
    const regex = new RegExp(p.pattern.source, p.pattern.flags);
    regex.test('warm up the regexp compiler');
    regex.test('warm up the regexp compiler');
    for (const [name, input] of adversarialInputs(p.pattern.source, p.examples, p.counterExamples)) {
      const ms = timeMs(() => regex.exec(input));
      expect(ms, `${id} on ${name}: ${ms.toFixed(1)} ms`).toBeLessThan(LIMIT_MS);
    }
  });

  test('priceOf reads only the start of a long text', () => {
    for (const unit of ['$1.', '1,', '€ 1 ', ' / month ', '1.000', '$1,000', '1,00']) {
      const input = fill(unit);
      expect(timeMs(() => h4PriceOf(input))).toBeLessThan(LIMIT_MS);
    }
  });
});
// ---- end H4 ----
