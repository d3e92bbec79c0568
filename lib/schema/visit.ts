import { z } from 'zod/mini';
import { nonNegativeInt, schemaVersionField, urlText } from './common';
import { counts } from './events';

/** Names of what the per-visit bounds count as kept out (lib/background/visit-bounds.ts). */
export const CAPPED_KINDS = ['darkPattern', 'ad', 'engagement', 'resourceTiming'] as const;
export type CappedKind = (typeof CAPPED_KINDS)[number];

/**
 * Findings and requests of a visit its bounds kept out of the log: repeats of a dark pattern and
 * anything over a family's cap (`darkPattern`, `ad`, `engagement`), and Resource Timing requests
 * over the visit's cap or the page's (`resourceTiming`).
 */
export const visitCapped = z.object({
  darkPattern: z.optional(nonNegativeInt),
  ad: z.optional(nonNegativeInt),
  engagement: z.optional(nonNegativeInt),
  resourceTiming: z.optional(nonNegativeInt),
});

/** One page visit: a top-level navigation, including history-API navigations of single-page apps. */
export const pageVisit = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(80)),
  schemaVersion: schemaVersionField,
  sessionId: z.string(),
  tabId: z.int(),
  url: urlText,
  site: z.string().check(z.maxLength(253)),
  /**
   * `load` for a document load, `history` for pushState/replaceState/fragment navigations; schema 3:
   * `background` for the requests of a site no tab was showing (a service worker's, a prefetch's:
   * no tab id, the browser naming the site's origin as their initiator), one such visit per site and
   * session day (ARCHITECTURE.md, "Every frame"). Its `tabId` is -1.
   */
  navigation: z.enum(['load', 'history', 'background']),
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
  /**
   * Schema 3 (ARCHITECTURE.md, "Requests Beaker did not see"): Beaker joined the visit late (the page
   * was loading or loaded before the background was listening: a fresh browser's first page, a
   * session-restored tab), so its counts may miss what happened before. What the page's Resource
   * Timing entries recovered is in them (`observedBy: 'resource-timing'`). Absent: false.
   */
  partial: z.optional(z.boolean()),
  /**
   * Schema 3 (ARCHITECTURE.md, "Bounds and durability"): what the per-visit bounds kept out of the
   * log, per kind; absent when nothing was.
   */
  capped: z.optional(visitCapped),
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

