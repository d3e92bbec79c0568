import { describe, expect, test } from 'vitest';
import { WORD_RULES } from '../../../../lib/dark-patterns/support/structural-words';
import { priceOf } from '../../../../lib/dark-patterns/support/offer-numbers';

describe('the wording of the structural detectors (issue #11)', () => {
  test.each(WORD_RULES.map((r) => [r.id, r] as const))('%s matches its examples and none of its counter-examples', (_, rule) => {
    for (const example of rule.examples) expect(rule.pattern.test(example), example).toBe(true);
    for (const counter of rule.counterExamples) expect(rule.pattern.test(counter), counter).toBe(false);
  });

  test('prices are read with their currency and compared per month', () => {
    expect(priceOf('Pro $11.99/mo')).toBeCloseTo(11.99);
    expect(priceOf('Unlimited · £20 a month')).toBe(20);
    expect(priceOf('Yearly — $120 per year')).toBe(10);
    expect(priceOf('Forfait 19,99 € / mois')).toBeCloseTo(19.99);
    expect(priceOf('1.299,00 €')).toBe(1299);
    expect(priceOf('Starter plan')).toBeNull();
    expect(priceOf('Call 0800 123 456')).toBeNull();
  });
});
