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

/** Dark patterns as log records, and as the popup's groups (ARCHITECTURE.md, "The registry"). */
export const darkPatternRecords: FamilyRecords<'dark-pattern', Extract<FindingReport, { kind: 'dark-pattern' }>, DarkPatternSummary> = {
  kind: 'dark-pattern',
  toEvent: ({ kind, unitId, category, type, confidence, evidence, locator, explanationId, reasons }, base) => ({
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
  }),
  summarise: (events) => summariseDarkPatterns(events),
};

/**
 * A visit's dark patterns split at `minConfidence` (the settings' `darkPatternMinConfidence`):
 * confident ones in `darkPatterns`, the rest in `possibleDarkPatterns`. Pure.
 */
export function summariseDarkPatterns(events: readonly EventOf<'dark-pattern'>[], minConfidence: number = DEFAULT_DARK_PATTERN_MIN_CONFIDENCE): DarkPatternSummary {
  const sure = new Map<string, DarkPatternItem[]>();
  const possible = new Map<string, DarkPatternItem[]>();
  for (const { unitId, category, type, explanationId, evidence, confidence } of events) {
    const groups = confidence >= minConfidence ? sure : possible;
    const list = groups.get(category) ?? [];
    list.push({ unitId, category, type, explanationId, evidence, confidence });
    groups.set(category, list);
  }
  const grouped = (groups: Map<string, DarkPatternItem[]>) => [...groups].map(([category, items]) => ({ category, items }));
  return { darkPatterns: grouped(sure), possibleDarkPatterns: grouped(possible) };
}

/** How many findings of a summary are only "possible" (subtracted from Targeted). */
export function possibleCount(summary: Pick<DarkPatternSummary, 'possibleDarkPatterns'>): number {
  let n = 0;
  for (const group of summary.possibleDarkPatterns) n += group.items.length;
  return n;
}
