import type { LogEvent, PageVisit } from '../schema';

/**
 * The roll-ups of database v5 (ARCHITECTURE.md, "History dashboard"), computed in memory from a
 * batch's ops (lib/log/write-batch.ts), a rebuilt day (lib/log/rollup-repair.ts) or an import,
 * with the same code, so the three cannot disagree.
 *
 * - `orgDays`, one record per local day holding every organization of it: the tracker requests
 *   each received, from which of your sites ("who follows you"). One record per day, not per
 *   organization per day: a batch reaches tens of organizations, and in IndexedDB a request costs
 *   about the same whatever it carries (ARCHITECTURE.md, "The log"), so a batch reads and puts one.
 * - `siteDayExtras`, one per `siteDays` record (same key): ads seen (impressions) that day, and the
 *   per-site-day checksum of the organizations' roll-up (`orgRequests`, `orgLinks`), with its own
 *   count of visits, compared with the site-day's to notice a missing or corrupt roll-up; the ads
 *   of that site-day per ad network (`networks`) and its dark patterns per category and type
 *   (`patterns`: those counted, not the `possible` ones), so the per-site view and "dark patterns by category" read counts, not events.
 *   An extra written before those two fields existed lacks them, and its day is rebuilt on read
 *   (lib/log/rollup-repair.ts), as a v4 day was.
 *
 * A visit counts on its `day` (the day it started, as `siteDays` do), its events after midnight included.
 */

/** Sites listed per organization per day; requests from further sites are counted in `unlisted`. */
export const MAX_ORG_SITES = 200;

/** One organization on one day. */
export interface OrgEntry {
  name: string;
  /** TrackerDB category of its first request that day (a label, not a count). */
  category: string;
  /** Tracker requests to it that day, from every site (listed or not). */
  requests: number;
  /** Requests per site that day, at most MAX_ORG_SITES sites, in the order first met. */
  sites: Record<string, number>;
  /** Requests from sites past the cap: a delete of an unlisted site rebuilds the day from events. */
  unlisted: number;
}

export interface OrgDay {
  /** The local day: the key. */
  day: string;
  /** By TrackerDB organization key, or `tracker:<key>` for a tracker with no organization. */
  orgs: Record<string, OrgEntry>;
}

export interface SiteDayExtra {
  /** The site-day's key (`${site}|${day}`, lib/log/database.ts `siteDayKey`). */
  key: string;
  site: string;
  day: string;
  /** Visits counted here: equal to the site-day's `visits`, else the day is rebuilt. */
  visits: number;
  /** Ad units seen (an `impression`: ≥ 50 % in view for 1 s), against `counts.ad` (shown). */
  adSeen: number;
  /** Requests of this site-day in the organizations' roll-up, and how many of them list this site. */
  orgRequests: number;
  orgLinks: number;
  /** Ads per network that site-day, most first met first, at most MAX_NETWORKS (the rest: OTHER_NETWORKS). */
  networks: NetworkCount[];
  /** Dark patterns per category and type that site-day, at most MAX_PATTERNS (the rest are not listed). */
  patterns: PatternCount[];
}

/** One ad network on one site-day: units shown (`rendered`) and impressions (`seen`). */
export interface NetworkCount {
  /** The detector's name for it, or `null` when it did not know. */
  network: string | null;
  shown: number;
  seen: number;
}

/** One dark-pattern type on one site-day. */
export interface PatternCount {
  category: string;
  type: string;
  explanationId: string;
  n: number;
}

/** Networks listed per site-day; ads of further networks are counted under OTHER_NETWORKS. */
export const MAX_NETWORKS = 40;
export const OTHER_NETWORKS = 'Other networks';
/** Dark-pattern types listed per site-day (a visit records at most 100 dark patterns). */
export const MAX_PATTERNS = 100;

export interface OrgOf {
  key: string;
  name: string;
  category: string;
}

/** The organization a tracker event reached, or `null` (not a tracker request, or no TrackerDB match). */
export function orgOf(event: LogEvent): OrgOf | null {
  if (event.kind !== 'tracker' || !event.tracker) return null;
  const { organization, key, name, category } = event.tracker;
  return organization ? { key: organization.key, name: organization.name, category } : { key: `tracker:${key}`, name, category };
}

