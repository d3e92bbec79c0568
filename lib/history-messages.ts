import { z } from 'zod/mini';
import { counts, logEvent } from './schema/events';

/**
 * The History dashboard's messages (ARCHITECTURE.md, "History dashboard"): the requests join
 * `pageMessage` in lib/messages.ts; the answers are parsed by the dashboard with the schemas here.
 * Bottom layer: lib/log computes the types defined here (`z.infer`), so schema and query agree.
 */

export const HISTORY_SPANS = [7, 30, 90] as const;
export type HistorySpan = (typeof HISTORY_SPANS)[number];
/**
 * The counts a dashboard number is made of, and whose records `get-evidence` pages through: the
 * roll-ups' counts, and `adSeen` (ad impressions, from the site-days' extras).
 */
export const EVIDENCE_COUNTS = ['tracker', 'ad', 'adSeen', 'darkPattern', 'engagement'] as const;
export type EvidenceCount = (typeof EVIDENCE_COUNTS)[number];
export const MAX_EVIDENCE_PAGE = 100;

export const dayText = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const siteText = z.string().check(z.minLength(1), z.maxLength(253));
const span = z.union([z.literal(7), z.literal(30), z.literal(90)]);
const orgKey = z.string().check(z.minLength(1), z.maxLength(200));
const networkText = z.string().check(z.maxLength(200));

/** Requests, spread into `pageMessage`. */
export const historyRequests = [
  /** The overview for `span` days ending today: series, ranked sites, who follows you, dark patterns by category. */
  z.object({ type: z.literal('get-history'), span }),
  /** The overview's first paint: the series and the ranking alone (site-days and their extras). */
  z.object({ type: z.literal('get-history-plot'), span }),
  /** One site's view. */
  z.object({ type: z.literal('get-history-site'), site: siteText, span }),
  /** One page of the records behind a count (a site or every site, a day or a range). */
  z.object({
    type: z.literal('get-evidence'),
    site: z.nullable(siteText),
    from: dayText,
    to: dayText,
    count: z.enum(EVIDENCE_COUNTS),
    /**
     * Only the requests to this organization (its key in "who follows you"; with `count: 'tracker'`):
     * every tracker request to it, targeting or not, as the organization's `requests` counts them.
     */
    org: z.optional(orgKey),
    /** Only the ads of this network (with `count: 'ad'` or `'adSeen'`); `null`: those of no known network. */
    network: z.optional(z.nullable(networkText)),
    offset: z.int().check(z.gte(0)),
    limit: z.int().check(z.gte(1), z.lte(MAX_EVIDENCE_PAGE)),
  }),
  /** Delete a site's visits, their events and its roll-ups. */
  z.object({ type: z.literal('delete-site'), site: siteText }),
  /** Delete the local days `from`..`to` (inclusive), every site. */
  z.object({ type: z.literal('delete-days'), from: dayText, to: dayText }),
] as const;

/** Targeted per engagement; `null` when nothing was engaged (a ratio over zero means nothing). */
const ratio = z.nullable(z.number());
/** One day of the plot: targeted stacked as trackers, ads, dark patterns; against engaged. */
const dayPoint = z.object({
  day: dayText,
  visits: z.number(),
  tracker: z.number(),
  ad: z.number(),
  darkPattern: z.number(),
  targeted: z.number(),
  engaged: z.number(),
  ratio,
});
export type DayPoint = z.infer<typeof dayPoint>;
/** A day of the plot with the ads of it that were seen (impressions), beside those shown (`ad`). */
const plotPoint = z.object({ ...dayPoint.shape, adSeen: z.number() });
export type PlotPoint = z.infer<typeof plotPoint>;
const siteRow = z.object({ site: z.string(), visits: z.number(), counts, targeted: z.number(), engaged: z.number(), ratio });
export type SiteRow = z.infer<typeof siteRow>;
const sighting = z.object({ type: z.string(), evidence: z.string(), site: z.string(), day: z.string(), url: z.string(), ruleId: z.string() });
const categoryRow = z.object({
  category: z.string(),
  count: z.number(),
  /** Per type, with how often it was met. */
  types: z.array(z.object({ type: z.string(), explanationId: z.string(), count: z.number() })),
  /** Where it was seen, newest first, a few per category. */
  sightings: z.array(sighting),
});
export type DarkPatternCategoryRow = z.infer<typeof categoryRow>;
const darkPatterns = z.object({
  /** The roll-ups' dark-pattern count over the span: what the categories add up to unless `truncated`. */
  total: z.number(),
  /** More visits held dark patterns than were read. */
  truncated: z.boolean(),
  categories: z.array(categoryRow),
});
export type DarkPatternsByCategory = z.infer<typeof darkPatterns>;

