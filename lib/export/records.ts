import { z } from 'zod/mini';
import { logEvent, type LogEvent } from '../schema/events';
import { pageVisit, type PageVisit } from '../schema/visit';

/**
 * The one record shape of every export, import and crawl output (ARCHITECTURE.md, "Exports").
 * A JSON Lines export is one `ExportRecord` per line: log events as they are stored (they carry
 * `kind` already) and visits with `kind: "visit"` added. Site-day roll-ups are not exported: they
 * are derived, and an import recomputes them from the visits.
 */
export const visitRecord = z.object({ kind: z.literal('visit'), ...pageVisit.shape });
export type VisitRecord = z.infer<typeof visitRecord>;

export const exportRecord = z.union([visitRecord, logEvent]);
export type ExportRecord = z.infer<typeof exportRecord>;

/** Every record kind of an export, in the order files and manifests list them. */
export const RECORD_KINDS = ['visit', 'tracker', 'ad', 'dark-pattern', 'engagement'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export function visitToRecord(visit: PageVisit): VisitRecord {
  return { kind: 'visit', ...visit };
}

/** The stored visit back from its export record (drops the added `kind`). */
export function recordToVisit(record: VisitRecord): PageVisit {
  const { kind: _kind, ...visit } = record;
  return visit;
}

/** One JSON Lines line (no trailing newline). */
export function toJsonLine(record: ExportRecord | LogEvent): string {
  return JSON.stringify(record);
}
