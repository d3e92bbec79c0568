import { describe, expect, test } from 'vitest';
import { BADGE_STEPS, badgeFor } from '../../../lib/background/badge';

const GREY = '#4b5563';
const AMBER = '#b45309';
const ORANGE = '#c2410c';
const RED = '#b91c1c';

/** Colours from the lowest step to the highest, as the person sees them escalate. */
const ESCALATION = [GREY, AMBER, ORANGE, RED];

describe('shows', () => {
  test.each([
    { targeted: 1, text: '1', color: GREY },
    { targeted: 4, text: '4', color: GREY },
    { targeted: 5, text: '5', color: AMBER },
    { targeted: 19, text: '19', color: AMBER },
    { targeted: 20, text: '20', color: ORANGE },
    { targeted: 49, text: '49', color: ORANGE },
    { targeted: 50, text: '50', color: RED },
    { targeted: 999, text: '999', color: RED },
    { targeted: 1000, text: '999+', color: RED },
    { targeted: 123_456, text: '999+', color: RED },
    { targeted: 4.7, text: '4', color: GREY },
  ])('$targeted → "$text" in $color', ({ targeted, text, color }) => {
    expect(badgeFor(targeted)).toEqual({ text, color });
  });
});

describe('ignores', () => {
  test.each([
    { name: 'zero', targeted: 0 },
    { name: 'negative zero', targeted: -0 },
    { name: 'a negative count', targeted: -3 },
    { name: 'NaN', targeted: Number.NaN },
    { name: '-Infinity', targeted: Number.NEGATIVE_INFINITY },
  ])('$name → empty text', ({ targeted }) => {
    expect(badgeFor(targeted).text).toBe('');
  });
});

describe('colour steps', () => {
  test('the step table runs from the highest threshold down, each with its own colour', () => {
    const froms = BADGE_STEPS.map((s) => s.from);
    expect(froms).toEqual([...froms].sort((a, b) => b - a));
    expect(new Set(froms).size).toBe(froms.length);
    expect(new Set(BADGE_STEPS.map((s) => s.color)).size).toBe(BADGE_STEPS.length);
    expect(BADGE_STEPS.at(-1)?.from).toBe(1);
  });

  test('the colour never steps back down as the count grows', () => {
    let previous = 0;
    const seen: string[] = [];
    for (let targeted = 1; targeted <= 2000; targeted++) {
      const { color } = badgeFor(targeted);
      const rank = ESCALATION.indexOf(color);
      expect(rank, `colour ${color} at ${targeted}`).toBeGreaterThanOrEqual(previous);
      previous = rank;
      if (!seen.includes(color)) seen.push(color);
    }
    expect(seen).toEqual(ESCALATION);
  });
});