/** One organization of "who follows you" (lib/log/who-follows.ts). */
const organizationRow = z.object({
  org: z.string(),
  name: z.string(),
  category: z.string(),
  /** Your sites it reached in the span. */
  sites: z.number(),
  /** Those with the most requests to it, at most a few. */
  topSites: z.array(z.string()),
  requests: z.number(),
  /** Sites it reached per day, one number per day of the series. */
  daily: z.array(z.number()),
  /** On some day it reached more sites than are listed per day: `sites` is at least this. */
  capped: z.boolean(),
});
export type OrganizationRow = z.infer<typeof organizationRow>;
const whoFollows = z.object({
  /** The most far-reaching organizations, most sites first. */
  organizations: z.array(organizationRow),
  /** Organizations in the span, including those not listed. */
  total: z.number(),
  /** Your sites in the span (what `sites` is out of). */
  yourSites: z.number(),
});
export type WhoFollows = z.infer<typeof whoFollows>;

export const historyOverview = z.object({
  today: dayText,
  span,
  series: z.array(plotPoint),
  follows: whoFollows,
  sites: z.array(siteRow),
  darkPatterns,
});
export type HistoryOverview = z.infer<typeof historyOverview>;
/** The first paint of the overview (`get-history-plot`): what the plot and the ranking need. */
export const historyPlot = z.object({ today: dayText, span, series: z.array(plotPoint), sites: z.array(siteRow) });
export type HistoryPlot = z.infer<typeof historyPlot>;

/** One organization on one site over the span (lib/log/who-follows.ts, `siteCompanies`). */
const siteOrganization = z.object({
  org: z.string(),
  name: z.string(),
  category: z.string(),
  /** Tracker requests from this site to it (targeting or not). */
  requests: z.number(),
  /** Days of the span it was seen on this site. */
  days: z.number(),
});
export type SiteOrganization = z.infer<typeof siteOrganization>;
const siteNetwork = z.object({ network: z.nullable(z.string()), shown: z.number(), seen: z.number() });
export type SiteNetwork = z.infer<typeof siteNetwork>;
const siteCompanies = z.object({
  /** Most requests first. */
  organizations: z.array(siteOrganization),
  /**
   * Requests of this site to organizations that did not list it (an organization lists at most 200
   * sites a day, lib/log/org-rollups.ts): counted, not attributed.
   */
  unlisted: z.number(),
  /** Ads shown and seen per network, most shown first. */
  networks: z.array(siteNetwork),
});
export type SiteCompanies = z.infer<typeof siteCompanies>;

const periodTotals = z.object({ from: z.string(), to: z.string(), visits: z.number(), counts });
/** A visit as the site view shows it: its own roll-up, no events. */
const visitLine = z.object({ id: z.string(), url: z.string(), startedAt: z.string(), day: z.string(), counts, targeted: z.number(), engaged: z.number() });
export type VisitLine = z.infer<typeof visitLine>;
const change = z.object({ targeted: z.number(), engaged: z.number(), tracker: z.number(), ad: z.number(), darkPattern: z.number() });
const siteView = z.object({
  site: z.string(),
  series: z.array(plotPoint),
  totals: z.object({ visits: z.number(), counts, targeted: z.number(), engaged: z.number(), ratio }),
  /** The 7 days ending today against the 7 before. */
  trend: z.object({ thisWeek: periodTotals, lastWeek: periodTotals }),
  /** The site's last visit and the one before it (newest first); `change` is last minus before. */
  lastVisits: z.array(visitLine),
  change: z.nullable(change),
  /** Its organizations and ad networks over the span, from the roll-ups. */
  companies: siteCompanies,
});
export type SiteView = z.infer<typeof siteView>;
export const historySiteAnswer = z.object({ today: dayText, span, view: siteView, darkPatterns, paused: z.boolean() });
export type HistorySiteAnswer = z.infer<typeof historySiteAnswer>;

export const evidenceAnswer = z.object({
  /** What the roll-ups say the count is: the number the person clicked. */
  total: z.number(),
  offset: z.number(),
  /** Where the next page starts; `null` at the end. */
  nextOffset: z.nullable(z.number()),
  /** `seen`, for an ad: whether the unit was then seen (an impression of it in the same visit). */
  items: z.array(z.object({ event: logEvent, seen: z.nullable(z.boolean()) })),
});
export type EvidencePage = z.infer<typeof evidenceAnswer>;
export type EvidenceItem = EvidencePage['items'][number];

export const deleteAnswer = z.object({ deleted: z.literal(true), visits: z.number(), events: z.number(), siteDays: z.number() });
export type DeleteAnswer = z.infer<typeof deleteAnswer>;

