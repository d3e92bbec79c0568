import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { openDB } from 'idb';
import { DB_VERSION, openDatabase, clearAll, type BeakerDatabase } from '../../../lib/log/database';
import { createWriteQueue } from '../../../lib/log/write-queue';
import { getVisit, getVisitEvents, weekTotals } from '../../../lib/log/queries';
import { logEvent } from '../../../lib/schema';
import { makeEngagementEvent, makeTrackerEvent, makeVisit } from './make-records';
import { countEvents } from './stored-events';
import { createLegacyStores } from './legacy-stores';

let db: BeakerDatabase;
let name: string;
let n = 0;

beforeEach(async () => {
  name = `beaker-test-${n++}`;
  db = await openDatabase(name);
});
afterEach(() => db.close());

describe('write queue', () => {
  test('batches: many events, few transactions', async () => {
    const spy = vi.spyOn(db, 'transaction');
    const queue = createWriteQueue(async () => db, { maxDelayMs: 10_000, maxBatch: 50 });
    const visit = makeVisit();
    queue.push({ op: 'visit', visit });
    for (let i = 0; i < 120; i++) queue.push({ op: 'event', event: makeTrackerEvent(visit) });
    await queue.flush();
    // 121 ops in batches of 50: three transactions, not 121.
    expect(spy).toHaveBeenCalledTimes(3);
    expect(await countEvents(db)).toBe(120);
    expect(queue.pending()).toBe(0);
  });

  test('flushes within maxDelayMs without an explicit flush', async () => {
    const queue = createWriteQueue(async () => db, { maxDelayMs: 20 });
    const visit = makeVisit();
    queue.push({ op: 'visit', visit });
    queue.push({ op: 'event', event: makeTrackerEvent(visit) });
    await vi.waitFor(async () => expect(await countEvents(db)).toBe(1), { timeout: 1000, interval: 10 });
  });

  test('rolls up per visit and per site-day in the same transaction', async () => {
    const queue = createWriteQueue(async () => db);
    const a = makeVisit();
    const b = makeVisit({ url: 'https://news.example/other' });
    queue.push({ op: 'visit', visit: a });
    queue.push({ op: 'visit', visit: b });
    queue.push({ op: 'event', event: makeTrackerEvent(a) });
    queue.push({ op: 'event', event: makeTrackerEvent(a, { targeting: false, beacon: null }) });
    queue.push({ op: 'event', event: makeTrackerEvent(b) });
    queue.push({ op: 'event', event: makeEngagementEvent(b, 'type') });
    queue.push({ op: 'requests', visitId: a.id, total: 5, thirdParty: 3 });
    await queue.flush();

    expect((await getVisit(db, a.id))?.counts).toMatchObject({ tracker: 1, engagement: 0, requests: 5, thirdPartyRequests: 3 });
    expect((await getVisit(db, b.id))?.counts).toMatchObject({ tracker: 1, engagement: 1 });
    const week = await weekTotals(db, '2026-11-22', 'news.example');
    expect(week.visits).toBe(2);
    expect(week.counts).toMatchObject({ tracker: 2, engagement: 1, requests: 5 });
    // Another site is not in this site's week, but is in the whole week.
    const other = makeVisit({ site: 'shop.example', url: 'https://shop.example/' });
    queue.push({ op: 'visit', visit: other });
    queue.push({ op: 'event', event: makeTrackerEvent(other) });
    await queue.flush();
    expect((await weekTotals(db, '2026-11-22', 'news.example')).counts.tracker).toBe(2);
    expect((await weekTotals(db, '2026-11-22')).counts.tracker).toBe(3);
    // Outside the 7-day window.
    expect((await weekTotals(db, '2026-11-27')).counts.tracker).toBe(0);
  });

  test('every stored event still parses with its schema', async () => {
    const queue = createWriteQueue(async () => db);
    const visit = makeVisit();
    queue.push({ op: 'visit', visit });
    queue.push({ op: 'event', event: makeTrackerEvent(visit) });
    queue.push({ op: 'event', event: makeEngagementEvent(visit) });
    await queue.flush();
    const events = await getVisitEvents(db, visit.id);
    expect(events).toHaveLength(2);
    for (const e of events) expect(logEvent.safeParse(e).success).toBe(true);
  });

  test('a failed write is retried, reported, and loses nothing', async () => {
    const errors: { attempt: number; willRetry: boolean }[] = [];
    let failuresLeft = 2;
    const queue = createWriteQueue(
      async () => {
        if (failuresLeft-- > 0) throw new Error('disk full');
        return db;
      },
      { maxAttempts: 4, onError: (_e, info) => errors.push(info) },
    );
    const visit = makeVisit();
    queue.push({ op: 'visit', visit });
    queue.push({ op: 'event', event: makeTrackerEvent(visit) });
    await queue.flush();
    expect(errors).toEqual([
      { attempt: 1, willRetry: true, dropped: 0 },
      { attempt: 2, willRetry: true, dropped: 0 },
    ]);
    expect(await countEvents(db)).toBe(1);
    expect((await getVisit(db, visit.id))?.counts.tracker).toBe(1);
  });

  test('after the last attempt the batch stays queued, in order, for a later flush', async () => {
    let broken = true;
    const reports: boolean[] = [];
    const queue = createWriteQueue(
      async () => {
        if (broken) throw new Error('quota exceeded');
        return db;
      },
      { maxAttempts: 2, onError: (_e, info) => reports.push(info.willRetry), setTimer: () => 0 },
    );
    const visit = makeVisit();
    queue.push({ op: 'visit', visit });
    queue.push({ op: 'event', event: makeTrackerEvent(visit) });
    await queue.flush();
    expect(reports).toEqual([true, false]);
    expect(queue.pending()).toBe(2);
    broken = false;
    await queue.flush();
    expect(queue.pending()).toBe(0);
    expect(await countEvents(db)).toBe(1);
  });

  test('a replayed event is not counted twice', async () => {
    const queue = createWriteQueue(async () => db);
    const visit = makeVisit();
    const event = makeTrackerEvent(visit);
    queue.push({ op: 'visit', visit });
    queue.push({ op: 'event', event });
    await queue.flush();
    queue.push({ op: 'visit', visit });
    queue.push({ op: 'event', event });
    await queue.flush();
    expect(await countEvents(db)).toBe(1);
    expect((await getVisit(db, visit.id))?.counts.tracker).toBe(1);
    expect((await weekTotals(db, '2026-11-20')).visits).toBe(1);
  });

  test('overflow drops the oldest ops and reports how many', async () => {
    const dropped: number[] = [];
    const queue = createWriteQueue(async () => db, { maxPending: 10, maxBatch: 1000, maxDelayMs: 10_000, onError: (_e, i) => dropped.push(i.dropped) });
    const visit = makeVisit();
    for (let i = 0; i < 12; i++) queue.push({ op: 'event', event: makeTrackerEvent(visit) });
    expect(dropped).toEqual([1, 1]);
    expect(queue.pending()).toBe(10);
  });

  test('clearAll empties every store', async () => {
    const queue = createWriteQueue(async () => db);
    const visit = makeVisit();
    queue.push({ op: 'visit', visit });
    queue.push({ op: 'event', event: makeTrackerEvent(visit) });
    await queue.flush();
    await clearAll(db);
    for (const store of ['eventChunks', 'visits', 'siteDays', 'meta'] as const) expect(await db.count(store)).toBe(0);
  });
});

describe('database upgrade', () => {
  test('a version-1 database (events and visits only) upgrades with its roll-ups backfilled', async () => {
    const oldName = `beaker-v1-${n++}`;
    const visit = makeVisit({ counts: { tracker: 4, ad: 0, darkPattern: 0, engagement: 2, requests: 9, thirdPartyRequests: 6 } });
    const v1 = await openDB(oldName, 1, { upgrade: (database) => createLegacyStores(database, 1) });
    await v1.put('visits', visit);
    await v1.put('events', makeTrackerEvent(visit));
    v1.close();

    const upgraded = await openDatabase(oldName);
    expect(upgraded.version).toBe(DB_VERSION);
    expect([...upgraded.objectStoreNames].sort()).toEqual(['eventChunks', 'meta', 'orgDays', 'siteDayExtras', 'siteDays', 'visits']);
    expect(await countEvents(upgraded)).toBe(1);
    const week = await weekTotals(upgraded, '2026-11-20', 'news.example');
    expect(week).toMatchObject({ visits: 1, counts: { tracker: 4, engagement: 2, requests: 9 } });
    upgraded.close();
  });
});
