import type { LogEvent } from '../schema';

/**
 * Events are stored in chunks (ARCHITECTURE.md, "The log"): one record holds the events of one
 * visit written together (one batch of the write queue, one import, one upgrade step). In
 * Chromium's IndexedDB a request costs about the same whatever it carries (measured: 200 puts of
 * one event each take 25–40 ms, one put of the same 200 events 2–5 ms), so one put per visit per
 * batch is what makes appends fast. Exports, queries and imports still see one record per event:
 * only this layout knows about chunks.
 */
export interface EventChunk {
  visitId: string;
  /**
   * The id of one of its events (the earliest when written): with `visitId`, the key, unique as a
   * visit's event ids are (a chunk rewritten without that event takes another's).
   */
  first: string;
  /**
   * The earliest `time` of its events in string order (the order IndexedDB compares keys in):
   * indexed (`by-time`), for exports by time and retention. No event of the chunk is more than
   * CHUNK_SPAN_MS from another, so a time filter can bound its index range.
   */
  time: string;
  events: LogEvent[];
}

export type ChunkKey = [visitId: string, first: string];

/**
 * Widest time span of one chunk's events. A batch spans about 250 ms, so this only cuts batches of
 * late or retried events, and the long visits an import or the v4 upgrade writes at once (an hour
 * of beacons: 6 chunks, not 60). What it costs: an export from a time reads chunks from this much
 * earlier, and holds at most this much of events back to merge them in order.
 */
export const CHUNK_SPAN_MS = 10 * 60_000;
/** Most events in one chunk: an export page (500 records) holds a whole one. */
export const MAX_CHUNK_EVENTS = 500;

/** Every chunk of a visit: keys are `[visitId, first]`, and `[]` sorts after any string. */
export function visitChunkRange(visitId: string): IDBKeyRange {
  return IDBKeyRange.bound([visitId], [visitId, []]);
}

const byTime = (a: LogEvent, b: LogEvent) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** String order, then id: the order of the former `by-time` index (time, then primary key). */
export function sortByTime(events: LogEvent[]): LogEvent[] {
  return events.sort(byTime);
}

/**
 * Cut events into chunks: by visit (in order of first appearance), each visit's events by time,
 * a new chunk when one would span more than CHUNK_SPAN_MS or hold more than MAX_CHUNK_EVENTS.
 * The caller has removed repeated and stored ids (a chunk's key is its first event's id).
 */
export function chunkEvents(events: readonly LogEvent[]): EventChunk[] {
  const byVisit = new Map<string, { event: LogEvent; ms: number }[]>();
  for (const event of events) {
    let list = byVisit.get(event.visitId);
    if (!list) byVisit.set(event.visitId, (list = []));
    list.push({ event, ms: Date.parse(event.time) });
  }
  const chunks: EventChunk[] = [];
  for (const [visitId, list] of byVisit) {
    // Numeric order for the span (string order can differ across ISO precisions).
    list.sort((a, b) => a.ms - b.ms || byTime(a.event, b.event));
    let start = 0;
    for (let i = 1; i <= list.length; i++) {
      if (i < list.length && i - start < MAX_CHUNK_EVENTS && !(list[i]!.ms - list[start]!.ms > CHUNK_SPAN_MS)) continue;
      const part = list.slice(start, i).map((x) => x.event);
      chunks.push({ visitId, first: part[0]!.id, time: earliestTime(part), events: part });
      start = i;
    }
  }
  return chunks;
}

export function earliestTime(events: readonly LogEvent[]): string {
  let min = events[0]!.time;
  for (const e of events) if (e.time < min) min = e.time;
  return min;
}

export function unpackChunks(chunks: readonly EventChunk[]): LogEvent[] {
  return chunks.flatMap((c) => c.events);
}
