import type { BeakerDatabase } from './database';
import { earliestTime } from './event-chunks';
import { localDay } from './queries';
import { forgetStoredIds } from './stored-ids';

export interface RetentionResult {
  events: number;
  visits: number;
  siteDays: number;
}

/**
 * Delete what is older than `retentionDays` before `now`: events and visits by timestamp, roll-ups
 * (site-days, their extras, organizations) by day. Runs in bounded transactions (one per store) with cursors, never loading a store whole.
 * Events go chunk by chunk (`by-time` is a chunk's earliest event): a chunk whose events are all
 * older is deleted, one that straddles the cut-off keeps its newer events.
 */
export async function applyRetention(db: BeakerDatabase, retentionDays: number, now = new Date()): Promise<RetentionResult> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const cutoffIso = cutoff.toISOString();
  const cutoffDay = localDay(cutoff);
  const result: RetentionResult = { events: 0, visits: 0, siteDays: 0 };

  const eventsTx = db.transaction('eventChunks', 'readwrite');
  for (let c = await eventsTx.store.index('by-time').openCursor(IDBKeyRange.upperBound(cutoffIso, true)); c; c = await c.continue()) {
    // String order, as the index compares: what `by-time` on single events deleted before v4.
    const kept = c.value.events.filter((e) => e.time >= cutoffIso);
    result.events += c.value.events.length - kept.length;
    await c.delete();
    // Rewritten under the key of an event it still holds (keys stay unique); its time is past
    // the cut-off, so the cursor does not meet it again.
    if (kept.length > 0) await eventsTx.store.add({ visitId: c.value.visitId, first: kept[0]!.id, time: earliestTime(kept), events: kept });
  }
  await eventsTx.done;
  if (result.events > 0) forgetStoredIds(db);

  const visitsTx = db.transaction('visits', 'readwrite');
  for (let c = await visitsTx.store.index('by-time').openCursor(IDBKeyRange.upperBound(cutoffIso, true)); c; c = await c.continue()) {
    await c.delete();
    result.visits += 1;
  }
  await visitsTx.done;

  // Every roll-up by day (site-days, their extras, organizations) in one transaction: they agree.
  const daysTx = db.transaction(['siteDays', 'siteDayExtras', 'orgDays'], 'readwrite');
  const older = IDBKeyRange.upperBound(cutoffDay, true);
  for (let c = await daysTx.objectStore('siteDays').index('by-day').openCursor(older); c; c = await c.continue()) {
    await c.delete();
    result.siteDays += 1;
  }
  for (let c = await daysTx.objectStore('siteDayExtras').index('by-day').openKeyCursor(older); c; c = await c.continue()) await daysTx.objectStore('siteDayExtras').delete(c.primaryKey);
  await daysTx.objectStore('orgDays').delete(older); // keyed by day
  await daysTx.done;
  return result;
}
