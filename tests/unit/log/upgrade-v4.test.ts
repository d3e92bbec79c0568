import { describe, expect, test } from 'vitest';
import { openDB } from 'idb';
import { DB_VERSION, openDatabase, type BeakerDatabase } from '../../../lib/log/database';
import { CHUNK_SPAN_MS, MAX_CHUNK_EVENTS } from '../../../lib/log/event-chunks';
import { exportCursor } from '../../../lib/log/export-cursor';
import { getVisit, getVisitEvents, weekTotals } from '../../../lib/log/queries';
import { createWriteQueue } from '../../../lib/log/write-queue';
import type { LogEvent, PageVisit } from '../../../lib/schema';
import { makeEngagementEvent, makeTrackerEvent, makeVisit } from './make-records';
import { storedEvents } from './stored-events';
import { createLegacyStores } from './legacy-stores';

const at = (ms: number) => new Date(Date.parse('2026-11-20T10:00:00.000Z') + ms).toISOString();

/** The stores and indexes of v3. */
function openV3(name: string) {
  return openDB(name, 3, { upgrade: (db) => createLegacyStores(db, 3) });
}

/**
 * A database exactly as v3 of lib/log/database.ts left it: one record per event in `events`
 * (indexes `by-visit`, `by-time`), schema-2 records. Visit `long` has 1,210 events: 600 at 100 ms
 * apart (more than one chunk holds), then 600 more two chunk spans later, then 10 four spans later;
 * `short` has 3; and 2 events belong to a visit that is not stored (an export filtered it out).
 */
