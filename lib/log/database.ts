import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { LogEvent, PageVisit, SiteDay } from '../schema';
import { emptyCounts } from '../schema/events';
import { chunkEvents, type ChunkKey, type EventChunk } from './event-chunks';
import type { OrgDay, SiteDayExtra } from './org-rollups';
import { forgetStoredIds } from './stored-ids';

export const DB_NAME = 'beaker';
/**
 * v1: `events` and `visits`.
 * v2: `siteDays` roll-ups (backfilled from visits) and `meta` (counters of dropped and failed work).
 * v3: schema 2 (lib/schema/common.ts): visits get `seenFromStart: false` (schema 1 did not record
 *     it) and `droppedEvents: 0`; every stored record's `schemaVersion` becomes 2.
 * v4: events move into `eventChunks` (lib/log/event-chunks.ts: the events of one visit written
 *     together, keyed `[visitId, first event id]`, one index `by-time`), and `events` (one record
 *     per event, indexes `by-visit` and `by-time`) is deleted. Records are unchanged.
 * v5: `orgDays` (per local day, every organization of it, keyed by the day) and `siteDayExtras` (per site-day: ads seen, and
 *     the checksum of the organizations' roll-up), lib/log/org-rollups.ts. No backfill in the
 *     upgrade: a day whose site-days have no matching extras is rebuilt from its events the first
 *     time a query reads it, one day per transaction (lib/log/rollup-repair.ts), so a worker killed
 *     half-way keeps the days already rebuilt and redoes the others; events are only read.
 */
export const DB_VERSION = 5;

export interface MetaRecord {
  key: string;
  value: number;
}

export interface BeakerDB extends DBSchema {
  eventChunks: {
    key: ChunkKey;
    value: EventChunk;
    indexes: { 'by-time': string };
  };
  visits: {
    key: string;
    value: PageVisit;
    indexes: { 'by-tab': [number, string]; 'by-time': string; 'by-site': [string, string] };
  };
  siteDays: {
    key: string;
    value: SiteDay;
    indexes: { 'by-day': string; 'by-site': [string, string] };
  };
  orgDays: {
    key: string;
    value: OrgDay;
  };
  siteDayExtras: {
    key: string;
    value: SiteDayExtra;
    indexes: { 'by-day': string; 'by-site': [string, string] };
  };
  meta: {
    key: string;
    value: MetaRecord;
  };
}

export type BeakerDatabase = IDBPDatabase<BeakerDB>;
type UpgradeTransaction = IDBPTransaction<BeakerDB, StoreNames<BeakerDB>[], 'versionchange'>;

/** Every store, so "delete all data" and retention cannot forget one (after Ghostery). */
export const ALL_STORES = ['eventChunks', 'visits', 'siteDays', 'orgDays', 'siteDayExtras', 'meta'] as const satisfies readonly StoreNames<BeakerDB>[];

export function siteDayKey(site: string, day: string): string {
  return `${site}|${day}`;
}

/** Upgrades run in strictly ascending steps, so a database of any earlier version reaches this one. */
export async function upgradeDatabase(db: IDBPDatabase<BeakerDB>, oldVersion: number, tx: UpgradeTransaction): Promise<void> {
  if (oldVersion < 1) {
    // `events` (one record per event) until v4, which moves its records into `eventChunks`.
    const events = (db as unknown as IDBPDatabase).createObjectStore('events', { keyPath: 'id' });
    events.createIndex('by-visit', 'visitId');
    events.createIndex('by-time', 'time');
    const visits = db.createObjectStore('visits', { keyPath: 'id' });
    visits.createIndex('by-tab', ['tabId', 'startedAt']);
    visits.createIndex('by-time', 'startedAt');
    visits.createIndex('by-site', ['site', 'startedAt']);
  }
  if (oldVersion < 2) {
    const siteDays = db.createObjectStore('siteDays', { keyPath: 'key' });
    siteDays.createIndex('by-day', 'day');
    siteDays.createIndex('by-site', ['site', 'day']);
    db.createObjectStore('meta', { keyPath: 'key' });
    // Backfill the roll-ups from the visits a v1 database already holds.
    const rollups = new Map<string, SiteDay>();
    for (let cursor = await tx.objectStore('visits').openCursor(); cursor; cursor = await cursor.continue()) {
      const visit = cursor.value;
      const key = siteDayKey(visit.site, visit.day);
      const day = rollups.get(key) ?? { key, site: visit.site, day: visit.day, visits: 0, counts: emptyCounts() };
      day.visits += 1;
      for (const name of Object.keys(day.counts) as (keyof SiteDay['counts'])[]) day.counts[name] += visit.counts[name] ?? 0;
      rollups.set(key, day);
    }
    for (const day of rollups.values()) await tx.objectStore('siteDays').put(day);
  }
  if (oldVersion < 3) {
    // Schema 1 → 2 in place, one cursor per store (ARCHITECTURE.md, "Export and import").
    for (let cursor = await tx.objectStore('visits').openCursor(); cursor; cursor = await cursor.continue()) {
      const old = cursor.value as Omit<PageVisit, 'schemaVersion' | 'seenFromStart' | 'droppedEvents'> & Partial<PageVisit>;
      await cursor.update({ ...old, schemaVersion: 2, seenFromStart: old.seenFromStart ?? false, droppedEvents: old.droppedEvents ?? 0 });
    }
    for (let cursor = await v3Events(tx).openCursor(); cursor; cursor = await cursor.continue()) {
      if ((cursor.value.schemaVersion as number) !== 2) await cursor.update({ ...cursor.value, schemaVersion: 2 });
    }
  }
  if (oldVersion < 4) await moveEventsIntoChunks(db, tx);
  if (oldVersion < 5) {
    db.createObjectStore('orgDays', { keyPath: 'day' });
    const extras = db.createObjectStore('siteDayExtras', { keyPath: 'key' });
    extras.createIndex('by-day', 'day');
    extras.createIndex('by-site', ['site', 'day']);
  }
}

