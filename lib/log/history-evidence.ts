import type { Counts, LogEvent, PageVisit, SiteDay } from '../schema';
import type { BeakerDatabase } from './database';
import { eventsOfVisits, getVisitEvents, siteDaysBetween } from './queries';
import { countedAs } from './write-queue';
import { orgOf, type SiteDayExtra } from './org-rollups';
import { daysOf, siteDaysOf, visitsOfSiteDay, visitsOfSiteDays } from './history-queries';
import { EVIDENCE_COUNTS, MAX_EVIDENCE_PAGE, type DarkPatternCategoryRow, type DarkPatternsByCategory, type EvidenceCount, type EvidenceItem, type EvidencePage } from '../history-messages';

/**
 * The records behind a count (issue #9, "evidence behind every number") and dark patterns by
 * category. The roll-ups say which site-days and visits hold the records; only those visits' events
 * are read, each through `getVisitEvents` (lib/log/queries.ts: the one reader of a visit's events,
 * whatever the layout of the `events` store).
 */

EVIDENCE_COUNTS satisfies readonly (keyof Counts | 'adSeen')[];

/** What a page of evidence is about: a count, and for a company's numbers its organization or ad network. */
type EvidenceFilter = Pick<EvidenceQuery, 'count' | 'org' | 'network'>;

/** Whether an event is one of the records behind the filter's number. */
function isOf(event: LogEvent, q: EvidenceFilter): boolean {
  if (q.org !== undefined) return orgOf(event)?.key === q.org;
  const counted = q.count === 'adSeen' ? event.kind === 'ad' && event.phase === 'impression' : countedAs(event) === q.count;
  return counted && (q.network === undefined || (event.kind === 'ad' && event.network === q.network));
}

/** How many of the filter's records a visit's own roll-up holds; `null` when it keeps none (read its events). */
function visitCount(visit: PageVisit, q: EvidenceFilter): number | null {
  return q.count === 'adSeen' || q.org !== undefined || q.network !== undefined ? null : visit.counts[q.count];
}

interface DayHolding {
  site: string;
  day: string;
  /** Records of the filter on this site-day; `null` when no roll-up says (an organization past its site cap). */
  n: number | null;
}

export interface EvidenceQuery {
  /** One site, or every site (`null`). */
  site: string | null;
  /** Local days, inclusive. */
  from: string;
  to: string;
  count: EvidenceCount;
  /** Only the tracker requests to this organization (every one, targeting or not: what `orgDays` count). */
  org?: string;
  /** Only the ads of this network (`null`: of no known network). */
  network?: string | null;
  offset: number;
  limit: number;
}

const newestFirst = (a: { site: string; day: string }, b: { site: string; day: string }) => b.day.localeCompare(a.day) || a.site.localeCompare(b.site);

/** Site-days of the query that hold some of its records, newest first, from the roll-ups. */
async function daysHolding(db: BeakerDatabase, q: Omit<EvidenceQuery, 'offset' | 'limit'>): Promise<DayHolding[]> {
  let rows: DayHolding[];
  if (q.org !== undefined) rows = await orgDaysHolding(db, q.org, q);
  else if (q.count === 'adSeen' || q.network !== undefined) {
    const extras =
      q.site === null
        ? await db.getAllFromIndex('siteDayExtras', 'by-day', IDBKeyRange.bound(q.from, q.to))
        : await db.getAllFromIndex('siteDayExtras', 'by-site', IDBKeyRange.bound([q.site, q.from], [q.site, q.to]));
    const seen = q.count === 'adSeen';
    rows = extras.map((e) => {
      if (q.network === undefined) return { site: e.site, day: e.day, n: e.adSeen };
      const row = (e.networks ?? []).find((r) => r.network === q.network);
      return { site: e.site, day: e.day, n: row ? (seen ? row.seen : row.shown) : 0 };
    });
  } else {
    const count = q.count;
    const days: SiteDay[] = q.site === null ? await siteDaysBetween(db, q.from, q.to) : await siteDaysOf(db, q.site, q.from, q.to);
    rows = days.map((d) => ({ site: d.site, day: d.day, n: d.counts[count] }));
  }
  return rows.filter((r) => r.n === null || r.n > 0).sort(newestFirst);
}

