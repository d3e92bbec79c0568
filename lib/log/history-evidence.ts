import type { Counts, LogEvent, PageVisit, SiteDay } from '../schema';
import type { BeakerDatabase } from './database';
import { eventsOfVisits, getVisitEvents, siteDaysBetween } from './queries';
import { countedAs } from './write-queue';
import { daysOf, siteDaysOf, visitsOfSiteDay, visitsOfSiteDays } from './history-queries';
import { EVIDENCE_COUNTS, MAX_EVIDENCE_PAGE, type DarkPatternCategoryRow, type DarkPatternsByCategory, type EvidenceCount, type EvidenceItem, type EvidencePage } from '../history-messages';

/**
 * The records behind a count (issue #9, "evidence behind every number") and dark patterns by
 * category. The roll-ups say which site-days and visits hold the records; only those visits' events
 * are read, each through `getVisitEvents` (lib/log/queries.ts: the one reader of a visit's events,
 * whatever the layout of the `events` store).
 */

EVIDENCE_COUNTS satisfies readonly (keyof Counts | 'adSeen')[];

/** Whether an event is one of the records behind `count`. */
function isOf(event: LogEvent, count: EvidenceCount): boolean {
  return count === 'adSeen' ? event.kind === 'ad' && event.phase === 'impression' : countedAs(event) === count;
}

/** How many of `count` a visit's own roll-up holds; `null` when it keeps none (ads seen: read its events). */
function visitCount(visit: PageVisit, count: EvidenceCount): number | null {
  return count === 'adSeen' ? null : visit.counts[count];
}

interface DayHolding {
  site: string;
  day: string;
  n: number;
}

export interface EvidenceQuery {
  /** One site, or every site (`null`). */
  site: string | null;
  /** Local days, inclusive. */
  from: string;
  to: string;
  count: EvidenceCount;
  offset: number;
  limit: number;
}

/** Site-days of the query that hold some of the count, newest first (ads seen: from their extras). */
async function daysHolding(db: BeakerDatabase, q: Pick<EvidenceQuery, 'site' | 'from' | 'to' | 'count'>): Promise<DayHolding[]> {
  let rows: DayHolding[];
  if (q.count === 'adSeen') {
    const extras =
      q.site === null
        ? await db.getAllFromIndex('siteDayExtras', 'by-day', IDBKeyRange.bound(q.from, q.to))
        : await db.getAllFromIndex('siteDayExtras', 'by-site', IDBKeyRange.bound([q.site, q.from], [q.site, q.to]));
    rows = extras.map((e) => ({ site: e.site, day: e.day, n: e.adSeen }));
  } else {
    const count = q.count;
    const days: SiteDay[] = q.site === null ? await siteDaysBetween(db, q.from, q.to) : await siteDaysOf(db, q.site, q.from, q.to);
    rows = days.map((d) => ({ site: d.site, day: d.day, n: d.counts[count] }));
  }
  return rows.filter((r) => r.n > 0).sort((a, b) => b.day.localeCompare(a.day) || a.site.localeCompare(b.site));
}

/**
 * One page of the events behind a count, newest site-day first, visits in the order they started,
 * events in the order recorded. Whole visits before `offset` are skipped by their roll-up count,
 * without reading their events, so a page costs what it shows. At most `MAX_EVIDENCE_PAGE` items.
 */
export async function evidencePage(db: BeakerDatabase, q: EvidenceQuery): Promise<EvidencePage> {
  const limit = Math.max(1, Math.min(MAX_EVIDENCE_PAGE, Math.floor(q.limit)));
  const offset = Math.max(0, Math.floor(q.offset));
  const days = await daysHolding(db, q);
  const total = days.reduce((n, d) => n + d.n, 0);
  const items: EvidenceItem[] = [];
  let position = 0;
  for (const day of days) {
    if (items.length >= limit) break;
    if (position + day.n <= offset) {
      position += day.n;
      continue;
    }
    const visits = (await visitsOfSiteDay(db, day.site, day.day)).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    for (const visit of visits) {
      if (items.length >= limit) break;
      const held = visitCount(visit, q.count);
      if (held !== null && position + held <= offset) {
        position += held;
        continue;
      }
      const events = await getVisitEvents(db, visit.id);
      const seenUnits = new Set<string>();
      for (const e of events) if (e.kind === 'ad' && e.phase === 'impression') seenUnits.add(e.unitId);
      for (const event of events) {
        if (!isOf(event, q.count)) continue;
        if (position++ < offset) continue;
        if (items.length >= limit) break;
        items.push({ event, seen: event.kind === 'ad' ? seenUnits.has(event.unitId) : null });
      }
    }
  }
  const next = offset + items.length;
  return { total, offset, items, nextOffset: items.length > 0 && next < total ? next : null };
}

export const MAX_DARK_PATTERN_VISITS = 300;
const MAX_SIGHTINGS = 5;

/** Dark patterns met over `span` days ending `today` (every site, or one), grouped by category. */
export async function darkPatternsByCategory(db: BeakerDatabase, today: string, span: number, site: string | null = null): Promise<DarkPatternsByCategory> {
  const from = daysOf(today, span)[0]!;
  const days = await daysHolding(db, { site, from, to: today, count: 'darkPattern' });
  const total = days.reduce((n, d) => n + d.n, 0);
  // Site-days newest first, read in waves (every request of a wave in flight at once): a wave is
  // the days whose counts could hold the visits still wanted (a visit with a dark pattern has at
  // least one), so one wave is the rule. One more visit than kept says whether it stopped early.
  const visits: PageVisit[] = [];
  let next = 0;
  while (next < days.length && visits.length <= MAX_DARK_PATTERN_VISITS) {
    const wave: typeof days = [];
    for (let wanted = MAX_DARK_PATTERN_VISITS + 1 - visits.length; next < days.length && wanted > 0; next++) {
      wave.push(days[next]!);
      wanted -= days[next]!.n;
    }
    for (const list of await visitsOfSiteDays(db, wave)) {
      visits.push(...list.filter((v) => v.counts.darkPattern > 0).sort((a, b) => b.startedAt.localeCompare(a.startedAt)));
    }
  }
  const truncated = visits.length > MAX_DARK_PATTERN_VISITS;
  visits.length = Math.min(visits.length, MAX_DARK_PATTERN_VISITS);
  const eventLists = await eventsOfVisits(db, visits.map((v) => v.id));
  const rows = new Map<string, DarkPatternCategoryRow>();
  for (const [i, visit] of visits.entries()) {
    for (const event of eventLists[i]!) {
      if (event.kind !== 'dark-pattern') continue;
      const row = rows.get(event.category) ?? { category: event.category, count: 0, types: [], sightings: [] };
      row.count += 1;
      const type = row.types.find((t) => t.type === event.type);
      if (type) type.count += 1;
      else row.types.push({ type: event.type, explanationId: event.explanationId, count: 1 });
      if (row.sightings.length < MAX_SIGHTINGS) {
        row.sightings.push({ type: event.type, evidence: event.evidence, site: visit.site, day: visit.day, url: visit.url, ruleId: event.ruleId });
      }
      rows.set(event.category, row);
    }
  }
  const categories = [...rows.values()].sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
  for (const row of categories) row.types.sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
  return { total, categories, truncated };
}
