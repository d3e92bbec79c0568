import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { clearAll, openDatabase, type BeakerDatabase } from '../../../lib/log/database';
import { importRecords } from '../../../lib/log/import-records';
import { getVisit, weekTotals } from '../../../lib/log/queries';
import { applyRetention } from '../../../lib/log/retention';
import { storedIdsOf } from '../../../lib/log/stored-ids';
import { createWriteQueue, type WriteOp } from '../../../lib/log/write-queue';
import type { LogEvent } from '../../../lib/schema';
import { makeEngagementEvent, makeTrackerEvent, makeVisit } from './make-records';
import { countEvents, storedEvents } from './stored-events';

/**
 * Appends stay idempotent with events in chunks (lib/log/stored-ids.ts): an event already on disk
 * is neither written nor counted again, whether this connection wrote it, an earlier one (a
 * restarted worker), or an import; and what was deleted is not taken for stored.
 */
let name: string;
let db: BeakerDatabase;
let n = 0;
beforeEach(async () => {
  name = `beaker-idempotency-${n++}`;
  db = await openDatabase(name);
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

/** Calls of `getAll` on the chunk store: the reads of a visit's stored ids. */
function chunkReads() {
  const spy = vi.spyOn(IDBObjectStore.prototype, 'getAll');
  return () => spy.mock.contexts.filter((s) => (s as IDBObjectStore).name === 'eventChunks').length;
}

describe('a replayed event is stored and counted once', () => {
  test('after a restart: a new connection and a new queue read the visit from disk', async () => {
    const visit = makeVisit();
    const ops: WriteOp[] = [{ op: 'visit', visit }];
    for (let i = 0; i < 30; i++) ops.push({ op: 'event', event: i % 3 ? makeTrackerEvent(visit) : makeEngagementEvent(visit) });
    const first = createWriteQueue(async () => db, { maxBatch: 8 });
    for (const op of ops) first.push(op);
    await first.flush();
    const written = await storedEvents(db);
    const counts = (await getVisit(db, visit.id))?.counts;
    db.close();

    db = await openDatabase(name);
    const reads = chunkReads();
    const second = createWriteQueue(async () => db, { maxBatch: 8 });
    const fresh = makeTrackerEvent(visit);
    for (const op of [...ops, { op: 'event', event: fresh } as const]) second.push(op);
    await second.flush();
    expect(reads()).toBe(1);
    expect(await storedEvents(db)).toEqual([...written, fresh].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect((await getVisit(db, visit.id))?.counts).toEqual({ ...counts, tracker: counts!.tracker + 1 });
    expect(await weekTotals(db, '2026-11-20')).toMatchObject({ visits: 1, counts: { tracker: counts!.tracker + 1, engagement: counts!.engagement } });
  });

  test('a connection reads a visit once, then knows what it wrote: no read per batch', async () => {
    const reads = chunkReads();
    const queue = createWriteQueue(async () => db, { maxBatch: 5 });
    const visits = [makeVisit(), makeVisit()];
    for (const visit of visits) queue.push({ op: 'visit', visit });
    for (let i = 0; i < 40; i++) queue.push({ op: 'event', event: makeTrackerEvent(visits[i % 2]!) });
    await queue.flush();
    // Nine batches, two visits: each visit's chunks were read once (empty then), in its first batch.
    expect(reads()).toBe(2);
    expect(await countEvents(db)).toBe(40);
  });

  test('events an import wrote are known to the queue afterwards', async () => {
    const visit = makeVisit();
    const queue = createWriteQueue(async () => db);
    queue.push({ op: 'visit', visit });
    queue.push({ op: 'event', event: makeTrackerEvent(visit) });
    await queue.flush();
    const imported: LogEvent[] = [makeTrackerEvent(visit), makeTrackerEvent(visit)];
    expect((await importRecords(db, [], imported)).imported).toEqual({ tracker: 2 });
    // A new event (earlier, so the batch's chunk is keyed by it) with the replays.
    const fresh = makeTrackerEvent(visit, { time: '2026-11-20T09:59:00.000Z' });
    for (const event of [fresh, ...imported]) queue.push({ op: 'event', event });
    await queue.flush();
    expect(await countEvents(db)).toBe(4);
    // An imported event changes no count (its visit's counts hold it); the replay adds none either.
    expect((await getVisit(db, visit.id))?.counts.tracker).toBe(2);
  });
});

describe('what was deleted is not taken for stored', () => {
  test.each([
    ['delete all data', (d: BeakerDatabase) => clearAll(d)],
    ['retention', (d: BeakerDatabase) => applyRetention(d, 1, new Date('2026-12-20T00:00:00.000Z'))],
  ])('after %s, the same visit and events are written again', async (_name, remove) => {
    const visit = makeVisit();
    const events = [makeTrackerEvent(visit), makeEngagementEvent(visit)];
    const queue = createWriteQueue(async () => db);
    const push = () => {
      queue.push({ op: 'visit', visit });
      for (const event of events) queue.push({ op: 'event', event });
    };
    push();
    await queue.flush();
    await remove(db);
    expect(await countEvents(db)).toBe(0);
    push();
    await queue.flush();
    expect(await countEvents(db)).toBe(2);
    expect((await getVisit(db, visit.id))?.counts).toMatchObject({ tracker: 1, engagement: 1 });
  });
});

describe('what a connection remembers', () => {
  test('a batch that failed is not trusted: its retry reads its visits from disk again', async () => {
    const reads = chunkReads();
    const queue = createWriteQueue(async () => db, { maxAttempts: 2, setTimer: () => 0 });
    const visit = makeVisit();
    queue.push({ op: 'visit', visit });
    queue.push({ op: 'event', event: makeTrackerEvent(visit) });
    await queue.flush();
    expect(reads()).toBe(1);
    queue.push({ op: 'event', event: { ...makeTrackerEvent(visit), notCloneable: () => 1 } as unknown as LogEvent });
    await queue.flush();
    // First attempt: known, no read; it fails, so the second attempt reads again.
    expect(reads()).toBe(2);
    expect(queue.pending()).toBe(1);
  });

  test('the least recently used visits are dropped past 256 visits; the newest is kept whatever its size', () => {
    const known = storedIdsOf({});
    for (let v = 0; v < 300; v++) known.set(`v${v}`, { ids: new Set([`e${v}`]), dayKey: null });
    expect(known.get('v0')).toBeUndefined();
    expect(known.get('v43')).toBeUndefined();
    expect(known.get('v44')?.ids).toEqual(new Set(['e44']));
    expect(known.get('v299')).toBeDefined();
    const big = new Set(Array.from({ length: 250_000 }, (_, i) => `big${i}`));
    known.set('big', { ids: big, dayKey: 'news.example|2026-11-20' });
    expect(known.get('big')?.ids.size).toBe(250_000);
    expect(known.get('v299')).toBeUndefined();
  });
});