async function makeV3Database(name: string) {
  const long = makeVisit({ counts: { tracker: 1210, ad: 0, darkPattern: 0, engagement: 0, requests: 1300, thirdPartyRequests: 1250 } });
  const short = makeVisit({ site: 'shop.example', url: 'https://shop.example/', counts: { tracker: 2, ad: 0, darkPattern: 0, engagement: 1, requests: 5, thirdPartyRequests: 2 } });
  const orphan = makeVisit();
  const events: LogEvent[] = [];
  for (let i = 0; i < 600; i++) events.push(makeTrackerEvent(long, { time: at(i * 100) }));
  for (let i = 0; i < 600; i++) events.push(makeTrackerEvent(long, { time: at(2 * CHUNK_SPAN_MS + i * 100) }));
  for (let i = 0; i < 10; i++) events.push(makeTrackerEvent(long, { time: at(4 * CHUNK_SPAN_MS + i) }));
  events.push(makeTrackerEvent(short, { time: at(50) }), makeTrackerEvent(short, { time: at(50) }), makeEngagementEvent(short));
  events.push(makeTrackerEvent(orphan, { time: at(7) }), makeTrackerEvent(orphan, { time: at(8) }));
  const visits = [long, short];
  const raw = await openV3(name);
  const tx = raw.transaction(['events', 'visits', 'siteDays'], 'readwrite');
  for (const v of visits) void tx.objectStore('visits').put(v);
  for (const v of visits) void tx.objectStore('siteDays').put({ key: `${v.site}|${v.day}`, site: v.site, day: v.day, visits: 1, counts: v.counts });
  for (const e of events) void tx.objectStore('events').put(e);
  await tx.done;
  raw.close();
  return { visits, events, long, short, orphan };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byTimeThenId = (a: LogEvent, b: LogEvent) => (a.time < b.time ? -1 : a.time > b.time ? 1 : byId(a, b));

async function exportedEvents(db: BeakerDatabase, filters: { from: string | null; to: string | null } = { from: null, to: null }) {
  const out: LogEvent[] = [];
  for await (const page of exportCursor(db, { ...filters, sites: [], kinds: ['tracker', 'engagement'] }, 100)) out.push(...(page as LogEvent[]));
  return out;
}

describe('database upgrade v3 → v4 (events into chunks)', () => {
  test('every event is kept, field for field, in chunks of one visit each; `events` is gone', async () => {
    const name = 'beaker-upgrade-v3-chunks';
    const before = await makeV3Database(name);
    const db = await openDatabase(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['eventChunks', 'meta', 'orgDays', 'siteDayExtras', 'siteDays', 'visits']);
    expect(await storedEvents(db)).toEqual([...before.events].sort(byId));

    const chunks = await db.getAll('eventChunks');
    for (const chunk of chunks) {
      expect(chunk.events.length).toBeGreaterThan(0);
      expect(chunk.events.length).toBeLessThanOrEqual(MAX_CHUNK_EVENTS);
      expect(chunk.events.every((e) => e.visitId === chunk.visitId)).toBe(true);
      expect(chunk.events.map((e) => e.id)).toContain(chunk.first);
      expect(chunk.time).toBe(chunk.events.map((e) => e.time).sort()[0]);
      const ms = chunk.events.map((e) => Date.parse(e.time));
      expect(Math.max(...ms) - Math.min(...ms)).toBeLessThanOrEqual(CHUNK_SPAN_MS);
    }
    // 1,210 events in three bursts: at least 4 chunks (500 at most each, no chunk across a burst), not 1,210 records.
    const longChunks = chunks.filter((c) => c.visitId === before.long.id);
    expect(longChunks.length).toBeGreaterThanOrEqual(4);
    expect(longChunks.length).toBeLessThanOrEqual(6);
    expect(chunks.filter((c) => c.visitId === before.orphan.id).flatMap((c) => c.events)).toHaveLength(2);

    // Readers see what they saw: a visit's events in order, visits and roll-ups untouched, exports by time.
    expect((await getVisitEvents(db, before.short.id)).map((e) => e.id)).toEqual(before.events.filter((e) => e.visitId === before.short.id).map((e) => e.id));
    expect(await getVisitEvents(db, before.long.id)).toHaveLength(1210);
    for (const v of before.visits) expect(await getVisit(db, v.id)).toEqual(v);
    expect(await weekTotals(db, '2026-11-20')).toMatchObject({ visits: 2, counts: { tracker: 1212, engagement: 1 } });
    expect(await exportedEvents(db)).toEqual([...before.events].sort(byTimeThenId));
    db.close();
  });

  test('after the upgrade, a replayed event is not counted again, a new one is', async () => {
    const name = 'beaker-upgrade-v3-replay';
    const before = await makeV3Database(name);
    const db = await openDatabase(name);
    const queue = createWriteQueue(async () => db);
    const replayed = before.events.find((e) => e.visitId === before.short.id)!;
    const fresh = makeTrackerEvent(before.short as PageVisit);
    queue.push({ op: 'event', event: replayed });
    queue.push({ op: 'event', event: fresh });
    await queue.flush();
    expect((await getVisit(db, before.short.id))?.counts.tracker).toBe(3);
    expect(await storedEvents(db)).toHaveLength(before.events.length + 1);
    db.close();
  });

  test('a log larger than one upgrade page (5,000 events): visits across a page end, and one larger than a page, are whole', async () => {
    const name = 'beaker-upgrade-v3-pages';
    // Visit ids sort a < b < c in the `by-visit` index: pages are [a 3,000 + b 2,000 …], [b …], [c].
    const [a, b, c] = ['a', 'b', 'c'].map((id) => makeVisit({ id: `pages:${id}` }));
    const events: LogEvent[] = [];
    for (const [visit, count] of [[a, 3000], [b, 6000], [c, 1500]] as const) {
      for (let i = 0; i < count; i++) events.push(makeTrackerEvent(visit!, { time: at(i * 10) }));
    }
    const raw = await openV3(name);
    const tx = raw.transaction('events', 'readwrite');
    for (const e of events) void tx.store.put(e);
    await tx.done;
    raw.close();
    const db = await openDatabase(name);
    const stored = await storedEvents(db);
    expect(stored).toHaveLength(events.length);
    expect(stored).toEqual([...events].sort(byId));
    for (const [visit, count] of [[a, 3000], [b, 6000], [c, 1500]] as const) expect(await getVisitEvents(db, visit!.id)).toHaveLength(count);
    db.close();
  }, 30_000);

  test('an empty v3 database upgrades to an empty chunk store', async () => {
    const name = 'beaker-upgrade-v3-empty';
    (await openV3(name)).close();
    const db = await openDatabase(name);
    expect(await db.count('eventChunks')).toBe(0);
    expect(db.objectStoreNames.contains('events' as never)).toBe(false);
    db.close();
  });
});
