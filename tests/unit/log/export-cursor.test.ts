import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { BeakerDatabase } from '../../../lib/log/database';
import { exportCursor, type CursorFilters } from '../../../lib/log/export-cursor';
import { createWriteQueue } from '../../../lib/log/write-queue';
import { buildLog, freshDatabase } from '../import/fixture-log';
import { makeTrackerEvent, makeVisit } from './make-records';

let db: BeakerDatabase;
beforeEach(async () => {
  db = await freshDatabase();
});
afterEach(() => db.close());

const ALL: CursorFilters = { from: null, to: null, sites: [], kinds: [] };

async function read(filters: CursorFilters, pageSize = 3) {
  const pages: { kind: string; id: string; site: string }[][] = [];
  for await (const page of exportCursor(db, filters, pageSize)) pages.push(page.map((r) => ({ kind: r.kind, id: r.id, site: r.site })));
  return { pages, records: pages.flat() };
}

describe('export cursor', () => {
  test('every record once, visits first then events by time, in pages, never getAll', async () => {
    const { visits, events } = await buildLog(db);
    const getAll = vi.spyOn(db, 'getAll');
    const { pages, records } = await read(ALL);
    expect(getAll).not.toHaveBeenCalled();
    expect(records.map((r) => r.id).sort()).toEqual([...visits, ...events].map((r) => r.id).sort());
    expect(records.slice(0, 3).map((r) => r.kind)).toEqual(['visit', 'visit', 'visit']);
    expect(Math.max(...pages.map((p) => p.length))).toBe(3);
  });

  test('many records with the same time: paging resumes after the last primary key, none lost or repeated', async () => {
    const queue = createWriteQueue(async () => db, { maxDelayMs: 10_000 });
    const visit = makeVisit();
    queue.push({ op: 'visit', visit });
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const event = makeTrackerEvent(visit); // all at the visit's start time
      ids.push(event.id);
      queue.push({ op: 'event', event });
    }
    await queue.flush();
    const { records } = await read({ ...ALL, kinds: ['tracker'] }, 7);
    expect(records.map((r) => r.id).sort()).toEqual(ids.sort());
  });

  test('filters: date range (from inclusive, to exclusive), sites, kinds', async () => {
    await buildLog(db);
    const day20 = await read({ ...ALL, from: '2026-11-20T00:00:00Z', to: '2026-11-20T11:00:00.000Z' });
    // Only the news.example visit of the 20th (10:00) and its events: the shop visit starts at 11:00.
    expect(new Set(day20.records.map((r) => r.site))).toEqual(new Set(['news.example']));
    expect(day20.records.filter((r) => r.kind === 'visit')).toHaveLength(1);
    expect(day20.records).toHaveLength(6);

    const shop = await read({ ...ALL, sites: ['SHOP.example'] });
    expect(shop.records).toHaveLength(6);
    expect(shop.records.every((r) => r.site === 'shop.example')).toBe(true);

    const kinds = await read({ ...ALL, kinds: ['visit', 'ad'] });
    expect(kinds.records.map((r) => r.kind).sort()).toEqual(['ad', 'ad', 'ad', 'visit', 'visit', 'visit']);

    expect((await read({ ...ALL, kinds: ['engagement'], sites: ['nowhere.example'] })).records).toEqual([]);
  });
});
