import type { LogEvent, PageVisit } from '../schema';
import type { BeakerDatabase, BeakerDB } from './database';

/**
 * The log read for an export, cursor by cursor (ARCHITECTURE.md, "Export and import"): pages of at
 * most `pageSize` records, each read in its own short transaction (an IndexedDB transaction ends
 * when its caller waits on anything else, like the port the page is sent on), resumed from the
 * last (index key, primary key) read. Never `getAll`: exporting 1M events holds one page.
 *
 * Visits come first (by `startedAt`, or by site then `startedAt` when sites are filtered), then
 * events (by `time`). Filters as lib/export/filters.ts defines them: time `from` inclusive, `to`
 * exclusive (a visit's `startedAt`, an event's `time`), sites exact, kinds; empty means all.
 */
export interface CursorFilters {
  from: string | null;
  to: string | null;
  sites: readonly string[];
  kinds: readonly string[];
}

/** The export record shape (lib/export/records.ts): visits with `kind: "visit"`, events as stored. */
export type CursorRecord = ({ kind: 'visit' } & PageVisit) | LogEvent;

type Position = { key: IDBValidKey; primaryKey: IDBValidKey };
type Source = { store: 'visits' | 'events'; index: 'by-time' | 'by-site'; range: (after: IDBValidKey | null) => IDBKeyRange | null };

const iso = (ms: number) => new Date(ms).toISOString();

function timeRange(lower: IDBValidKey | null, upper: IDBValidKey | null, after: IDBValidKey | null): IDBKeyRange | null {
  const from = after ?? lower;
  if (from !== null && upper !== null) return IDBKeyRange.bound(from, upper);
  if (from !== null) return IDBKeyRange.lowerBound(from);
  if (upper !== null) return IDBKeyRange.upperBound(upper);
  return null;
}

function sourcesOf(filters: CursorFilters): Source[] {
  const kinds = new Set(filters.kinds);
  const all = kinds.size === 0;
  // Times compare as strings in the index: bounds are normalised, and widened by a second for
  // records stored with another ISO precision; the exact test is `keep` below.
  const lower = filters.from === null ? null : iso(Date.parse(filters.from) - 1000);
  const upper = filters.to === null ? null : iso(Date.parse(filters.to) + 1000);
  const sources: Source[] = [];
  if (all || kinds.has('visit')) {
    if (filters.sites.length === 0) sources.push({ store: 'visits', index: 'by-time', range: (after) => timeRange(lower, upper, after) });
    else {
      for (const site of [...new Set(filters.sites.map((s) => s.toLowerCase()))].sort()) {
        sources.push({
          store: 'visits',
          index: 'by-site',
          range: (after) => IDBKeyRange.bound(after ?? [site, lower ?? ''], [site, upper ?? '\uffff']),
        });
      }
    }
  }
  if (all || [...kinds].some((k) => k !== 'visit')) sources.push({ store: 'events', index: 'by-time', range: (after) => timeRange(lower, upper, after) });
  return sources;
}

function keepOf(filters: CursorFilters): (record: CursorRecord) => boolean {
  const from = filters.from === null ? -Infinity : Date.parse(filters.from);
  const to = filters.to === null ? Infinity : Date.parse(filters.to);
  const sites = filters.sites.length > 0 ? new Set(filters.sites.map((s) => s.toLowerCase())) : null;
  const kinds = filters.kinds.length > 0 ? new Set(filters.kinds) : null;
  return (record) => {
    if (kinds !== null && !kinds.has(record.kind)) return false;
    if (sites !== null && !sites.has(record.site.toLowerCase())) return false;
    const t = Date.parse(record.kind === 'visit' ? record.startedAt : record.time);
    return t >= from && t < to;
  };
}

async function readPage(
  db: BeakerDatabase,
  source: Source,
  after: Position | null,
  pageSize: number,
  keep: (r: CursorRecord) => boolean,
): Promise<{ records: CursorRecord[]; last: Position | null }> {
  const tx = db.transaction(source.store, 'readonly');
  const index = (tx.store as unknown as { index(name: string): { openCursor(range: IDBKeyRange | null): Promise<Cursor | null> } }).index(source.index);
  let cursor = await index.openCursor(source.range(after?.key ?? null));
  // Resume strictly after the last record read: same index key, primary keys up to it are done.
  while (cursor && after && indexedDB.cmp(cursor.key, after.key) === 0 && indexedDB.cmp(cursor.primaryKey, after.primaryKey) <= 0) {
    cursor =
      indexedDB.cmp(cursor.primaryKey, after.primaryKey) < 0 ? await cursor.continuePrimaryKey(after.key, after.primaryKey) : await cursor.continue();
  }
  const records: CursorRecord[] = [];
  let last: Position | null = null;
  let scanned = 0;
  // A page ends after `pageSize` kept records, or after 8 pages' worth scanned (sparse filters).
  while (cursor && records.length < pageSize && scanned < pageSize * 8) {
    const value = cursor.value as BeakerDB['visits']['value'] | BeakerDB['events']['value'];
    const record = source.store === 'visits' ? ({ kind: 'visit', ...(value as PageVisit) } as CursorRecord) : (value as LogEvent);
    if (keep(record)) records.push(record);
    last = { key: cursor.key, primaryKey: cursor.primaryKey };
    scanned += 1;
    cursor = await cursor.continue();
  }
  await tx.done;
  return { records, last: cursor ? last : null };
}

interface Cursor {
  key: IDBValidKey;
  primaryKey: IDBValidKey;
  value: unknown;
  continue(): Promise<Cursor | null>;
  continuePrimaryKey(key: IDBValidKey, primaryKey: IDBValidKey): Promise<Cursor | null>;
}

/** Pages of export records; an empty page is never yielded. */
export async function* exportCursor(db: BeakerDatabase, filters: CursorFilters, pageSize = 500): AsyncGenerator<CursorRecord[]> {
  const keep = keepOf(filters);
  for (const source of sourcesOf(filters)) {
    let after: Position | null = null;
    for (;;) {
      const page = await readPage(db, source, after, pageSize, keep);
      if (page.records.length > 0) yield page.records;
      if (page.last === null) break;
      after = page.last;
    }
  }
}
