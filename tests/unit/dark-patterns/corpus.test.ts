import { describe, expect, test } from 'vitest';
import { TEXT_DETECTABLE_TYPES } from '../../../lib/dark-patterns/taxonomy';
import { evaluateCorpus, formatReport } from '../../fixtures/text-corpus/evaluate';
import { HOLDOUT_NEGATIVE, HOLDOUT_POSITIVE } from '../../fixtures/text-corpus/holdout-2026-12';
import { NEGATIVE } from '../../fixtures/text-corpus/negative';
import { POSITIVE } from '../../fixtures/text-corpus/positive';

/**
 * Floors on the hand-written corpus (issue #4, "Tests"). They sit a little under what was
 * measured when the rules were written (printed below and by `npx tsx scripts/eval-text.ts`):
 * a rule change that costs more than a few strings fails here. The corpus is in-sample; the
 * held-out public corpora are scored elsewhere.
 *
 * Measured (page language unknown): overall precision 99.1%, recall 100%, type accuracy 99.8%;
 * every category precision ≥ 95.5% and recall ≥ 99.2%.
 */
const FLOORS = {
  overallPrecision: 0.97,
  overallRecall: 0.97,
  typeAccuracy: 0.96,
  categoryPrecision: 0.92,
  categoryRecall: 0.92,
};

describe('text corpus', () => {
  test('sizes and spread', () => {
    expect(POSITIVE.length).toBeGreaterThanOrEqual(300);
    expect(NEGATIVE.length).toBeGreaterThanOrEqual(600);
    for (const lang of ['en', 'de', 'fr', 'es'] as const) {
      expect(POSITIVE.filter((s) => s.lang === lang).length, lang).toBeGreaterThanOrEqual(40);
      expect(NEGATIVE.filter((s) => s.lang === lang).length, lang).toBeGreaterThanOrEqual(60);
    }
    for (const type of TEXT_DETECTABLE_TYPES) expect(POSITIVE.filter((s) => s.type === type).length, type).toBeGreaterThanOrEqual(4);
    for (const kind of ['navigation', 'product', 'price', 'review', 'shipping', 'stock', 'cookie', 'newsletter', 'editorial', 'button', 'lookalike'] as const) {
      expect(NEGATIVE.filter((s) => s.kind === kind).length, kind).toBeGreaterThanOrEqual(10);
    }
  });

  test('no string is in both sets, and none twice', () => {
    const pos = POSITIVE.map((s) => s.text);
    const neg = NEGATIVE.map((s) => s.text);
    expect(new Set(pos).size).toBe(pos.length);
    expect(new Set(neg).size).toBe(neg.length);
    const negSet = new Set(neg);
    expect(pos.filter((t) => negSet.has(t))).toEqual([]);
  });

  test('the December 2026 hold-out stays apart from the tuning corpus (issue #11 item 3)', () => {
    expect(HOLDOUT_POSITIVE.length).toBeGreaterThanOrEqual(300);
    expect(HOLDOUT_NEGATIVE.length).toBeGreaterThanOrEqual(300);
    for (const lang of ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt'] as const) expect(HOLDOUT_POSITIVE.filter((s) => s.lang === lang).length, lang).toBeGreaterThanOrEqual(20);
    // 22 hold-out strings (short badges and buttons) were written again as tuning strings (54 with
    // the rules' examples); the hold-out's header scores it without them too. No more may join.
    const tuning = new Set([...POSITIVE, ...NEGATIVE].map((s) => s.text));
    const held = [...HOLDOUT_POSITIVE, ...HOLDOUT_NEGATIVE].map((s) => s.text);
    expect(held.filter((t) => tuning.has(t)).length).toBeLessThanOrEqual(22);
    expect(new Set(held).size).toBe(held.length);
  });

  test.each([
    { name: 'page language unknown', passLang: false },
    { name: 'page language given', passLang: true },
  ])('precision and recall floors ($name)', { timeout: 30_000 }, ({ passLang }) => {
    const report = evaluateCorpus({ passLang });
    console.log(formatReport(report, `Text corpus (page language ${passLang ? 'given' : 'unknown'})`).split('\nFalse positives')[0]);
    expect(report.overall.precision).toBeGreaterThanOrEqual(FLOORS.overallPrecision);
    expect(report.overall.recall).toBeGreaterThanOrEqual(FLOORS.overallRecall);
    expect(report.typeAccuracy).toBeGreaterThanOrEqual(FLOORS.typeAccuracy);
    for (const [category, score] of Object.entries(report.byCategory)) {
      if (score.tp + score.fn < 4) continue;
      expect(score.precision, `${category} precision`).toBeGreaterThanOrEqual(FLOORS.categoryPrecision);
      expect(score.recall, `${category} recall`).toBeGreaterThanOrEqual(FLOORS.categoryRecall);
    }
  });
});
