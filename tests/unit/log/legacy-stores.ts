import type { IDBPDatabase } from 'idb';

/**
 * The stores and indexes of databases before v4 (lib/log/database.ts's version comment): v1 has
 * `events` (one record per event) and `visits`; v2 and v3 add `siteDays` and `meta`. For upgrade tests.
 */
export function createLegacyStores(db: IDBPDatabase, version: 1 | 2 | 3): void {
  const events = db.createObjectStore('events', { keyPath: 'id' });
  events.createIndex('by-visit', 'visitId');
  events.createIndex('by-time', 'time');
  const visits = db.createObjectStore('visits', { keyPath: 'id' });
  visits.createIndex('by-tab', ['tabId', 'startedAt']);
  visits.createIndex('by-time', 'startedAt');
  visits.createIndex('by-site', ['site', 'startedAt']);
  if (version === 1) return;
  const siteDays = db.createObjectStore('siteDays', { keyPath: 'key' });
  siteDays.createIndex('by-day', 'day');
  siteDays.createIndex('by-site', ['site', 'day']);
  db.createObjectStore('meta', { keyPath: 'key' });
}
