import { describe, expect, test } from 'vitest';
import { openDB } from 'idb';
import { DB_VERSION, openDatabase } from '../../../lib/log/database';
import { weekTotals } from '../../../lib/log/queries';
import { SCHEMA_VERSION, logEvent, pageVisit } from '../../../lib/schema';
import { makeTrackerEvent, makeVisit } from './make-records';
import { storedEvents } from './stored-events';
import { createLegacyStores } from './legacy-stores';

/** A database as version 2 of lib/log/database.ts left it, holding schema-1 records. */
async function makeV2Database(name: string) {
  const v1Visit = (day: string) => {
    const { seenFromStart: _s, droppedEvents: _d, ...visit } = makeVisit({ startedAt: `${day}T10:00:00.000Z`, day });
    return { ...visit, schemaVersion: 1, counts: { ...visit.counts, tracker: 1, requests: 4 } };
  };
  const visits = [v1Visit('2026-11-19'), v1Visit('2026-11-20')];
  const events = visits.map((v) => ({ ...makeTrackerEvent({ ...v, schemaVersion: SCHEMA_VERSION, seenFromStart: true, droppedEvents: 0 }), schemaVersion: 1 }));
  const db = await openDB(name, 2, { upgrade: (db) => createLegacyStores(db, 2) });
  for (const v of visits) await db.put('visits', v);
  for (const e of events) await db.put('events', e);
  for (const v of visits) await db.put('siteDays', { key: `${v.site}|${v.day}`, site: v.site, day: v.day, visits: 1, counts: v.counts });
  await db.put('meta', { key: 'dropped.malformed', value: 3 });
  db.close();
  return { visits, events };
}

describe('database upgrade', () => {
  test(`a v2 database (schema 1 records) upgrades to v${DB_VERSION}: every record parses as schema ${SCHEMA_VERSION}, nothing lost`, async () => {
    expect(DB_VERSION).toBe(5);
    const name = 'beaker-upgrade-v2';
    const before = await makeV2Database(name);
    const db = await openDatabase(name);
    expect(db.version).toBe(DB_VERSION);
    const visits = await db.getAll('visits');
    expect(visits).toHaveLength(2);
    for (const visit of visits) {
      expect(pageVisit.safeParse(visit).success, JSON.stringify(visit)).toBe(true);
      const old = before.visits.find((v) => v.id === visit.id)!;
      // Schema 1 did not record completeness: not known to be seen from its start.
      expect(visit).toEqual({ ...old, schemaVersion: 2, seenFromStart: false, droppedEvents: 0 });
    }
    const events = await storedEvents(db);
    expect(events).toHaveLength(2);
    for (const event of events) {
      expect(logEvent.safeParse(event).success, JSON.stringify(event)).toBe(true);
      expect(event).toEqual({ ...before.events.find((e) => e.id === event.id)!, schemaVersion: 2 });
    }
    expect((await weekTotals(db, '2026-11-20')).visits).toBe(2);
    expect(await db.get('meta', 'dropped.malformed')).toEqual({ key: 'dropped.malformed', value: 3 });
    db.close();
  });

  test('a v1 database goes through every step (roll-ups backfilled, then schema 2)', async () => {
    const name = 'beaker-upgrade-v1';
    const { seenFromStart: _s, droppedEvents: _d, ...visit } = makeVisit();
    const raw = await openDB(name, 1, { upgrade: (db) => createLegacyStores(db, 1) });
    await raw.put('visits', { ...visit, schemaVersion: 1 });
    raw.close();
    const db = await openDatabase(name);
    const stored = await db.get('visits', visit.id);
    expect(pageVisit.safeParse(stored).success).toBe(true);
    expect(stored).toMatchObject({ seenFromStart: false, droppedEvents: 0, schemaVersion: 2 });
    expect((await weekTotals(db, '2026-11-20')).visits).toBe(1);
    db.close();
  });
});
