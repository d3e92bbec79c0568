import type { IDBPTransaction } from 'idb';
import type { SiteDay } from '../schema';
import { emptyCounts } from '../schema/events';
import { siteDayKey, type BeakerDB, type BeakerDatabase } from './database';
import { visitChunkRange, unpackChunks } from './event-chunks';
import { RollupChanges, hasCurrentLayout, type OrgDay, type SiteDayExtra } from './org-rollups';
import { addCounts, dayTimeRange, inRecordedOrder, incrementMeta } from './queries';

/**
 * Missing or corrupt roll-ups, noticed and rebuilt (issue #9, "Bad input"; ARCHITECTURE.md,
 * "History dashboard"). Every `siteDays` record has a `siteDayExtras` record of the same key whose
 * `visits` must equal its own, and per day the extras' `orgRequests` and `orgLinks` must add up to
 * the requests and listed sites of the day's organizations (`orgDays`), and every extra must have the
 * current layout (its ad networks and dark patterns: `hasCurrentLayout`). A day that fails any of these (a crash or a bug
 * between writes, a day from before database v5 or before those fields, a site deleted from a capped organization) is
 * rebuilt from what the roll-ups are made of: its visits (their counts: `siteDays`) and their
 * events (`siteDayExtras`, `orgDays`), one day per transaction.
 */

export const LOG_STORES = ['eventChunks', 'visits', 'siteDays', 'orgDays', 'siteDayExtras'] as const;
export type LogTx = IDBPTransaction<BeakerDB, (typeof LOG_STORES)[number][], 'readwrite'>;

export interface DayRollups {
  siteDays: SiteDay[];
  extras: SiteDayExtra[];
  orgs: OrgDay[];
  /** Days that failed the check and were rebuilt by this read, oldest first. */
  rebuilt: string[];
}

/**
 * Rebuild the roll-ups of each day in `days` inside `tx`, from the visits whose `day` it is and
 * their events: what the write queue would have written had it written them all at once.
 */
export async function rebuildDays(tx: LogTx, days: readonly string[]): Promise<void> {
  // One day after the other: only one day's events are in memory at a time (an import may touch many).
  for (const day of days) await rebuildDay(tx, day);
}

async function rebuildDay(tx: LogTx, day: string): Promise<void> {
  const only = IDBKeyRange.only(day);
  const [all, dayKeys, extraKeys] = await Promise.all([
    tx.objectStore('visits').index('by-time').getAll(dayTimeRange(day)),
    tx.objectStore('siteDays').index('by-day').getAllKeys(only),
    tx.objectStore('siteDayExtras').index('by-day').getAllKeys(only),
  ]);
  const visits = all.filter((v) => v.day === day);
  const events = await Promise.all(visits.map(async (v) => inRecordedOrder(unpackChunks(await tx.objectStore('eventChunks').getAll(visitChunkRange(v.id))))));
  const siteDays = new Map<string, SiteDay>();
  const changes = new RollupChanges();
  visits.forEach((visit, i) => {
    const key = siteDayKey(visit.site, visit.day);
    const row = siteDays.get(key) ?? { key, site: visit.site, day, visits: 0, counts: emptyCounts() };
    row.visits += 1;
    addCounts(row.counts, visit.counts);
    siteDays.set(key, row);
    changes.visit(visit);
    for (const event of events[i]!) changes.event(visit, event);
  });
  const writes: Promise<unknown>[] = [
    ...dayKeys.map((k) => tx.objectStore('siteDays').delete(k)),
    ...extraKeys.map((k) => tx.objectStore('siteDayExtras').delete(k)),
    tx.objectStore('orgDays').delete(day),
  ];
  // Requests run in order: the puts come after the deletes of the same keys.
  for (const row of siteDays.values()) writes.push(tx.objectStore('siteDays').put(row));
  for (const row of changes.extras.values()) writes.push(tx.objectStore('siteDayExtras').put(row));
  for (const row of changes.orgs.values()) writes.push(tx.objectStore('orgDays').put(row));
  await Promise.all(writes);
}

/**
 * Run `work` in one transaction over the log's stores; if it throws, the transaction is aborted, so
 * nothing of it commits (requests that already succeeded would otherwise auto-commit).
 */
export async function inLogTx<T>(db: BeakerDatabase, work: (tx: LogTx) => Promise<T>): Promise<T> {
  const tx: LogTx = db.transaction([...LOG_STORES], 'readwrite');
  const done = tx.done;
  done.catch(() => undefined);
  try {
    const result = await work(tx);
    await done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    throw error;
  }
}