/**
 * The site-days where an organization received requests: per day, the sites its `orgDays` entry
 * lists with their requests; on a day it reached more sites than it lists (`unlisted`), every other
 * site-day of that day may hold some, and is read (`n: null`).
 */
async function orgDaysHolding(db: BeakerDatabase, org: string, q: Pick<EvidenceQuery, 'site' | 'from' | 'to'>): Promise<DayHolding[]> {
  const rows: DayHolding[] = [];
  const capped: string[] = [];
  for (const { day, orgs } of await db.getAll('orgDays', IDBKeyRange.bound(q.from, q.to))) {
    const entry = orgs[org];
    if (!entry) continue;
    for (const [site, n] of Object.entries(entry.sites)) if (q.site === null || site === q.site) rows.push({ site, day, n });
    if (entry.unlisted > 0) capped.push(day);
  }
  for (const day of capped) {
    const listed = new Set(rows.filter((r) => r.day === day).map((r) => r.site));
    const siteDays = q.site === null ? await db.getAllFromIndex('siteDays', 'by-day', IDBKeyRange.only(day)) : await siteDaysOf(db, q.site, day, day);
    for (const sd of siteDays) if (!listed.has(sd.site)) rows.push({ site: sd.site, day, n: null });
  }
  return rows;
}

/** The visits of a site-day in the order they started. */
async function visitsInOrder(db: BeakerDatabase, site: string, day: string): Promise<PageVisit[]> {
  return (await visitsOfSiteDay(db, site, day)).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

/** A site-day whose count no roll-up holds: counted from its events (the rare organization past its cap). */
async function countOf(db: BeakerDatabase, day: DayHolding, q: EvidenceFilter): Promise<number> {
  const visits = await visitsInOrder(db, day.site, day.day);
  const lists = await eventsOfVisits(db, visits.map((v) => v.id));
  return lists.reduce((n, events) => n + events.filter((e) => isOf(e, q)).length, 0);
}

/**
 * One page of the events behind a count, newest site-day first, visits in the order they started,
 * events in the order recorded. Whole visits before `offset` are skipped by their roll-up count,
 * without reading their events, so a page costs what it shows. At most `MAX_EVIDENCE_PAGE` items.
 */
export async function evidencePage(db: BeakerDatabase, q: EvidenceQuery): Promise<EvidencePage> {
  const limit = Math.max(1, Math.min(MAX_EVIDENCE_PAGE, Math.floor(q.limit)));
  const offset = Math.max(0, Math.floor(q.offset));
  const held = await daysHolding(db, q);
  const days: { site: string; day: string; n: number }[] = [];
  for (const d of held) {
    const n = d.n ?? (await countOf(db, d, q));
    if (n > 0) days.push({ ...d, n });
  }
  const total = days.reduce((n, d) => n + d.n, 0);
  const items: EvidenceItem[] = [];
  let position = 0;
  for (const day of days) {
    if (items.length >= limit) break;
    if (position + day.n <= offset) {
      position += day.n;
      continue;
    }
    for (const visit of await visitsInOrder(db, day.site, day.day)) {
      if (items.length >= limit) break;
      const held = visitCount(visit, q);
      if (held !== null && position + held <= offset) {
        position += held;
        continue;
      }
      const events = await getVisitEvents(db, visit.id);
      const seenUnits = new Set<string>();
      for (const e of events) if (e.kind === 'ad' && e.phase === 'impression') seenUnits.add(e.unitId);
      for (const event of events) {
        if (!isOf(event, q)) continue;
        if (position++ < offset) continue;
        if (items.length >= limit) break;
        items.push({ event, seen: event.kind === 'ad' ? seenUnits.has(event.unitId) : null });
      }
    }
  }
  const next = offset + items.length;
  return { total, offset, items, nextOffset: items.length > 0 && next < total ? next : null };
}

/** Where a category was seen: at most this many sightings each, the newest. */
export const MAX_SIGHTINGS = 5;

/**
 * Dark patterns met over `span` days ending `today` (every site, or one), grouped by category.
 * The counts per category and type come from the site-days' extras (lib/log/org-rollups.ts,
 * `patterns`), so they are exact however many visits hold them; only the sightings (evidence text,
 * where) need events, and only the newest site-days that give each category its MAX_SIGHTINGS are
 * read. `rollups`: the span's extras and site-days when the caller has read them already (checked).
 */
export async function darkPatternsByCategory(
  db: BeakerDatabase,
  today: string,
  span: number,
  site: string | null = null,
  rollups?: { extras: readonly SiteDayExtra[]; siteDays: readonly SiteDay[] },
): Promise<DarkPatternsByCategory> {
  const from = daysOf(today, span)[0]!;
  const inRange = (d: { site: string; day: string }) => (site === null || d.site === site) && d.day >= from && d.day <= today;
  const all =
    rollups?.extras ??
    (site === null
      ? await db.getAllFromIndex('siteDayExtras', 'by-day', IDBKeyRange.bound(from, today))
      : await db.getAllFromIndex('siteDayExtras', 'by-site', IDBKeyRange.bound([site, from], [site, today])));
  const days = all.filter((e) => inRange(e) && (e.patterns ?? []).length > 0).sort(newestFirst);
  const total = rollups
    ? rollups.siteDays.reduce((n, d) => n + (inRange(d) ? d.counts.darkPattern : 0), 0)
    : (await daysHolding(db, { site, from, to: today, count: 'darkPattern' })).reduce((n, d) => n + (d.n ?? 0), 0);
  const rows = new Map<string, DarkPatternCategoryRow>();
  // Site-days to read for sightings: newest first, each taken while one of its categories still
  // wants sightings (its count there says how many it can give).
  const wanted = new Map<string, number>();
  const toRead: SiteDayExtra[] = [];
  for (const extra of days) {
    let useful = false;
    for (const p of extra.patterns) {
      const row = rows.get(p.category) ?? { category: p.category, count: 0, types: [], sightings: [] };
      row.count += p.n;
      const type = row.types.find((t) => t.type === p.type);
      if (type) type.count += p.n;
      else row.types.push({ type: p.type, explanationId: p.explanationId, count: p.n });
      rows.set(p.category, row);
      const left = wanted.get(p.category) ?? MAX_SIGHTINGS;
      if (left > 0) {
        useful = true;
        wanted.set(p.category, Math.max(0, left - p.n));
      }
    }
    if (useful) toRead.push(extra);
  }
  const visitLists = await visitsOfSiteDays(db, toRead);
  const visits = visitLists.flatMap((list) => list.filter((v) => v.counts.darkPattern > 0).sort((a, b) => b.startedAt.localeCompare(a.startedAt)));
  const eventLists = await eventsOfVisits(db, visits.map((v) => v.id));
  for (const [i, visit] of visits.entries()) {
    for (const event of eventLists[i]!) {
      // Possible findings (schema 4) are in no count, so they are no sighting either.
      if (event.kind !== 'dark-pattern' || event.possible) continue;
      const row = rows.get(event.category);
      if (!row || row.sightings.length >= MAX_SIGHTINGS) continue;
      row.sightings.push({ type: event.type, evidence: event.evidence, site: visit.site, day: visit.day, url: visit.url, ruleId: event.ruleId });
    }
  }
  const categories = [...rows.values()].sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
  for (const row of categories) row.types.sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
  // Fewer than the site-days count: some extra lists only its first MAX_PATTERNS types.
  const truncated = categories.reduce((n, c) => n + c.count, 0) < total;
  return { total, categories, truncated };
}
