import { afterEach, beforeEach, expect, test } from 'vitest';
import { openDatabase, type BeakerDatabase } from '../../../lib/log/database';
import { createWriteQueue } from '../../../lib/log/write-queue';
import { applyRetention } from '../../../lib/log/retention';
import { makeTrackerEvent, makeVisit } from './make-records';

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
  expect((await db.getAll('events')).every((e) => e.visitId === recent.id)).toBe(true);
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
