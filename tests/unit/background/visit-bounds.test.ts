import { describe, expect, test } from 'vitest';
import { VISIT_CAPS, createVisitBounds } from '../../../lib/background/visit-bounds';
import type { FindingReport } from '../../../lib/messages';

const pattern = (n: number, evidence = 'Only 3 left in stock'): FindingReport => ({
  kind: 'dark-pattern',
  unitId: `dp-${n}`,
  detectorId: 'dark-patterns/text-patterns',
  category: 'scarcity',
  type: 'low-stock-message',
  confidence: 0.9,
  evidence,
  locator: 'p',
  explanationId: 'dark-pattern/low-stock-message',
  reasons: [],
});
const ad = (unitId: string, phase: 'rendered' | 'impression' = 'rendered'): FindingReport => ({
  kind: 'ad',
  unitId,
  phase,
  detectorId: 'ads/gpt-slot',
  network: 'Google',
  locator: 'div',
  reasons: [],
});

describe('per-visit bounds (issue #10, item 5)', () => {
  test('10,000 copies of one prompt are one finding; the rest are counted as capped', () => {
    const capped: string[] = [];
    const bounds = createVisitBounds((kind) => void capped.push(kind));
    let admitted = 0;
    for (let i = 0; i < 10_000; i++) if (bounds.admitFinding('v1', pattern(i))) admitted += 1;
    expect(admitted).toBe(1);
    expect(capped).toHaveLength(9_999);
    // Another visit starts from nothing.
    expect(bounds.admitFinding('v2', pattern(0))).toBe(true);
  });

  test('10,000 different prompts (countdowns, each with its own time): at most the cap', () => {
    const bounds = createVisitBounds(() => undefined);
    let admitted = 0;
    for (let i = 0; i < 10_000; i++) if (bounds.admitFinding('v1', pattern(i, `Ends in 00:${i}`))) admitted += 1;
    expect(admitted).toBe(VISIT_CAPS['dark-pattern']);
  });

  test('ad units up to the cap; an impression only for a unit that was recorded', () => {
    const bounds = createVisitBounds(() => undefined);
    let admitted = 0;
    for (let i = 0; i < 1000; i++) if (bounds.admitFinding('v1', ad(`u${i}`))) admitted += 1;
    expect(admitted).toBe(VISIT_CAPS.ad);
    expect(bounds.admitFinding('v1', ad('u0', 'impression'))).toBe(true);
    expect(bounds.admitFinding('v1', ad('u999', 'impression'))).toBe(false);
    expect(bounds.admitFinding('v1', ad('never-rendered', 'impression'))).toBe(false);
  });

  test('engagement acts up to the cap per visit', () => {
    const bounds = createVisitBounds(() => undefined);
    let admitted = 0;
    for (let i = 0; i < 2000; i++) if (bounds.admitAct('v1')) admitted += 1;
    expect(admitted).toBe(VISIT_CAPS.engagement);
    expect(bounds.admitAct('v2')).toBe(true);
  });
});
