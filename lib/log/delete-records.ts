import type { IDBPTransaction } from 'idb';
import type { BeakerDB, BeakerDatabase } from './database';
import { visitChunkRange } from './event-chunks';
import { forgetStoredIds } from './stored-ids';

/**
 * The dashboard's data controls (issue #9, "Data controls"): delete one site, or a range of days.
 * Each runs in **one** transaction over events, visits and siteDays, so the log and its roll-ups
 * never disagree (a crash leaves all of it or none). Called by the background alone.
 */

type DeleteTx = IDBPTransaction<BeakerDB, ('eventChunks' | 'visits' | 'siteDays')[], 'readwrite'>;

export interface DeleteResult {
  visits: number;
  events: number;
  siteDays: number;
  /** The deleted visits: the background restarts open tabs that were on one of them. */
  visitIds: string[];
}

/**
 * Delete every event of one visit, inside `tx`. Since database v4 a visit's events are chunks in one
 * key range (lib/log/event-chunks.ts, `visitChunkRange`; the `events` store and its `by-visit`
 * index are gone). A cursor, so counting them holds one chunk in memory at a time.
 */
export async function deleteVisitEvents(tx: DeleteTx, visitId: string): Promise<number> {
  let events = 0;
  for (let c = await tx.objectStore('eventChunks').openCursor(visitChunkRange(visitId)); c; c = await c.continue()) {
    events += c.value.events.length;
    await c.delete();
  }
  return events;
}

function openDeleteTx(db: BeakerDatabase): DeleteTx {
  return db.transaction(['eventChunks', 'visits', 'siteDays'], 'readwrite');
}

/**
 * The write queue keeps the event ids it stored per visit (lib/log/stored-ids.ts): once the delete
 * has committed, the deleted visits are forgotten, so its next batch reads them again from disk.
 */
async function commit(db: BeakerDatabase, tx: DeleteTx, visitIds: readonly string[]): Promise<void> {
  await tx.done;
  forgetStoredIds(db, visitIds);
}

async function deleteVisits(tx: DeleteTx, visitIds: readonly string[], result: DeleteResult): Promise<void> {
  const visits = tx.objectStore('visits');
  const counts = await Promise.all(visitIds.map((id) => deleteVisitEvents(tx, id)));
  await Promise.all(visitIds.map((id) => visits.delete(id)));
  result.visits += visitIds.length;
  result.events += counts.reduce((a, b) => a + b, 0);
  result.visitIds.push(...visitIds);
}

/** Delete one site: its visits, their events, and its roll-ups. */
export async function deleteSite(db: BeakerDatabase, site: string): Promise<DeleteResult> {
  const tx = openDeleteTx(db);
  const result: DeleteResult = { visits: 0, events: 0, siteDays: 0, visitIds: [] };
  const everything = IDBKeyRange.bound([site, ''], [site, '\uffff']);
  const [visitIds, dayKeys] = await Promise.all([
    tx.objectStore('visits').index('by-site').getAllKeys(everything),
    tx.objectStore('siteDays').index('by-site').getAllKeys(everything),
  ]);
  await deleteVisits(tx, visitIds, result);
  // Every visit of these site-days is gone, so their roll-ups are zero: deleted, not kept as zeros.
  await Promise.all(dayKeys.map((key) => tx.objectStore('siteDays').delete(key)));
  result.siteDays = dayKeys.length;
  await commit(db, tx, result.visitIds);
  return result;
}

/** Local midnight of a `YYYY-MM-DD` day, shifted by `days`. */
function midnight(day: string, days = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + days);
}

/**
 * Delete the local days `from`..`to` (inclusive) for every site. A visit belongs to the day it
 * started on (its `day`, the roll-up key), so a visit across midnight goes with its first day,
 * events after midnight included, as its counts did.
 */
export async function deleteDays(db: BeakerDatabase, from: string, to: string): Promise<DeleteResult> {
  const tx = openDeleteTx(db);
  const result: DeleteResult = { visits: 0, events: 0, siteDays: 0, visitIds: [] };
  // `day` was the browser's local day at the visit's start: ±14 h (the widest UTC offsets) covers
  // a time zone changed since; the day itself is then matched on the field.
  const range = IDBKeyRange.bound(new Date(midnight(from).getTime() - 14 * 3600_000).toISOString(), new Date(midnight(to, 1).getTime() + 14 * 3600_000).toISOString());
  const visitIds: string[] = [];
  for (let c = await tx.objectStore('visits').index('by-time').openCursor(range); c; c = await c.continue()) {
    if (c.value.day >= from && c.value.day <= to) visitIds.push(c.value.id);
  }
  await deleteVisits(tx, visitIds, result);
  const dayKeys = await tx.objectStore('siteDays').index('by-day').getAllKeys(IDBKeyRange.bound(from, to));
  await Promise.all(dayKeys.map((key) => tx.objectStore('siteDays').delete(key)));
  result.siteDays = dayKeys.length;
  await commit(db, tx, result.visitIds);
  return result;
}

/** Events written for deleted visits after the delete (a write that was already queued): removed. */
export async function deleteEventsOfVisits(db: BeakerDatabase, visitIds: readonly string[]): Promise<number> {
  const tx = openDeleteTx(db);
  const counts = await Promise.all(visitIds.map((id) => deleteVisitEvents(tx, id)));
  await commit(db, tx, visitIds);
  return counts.reduce((a, b) => a + b, 0);
}
