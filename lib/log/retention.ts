import type { BeakerDatabase } from './database';
import { localDay } from './queries';

export interface RetentionResult {
  events: number;
  visits: number;
  siteDays: number;
}

/**
 * Delete what is older than `retentionDays` before `now`: events and visits by timestamp, roll-ups
 * by day. Runs in bounded transactions (one per store) with cursors, never loading a store whole.
 */
export async function applyRetention(db: BeakerDatabase, retentionDays: number, now = new Date()): Promise<RetentionResult> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const cutoffIso = cutoff.toISOString();
  const cutoffDay = localDay(cutoff);
  const result: RetentionResult = { events: 0, visits: 0, siteDays: 0 };

  const eventsTx = db.transaction('events', 'readwrite');
  for (let c = await eventsTx.store.index('by-time').openCursor(IDBKeyRange.upperBound(cutoffIso, true)); c; c = await c.continue()) {
    await c.delete();
    result.events += 1;
  }
  await eventsTx.done;

  const visitsTx = db.transaction('visits', 'readwrite');
  for (let c = await visitsTx.store.index('by-time').openCursor(IDBKeyRange.upperBound(cutoffIso, true)); c; c = await c.continue()) {
    await c.delete();
    result.visits += 1;
  }
  await visitsTx.done;

  const daysTx = db.transaction('siteDays', 'readwrite');
  for (let c = await daysTx.store.index('by-day').openCursor(IDBKeyRange.upperBound(cutoffDay, true)); c; c = await c.continue()) {
    await c.delete();
    result.siteDays += 1;
  }
  await daysTx.done;
  return result;
}
