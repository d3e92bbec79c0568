import type { EventOf, FamilyRecords } from '../core/family';
import type { FindingReport } from '../schema/content-messages';

export interface DarkPatternItem {
  unitId: string;
  category: string;
  type: string;
  explanationId: string;
  evidence: string;
  confidence: number;
}

export interface DarkPatternSummary {
  /** Dark patterns grouped by category, in the order first seen. */
  darkPatterns: { category: string; items: DarkPatternItem[] }[];
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
  summarise: summariseDarkPatterns,
};

function summariseDarkPatterns(events: readonly EventOf<'dark-pattern'>[]): DarkPatternSummary {
  const groups = new Map<string, DarkPatternItem[]>();
  for (const { unitId, category, type, explanationId, evidence, confidence } of events) {
    const list = groups.get(category) ?? [];
    list.push({ unitId, category, type, explanationId, evidence, confidence });
    groups.set(category, list);
  }
  return { darkPatterns: [...groups].map(([category, items]) => ({ category, items })) };
}
