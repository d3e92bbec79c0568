import { z } from 'zod/mini';
import { provenance, reason, shortText, urlText, nonNegativeInt } from './common';

export const TRACKER_CATEGORIES = [
  'advertising',
  'site_analytics',
  'social_media',
  'pornvertising',
  'misc',
  'customer_interaction',
  'audio_video_player',
  'consent',
  'hosting',
  'utilities',
  'extensions',
] as const;
export const trackerCategory = z.enum(TRACKER_CATEGORIES);
export type TrackerCategory = z.infer<typeof trackerCategory>;

/** The TrackerDB entry a request matched, as much as the popup and an export need. */
export const trackerMatch = z.object({
  key: z.string(),
  name: z.string(),
  category: trackerCategory,
  organization: z.nullable(z.object({ key: z.string(), name: z.string() })),
  /** `filter` when a URL pattern matched, `domain` when only the host is known to TrackerDB. */
  matchedBy: z.enum(['filter', 'domain']),
});
export type TrackerMatch = z.infer<typeof trackerMatch>;

export const BEACON_KINDS = ['ping', 'beacon', 'collect-endpoint', 'tracking-param', 'tiny-image'] as const;

/** What a classified request is: shared by the Node classifier and the `tracker` log record. */
export const trackerFinding = z.object({
  url: urlText,
  host: z.string().check(z.maxLength(253)),
  requestType: z.string().check(z.maxLength(40)),
  thirdParty: z.boolean(),
  /** Whether this request counts as targeting the person (see lib/trackers/targeting.ts). */
  targeting: z.boolean(),
  tracker: z.nullable(trackerMatch),
  beacon: z.nullable(z.object({ kinds: z.array(z.enum(BEACON_KINDS)).check(z.minLength(1)) })),
  reasons: z.array(reason).check(z.minLength(1), z.maxLength(16)),
  ruleId: z.string(),
});
export type TrackerFinding = z.infer<typeof trackerFinding>;

/**
 * How Beaker learnt of a request (schema 3): absent, the browser's webRequest events;
 * `resource-timing`, only the page's Resource Timing entries, sent by the content script for a
 * request the background had no record of (ARCHITECTURE.md, "Requests Beaker did not see").
 */
export const OBSERVED_BY = ['resource-timing'] as const;

export const trackerEvent = z.object({
  ...provenance.shape,
  kind: z.literal('tracker'),
  ...trackerFinding.shape,
  observedBy: z.optional(z.enum(OBSERVED_BY)),
});

export const adEvent = z.object({
  ...provenance.shape,
  kind: z.literal('ad'),
  /** `rendered` when the unit appears; `impression` when ≥ 50 % of it was in view for 1 s (IAB/MRC). */
  phase: z.enum(['rendered', 'impression']),
  unitId: z.string().check(z.maxLength(80)),
  network: z.nullable(shortText),
  locator: shortText,
  reasons: z.array(reason).check(z.maxLength(16)),
});

export const darkPatternEvent = z.object({
  ...provenance.shape,
  kind: z.literal('dark-pattern'),
  /** Unique within the page: what "show on page" points at. */
  unitId: z.string().check(z.maxLength(80)),
  category: z.string().check(z.maxLength(40)),
  type: z.string().check(z.maxLength(60)),
  confidence: z.number().check(z.gte(0), z.lte(1)),
  evidence: shortText,
  locator: shortText,
  explanationId: z.string().check(z.maxLength(60)),
  reasons: z.array(reason).check(z.maxLength(16)),
  /**
   * Schema 4: whether the finding was only "possible" when it was recorded (its confidence below the
   * settings' `darkPatternMinConfidence` then; ARCHITECTURE.md, "Dark patterns: what is found, and
   * how sure"). A possible finding is kept and exported but counted nowhere (`countedAs` in
   * lib/log/write-batch.ts). Absent: recorded before schema 4, when every finding was counted.
   */
  possible: z.optional(z.boolean()),
});

export const ENGAGEMENT_ACTIONS = ['click', 'type', 'submit', 'media'] as const;
export const engagementAction = z.enum(ENGAGEMENT_ACTIONS);
export type EngagementAction = z.infer<typeof engagementAction>;

export const engagementEvent = z.object({
  ...provenance.shape,
  kind: z.literal('engagement'),
  action: engagementAction,
  /** What the person acted on, described without page text: tag name and ARIA role. */
  target: z.object({ tag: z.string().check(z.maxLength(32)), role: z.nullable(z.string().check(z.maxLength(32))) }),
});

/** One log record. The union is keyed on `kind`; later issues fill `ad` and `dark-pattern`. */
export const logEvent = z.discriminatedUnion('kind', [trackerEvent, adEvent, darkPatternEvent, engagementEvent]);
export type LogEvent = z.infer<typeof logEvent>;
export type TrackerEvent = z.infer<typeof trackerEvent>;

/** Counts rolled up per visit and per site per day; `targeted` is the sum of the first three. */
export const counts = z.object({
  tracker: nonNegativeInt,
  ad: nonNegativeInt,
  darkPattern: nonNegativeInt,
  engagement: nonNegativeInt,
  /** Every request observed, and those to another site: context for the tracker count. */
  requests: nonNegativeInt,
  thirdPartyRequests: nonNegativeInt,
});
export type Counts = z.infer<typeof counts>;

export function emptyCounts(): Counts {
  return { tracker: 0, ad: 0, darkPattern: 0, engagement: 0, requests: 0, thirdPartyRequests: 0 };
}

export function targetedCount(c: Counts): number {
  return c.tracker + c.ad + c.darkPattern;
}
