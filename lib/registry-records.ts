import { adRecords } from './ads/records';
import type { EventOf, FamilyRecordKind } from './core/family';
import { countedPossibleCount, darkPatternRecords, summariseDarkPatterns } from './dark-patterns/records';
import { engagementRecords } from './engagement/records';
import { FAMILIES, type PerFamily } from './registry';
import type { LogEvent, PageVisit } from './schema';
import { targetedCount } from './schema/events';
import { darkPatternMinConfidence } from './schema/settings';
import { trackerRecords } from './trackers/records';

/**
 * What each family does in the background, by family id (ARCHITECTURE.md, "The registry"): how its
 * findings become log records (the recorder) and how a visit's records fold into the popup's
 * summary. The content script never loads this.
 */
export const RECORDS = {
  trackers: trackerRecords,
  ads: adRecords,
  'dark-patterns': darkPatternRecords,
  engagement: engagementRecords,
} as const satisfies PerFamily<{ kind: FamilyRecordKind }>;

type Parts = typeof RECORDS;
type Intersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;

/** The popup's view of one visit: the headline numbers and each family's part, side by side. */
export type VisitSummary = { visit: PageVisit; targeted: number; engaged: number } & Intersection<
  { [K in keyof Parts]: ReturnType<Parts[K]['summarise']> }[keyof Parts]
>;

/**
 * Fold one visit's events into what the popup shows: each family of the registry summarises its own
 * records. Possible dark patterns (issue #11, item 4; recorded `possible`, or older records below
 * `darkPatternMinConfidence`) are listed apart. Targeted is the visit's counts, which hold no
 * possible finding recorded since schema 4; older records were all counted, so those of them the
 * popup lists as possible are taken out, as before. Pure.
 */
export function summarizeVisit(visit: PageVisit, events: readonly LogEvent[], options: { darkPatternMinConfidence?: number } = {}): VisitSummary {
  const byKind = new Map<FamilyRecordKind, LogEvent[]>(FAMILIES.map((f) => [f.recordKind, []]));
  for (const event of events) byKind.get(event.kind)?.push(event);
  const summary = { visit, targeted: targetedCount(visit.counts), engaged: visit.counts.engagement };
  for (const family of FAMILIES) {
    const summarise = RECORDS[family.id].summarise as (records: readonly LogEvent[]) => object;
    Object.assign(summary, summarise(byKind.get(family.recordKind)!));
  }
  const darkPatternEvents = byKind.get('dark-pattern')! as EventOf<'dark-pattern'>[];
  const minConfidence = darkPatternMinConfidence(options);
  Object.assign(summary, summariseDarkPatterns(darkPatternEvents, minConfidence));
  summary.targeted = Math.max(0, summary.targeted - countedPossibleCount(darkPatternEvents, minConfidence));
  return summary as VisitSummary;
}