export function emptyExtra(site: string, day: string): SiteDayExtra {
  return { key: `${site}|${day}`, site, day, visits: 0, adSeen: 0, orgRequests: 0, orgLinks: 0, networks: [], patterns: [] };
}

/** Whether an extra has every field of the current layout (one written before `networks` and `patterns` has not). */
export function hasCurrentLayout(extra: SiteDayExtra): boolean {
  return Array.isArray(extra.networks) && Array.isArray(extra.patterns);
}

function networkRow(extra: SiteDayExtra, network: string | null): NetworkCount {
  let row = extra.networks.find((r) => r.network === network);
  if (!row) {
    if (extra.networks.length >= MAX_NETWORKS && network !== OTHER_NETWORKS) return networkRow(extra, OTHER_NETWORKS);
    extra.networks.push((row = { network, shown: 0, seen: 0 }));
  }
  return row;
}

/**
 * What a batch adds to the v5 roll-ups: start from the stored records it read (or none, for a
 * rebuild), then `visit` for each new visit and `event` for each new event of a known visit.
 */
export class RollupChanges {
  readonly touchedOrgs = new Set<OrgDay>();
  /** Organization-days by day, extras by site-day key. */
  readonly touchedExtras = new Set<SiteDayExtra>();

  constructor(
    readonly orgs = new Map<string, OrgDay>(),
    readonly extras = new Map<string, SiteDayExtra>(),
  ) {}

  extraFor(site: string, day: string): SiteDayExtra {
    const key = `${site}|${day}`;
    let extra = this.extras.get(key);
    if (!extra) this.extras.set(key, (extra = emptyExtra(site, day)));
    this.touchedExtras.add(extra);
    return extra;
  }

  visit(visit: PageVisit): void {
    this.extraFor(visit.site, visit.day).visits += 1;
  }

  event(visit: PageVisit, event: LogEvent): void {
    // An extra of the earlier layout (no `networks`, `patterns`) keeps lacking them: it fails its
    // check, and its day is rebuilt from events on the next read, earlier events included.
    if (event.kind === 'ad') {
      const extra = this.extraFor(visit.site, visit.day);
      const current = hasCurrentLayout(extra);
      const row = current ? networkRow(extra, event.network) : { shown: 0, seen: 0 };
      if (event.phase === 'impression') {
        extra.adSeen += 1;
        row.seen += 1;
      } else row.shown += 1;
      return;
    }
    if (event.kind === 'dark-pattern') {
      // A possible finding (schema 4) is counted nowhere, here as in the site-day's counts.
      if (event.possible) return;
      const extra = this.extraFor(visit.site, visit.day);
      if (!hasCurrentLayout(extra)) return;
      const row = extra.patterns.find((p) => p.category === event.category && p.type === event.type);
      if (row) row.n += 1;
      else if (extra.patterns.length < MAX_PATTERNS) extra.patterns.push({ category: event.category, type: event.type, explanationId: event.explanationId, n: 1 });
      return;
    }
    const org = orgOf(event);
    if (!org) return;
    let day = this.orgs.get(visit.day);
    if (!day) this.orgs.set(visit.day, (day = { day: visit.day, orgs: {} }));
    this.touchedOrgs.add(day);
    const row = (day.orgs[org.key] ??= { name: org.name, category: org.category, requests: 0, sites: {}, unlisted: 0 });
    const extra = this.extraFor(visit.site, visit.day);
    row.requests += 1;
    extra.orgRequests += 1;
    if (visit.site in row.sites) row.sites[visit.site]! += 1;
    else if (Object.keys(row.sites).length < MAX_ORG_SITES) {
      row.sites[visit.site] = 1;
      extra.orgLinks += 1;
    } else row.unlisted += 1;
  }
}

/** The days whose organizations a batch's events need read, for visits whose day is known. */
export function orgDaysOf(events: Iterable<LogEvent>, dayOfVisit: (visitId: string) => string | undefined): Set<string> {
  const days = new Set<string>();
  for (const event of events) {
    const day = orgOf(event) && dayOfVisit(event.visitId);
    if (day) days.add(day);
  }
  return days;
}
