import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { openDatabase, siteDayKey, type BeakerDatabase } from '../../../lib/log/database';
import { countedAs, createWriteQueue, type WriteOp } from '../../../lib/log/write-queue';
import { getVisit, weekTotals } from '../../../lib/log/queries';
import { emptyCounts, type Counts, type LogEvent, type PageVisit } from '../../../lib/schema';
import { makeEngagementEvent, makeTrackerEvent, makeVisit } from './make-records';
import { countEvents, storedEvent, storedEvents } from './stored-events';

let db: BeakerDatabase;
let n = 0;

beforeEach(async () => {
  db = await openDatabase(`beaker-batch-test-${n++}`);
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

const EVENT_COUNTS = ['tracker', 'ad', 'darkPattern', 'engagement'] as const;

/** The roll-ups recounted from what is on disk: events per visit, visits per site-day. */
async function recount() {
  const [events, visits, days] = await Promise.all([storedEvents(db), db.getAll('visits'), db.getAll('siteDays')]);
  const perVisit = new Map<string, Counts>();
  for (const e of events) {
    const name = countedAs(e);
    if (!name) continue;
    const c = perVisit.get(e.visitId) ?? emptyCounts();
    c[name] += 1;
    perVisit.set(e.visitId, c);
  }
  const perDay = new Map<string, { visits: number; counts: Counts }>();
  for (const v of visits) {
    const key = siteDayKey(v.site, v.day);
    const d = perDay.get(key) ?? { visits: 0, counts: emptyCounts() };
    d.visits += 1;
    for (const name of Object.keys(d.counts) as (keyof Counts)[]) d.counts[name] += v.counts[name];
    perDay.set(key, d);
  }
  return { events, visits, days, perVisit, perDay };
}

/** Every roll-up equals a recount from the events and visits stores. */
async function expectRollupsMatchRecount(): Promise<void> {
  const { visits, days, perVisit, perDay } = await recount();
  for (const v of visits) {
    const expected = perVisit.get(v.id) ?? emptyCounts();
    for (const name of EVENT_COUNTS) expect(v.counts[name], `${v.id} ${name}`).toBe(expected[name]);
  }
  expect(days.map((d) => d.key).sort()).toEqual([...perDay.keys()].sort());
  for (const d of days) expect({ visits: d.visits, counts: d.counts }, d.key).toEqual(perDay.get(d.key));
}

describe('write batches', () => {
  test('the same event twice in one batch is stored and counted once', async () => {
    const errors: unknown[] = [];
    const queue = createWriteQueue(async () => db, { onError: (e) => errors.push(e) });
    const visit = makeVisit();
    const event = makeTrackerEvent(visit);
    queue.push({ op: 'visit', visit });
    queue.push({ op: 'event', event });
    queue.push({ op: 'event', event });
    queue.push({ op: 'event', event: makeTrackerEvent(visit) });
    queue.push({ op: 'event', event });
    await queue.flush();
    expect(errors).toEqual([]);
    expect(await countEvents(db)).toBe(2);
    expect((await getVisit(db, visit.id))?.counts.tracker).toBe(2);
    expect((await weekTotals(db, '2026-11-20')).counts.tracker).toBe(2);
    await expectRollupsMatchRecount();
  });

  test('replayed events in a batch of new ones: the batch succeeds, only the new ones count', async () => {
    const errors: unknown[] = [];
    const queue = createWriteQueue(async () => db, { onError: (e) => errors.push(e) });
    const visit = makeVisit();
    const first = [makeTrackerEvent(visit), makeEngagementEvent(visit)];
    queue.push({ op: 'visit', visit });
    for (const event of first) queue.push({ op: 'event', event });
    await queue.flush();
    // Replay the whole first batch, interleaved with new events.
    queue.push({ op: 'visit', visit });
    queue.push({ op: 'event', event: makeTrackerEvent(visit) });
    for (const event of first) queue.push({ op: 'event', event });
    queue.push({ op: 'event', event: makeEngagementEvent(visit, 'type') });
    await queue.flush();
    expect(errors).toEqual([]);
    expect(await countEvents(db)).toBe(4);
    expect((await getVisit(db, visit.id))?.counts).toMatchObject({ tracker: 2, engagement: 2 });
    expect(await weekTotals(db, '2026-11-20')).toMatchObject({ visits: 1, counts: { tracker: 2, engagement: 2 } });
    // A replayed event keeps what was stored first.
    expect(await storedEvent(db, first[0]!.id)).toEqual(first[0]);
  });

  test('several visits and site-days in one batch: each visit and site-day is read and put once', async () => {
    const a = makeVisit();
    const b = makeVisit({ url: 'https://news.example/next', day: '2026-11-21', startedAt: '2026-11-21T09:00:00.000Z' });
    const c = makeVisit({ site: 'shop.example', url: 'https://shop.example/' });
    const d = makeVisit({ url: 'https://news.example/again' }); // same site-day as a
    const ops: WriteOp[] = [a, b, c, d].map((visit) => ({ op: 'visit', visit }));
    for (const [visit, trackers, engagements] of [
      [a, 3, 1],
      [b, 2, 0],
      [c, 1, 2],
      [d, 4, 1],
    ] as const) {
      for (let i = 0; i < trackers; i++) ops.push({ op: 'event', event: makeTrackerEvent(visit) });
      for (let i = 0; i < engagements; i++) ops.push({ op: 'event', event: makeEngagementEvent(visit) });
      ops.push({ op: 'event', event: makeTrackerEvent(visit, { targeting: false, beacon: null }) }); // recorded, not counted
    }
    ops.push({ op: 'requests', visitId: a.id, total: 10, thirdParty: 4 });
    ops.push({ op: 'requests', visitId: c.id, total: 3, thirdParty: 1 });

    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    const getKeys = vi.spyOn(IDBObjectStore.prototype, 'getKey');
    const puts = vi.spyOn(IDBObjectStore.prototype, 'put');
    const adds = vi.spyOn(IDBObjectStore.prototype, 'add');
    const queue = createWriteQueue(async () => db);
    for (const op of ops) queue.push(op);
    await queue.flush();

    const storeOf = (spy: { mock: { contexts: unknown[] } }) => spy.mock.contexts.map((s) => (s as IDBObjectStore).name).sort();
    // Reads: four visits, three site-days and their extras, two organization-days (Google on each
    // day, lib/log/org-rollups.ts); no read per event.
    expect(storeOf(gets)).toEqual(['orgDays', 'orgDays', 'siteDayExtras', 'siteDayExtras', 'siteDayExtras', 'siteDays', 'siteDays', 'siteDays', 'visits', 'visits', 'visits', 'visits']);
    expect(getKeys).not.toHaveBeenCalled();
    // Writes: one add per visit (its chunk of events, lib/log/event-chunks.ts), one put per visit,
    // per site-day, per site-day extra and per organization-day.
    expect(storeOf(adds)).toEqual(['eventChunks', 'eventChunks', 'eventChunks', 'eventChunks']);
    expect(storeOf(puts)).toEqual(['orgDays', 'orgDays', 'siteDayExtras', 'siteDayExtras', 'siteDayExtras', 'siteDays', 'siteDays', 'siteDays', 'visits', 'visits', 'visits', 'visits']);

    expect((await getVisit(db, a.id))?.counts).toEqual({ tracker: 3, ad: 0, darkPattern: 0, engagement: 1, requests: 10, thirdPartyRequests: 4 });
    expect((await getVisit(db, b.id))?.counts).toMatchObject({ tracker: 2, engagement: 0 });
    expect((await getVisit(db, c.id))?.counts).toMatchObject({ tracker: 1, engagement: 2, requests: 3 });
    expect((await getVisit(db, d.id))?.counts).toMatchObject({ tracker: 4, engagement: 1 });
    const day = async (site: string, dayKey: string) => db.get('siteDays', siteDayKey(site, dayKey));
    expect(await day('news.example', '2026-11-20')).toMatchObject({ visits: 2, counts: { tracker: 7, engagement: 2, requests: 10, thirdPartyRequests: 4 } });
    expect(await day('news.example', '2026-11-21')).toMatchObject({ visits: 1, counts: { tracker: 2, engagement: 0 } });
    expect(await day('shop.example', '2026-11-20')).toMatchObject({ visits: 1, counts: { tracker: 1, engagement: 2, requests: 3 } });
    await expectRollupsMatchRecount();
  });

  test('a visit continued in later batches: its site-day is read from disk and added to', async () => {
    const queue = createWriteQueue(async () => db, { maxBatch: 3, maxDelayMs: 10_000 });
    const visit = makeVisit();
    queue.push({ op: 'visit', visit });
    for (let i = 0; i < 10; i++) queue.push({ op: 'event', event: makeTrackerEvent(visit) });
    await queue.flush();
    expect((await getVisit(db, visit.id))?.counts.tracker).toBe(10);
    expect(await weekTotals(db, '2026-11-20')).toMatchObject({ visits: 1, counts: { tracker: 10 } });
    await expectRollupsMatchRecount();
  });

  test('roll-ups equal a recount from the stores, through small batches, replays and duplicates', async () => {
    const errors: unknown[] = [];
    const queue = createWriteQueue(async () => db, { maxBatch: 7, maxDelayMs: 10_000, onError: (e) => errors.push(e) });
    const sites = ['news.example', 'shop.example', 'blog.example'];
    const days = ['2026-11-19', '2026-11-20'];
    const visits: PageVisit[] = [];
    const ops: WriteOp[] = [];
    let r = 7;
    const rand = (k: number) => ((r = (r * 1103515245 + 12345) % 2 ** 31), r % k);
    for (let v = 0; v < 12; v++) {
      const site = sites[v % sites.length]!;
      const day = days[v % days.length]!;
      const visit = makeVisit({ site, day, url: `https://${site}/${v}`, startedAt: `${day}T08:00:00.000Z` });
      visits.push(visit);
      ops.push({ op: 'visit', visit });
    }
    const events: LogEvent[] = [];
    for (let i = 0; i < 150; i++) {
      const visit = visits[rand(visits.length)]!;
      const event =
        rand(4) === 0 ? makeEngagementEvent(visit) : makeTrackerEvent(visit, rand(3) === 0 ? { targeting: false, beacon: null } : {});
      events.push(event);
      ops.push({ op: 'event', event });
      if (rand(10) === 0) ops.push({ op: 'event', event: events[rand(events.length)]! }); // a duplicate, near or far
      if (rand(15) === 0) ops.push({ op: 'requests', visitId: visit.id, total: 2, thirdParty: 1 });
    }
    for (const op of ops) queue.push(op);
    await queue.flush();
    await expectRollupsMatchRecount();
    const once = await recount();
    // Replay everything (as after a failure whose commit had in fact landed), minus the request ops.
    for (const op of ops) if (op.op !== 'requests') queue.push(op);
    await queue.flush();
    await expectRollupsMatchRecount();
    const twice = await recount();
    expect(errors).toEqual([]);
    expect(twice.events).toHaveLength(events.length);
    expect(twice.visits).toEqual(once.visits);
    expect(twice.days).toEqual(once.days);
  });

  test('a batch that fails part-way writes nothing, reports the error as raised, and is kept', async () => {
    const errors: unknown[] = [];
    const queue = createWriteQueue(async () => db, { maxAttempts: 1, onError: (e) => errors.push(e), setTimer: () => 0 });
    const visit = makeVisit();
    const bad = { ...makeTrackerEvent(visit), notCloneable: () => 1 } as unknown as LogEvent;
    queue.push({ op: 'visit', visit });
    queue.push({ op: 'event', event: makeTrackerEvent(visit) });
    queue.push({ op: 'event', event: bad });
    await queue.flush();
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).name).toBe('DataCloneError');
    expect(queue.pending()).toBe(3);
    for (const store of ['eventChunks', 'visits', 'siteDays'] as const) expect(await db.count(store)).toBe(0);
  });

  test('many flush requests while a batch is in flight: one drain takes them all', async () => {
    const spy = vi.spyOn(db, 'transaction');
    const queue = createWriteQueue(async () => db, { maxBatch: 10, maxDelayMs: 10_000 });
    const visit = makeVisit();
    queue.push({ op: 'visit', visit });
    const waits: Promise<void>[] = [];
    for (let i = 0; i < 99; i++) {
      queue.push({ op: 'event', event: makeTrackerEvent(visit) });
      waits.push(queue.flush());
    }
    await Promise.all(waits);
    expect(queue.pending()).toBe(0);
    // The first flush takes the 2 ops queued then; the drain goes on with the other 98 in tens.
    expect(spy).toHaveBeenCalledTimes(11);
    expect((await getVisit(db, visit.id))?.counts.tracker).toBe(99);
  });
});
