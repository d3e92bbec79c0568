import type { Counts, PageVisit, SiteDay } from '../schema';
import { emptyCounts, targetedCount } from '../schema/events';
import type { BeakerDatabase } from './database';
import { addCounts, dayTimeRange, daysBefore, siteDaysBetween, weekTotals } from './queries';
import type { OrgDay, SiteDayExtra } from './org-rollups';
import { siteCompanies } from './who-follows';
import type { DayPoint, PlotPoint, SiteRow, SiteView, VisitLine } from '../history-messages';

/**
 * The queries behind the History dashboard (ARCHITECTURE.md, "History dashboard"). Plots and
 * rankings read the roll-ups only: `siteDays` (per site per local day) and `visits` (per visit);
 * never a scan of raw events. The two lists that need events (dark patterns by category, the
 * evidence behind a count) pick their visits from the roll-ups and read each one's events through
 * `getVisitEvents` (lib/log/history-evidence.ts).
 */

export function ratioOf(targeted: number, engaged: number): number | null {
  return engaged === 0 ? null : targeted / engaged;
}

/** Every local day from `daysBefore(to, span - 1)` to `to`, oldest first (DST-safe: calendar days). */
export function daysOf(to: string, span: number): string[] {
  return Array.from({ length: span }, (_, i) => daysBefore(to, span - 1 - i));
}

function pointOf(day: string, visits: number, c: Counts): DayPoint {
  const targeted = targetedCount(c);
  return { day, visits, tracker: c.tracker, ad: c.ad, darkPattern: c.darkPattern, targeted, engaged: c.engagement, ratio: ratioOf(targeted, c.engagement) };
}

/** One site's roll-ups between two days (inclusive), through the `by-site` index. */
export function siteDaysOf(db: BeakerDatabase, site: string, from: string, to: string): Promise<SiteDay[]> {
  return db.getAllFromIndex('siteDays', 'by-site', IDBKeyRange.bound([site, from], [site, to]));
}

/** Roll-ups summed by a key of theirs (the day, the site). */
function sumBy(rows: readonly SiteDay[], key: (row: SiteDay) => string): Map<string, { visits: number; counts: Counts }> {
  const out = new Map<string, { visits: number; counts: Counts }>();
  for (const row of rows) {
    const into = out.get(key(row)) ?? { visits: 0, counts: emptyCounts() };
    into.visits += row.visits;
    addCounts(into.counts, row.counts);
    out.set(key(row), into);
  }
  return out;
}

/** The daily series over `span` days ending `today`, every site or one; days with no record are zeros. */
export async function dailySeries(db: BeakerDatabase, today: string, span: number, site?: string): Promise<DayPoint[]> {
  const days = daysOf(today, span);
  const from = days[0]!;
  const rows = site === undefined ? await siteDaysBetween(db, from, today) : await siteDaysOf(db, site, from, today);
  return seriesOf(days, rows);
}

/** The daily series of `days` from roll-ups already read (rows of other days are left out). */
export function seriesOf(days: readonly string[], rows: readonly SiteDay[]): DayPoint[] {
  const byDay = sumBy(rows, (row) => row.day);
  return days.map((day) => {
    const found = byDay.get(day);
    return pointOf(day, found?.visits ?? 0, found?.counts ?? emptyCounts());
  });
}

/** The series with each day's ads seen (impressions), from the site-days' extras (lib/log/org-rollups.ts). */
export function withAdsSeen(points: readonly DayPoint[], extras: readonly SiteDayExtra[]): PlotPoint[] {
  const seen = new Map<string, number>();
  for (const extra of extras) seen.set(extra.day, (seen.get(extra.day) ?? 0) + extra.adSeen);
  return points.map((p) => ({ ...p, adSeen: seen.get(p.day) ?? 0 }));
}

/**
 * Sites over `span` days ending `today`, ranked by targeted : engaged: first the sites that
 * targeted you while you never engaged (most targeted first), then by ratio, highest first.
 */
export async function rankSites(db: BeakerDatabase, today: string, span: number): Promise<SiteRow[]> {
  return rankOf(await siteDaysBetween(db, daysBefore(today, span - 1), today));
}

/** The ranking of `rankSites` from roll-ups already read. */
export function rankOf(rows: readonly SiteDay[]): SiteRow[] {
  const sites: SiteRow[] = [...sumBy(rows, (row) => row.site)].map(([site, { visits, counts }]) => {
    const targeted = targetedCount(counts);
    return { site, visits, counts, targeted, engaged: counts.engagement, ratio: ratioOf(targeted, counts.engagement) };
  });
  const rank = (s: SiteRow) => (s.ratio === null ? (s.targeted > 0 ? Infinity : -1) : s.ratio);
  return sites.sort((a, b) => rank(b) - rank(a) || b.targeted - a.targeted || a.site.localeCompare(b.site));
}

