import { z } from 'zod/mini';
import { SCHEMA_VERSION } from '../schema/common';
import { adEvent, darkPatternEvent, engagementEvent, trackerEvent, type LogEvent } from '../schema/events';
import { pageVisit, type PageVisit } from '../schema/visit';

/**
 * The one record shape of every export, import and crawl output (ARCHITECTURE.md, "Exports").
 * A JSON Lines export is one `ExportRecord` per line: log events as they are stored (they carry
 * `kind` already) and visits with `kind: "visit"` added. Site-day roll-ups are not exported: they
 * are derived, and an import recomputes them from the visits.
 */
// An export carries the current schema version only: records stored under an older one are upgraded
// on the way out (lib/schema/upgrade.ts), so a reader of this schema never meets another number.
const current = { schemaVersion: z.literal(SCHEMA_VERSION) };
export const visitRecord = z.object({ kind: z.literal('visit'), ...pageVisit.shape, ...current });
export type VisitRecord = z.infer<typeof visitRecord>;
export const trackerRecord = z.object({ ...trackerEvent.shape, ...current });
export const adRecord = z.object({ ...adEvent.shape, ...current });
export const darkPatternRecord = z.object({ ...darkPatternEvent.shape, ...current });
export const engagementRecord = z.object({ ...engagementEvent.shape, ...current });
const eventRecord = z.discriminatedUnion('kind', [trackerRecord, adRecord, darkPatternRecord, engagementRecord]);

export const exportRecord = z.union([visitRecord, eventRecord]);
/** A record of an export: what `exportRecord` parses (always the current version), or a log event as stored. */
export type ExportRecord = ({ kind: 'visit' } & PageVisit) | LogEvent;

/** Every record kind of an export, in the order files and manifests list them. */
export const RECORD_KINDS = ['visit', 'tracker', 'ad', 'dark-pattern', 'engagement'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export function visitToRecord(visit: PageVisit): VisitRecord {
  return { kind: 'visit', ...visit, schemaVersion: SCHEMA_VERSION };
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
