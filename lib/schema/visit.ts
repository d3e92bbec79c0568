import { z } from 'zod/mini';
import { SCHEMA_VERSION, nonNegativeInt, urlText } from './common';
import { counts } from './events';

/** One page visit: a top-level navigation, including history-API navigations of single-page apps. */
export const pageVisit = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(80)),
  schemaVersion: z.literal(SCHEMA_VERSION),
  sessionId: z.string(),
  tabId: z.int(),
  url: urlText,
  site: z.string().check(z.maxLength(253)),
  /** `load` for a document load, `history` for pushState/replaceState/fragment navigations. */
  navigation: z.enum(['load', 'history']),
  startedAt: z.iso.datetime(),
  /** Day of `startedAt` in the person's local time zone, `YYYY-MM-DD`: the roll-up key. */
  day: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  /** Tracking parameters on the URL the person arrived with (`utm_source`, `gclid`, …). */
  arrivalParams: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(32)),
  counts,
  /**
   * Completeness (ARCHITECTURE.md, "Export and import"): Beaker saw this visit from its navigation's
   * start (false for a tab that was already open when Beaker started or was reset, and for visits
   * migrated from schema 1, which did not record it).
   */
  seenFromStart: z.boolean(),
  /** Events of this visit Beaker knows it dropped: malformed or oversized messages, capped held requests, write-queue overflow. */
  droppedEvents: nonNegativeInt,
});
export type PageVisit = z.infer<typeof pageVisit>;

/** Per site and day, what the popup's "this site this week" line and the dashboard plot read. */
export const siteDay = z.object({
  key: z.string(),
  site: z.string().check(z.maxLength(253)),
  day: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  visits: nonNegativeInt,
  counts,
});
export type SiteDay = z.infer<typeof siteDay>;

