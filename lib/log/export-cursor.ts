import type { LogEvent, PageVisit } from '../schema';
import type { BeakerDatabase } from './database';
import { CHUNK_SPAN_MS, sortByTime, type EventChunk } from './event-chunks';

/**
 * The log read for an export, cursor by cursor (ARCHITECTURE.md, "Export and import"): pages of at
 * most `pageSize` records, each read in its own short transaction (an IndexedDB transaction ends
 * when its caller waits on anything else, like the port the page is sent on), resumed from the
 * last (index key, primary key) read. Never `getAll`: exporting 1M events holds one page.
 *
 * Visits come first (by `startedAt`, or by site then `startedAt` when sites are filtered), then
 * events (by `time`, then id), read chunk by chunk (lib/log/event-chunks.ts) through the chunks'
 * `by-time` index (each chunk's earliest event) and merged: an event is yielded once no unread
 * chunk can hold an earlier one. Filters as lib/export/filters.ts defines them: time `from` inclusive, `to`
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
type Source = { store: 'visits' | 'eventChunks'; index: 'by-time' | 'by-site'; range: (after: IDBValidKey | null) => IDBKeyRange | null };

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
  // A chunk's key is its earliest event: one holding an event at `from` starts at most CHUNK_SPAN_MS before.
  const chunkLower = filters.from === null ? null : iso(Date.parse(filters.from) - CHUNK_SPAN_MS - 1000);
  if (all || [...kinds].some((k) => k !== 'visit')) sources.push({ store: 'eventChunks', index: 'by-time', range: (after) => timeRange(chunkLower, upper, after) });
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

/** What one stored value gives an export: the records kept, and how many were looked at. */
type Expand = (value: unknown) => { records: CursorRecord[]; scanned: number };

async function readPage(
  db: BeakerDatabase,
  source: Source,
  after: Position | null,
  pageSize: number,
  expand: Expand,
): Promise<{ records: CursorRecord[]; last: Position | null; next: IDBValidKey | null }> {
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
    const expanded = expand(cursor.value);
    records.push(...expanded.records);
    scanned += expanded.scanned;
    last = { key: cursor.key, primaryKey: cursor.primaryKey };
    cursor = await cursor.continue();
  }
  const next = cursor ? cursor.key : null;
  await tx.done;
  return { records, last: cursor ? last : null, next };
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
    if (source.store === 'eventChunks') {
      yield* eventPages(db, source, pageSize, keep);
      continue;
    }
    const expand: Expand = (value) => {
      const record = { kind: 'visit', ...(value as PageVisit) } as CursorRecord;
      return { records: keep(record) ? [record] : [], scanned: 1 };
    };
    let after: Position | null = null;
    for (;;) {
      const page = await readPage(db, source, after, pageSize, expand);
      if (page.records.length > 0) yield page.records;
      if (page.last === null) break;
      after = page.last;
    }
  }
}

/**
 * Events in `by-time` order of the former one-record-per-event store (time, then id). Every unread
 * chunk starts at the index key after the last one read or later, and holds no event before its
 * start: the events read that are earlier are final; the rest wait for the next page.
 */
async function* eventPages(db: BeakerDatabase, source: Source, pageSize: number, keep: (r: CursorRecord) => boolean): AsyncGenerator<CursorRecord[]> {
  const expand: Expand = (value) => {
    const { events } = value as EventChunk;
    return { records: events.filter(keep), scanned: events.length };
  };
  const held: LogEvent[] = [];
  let after: Position | null = null;
  for (;;) {
    const page = await readPage(db, source, after, pageSize, expand);
    held.push(...(page.records as LogEvent[]));
    sortByTime(held);
    let ready = held.length;
    if (page.next !== null) {
      const next = page.next as string;
      ready = held.findIndex((e) => e.time >= next);
      if (ready < 0) ready = held.length;
    }
    for (let i = 0; i < ready; i += pageSize) yield held.slice(i, Math.min(i + pageSize, ready));
    held.splice(0, ready);
    if (page.last === null) break;
    after = page.last;
  }
}
