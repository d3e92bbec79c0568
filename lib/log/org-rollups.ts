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
 *   count of visits, compared with the site-day's to notice a missing or corrupt roll-up.
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
}

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
  return { key: `${site}|${day}`, site, day, visits: 0, adSeen: 0, orgRequests: 0, orgLinks: 0 };
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
    if (event.kind === 'ad' && event.phase === 'impression') this.extraFor(visit.site, visit.day).adSeen += 1;
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
