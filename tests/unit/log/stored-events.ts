import type { BeakerDatabase } from '../../../lib/log/database';
import { unpackChunks } from '../../../lib/log/event-chunks';
import type { LogEvent } from '../../../lib/schema';

/**
 * Every stored event, one record each, by id: what `getAll('events')` gave before the events
 * moved into chunks (lib/log/event-chunks.ts), for tests that check what is on disk.
 */
export async function storedEvents(db: BeakerDatabase): Promise<LogEvent[]> {
  return unpackChunks(await db.getAll('eventChunks')).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function countEvents(db: BeakerDatabase): Promise<number> {
  return (await storedEvents(db)).length;
}

export async function storedEvent(db: BeakerDatabase, id: string): Promise<LogEvent | undefined> {
  return (await storedEvents(db)).find((e) => e.id === id);
}
