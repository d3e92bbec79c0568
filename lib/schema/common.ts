import { z } from 'zod/mini';

/**
 * Bumped whenever a record's shape changes; every record carries it so exports stay readable.
 * 1: first version. 2: visits carry `seenFromStart` and `droppedEvents` (README, "Schema changes").
 * 3: visits may carry `partial` and `capped`, tracker records `observedBy` (all optional, so a
 * schema 2 record is a schema 3 record with another number: lib/schema/upgrade.ts).
 * 4: dark-pattern records may carry `possible` (optional too: a schema 2 or 3 record reads as 4).
 */
export const SCHEMA_VERSION = 4;
/**
 * What a record's `schemaVersion` may be: what Beaker writes now, and the versions it still reads
 * (lib/schema/upgrade.ts). The log is not rewritten at a bump that only adds optional fields, so a
 * stored record may carry an older number; exports and imports carry SCHEMA_VERSION.
 */
export const READABLE_SCHEMA_VERSIONS = [2, 3, SCHEMA_VERSION] as const;
export const schemaVersionField = z.literal(READABLE_SCHEMA_VERSIONS);

/** Caps keep one hostile page from filling the log: URLs and evidence are cut, never rejected. */
export const MAX_URL_LENGTH = 2048;
import { MAX_EVIDENCE_LENGTH } from '../text';

export { MAX_EVIDENCE_LENGTH };

export const isoTime = z.iso.datetime();
export const nonNegativeInt = z.int().check(z.nonnegative());
export const shortText = z.string().check(z.maxLength(MAX_EVIDENCE_LENGTH));
export const urlText = z.string().check(z.maxLength(MAX_URL_LENGTH));

/** Why a finding was made: which rule fired, and on what evidence. */
export const reason = z.object({
  rule: z.string().check(z.minLength(1), z.maxLength(80)),
  detail: shortText,
});
export type Reason = z.infer<typeof reason>;

/**
 * Provenance carried by every log record (ARCHITECTURE.md, "Rules of the house"): enough for a researcher
 * to know which build, which data and which rule produced it, on which page, in which order.
 */
export const provenance = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(80)),
  schemaVersion: schemaVersionField,
  extensionVersion: z.string(),
  trackerDbVersion: z.string(),
  /** Rule or detector id with its version, e.g. `trackerdb/google_analytics` or `beacon/collect-endpoint@1`. */
  ruleId: z.string().check(z.minLength(1), z.maxLength(120)),
  visitId: z.string().check(z.minLength(1), z.maxLength(80)),
  tabId: z.int(),
  frameId: z.int(),
  topUrl: urlText,
  /** Registrable domain of the top-level page (eTLD+1), or the host where there is none. */
  site: z.string().check(z.maxLength(253)),
  time: isoTime,
  /** Browser-session id; survives service-worker restarts, not browser restarts. */
  sessionId: z.string().check(z.minLength(1), z.maxLength(64)),
  /** Strictly increasing within a session, across worker restarts (gaps allowed). */
  seq: nonNegativeInt,
});
export type Provenance = z.infer<typeof provenance>;

export { cap } from '../text';
