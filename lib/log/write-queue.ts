import type { LogEvent, PageVisit, SiteDay, Counts } from '../schema';
import { emptyCounts } from '../schema/events';
import { siteDayKey, type BeakerDatabase } from './database';

/** What a flush writes, in order, in one transaction. */
export type WriteOp =
  | { op: 'visit'; visit: PageVisit }
  | { op: 'event'; event: LogEvent }
  | { op: 'requests'; visitId: string; total: number; thirdParty: number };

export interface WriteQueueOptions {
  /** A flush starts at most this long after the first queued op (issue #2: within 250 ms). */
  maxDelayMs?: number;
  /** …or as soon as this many ops are queued. */
  maxBatch?: number;
  /** Attempts per batch before it is reported as failed (it stays queued for the next flush). */
  maxAttempts?: number;
  /** Ops kept in memory while the database fails; beyond this the oldest are dropped and reported. */
  maxPending?: number;
  /** Told about every flushed batch: which visits changed. */
  onFlushed?: (visits: PageVisit[]) => void;
  /** Told about failures: a retry (`willRetry`), or ops dropped because the queue overflowed. */
  onError?: (error: unknown, info: { attempt: number; willRetry: boolean; dropped: number }) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

export interface WriteQueue {
  push(op: WriteOp): void;
  /** Write everything queued now; resolves when it is on disk (or has failed and been reported). */
  flush(): Promise<void>;
  pending(): number;
}

/** The roll-up count an event adds to (`null`: it is recorded but not counted). */
export function countedAs(event: LogEvent): keyof Counts | null {
  switch (event.kind) {
    case 'tracker':
      return event.targeting ? 'tracker' : null;
    case 'ad':
      return event.phase === 'rendered' ? 'ad' : null;
    case 'dark-pattern':
      return 'darkPattern';
    case 'engagement':
      return 'engagement';
  }
}

/**
 * Batched appends (never one transaction per event) with roll-ups updated in the same transaction,
 * so the log and its counts cannot disagree. A failed batch is retried with back-off and reported;
 * its ops stay queued in order, so nothing is silently lost.
 */
export function createWriteQueue(getDb: () => Promise<BeakerDatabase>, options: WriteQueueOptions = {}): WriteQueue {
  const maxDelayMs = options.maxDelayMs ?? 250;
  const maxBatch = options.maxBatch ?? 200;
  const maxAttempts = options.maxAttempts ?? 4;
  const maxPending = options.maxPending ?? 20_000;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  let queue: WriteOp[] = [];
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let inFlight = 0;

  const schedule = (ms: number) => {
    if (timer !== null) return;
    timer = setTimer(() => {
      timer = null;
      void flush();
    }, ms);
  };

  /**
   * One transaction, three round trips whatever the batch size: read what the batch touches (event
   * keys, visits), then the site-days of those visits, then write everything without waiting on each
   * request. Idempotent: an event or visit already on disk is skipped, so it is never counted twice.
   */
  async function writeBatch(batch: WriteOp[]): Promise<PageVisit[]> {
    const db = await getDb();
    const tx = db.transaction(['events', 'visits', 'siteDays'], 'readwrite');
    const events = tx.objectStore('events');
    const visits = tx.objectStore('visits');
    const siteDays = tx.objectStore('siteDays');

    const eventIds = batch.flatMap((item) => (item.op === 'event' ? [item.event.id] : []));
    const visitIds = new Set<string>();
    for (const item of batch) visitIds.add(item.op === 'visit' ? item.visit.id : item.op === 'event' ? item.event.visitId : item.visitId);
    const [eventKeys, storedVisits] = await Promise.all([
      Promise.all(eventIds.map((id) => events.getKey(id))),
      Promise.all([...visitIds].map((id) => visits.get(id))),
    ]);
    const existingEvents = new Set(eventIds.filter((_, i) => eventKeys[i] !== undefined));
    const visitById = new Map<string, PageVisit>();
    for (const visit of storedVisits) if (visit) visitById.set(visit.id, visit);
    const existingVisits = new Set(visitById.keys());
    // New visits in this batch (not yet on disk) are known from their ops.
    for (const item of batch) if (item.op === 'visit' && !visitById.has(item.visit.id)) visitById.set(item.visit.id, structuredClone(item.visit));

    const dayKeys = new Set([...visitById.values()].map((v) => siteDayKey(v.site, v.day)));
    const storedDays = await Promise.all([...dayKeys].map((key) => siteDays.get(key)));
    const dayByKey = new Map<string, SiteDay>();
    for (const day of storedDays) if (day) dayByKey.set(day.key, day);
    const dayFor = (visit: PageVisit): SiteDay => {
      const key = siteDayKey(visit.site, visit.day);
      let day = dayByKey.get(key);
      if (!day) {
        day = { key, site: visit.site, day: visit.day, visits: 0, counts: emptyCounts() };
        dayByKey.set(key, day);
      }
      return day;
    };

    const touchedVisits = new Set<PageVisit>();
    const touchedDays = new Set<SiteDay>();
    const writes: Promise<unknown>[] = [];
    const count = (visit: PageVisit | undefined, name: keyof Counts, n: number) => {
      if (!visit || n === 0) return;
      visit.counts[name] += n;
      touchedVisits.add(visit);
      const day = dayFor(visit);
      day.counts[name] += n;
      touchedDays.add(day);
    };
    const addedEvents = new Set<string>();
    for (const item of batch) {
      if (item.op === 'visit') {
        if (existingVisits.has(item.visit.id)) continue; // replayed: already written
        existingVisits.add(item.visit.id);
        const visit = visitById.get(item.visit.id)!;
        touchedVisits.add(visit);
        const day = dayFor(visit);
        day.visits += 1;
        touchedDays.add(day);
      } else if (item.op === 'event') {
        if (existingEvents.has(item.event.id) || addedEvents.has(item.event.id)) continue;
        addedEvents.add(item.event.id);
        writes.push(events.add(item.event));
        const name = countedAs(item.event);
        if (name) count(visitById.get(item.event.visitId), name, 1);
      } else {
        const visit = visitById.get(item.visitId);
        count(visit, 'requests', item.total);
        count(visit, 'thirdPartyRequests', item.thirdParty);
      }
    }
    for (const visit of touchedVisits) writes.push(visits.put(visit));
    for (const day of touchedDays) writes.push(siteDays.put(day));
    await Promise.all([...writes, tx.done]);
    return [...touchedVisits];
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      // Taken off the queue while in flight, so an overflow trim cannot shift it; put back on failure.
      const batch = queue.splice(0, maxBatch);
      inFlight = batch.length;
      let attempt = 0;
      for (;;) {
        attempt += 1;
        try {
          const visits = await writeBatch(batch);
          inFlight = 0;
          options.onFlushed?.(visits);
          break;
        } catch (error) {
          const willRetry = attempt < maxAttempts;
          options.onError?.(error, { attempt, willRetry, dropped: 0 });
          if (!willRetry) {
            // Keep the batch queued, in order; try again later.
            queue = batch.concat(queue);
            inFlight = 0;
            schedule(maxDelayMs * 8);
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
        }
      }
    }
  }

  function flush(): Promise<void> {
    if (running) return running.then(() => (queue.length > 0 ? flush() : undefined));
    running = drain().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    push(op) {
      queue.push(op);
      if (queue.length > maxPending) {
        const dropped = queue.length - maxPending;
        queue = queue.slice(dropped);
        options.onError?.(new Error(`write queue overflow: ${dropped} ops dropped`), { attempt: 0, willRetry: false, dropped });
      }
      if (queue.length >= maxBatch) void flush();
      else schedule(maxDelayMs);
    },
    flush,
    pending: () => queue.length + inFlight,
  };
}
