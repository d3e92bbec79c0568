import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { BeakerDatabase } from '../../../lib/log/database';
import { CHUNK_SPAN_MS, MAX_CHUNK_EVENTS, chunkEvents } from '../../../lib/log/event-chunks';
import { exportCursor, type CursorFilters } from '../../../lib/log/export-cursor';
import { getVisitEvents } from '../../../lib/log/queries';
import { createWriteQueue } from '../../../lib/log/write-queue';
import type { LogEvent } from '../../../lib/schema';
import { freshDatabase } from '../import/fixture-log';
import { makeEngagementEvent, makeTrackerEvent, makeVisit } from './make-records';

const at = (ms: number) => new Date(Date.parse('2026-11-20T10:00:00.000Z') + ms).toISOString();
const ids = (events: readonly LogEvent[]) => events.map((e) => e.id);

describe('chunkEvents', () => {
  test('one chunk per visit, keyed by its earliest event, in order of first appearance', () => {
    const [a, b] = [makeVisit(), makeVisit()];
    const events = [makeTrackerEvent(a, { time: at(20) }), makeTrackerEvent(b, { time: at(5) }), makeTrackerEvent(a, { time: at(10) })];
    const chunks = chunkEvents(events);
    expect(chunks.map((c) => [c.visitId, c.first, c.time, ids(c.events)])).toEqual([
      [a.id, events[2]!.id, at(10), [events[2]!.id, events[0]!.id]],
      [b.id, events[1]!.id, at(5), [events[1]!.id]],
    ]);
  });

  test('a visit is cut where its events would span more than CHUNK_SPAN_MS, or pass MAX_CHUNK_EVENTS', () => {
    const visit = makeVisit();
    const late = [makeTrackerEvent(visit, { time: at(0) }), makeTrackerEvent(visit, { time: at(CHUNK_SPAN_MS) }), makeTrackerEvent(visit, { time: at(CHUNK_SPAN_MS + 1) })];
    expect(chunkEvents(late).map((c) => c.events.length)).toEqual([2, 1]);
    const many = Array.from({ length: MAX_CHUNK_EVENTS * 2 + 1 }, () => makeTrackerEvent(visit));
    expect(chunkEvents(many).map((c) => c.events.length)).toEqual([MAX_CHUNK_EVENTS, MAX_CHUNK_EVENTS, 1]);
  });

  test('nothing in, nothing out', () => {
    expect(chunkEvents([])).toEqual([]);
  });
});

describe('reading events back from chunks', () => {
  let db: BeakerDatabase;
  beforeEach(async () => {
    db = await freshDatabase();
  });
  afterEach(() => db.close());

  const ALL: CursorFilters = { from: null, to: null, sites: [], kinds: [] };
  async function exported(filters: CursorFilters, pageSize: number) {
    const pages: LogEvent[][] = [];
    for await (const page of exportCursor(db, { ...filters, kinds: ['tracker', 'engagement'] }, pageSize)) pages.push(page as LogEvent[]);
    return { pages, events: pages.flat() };
  }

  /** Two visits open at once, their events interleaved in time, written in many small batches. */
  async function interleaved(): Promise<LogEvent[]> {
    const queue = createWriteQueue(async () => db, { maxBatch: 7, maxDelayMs: 10_000 });
    const visits = [makeVisit(), makeVisit({ site: 'shop.example', url: 'https://shop.example/' })];
    for (const visit of visits) queue.push({ op: 'visit', visit });
    const events: LogEvent[] = [];
    for (let i = 0; i < 60; i++) {
      // Times go back and forth a little (a late request), and repeat (same millisecond).
      const visit = visits[i % 2]!;
      const time = at(Math.floor(i / 3) * 1000 - (i % 5 === 0 ? 2500 : 0));
      const event = i % 4 ? makeTrackerEvent(visit, { time }) : { ...makeEngagementEvent(visit), time };
      events.push(event);
      queue.push({ op: 'event', event });
    }
    await queue.flush();
    return events;
  }
  const byTimeThenId = (a: LogEvent, b: LogEvent) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : 1);

  test.each([1, 4, 500])('an export gives every event once, by time then id, across overlapping chunks (pages of %i)', async (pageSize) => {
    const events = await interleaved();
    expect(await db.count('eventChunks')).toBeGreaterThan(2);
    const { pages, events: out } = await exported(ALL, pageSize);
    expect(ids(out)).toEqual(ids([...events].sort(byTimeThenId)));
    expect(Math.max(...pages.map((p) => p.length))).toBeLessThanOrEqual(pageSize);
    expect(pages.every((p) => p.length > 0)).toBe(true);
  });

  test('a time filter finds events in a chunk that starts before `from`, and drops what is outside', async () => {
    const events = await interleaved();
    const from = at(5000);
    const to = at(12_000);
    const { events: out } = await exported({ ...ALL, from, to }, 3);
    const expected = events.filter((e) => e.time >= from && e.time < to).sort(byTimeThenId);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(out)).toEqual(ids(expected));
  });

  test("a visit's events come back in recorded order, and only that visit's", async () => {
    const events = await interleaved();
    const visitId = events[1]!.visitId;
    expect(ids(await getVisitEvents(db, visitId))).toEqual(ids(events.filter((e) => e.visitId === visitId)));
    expect(await getVisitEvents(db, 'no-such-visit')).toEqual([]);
  });
});