function lineOf(visit: PageVisit): VisitLine {
  const { id, url, startedAt, day, counts } = visit;
  return { id, url, startedAt, day, counts, targeted: targetedCount(counts), engaged: counts.engagement };
}

/** The site's `n` latest visits, newest first, through the `by-site` index (a cursor, never a scan). */
export async function latestVisitsOf(db: BeakerDatabase, site: string, n: number): Promise<PageVisit[]> {
  const out: PageVisit[] = [];
  const range = IDBKeyRange.bound([site, ''], [site, '\uffff']);
  const tx = db.transaction('visits');
  for (let c = await tx.store.index('by-site').openCursor(range, 'prev'); c && out.length < n; c = await c.continue()) out.push(c.value);
  await tx.done;
  return out;
}

/**
 * One site over `span` days ending `today`: its series, totals, trend, last two visits, and its
 * organizations and ad networks (lib/log/who-follows.ts, `siteCompanies`), all from roll-ups.
 * `orgDays`: the span's organization-days when the caller has read them already (checked).
 */
export async function siteView(db: BeakerDatabase, site: string, today: string, span: number, orgDays?: readonly OrgDay[]): Promise<SiteView> {
  const spanDays = daysOf(today, span);
  const [days, extras, thisWeek, lastWeek, latest, orgs] = await Promise.all([
    dailySeries(db, today, span, site),
    db.getAllFromIndex('siteDayExtras', 'by-site', IDBKeyRange.bound([site, spanDays[0]!], [site, today])),
    weekTotals(db, today, site),
    weekTotals(db, daysBefore(today, 7), site),
    latestVisitsOf(db, site, 2),
    orgDays ?? db.getAll('orgDays', IDBKeyRange.bound(spanDays[0]!, today)),
  ]);
  const series = withAdsSeen(days, extras);
  const counts = emptyCounts();
  let visits = 0;
  for (const p of series) {
    visits += p.visits;
    counts.tracker += p.tracker;
    counts.ad += p.ad;
    counts.darkPattern += p.darkPattern;
    counts.engagement += p.engaged;
  }
  const targeted = targetedCount(counts);
  const lastVisits = latest.map(lineOf);
  const [last, before] = lastVisits;
  const change =
    last && before
      ? {
          targeted: last.targeted - before.targeted,
          engaged: last.engaged - before.engaged,
          tracker: last.counts.tracker - before.counts.tracker,
          ad: last.counts.ad - before.counts.ad,
          darkPattern: last.counts.darkPattern - before.counts.darkPattern,
        }
      : null;
  return {
    site,
    series,
    totals: { visits, counts, targeted, engaged: counts.engagement, ratio: ratioOf(targeted, counts.engagement) },
    trend: { thisWeek, lastWeek },
    lastVisits,
    change,
    companies: siteCompanies(site, spanDays, orgs, extras),
  };
}

/**
 * The visits of one site on one local day (or of several, in one transaction). `visits.day` is the roll-up key (the day the browser
 * saw at the visit's start), so the range on `startedAt` is widened by 14 h each side (the widest
 * UTC offsets) and the day is matched on the field, as the roll-up was.
 */
export async function visitsOfSiteDays(db: BeakerDatabase, siteDays: readonly { site: string; day: string }[]): Promise<PageVisit[][]> {
  const tx = db.transaction('visits');
  const index = tx.store.index('by-site');
  const read = siteDays.map(async ({ site, day }) => {
    const range = dayTimeRange(day);
    const visits = await index.getAll(IDBKeyRange.bound([site, range.lower as string], [site, range.upper as string]));
    return visits.filter((v) => v.day === day);
  });
  const [lists] = await Promise.all([Promise.all(read), tx.done]);
  return lists;
}

export async function visitsOfSiteDay(db: BeakerDatabase, site: string, day: string): Promise<PageVisit[]> {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const from = new Date(new Date(y, m - 1, d).getTime() - 14 * 3600_000).toISOString();
  const to = new Date(new Date(y, m - 1, d + 1).getTime() + 14 * 3600_000).toISOString();
  const visits = await db.getAllFromIndex('visits', 'by-site', IDBKeyRange.bound([site, from], [site, to]));
  return visits.filter((v) => v.day === day);
}
