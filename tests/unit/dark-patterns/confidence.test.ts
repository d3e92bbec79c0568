import { describe, expect, test } from 'vitest';
import { summarizeVisit } from '../../../lib/log/summarize-visit';
import { possibleCount, summariseDarkPatterns } from '../../../lib/dark-patterns/records';
import { DEFAULT_DARK_PATTERN_MIN_CONFIDENCE, darkPatternMinConfidence } from '../../../lib/schema/settings';
import type { LogEvent } from '../../../lib/schema';
import { makeEngagementEvent, makeVisit } from '../log/make-records';

/** Issue #11, item 4: findings below the threshold are "possible" and not in Targeted. */
const visit = makeVisit({ counts: { tracker: 2, ad: 0, darkPattern: 3, engagement: 1, requests: 10, thirdPartyRequests: 4 } });

function finding(unitId: string, type: string, category: string, confidence: number): LogEvent {
  const base = makeEngagementEvent(visit);
  const { kind: _kind, action: _action, target: _target, ...provenance } = base as Extract<LogEvent, { kind: 'engagement' }>;
  return {
    ...provenance,
    id: `${base.id}-${unitId}`,
    kind: 'dark-pattern',
    unitId,
    category,
    type,
    confidence,
    evidence: `${type} evidence`,
    locator: `#${unitId}`,
    explanationId: `dark-pattern/${type}`,
    reasons: [],
  } as LogEvent;
}

const EVENTS = [
  finding('u1', 'low-stock-message', 'scarcity', 0.9),
  finding('u2', 'nagging-overlay', 'attention', 0.45),
  finding('u3', 'hard-to-cancel', 'obstruction', 0.7),
];

describe('dark-pattern confidence threshold', () => {
  test('the default threshold comes from the settings, absent or out of range means the default', () => {
    expect(darkPatternMinConfidence(undefined)).toBe(DEFAULT_DARK_PATTERN_MIN_CONFIDENCE);
    expect(darkPatternMinConfidence({})).toBe(DEFAULT_DARK_PATTERN_MIN_CONFIDENCE);
    expect(darkPatternMinConfidence({ darkPatternMinConfidence: 0.8 })).toBe(0.8);
    expect(darkPatternMinConfidence({ darkPatternMinConfidence: 3 } as never)).toBe(DEFAULT_DARK_PATTERN_MIN_CONFIDENCE);
  });

  test('findings below the threshold are listed as possible, the rest as dark patterns', () => {
    const summary = summariseDarkPatterns(EVENTS as never, 0.6);
    expect(summary.darkPatterns.flatMap((g) => g.items.map((i) => i.unitId))).toEqual(['u1', 'u3']);
    expect(summary.possibleDarkPatterns).toEqual([{ category: 'attention', items: [expect.objectContaining({ unitId: 'u2', confidence: 0.45 })] }]);
    expect(possibleCount(summary)).toBe(1);
  });

  test('possible findings do not count in Targeted; a higher threshold moves more out', () => {
    const byDefault = summarizeVisit(visit, EVENTS);
    // 2 trackers + 3 dark patterns, one of them possible.
    expect(byDefault.targeted).toBe(4);
    expect(byDefault.possibleDarkPatterns.map((g) => g.category)).toEqual(['attention']);
    const strict = summarizeVisit(visit, EVENTS, { darkPatternMinConfidence: 0.8 });
    expect(strict.targeted).toBe(3);
    expect(strict.darkPatterns.map((g) => g.category)).toEqual(['scarcity']);
    const all = summarizeVisit(visit, EVENTS, { darkPatternMinConfidence: 0 });
    expect(all.targeted).toBe(5);
    expect(all.possibleDarkPatterns).toEqual([]);
  });
});
