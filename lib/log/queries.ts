import type { Counts, LogEvent, PageVisit, SiteDay } from '../schema';
import { emptyCounts } from '../schema/events';
import type { BeakerDatabase } from './database';
import { unpackChunks, visitChunkRange } from './event-chunks';

export async function getVisit(db: BeakerDatabase, visitId: string): Promise<PageVisit | undefined> {
  return db.get('visits', visitId);
}

/** Every event of one visit, in the order it was recorded: its chunks are one key range. */
export async function getVisitEvents(db: BeakerDatabase, visitId: string): Promise<LogEvent[]> {
  return inRecordedOrder(unpackChunks(await db.getAll('eventChunks', visitChunkRange(visitId))));
}

/** The events of several visits, each in recorded order, read in one transaction with every request in flight at once. */
export async function eventsOfVisits(db: BeakerDatabase, visitIds: readonly string[]): Promise<LogEvent[][]> {
  const tx = db.transaction('eventChunks');
  const [lists] = await Promise.all([Promise.all(visitIds.map(async (id) => inRecordedOrder(unpackChunks(await tx.store.getAll(visitChunkRange(id)))))), tx.done]);
  return lists;
}

/** A visit's events in the order they were recorded (by sequence within a session, else by time). */
export function inRecordedOrder(events: LogEvent[]): LogEvent[] {
  return events.sort((a, b) => (a.sessionId === b.sessionId ? a.seq - b.seq : a.time.localeCompare(b.time)));
}

/**
 * The `startedAt` range of the visits whose `day` is `day`: its local midnights widened by 14 h each
 * side (the widest UTC offsets, for a time zone changed since); the day is then matched on the field.
 */
export function dayTimeRange(from: string, to = from): IDBKeyRange {
  const midnight = (day: string, add: number) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, d + add).getTime();
  };
  return IDBKeyRange.bound(new Date(midnight(from, 0) - 14 * 3600_000).toISOString(), new Date(midnight(to, 1) + 14 * 3600_000).toISOString());
}

/** `YYYY-MM-DD` of a date in the local time zone. */
export function localDay(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The local day `n` days before `day`. */
export function daysBefore(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return localDay(new Date(y, m - 1, d - n));
}

export function addCounts(into: Counts, from: Counts): Counts {
  for (const name of Object.keys(into) as (keyof Counts)[]) into[name] += from[name] ?? 0;
  return into;
}

export interface PeriodTotals {
  from: string;
  to: string;
  visits: number;
  counts: Counts;
}

/** Roll-ups over the 7 days ending `today` (inclusive), for one site or for every site. */
export async function weekTotals(db: BeakerDatabase, today: string, site?: string): Promise<PeriodTotals> {
  const from = daysBefore(today, 6);
  const rows: SiteDay[] =
    site === undefined
      ? await db.getAllFromIndex('siteDays', 'by-day', IDBKeyRange.bound(from, today))
      : await db.getAllFromIndex('siteDays', 'by-site', IDBKeyRange.bound([site, from], [site, today]));
  const totals: PeriodTotals = { from, to: today, visits: 0, counts: emptyCounts() };
  for (const row of rows) {
    totals.visits += row.visits;
    addCounts(totals.counts, row.counts);
  }
  return totals;
}

/** Per-day roll-ups between two days (inclusive), for the dashboard. */
export async function siteDaysBetween(db: BeakerDatabase, from: string, to: string): Promise<SiteDay[]> {
  return db.getAllFromIndex('siteDays', 'by-day', IDBKeyRange.bound(from, to));
}

export async function incrementMeta(db: BeakerDatabase, key: string, by = 1): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const row = (await tx.store.get(key)) ?? { key, value: 0 };
  row.value += by;
  await Promise.all([tx.store.put(row), tx.done]);
}

export async function readMeta(db: BeakerDatabase): Promise<Record<string, number>> {
  return Object.fromEntries((await db.getAll('meta')).map((r) => [r.key, r.value]));
}