/** The `events` store of versions 1–3 (one record per event), which the v4 step deletes. */
function v3Events(tx: UpgradeTransaction) {
  return (tx as unknown as IDBPTransaction<{ events: { key: string; value: LogEvent; indexes: { 'by-visit': string } } }, ['events'], 'versionchange'>).objectStore('events');
}

/** Events read per request by the v4 step. */
const UPGRADE_PAGE = 5000;

/**
 * v4: the events in pages of whole visits (`getAll` on `by-visit`: a request per page, not per
 * event), each page cut into chunks as the write queue would and added without waiting on each
 * (a failed add aborts the upgrade, and the database stays at v3). A page that ends inside a visit
 * leaves that visit to the next page; a visit larger than a page is read on its own.
 */
async function moveEventsIntoChunks(db: IDBPDatabase<BeakerDB>, tx: UpgradeTransaction): Promise<void> {
  db.createObjectStore('eventChunks', { keyPath: ['visitId', 'first'] }).createIndex('by-time', 'time');
  const chunks = tx.objectStore('eventChunks');
  const byVisit = v3Events(tx).index('by-visit');
  let after: IDBKeyRange | null = null;
  for (;;) {
    let page = await byVisit.getAll(after, UPGRADE_PAGE);
    if (page.length === 0) break;
    const lastVisit = page.at(-1)!.visitId;
    if (page.length === UPGRADE_PAGE) {
      page = page[0]!.visitId === lastVisit ? await byVisit.getAll(IDBKeyRange.only(lastVisit)) : page.filter((e) => e.visitId !== lastVisit);
    }
    for (const chunk of chunkEvents(page)) chunks.add(chunk).catch(() => undefined);
    after = IDBKeyRange.lowerBound(page.at(-1)!.visitId, true);
  }
  (db as unknown as IDBPDatabase).deleteObjectStore('events');
}

let opened: Promise<BeakerDatabase> | null = null;

/** The one place that opens the database: memoised, so every caller shares one connection. */
export function openDatabase(name = DB_NAME): Promise<BeakerDatabase> {
  if (name !== DB_NAME) return openBeakerDB(name);
  opened ??= openBeakerDB(name).catch((error: unknown) => {
    opened = null;
    throw error;
  });
  return opened;
}

function openBeakerDB(name: string): Promise<BeakerDatabase> {
  return openDB<BeakerDB>(name, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => upgradeDatabase(db, oldVersion, tx),
    blocking: (_current, _next, event) => {
      // Another context wants a newer version: let it, and reopen lazily next time.
      (event.target as IDBDatabase).close();
      opened = null;
    },
  });
}

/** Delete every record in every store ("delete all data"). */
export async function clearAll(db: BeakerDatabase): Promise<void> {
  const tx = db.transaction([...ALL_STORES], 'readwrite');
  await Promise.all([...ALL_STORES.map((s) => tx.objectStore(s).clear()), tx.done]);
  forgetStoredIds(db);
}
