import type { BeakerDatabase } from './database';
import { visitChunkRange } from './event-chunks';
import { dayTimeRange } from './queries';
import { LOG_STORES, rebuildDays, type LogTx } from './rollup-repair';
import { forgetStoredIds } from './stored-ids';

/**
 * The dashboard's data controls (issue #9, "Data controls"): delete one site, or a range of days.
 * Each runs in **one** transaction over events, visits and every roll-up (siteDays, siteDayExtras,
 * orgDays), so the log and its roll-ups never disagree (a crash leaves all of it or none). Called
 * by the background alone.
 */

type DeleteTx = LogTx;

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
  return db.transaction([...LOG_STORES], 'readwrite');
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

/**
 * Delete one site: its visits, their events, and its roll-ups. The organizations of its days
 * lose the site's requests (each lists them per site); a day where an organization reached
 * more sites than it lists (lib/log/org-rollups.ts, `unlisted`) is rebuilt from the events left,
 * in the same transaction.
 */
export async function deleteSite(db: BeakerDatabase, site: string): Promise<DeleteResult> {
  const tx = openDeleteTx(db);
  const result: DeleteResult = { visits: 0, events: 0, siteDays: 0, visitIds: [] };
  const everything = IDBKeyRange.bound([site, ''], [site, '\uffff']);
  const [visitIds, dayKeys, extraKeys] = await Promise.all([
    tx.objectStore('visits').index('by-site').getAllKeys(everything),
    tx.objectStore('siteDays').index('by-site').getAllKeys(everything),
    tx.objectStore('siteDayExtras').index('by-site').getAllKeys(everything),
  ]);
  await deleteVisits(tx, visitIds, result);
  // Every visit of these site-days is gone, so their roll-ups are zero: deleted, not kept as zeros.
  await Promise.all([...dayKeys.map((key) => tx.objectStore('siteDays').delete(key)), ...extraKeys.map((key) => tx.objectStore('siteDayExtras').delete(key))]);
  const days = [...new Set([...dayKeys, ...extraKeys].map((key) => key.slice(key.lastIndexOf('|') + 1)))];
  const rebuild = (await Promise.all(days.map((day) => removeSiteFromOrgs(tx, site, day)))).flatMap((exact, i) => (exact ? [] : [days[i]!]));
  await rebuildDays(tx, rebuild);
  result.siteDays = dayKeys.length;
  await commit(db, tx, result.visitIds);
  return result;
}

/** Take a site's requests out of one day's organizations; `false` when one may hold some unlisted. */
async function removeSiteFromOrgs(tx: DeleteTx, site: string, day: string): Promise<boolean> {
  const store = tx.objectStore('orgDays');
  const record = await store.get(day);
  if (!record) return true;
  let exact = true;
  for (const [org, row] of Object.entries(record.orgs)) {
    const requests = row.sites[site];
    if (requests === undefined) {
      if (row.unlisted > 0) exact = false;
      continue;
    }
    delete row.sites[site];
    row.requests -= requests;
    if (row.requests === 0) delete record.orgs[org];
  }
  await (Object.keys(record.orgs).length === 0 ? store.delete(day) : store.put(record));
  return exact;
}

/**
 * Delete the local days `from`..`to` (inclusive) for every site. A visit belongs to the day it
 * started on (its `day`, the roll-up key), so a visit across midnight goes with its first day,
 * events after midnight included, as its counts did.
 */
export async function deleteDays(db: BeakerDatabase, from: string, to: string): Promise<DeleteResult> {
  const tx = openDeleteTx(db);
  const result: DeleteResult = { visits: 0, events: 0, siteDays: 0, visitIds: [] };
  // `day` was the browser's local day at the visit's start: matched on the field, in a range of
  // `startedAt` widened for a time zone changed since.
  const range = dayTimeRange(from, to);
  const visitIds: string[] = [];
  for (let c = await tx.objectStore('visits').index('by-time').openCursor(range); c; c = await c.continue()) {
    if (c.value.day >= from && c.value.day <= to) visitIds.push(c.value.id);
  }
  await deleteVisits(tx, visitIds, result);
  const days = IDBKeyRange.bound(from, to);
  const [dayKeys, extraKeys] = await Promise.all([
    tx.objectStore('siteDays').index('by-day').getAllKeys(days),
    tx.objectStore('siteDayExtras').index('by-day').getAllKeys(days),
  ]);
  await Promise.all([
    ...dayKeys.map((key) => tx.objectStore('siteDays').delete(key)),
    ...extraKeys.map((key) => tx.objectStore('siteDayExtras').delete(key)),
    tx.objectStore('orgDays').delete(days),
  ]);
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
