import type { EventOf, FamilyRecords } from '../core/family';
import type { FindingReport } from '../schema/content-messages';
import { DEFAULT_DARK_PATTERN_MIN_CONFIDENCE } from '../schema/settings';

export interface DarkPatternItem {
  unitId: string;
  category: string;
  type: string;
  explanationId: string;
  evidence: string;
  confidence: number;
}

export interface DarkPatternGroup {
  category: string;
  items: DarkPatternItem[];
}

export interface DarkPatternSummary {
  /** Dark patterns at or above the confidence threshold, grouped by category, in the order first seen. */
  darkPatterns: DarkPatternGroup[];
  /**
   * "Possible" dark patterns (issue #11, item 4): findings below the threshold
   * (`darkPatternMinConfidence` in the settings), grouped the same way. Not counted in Targeted.
   */
  possibleDarkPatterns: DarkPatternGroup[];
}

/**
 * Dark patterns as log records, and as the popup's groups (ARCHITECTURE.md, "The registry"). A
 * finding less confident than the threshold in force is recorded `possible` (schema 4): kept,
 * exported, listed as "possible", counted nowhere (`countedAs`, lib/log/write-batch.ts).
 */
export const darkPatternRecords: FamilyRecords<'dark-pattern', Extract<FindingReport, { kind: 'dark-pattern' }>, DarkPatternSummary> = {
  kind: 'dark-pattern',
  toEvent: ({ kind, unitId, category, type, confidence, evidence, locator, explanationId, reasons }, base, options) => ({
    ...base,
    kind,
    unitId,
    category,
    type,
    confidence,
    evidence,
    locator,
    explanationId,
    reasons,
    possible: confidence < options.darkPatternMinConfidence,
  }),
  summarise: (events) => summariseDarkPatterns(events),
};

/**
 * Whether a record is a "possible" dark pattern: what it says (decided when it was written, so
 * badge, popup, history and exports agree), or, for a record written before schema 4 (no
 * `possible`), its confidence against `minConfidence`, as the popup read such records then.
 */
function isPossible(event: EventOf<'dark-pattern'>, minConfidence: number): boolean {
  return event.possible ?? event.confidence < minConfidence;
}

/**
 * A visit's dark patterns split into `darkPatterns` and `possibleDarkPatterns` (`isPossible`;
 * `minConfidence`, the settings' `darkPatternMinConfidence`, decides only for records without the
 * flag). Pure.
 */
export function summariseDarkPatterns(events: readonly EventOf<'dark-pattern'>[], minConfidence: number = DEFAULT_DARK_PATTERN_MIN_CONFIDENCE): DarkPatternSummary {
  const sure = new Map<string, DarkPatternItem[]>();
  const possible = new Map<string, DarkPatternItem[]>();
  for (const event of events) {
    const { unitId, category, type, explanationId, evidence, confidence } = event;
    const groups = isPossible(event, minConfidence) ? possible : sure;
    const list = groups.get(category) ?? [];
    list.push({ unitId, category, type, explanationId, evidence, confidence });
    groups.set(category, list);
  }
  const grouped = (groups: Map<string, DarkPatternItem[]>) => [...groups].map(([category, items]) => ({ category, items }));
  return { darkPatterns: grouped(sure), possibleDarkPatterns: grouped(possible) };
}

/**
 * How many of a visit's possible dark patterns its counts hold anyway: records written before
 * schema 4 (no `possible` flag) were all counted, so the popup takes those below `minConfidence`
 * out of Targeted as it did then. A record with the flag was counted only if it was not possible.
 */
export function countedPossibleCount(events: readonly EventOf<'dark-pattern'>[], minConfidence: number): number {
  let n = 0;
  for (const event of events) if (event.possible === undefined && event.confidence < minConfidence) n += 1;
  return n;
}
