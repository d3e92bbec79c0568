import { describe, expect, test } from 'vitest';
import { darkPatternEvent } from '../../../lib/schema/events';
import {
  CATEGORIES,
  CATEGORY_INFO,
  PATTERN_TYPES,
  TAXONOMY,
  TEXT_DETECTABLE_TYPES,
  explanationFor,
} from '../../../lib/dark-patterns/taxonomy';
import { categoryInfo, patternTypeInfo } from '../../../lib/dark-patterns/schemas';

describe('taxonomy', () => {
  test.each(PATTERN_TYPES.map((type) => ({ type })))('$type matches its schema', ({ type }) => {
    const parsed = patternTypeInfo.safeParse(TAXONOMY[type]);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
    expect(TAXONOMY[type].explanationId).toBe(`dark-pattern/${type}`);
  });

  test.each(CATEGORIES.map((c) => ({ c })))('category $c matches its schema and has types', ({ c }) => {
    expect(categoryInfo.safeParse(CATEGORY_INFO[c]).success).toBe(true);
    expect(PATTERN_TYPES.some((t) => TAXONOMY[t].category === c)).toBe(true);
  });

  test('the seven categories of Mathur et al. 2019 with their fifteen types', () => {
    const mathur: Record<string, string[]> = {
      sneaking: ['sneak-into-basket', 'hidden-costs', 'hidden-subscription'],
      urgency: ['countdown-timer', 'limited-time-message'],
      misdirection: ['confirmshaming', 'visual-interference', 'trick-question', 'pressured-selling'],
      'social-proof': ['activity-notification', 'testimonials-uncertain-origin'],
      scarcity: ['low-stock-message', 'high-demand-message'],
      obstruction: ['hard-to-cancel'],
      'forced-action': ['forced-enrollment'],
    };
    for (const [category, types] of Object.entries(mathur)) {
      expect(PATTERN_TYPES.filter((t) => TAXONOMY[t].category === category).sort()).toEqual([...types].sort());
      for (const t of types) expect(TAXONOMY[t as keyof typeof TAXONOMY].source).toContain('Mathur et al. 2019');
    }
  });

  test('consent and attention patterns', () => {
    expect(PATTERN_TYPES.filter((t) => TAXONOMY[t].category === 'consent').sort()).toEqual(['consent-no-reject', 'preticked-purposes', 'reject-less-prominent']);
    expect(PATTERN_TYPES.filter((t) => TAXONOMY[t].category === 'attention').sort()).toEqual(['autoplay-next', 'endless-feed', 'nagging-overlay', 'notification-without-gesture']);
  });

  test('explanations are short, cite their source, and fit the log record', () => {
    const ids = new Set<string>();
    for (const type of PATTERN_TYPES) {
      const info = TAXONOMY[type];
      ids.add(info.explanationId);
      // The citation named in `source` appears in the text shown to the person.
      for (const cited of info.source.split('; ')) expect(info.explanation, type).toContain(cited.replace(/ \(.*\)$/, ''));
      // One or two sentences (an "et al." is not a sentence end).
      const sentences = info.explanation.replace(/et al\./g, 'et al').split(/[.!?](?:\s|$)/).filter((s) => s.trim().length > 0);
      expect(sentences.length, type).toBeLessThanOrEqual(3);
      expect(type.length).toBeLessThanOrEqual(60);
      expect(info.category.length).toBeLessThanOrEqual(40);
    }
    expect(ids.size).toBe(PATTERN_TYPES.length);
  });

  test('a classification fits the dark-pattern log record', () => {
    const shape = darkPatternEvent.shape;
    for (const type of PATTERN_TYPES) {
      expect(shape.type.safeParse(type).success).toBe(true);
      expect(shape.category.safeParse(TAXONOMY[type].category).success).toBe(true);
      expect(shape.explanationId.safeParse(TAXONOMY[type].explanationId).success).toBe(true);
    }
  });

  test('explanationFor', () => {
    const e = explanationFor('low-stock-message');
    expect(e.category).toBe('scarcity');
    expect(e.explanationId).toBe('dark-pattern/low-stock-message');
    expect(e.text).toContain('Mathur et al. 2019');
    expect(explanationFor('not-a-pattern')).toBeNull();
  });

  test('text-detectable types', () => {
    expect(TEXT_DETECTABLE_TYPES).toContain('confirmshaming');
    // A label that says which choice to take ("Allow all (recommended)") is visual interference in words.
    expect(TEXT_DETECTABLE_TYPES).toContain('visual-interference');
    expect(TEXT_DETECTABLE_TYPES).not.toContain('testimonials-uncertain-origin');
  });
});

describe('pattern-types.ts agrees with the taxonomy', () => {
  test.each(PATTERN_TYPES.map((t) => [t]))('%s: category and explanation id', async (type) => {
    const { CATEGORY_OF, explanationIdOf } = await import('../../../lib/dark-patterns/pattern-types');
    expect(CATEGORY_OF[type]).toBe(TAXONOMY[type].category);
    expect(explanationIdOf(type)).toBe(TAXONOMY[type].explanationId);
  });

  test('TEXT_DETECTABLE_TYPES lists exactly the types detectable from text', () => {
    const fromTaxonomy = PATTERN_TYPES.filter((t) => (TAXONOMY[t].detectableFrom as readonly string[]).includes('text'));
    expect([...TEXT_DETECTABLE_TYPES].sort()).toEqual([...fromTaxonomy].sort());
  });
});
