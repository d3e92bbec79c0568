import { describe, expect, test } from 'vitest';
import { summarizeVisit } from '../../../lib/log/summarize-visit';
import { countedPossibleCount, darkPatternRecords, summariseDarkPatterns } from '../../../lib/dark-patterns/records';
import { countedAs } from '../../../lib/log/write-queue';
import { DEFAULT_DARK_PATTERN_MIN_CONFIDENCE, darkPatternMinConfidence } from '../../../lib/schema/settings';
import { logEvent, type LogEvent } from '../../../lib/schema';
import type { EventOf } from '../../../lib/core/family';
import type { FindingReport } from '../../../lib/messages';
import { makeEngagementEvent, makeVisit } from '../log/make-records';

/**
 * Issue #11, item 4: findings below the threshold are "possible" and not in Targeted. Since schema 4
 * the recorder decides when it writes (`possible` on the record) and nothing counts them; records
 * written before have no flag, were all counted, and are read as the popup read them then.
 */
const visit = makeVisit({ counts: { tracker: 2, ad: 0, darkPattern: 3, engagement: 1, requests: 10, thirdPartyRequests: 4 } });

/** A dark-pattern record; `possible` absent: one written before schema 4. */
function finding(unitId: string, type: string, category: string, confidence: number, possible?: boolean): EventOf<'dark-pattern'> {
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
    ...(possible === undefined ? {} : { possible }),
  };
}

/** Written before schema 4: all three are in the visit's counts (darkPattern: 3). */
const LEGACY = [finding('u1', 'low-stock-message', 'scarcity', 0.9), finding('u2', 'nagging-overlay', 'attention', 0.45), finding('u3', 'hard-to-cancel', 'obstruction', 0.7)];

const REPORT: Extract<FindingReport, { kind: 'dark-pattern' }> = {
  kind: 'dark-pattern',
  unitId: 'u9',
  detectorId: 'dark-patterns/nagging-overlay@1',
  category: 'attention',
  type: 'nagging-overlay',
  confidence: 0.6,
  evidence: 'Sign up now',
  locator: '#overlay',
  explanationId: 'dark-pattern/nagging-overlay',
  reasons: [],
};
const { kind: _k, unitId: _u, category: _c, type: _t, confidence: _cf, evidence: _e, locator: _l, explanationId: _x, reasons: _r, ...PROVENANCE } = LEGACY[0]!;

describe('dark-pattern confidence threshold', () => {
  test('the default threshold comes from the settings, absent or out of range means the default', () => {
    expect(darkPatternMinConfidence(undefined)).toBe(DEFAULT_DARK_PATTERN_MIN_CONFIDENCE);
    expect(darkPatternMinConfidence({})).toBe(DEFAULT_DARK_PATTERN_MIN_CONFIDENCE);
    expect(darkPatternMinConfidence({ darkPatternMinConfidence: 0.8 })).toBe(0.8);
    expect(darkPatternMinConfidence({ darkPatternMinConfidence: 3 } as never)).toBe(DEFAULT_DARK_PATTERN_MIN_CONFIDENCE);
  });

  test('a record is written possible when its confidence is below the threshold in force, at it not', () => {
    const at = darkPatternRecords.toEvent(REPORT, { ...PROVENANCE, ruleId: REPORT.detectorId }, { darkPatternMinConfidence: 0.6 });
    expect(at).toMatchObject({ kind: 'dark-pattern', unitId: 'u9', confidence: 0.6, possible: false });
    const below = darkPatternRecords.toEvent(REPORT, { ...PROVENANCE, ruleId: REPORT.detectorId }, { darkPatternMinConfidence: 0.61 });
    expect(below.possible).toBe(true);
    // Both are log records as the schema has them.
    expect(logEvent.safeParse(at).success && logEvent.safeParse(below).success).toBe(true);
  });

  test('a possible record counts nowhere; a counted one and one written before schema 4 count as dark patterns', () => {
    expect(countedAs(finding('a', 'countdown-timer', 'urgency', 0.4, true))).toBeNull();
    expect(countedAs(finding('b', 'countdown-timer', 'urgency', 0.9, false))).toBe('darkPattern');
    expect(countedAs(finding('c', 'countdown-timer', 'urgency', 0.4))).toBe('darkPattern');
  });

  test('records with the flag are split by it, whatever the threshold is now', () => {
    const events = [finding('f1', 'countdown-timer', 'urgency', 0.9, false), finding('f2', 'nagging-overlay', 'attention', 0.5, true), finding('f3', 'low-stock-message', 'scarcity', 0.65, false)];
    for (const threshold of [0, 0.6, 0.8, 1]) {
      const summary = summariseDarkPatterns(events, threshold);
      expect(summary.darkPatterns.flatMap((g) => g.items.map((i) => i.unitId)), `threshold ${threshold}`).toEqual(['f1', 'f3']);
      expect(summary.possibleDarkPatterns).toEqual([{ category: 'attention', items: [expect.objectContaining({ unitId: 'f2', confidence: 0.5 })] }]);
      expect(countedPossibleCount(events, threshold)).toBe(0);
    }
  });

  test('records written before schema 4 are split at the threshold, as before', () => {
    const summary = summariseDarkPatterns(LEGACY, 0.6);
    expect(summary.darkPatterns.flatMap((g) => g.items.map((i) => i.unitId))).toEqual(['u1', 'u3']);
    expect(summary.possibleDarkPatterns).toEqual([{ category: 'attention', items: [expect.objectContaining({ unitId: 'u2', confidence: 0.45 })] }]);
    expect(countedPossibleCount(LEGACY, 0.6)).toBe(1);
    expect(countedPossibleCount(LEGACY, 0.8)).toBe(2);
  });

  test('Targeted is the visit\'s counts for flagged records: a possible one was never counted, nothing is taken out', () => {
    // Counted then: 2 trackers + 1 dark pattern (f2, possible, is not in the counts).
    const flagged = makeVisit({ counts: { tracker: 2, ad: 0, darkPattern: 1, engagement: 1, requests: 10, thirdPartyRequests: 4 } });
    const events: LogEvent[] = [finding('f1', 'countdown-timer', 'urgency', 0.9, false), finding('f2', 'nagging-overlay', 'attention', 0.5, true)].map((e) => ({ ...e, visitId: flagged.id }));
    for (const threshold of [0, 0.6, 0.95]) {
      const summary = summarizeVisit(flagged, events, { darkPatternMinConfidence: threshold });
      expect(summary.targeted).toBe(3);
      expect(summary.darkPatterns.map((g) => g.category)).toEqual(['urgency']);
      expect(summary.possibleDarkPatterns.map((g) => g.category)).toEqual(['attention']);
    }
  });

  test('records written before schema 4: the possible ones are taken out of Targeted; a higher threshold moves more out', () => {
    const byDefault = summarizeVisit(visit, LEGACY);
    // 2 trackers + 3 dark patterns, one of them possible.
    expect(byDefault.targeted).toBe(4);
    expect(byDefault.possibleDarkPatterns.map((g) => g.category)).toEqual(['attention']);
    const strict = summarizeVisit(visit, LEGACY, { darkPatternMinConfidence: 0.8 });
    expect(strict.targeted).toBe(3);
    expect(strict.darkPatterns.map((g) => g.category)).toEqual(['scarcity']);
    const all = summarizeVisit(visit, LEGACY, { darkPatternMinConfidence: 0 });
    expect(all.targeted).toBe(5);
    expect(all.possibleDarkPatterns).toEqual([]);
  });
});
