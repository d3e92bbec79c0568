import { afterEach, beforeEach, expect, test } from 'vitest';
import { openDatabase, type BeakerDatabase } from '../../../lib/log/database';
import { createWriteQueue } from '../../../lib/log/write-queue';
import { applyRetention } from '../../../lib/log/retention';
import { makeTrackerEvent, makeVisit } from './make-records';
import { storedEvents } from './stored-events';

let db: BeakerDatabase;
let n = 0;
beforeEach(async () => {
  db = await openDatabase(`beaker-retention-${n++}`);
});
afterEach(() => db.close());

test('deletes events, visits and roll-ups older than the retention period, keeps the rest', async () => {
  const queue = createWriteQueue(async () => db);
  const old = makeVisit({ startedAt: '2026-08-01T12:00:00.000Z', day: '2026-08-01' });
  const recent = makeVisit({ startedAt: '2026-11-20T12:00:00.000Z', day: '2026-11-20' });
  for (const visit of [old, recent]) {
    queue.push({ op: 'visit', visit });
    for (let i = 0; i < 3; i++) queue.push({ op: 'event', event: makeTrackerEvent(visit, { time: visit.startedAt }) });
  }
  await queue.flush();
  const result = await applyRetention(db, 90, new Date('2026-11-23T12:00:00.000Z'));
  expect(result).toEqual({ events: 3, visits: 1, siteDays: 1 });
  expect(await db.getAllKeys('visits')).toEqual([recent.id]);
  expect((await storedEvents(db)).every((e) => e.visitId === recent.id)).toBe(true);
  expect((await db.getAll('siteDays')).map((d) => d.day)).toEqual(['2026-11-20']);
});

test('a shorter retention setting deletes more', async () => {
  const queue = createWriteQueue(async () => db);
  const visit = makeVisit({ startedAt: '2026-11-10T12:00:00.000Z', day: '2026-11-10' });
  queue.push({ op: 'visit', visit });
  queue.push({ op: 'event', event: makeTrackerEvent(visit, { time: visit.startedAt }) });
  await queue.flush();
  expect(await applyRetention(db, 90, new Date('2026-11-23T12:00:00.000Z'))).toEqual({ events: 0, visits: 0, siteDays: 0 });
  expect(await applyRetention(db, 7, new Date('2026-11-23T12:00:00.000Z'))).toEqual({ events: 1, visits: 1, siteDays: 1 });
});

test('a chunk across the cut-off keeps its newer events, under the key of one it still holds', async () => {
  const queue = createWriteQueue(async () => db);
  // The visit's day is well before the cut-off's local day in any time zone.
  const visit = makeVisit({ startedAt: '2026-11-14T12:00:00.000Z', day: '2026-11-14' });
  const older = [makeTrackerEvent(visit, { time: '2026-11-15T23:59:30.000Z' }), makeTrackerEvent(visit, { time: '2026-11-15T23:59:59.999Z' })];
  const newer = [makeTrackerEvent(visit, { time: '2026-11-16T00:00:00.000Z' }), makeTrackerEvent(visit, { time: '2026-11-16T00:00:20.000Z' })];
  queue.push({ op: 'visit', visit });
  for (const event of [...newer, ...older]) queue.push({ op: 'event', event });
  await queue.flush();
  expect(await db.count('eventChunks')).toBe(1);
  const result = await applyRetention(db, 7, new Date('2026-11-23T00:00:00.000Z'));
  expect(result).toEqual({ events: 2, visits: 1, siteDays: 1 });
  expect((await storedEvents(db)).map((e) => e.id)).toEqual(newer.map((e) => e.id));
  const [chunk] = await db.getAll('eventChunks');
  expect(chunk).toMatchObject({ visitId: visit.id, first: newer[0]!.id, time: newer[0]!.time });
  // Nothing more to delete: a second run finds the kept chunk past the cut-off.
  expect(await applyRetention(db, 7, new Date('2026-11-23T00:00:00.000Z'))).toEqual({ events: 0, visits: 0, siteDays: 0 });
});
