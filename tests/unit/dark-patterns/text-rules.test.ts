import { describe, expect, test } from 'vitest';
import { DISCOURSE_GUARD_SOURCES, classifyText, normalizeText } from '../../../lib/dark-patterns/classify-text';
import { regexShapeProblem } from '../../../lib/dark-patterns/regex-shape';
import { TAXONOMY } from '../../../lib/dark-patterns/taxonomy';
import { TEXT_RULES, TEXT_RULES_VERSION, ruleIdOf, type TextRule } from '../../../lib/dark-patterns/text-rules';
import { textRule } from '../../../lib/dark-patterns/schemas';

const compiled = (rule: TextRule) => new RegExp(rule.source, rule.flags);
const byId = TEXT_RULES.map((rule) => ({ id: rule.id, rule }));

describe('rule table', () => {
  test.each(byId)('$id matches the schema', ({ rule }) => {
    const parsed = textRule.safeParse(rule);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
  });

  test('ids are unique, numbered per type, and carry the version in the log form', () => {
    const ids = TEXT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of TEXT_RULES) {
      expect(rule.id.startsWith(`text/${rule.type}/`)).toBe(true);
      expect(rule.version).toBe(TEXT_RULES_VERSION);
      expect(ruleIdOf(rule)).toMatch(/^text\/[a-z-]+\/\d+@\d+$/);
      expect(ruleIdOf(rule).length).toBeLessThanOrEqual(120);
    }
  });

  test('every rule is linear-time by shape (no *, +, {n,}, repeated groups, back-references)', () => {
    for (const rule of TEXT_RULES) expect(regexShapeProblem(rule.source), rule.id).toBeNull();
    for (const source of DISCOURSE_GUARD_SOURCES) expect(regexShapeProblem(source)).toBeNull();
  });

  test('every text-detectable type has at least one English rule', () => {
    const textTypes = Object.entries(TAXONOMY)
      .filter(([, info]) => (info.detectableFrom as readonly string[]).includes('text'))
      .map(([type]) => type);
    for (const type of textTypes) expect(TEXT_RULES.some((r) => r.type === type && r.lang === 'en'), type).toBe(true);
  });

  test('German, French and Spanish cover urgency, scarcity, social proof and confirmshaming', () => {
    for (const lang of ['de', 'fr', 'es'] as const) {
      for (const type of ['countdown-timer', 'limited-time-message', 'low-stock-message', 'high-demand-message', 'activity-notification', 'confirmshaming'] as const) {
        expect(TEXT_RULES.some((r) => r.lang === lang && r.type === type), `${lang} ${type}`).toBe(true);
      }
    }
  });
});

describe('examples and counter-examples', () => {
  const examples = TEXT_RULES.flatMap((rule) => rule.examples.map((text) => ({ id: rule.id, rule, text })));
  const counterExamples = TEXT_RULES.flatMap((rule) => rule.counterExamples.map((text) => ({ id: rule.id, rule, text })));

  test.each(examples)('$id matches "$text"', ({ rule, text }) => {
    expect(compiled(rule).test(normalizeText(text))).toBe(true);
  });

  test.each(counterExamples)('$id leaves "$text" alone', ({ rule, text }) => {
    expect(compiled(rule).test(normalizeText(text))).toBe(false);
  });

  test.each(examples)('the classifier gives $id’s type for "$text"', ({ rule, text }) => {
    expect(classifyText(text)?.type).toBe(rule.type);
  });
});

describe('schema rejects malformed rules', () => {
  const good: TextRule = {
    id: 'text/low-stock-message/99',
    version: 1,
    category: 'scarcity',
    type: 'low-stock-message',
    lang: 'en',
    source: String.raw`only \d{1,3} left`,
    flags: 'u',
    confidence: 0.5,
    examples: ['only 2 left'],
    counterExamples: ['in stock'],
  };

  test('the well-formed rule passes', () => {
    expect(textRule.safeParse(good).success).toBe(true);
  });

  test.each([
    ['an unbounded gap', { source: 'only .* left' }],
    ['a plus quantifier', { source: String.raw`only \d+ left` }],
    ['an open bound', { source: String.raw`only \d{1,} left` }],
    ['a repeated group', { source: String.raw`(?:\w{1,5} ){0,5}left` }],
    ['a nested quantifier', { source: String.raw`(?:a+)+b` }],
    ['a back-reference', { source: String.raw`(only) \1` }],
    ['a bound over 60', { source: String.raw`only [^.]{0,500} left` }],
    ['a stateful flag', { flags: 'gu' }],
    ['a wrong category', { category: 'urgency' }],
    ['an id of another type', { id: 'text/high-demand-message/1' }],
    ['an id without a number', { id: 'text/low-stock-message' }],
    ['a confidence above 1', { confidence: 1.5 }],
    ['no examples', { examples: [] }],
    ['no counter-examples', { counterExamples: [] }],
    ['an unknown language', { lang: 'ja' }],
    ['a pattern that does not compile', { source: String.raw`only (\d{1,3} left` }],
  ])('%s', (_name, patch) => {
    expect(textRule.safeParse({ ...good, ...patch }).success).toBe(false);
  });
});

describe('regexShapeProblem', () => {
  test.each([
    String.raw`(?<![\p{L}\p{N}])only \d{1,4} (?:left|remaining)(?![\p{L}\p{N}])`,
    String.raw`(?:a|b)?c{0,3}`,
    String.raw`[+*]{0,2}\+\*`,
    String.raw`(?<name>x)?`,
  ])('accepts %s', (source) => {
    expect(regexShapeProblem(source)).toBeNull();
  });

  test.each([String.raw`a*`, String.raw`(a|b){2}`, String.raw`(?:x{1,2}){1,3}`, String.raw`a{2,}`, String.raw`(x)\1`, String.raw`(a`, String.raw`a)`])(
    'rejects %s',
    (source) => {
      expect(regexShapeProblem(source)).not.toBeNull();
    },
  );
});