async function readRollups(db: BeakerDatabase, from: string, to: string): Promise<Omit<DayRollups, 'rebuilt'>> {
  const range = IDBKeyRange.bound(from, to);
  const tx = db.transaction(['siteDays', 'siteDayExtras', 'orgDays']);
  const [siteDays, extras, orgs] = await Promise.all([
    tx.objectStore('siteDays').index('by-day').getAll(range),
    tx.objectStore('siteDayExtras').index('by-day').getAll(range),
    tx.objectStore('orgDays').getAll(range), // keyed by day
    tx.done,
  ]);
  return { siteDays, extras, orgs };
}

/**
 * The days whose roll-ups do not agree with each other (see above), oldest first. Without `orgs`,
 * only what site-days and extras can say (visits, an extra missing, and unless `layout` is false
 * the extras' layout): the plot's check, which needs neither networks nor dark patterns.
 */
export function inconsistentDays(r: Pick<DayRollups, 'siteDays' | 'extras'> & { orgs?: readonly OrgDay[] }, layout = true): string[] {
  const bad = new Set<string>();
  const visitsOf = new Map(r.siteDays.map((d) => [d.key, d.visits]));
  const sums = new Map<string, { requests: number; links: number }>();
  const sum = (day: string) => {
    let s = sums.get(day);
    if (!s) sums.set(day, (s = { requests: 0, links: 0 }));
    return s;
  };
  const extraKeys = new Set<string>();
  for (const extra of r.extras) {
    extraKeys.add(extra.key);
    if (visitsOf.get(extra.key) !== extra.visits || (layout && !hasCurrentLayout(extra))) bad.add(extra.day);
    sum(extra.day).requests += extra.orgRequests;
    sum(extra.day).links += extra.orgLinks;
  }
  for (const day of r.siteDays) if (!extraKeys.has(day.key)) bad.add(day.day);
  if (!r.orgs) return [...bad].sort();
  for (const { day, orgs } of r.orgs) {
    for (const org of Object.values(orgs)) {
      sum(day).requests -= org.requests;
      sum(day).links -= Object.keys(org.sites).length;
    }
  }
  for (const [day, s] of sums) if (s.requests !== 0 || s.links !== 0) bad.add(day);
  return [...bad].sort();
}

/**
 * The roll-ups of the local days `from`..`to` (every site), checked; a day that fails the check is
 * rebuilt first, each in its own transaction (a worker killed half-way keeps the days done), and
 * counted in `meta` (`rollups.rebuiltDays`).
 */
export async function verifiedRollups(db: BeakerDatabase, from: string, to: string): Promise<DayRollups> {
  const first = await readRollups(db, from, to);
  const bad = inconsistentDays(first);
  if (bad.length === 0) return { ...first, rebuilt: [] };
  for (const day of bad) await inLogTx(db, (tx) => rebuildDays(tx, [day]));
  await incrementMeta(db, 'rollups.rebuiltDays', bad.length);
  return { ...(await readRollups(db, from, to)), rebuilt: bad };
}

/**
 * What the overview's first paint needs (the series and the ranking): the site-days and extras of
 * `from`..`to`, checked as far as they can be without the organizations (visits, layout, a missing
 * extra; not the layout). A day that fails sends the read through `verifiedRollups` (the whole
 * check, rebuilding); a fault only the organizations or the layout show is found by the overview's
 * full read that follows, which rebuilds the day and answers with the series again.
 */
export async function plotRollups(db: BeakerDatabase, from: string, to: string): Promise<Pick<DayRollups, 'siteDays' | 'extras' | 'rebuilt'>> {
  const range = IDBKeyRange.bound(from, to);
  const tx = db.transaction(['siteDays', 'siteDayExtras']);
  const [siteDays, extras] = await Promise.all([tx.objectStore('siteDays').index('by-day').getAll(range), tx.objectStore('siteDayExtras').index('by-day').getAll(range), tx.done]);
  // An extra of the earlier layout still has its visits and ads seen right: the plot paints, and
  // the overview's full read that follows rebuilds the day (the first open after an update).
  if (inconsistentDays({ siteDays, extras }, false).length === 0) return { siteDays, extras, rebuilt: [] };
  return verifiedRollups(db, from, to);
}
