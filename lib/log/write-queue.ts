import type { LogEvent, PageVisit, SiteDay, Counts } from '../schema';
import { emptyCounts } from '../schema/events';
import { unwrap } from 'idb';
import { siteDayKey, type BeakerDatabase } from './database';

/** What a flush writes, in order, in one transaction. */
export type WriteOp =
  | { op: 'visit'; visit: PageVisit }
  | { op: 'event'; event: LogEvent }
  | { op: 'requests'; visitId: string; total: number; thirdParty: number }
  /** Events of a visit that were lost before they reached the log (completeness: `droppedEvents`). */
  | { op: 'dropped'; visitId: string; events: number };

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
  /** Events dropped by an overflow, per visit: one `dropped` op each rides with the next batch. */
  const lostByVisit = new Map<string, number>();

  const schedule = (ms: number) => {
    if (timer !== null) return;
    timer = setTimer(() => {
      timer = null;
      void flush();
    }, ms);
  };

  /**
   * One transaction over every store, one request per new event, whatever the batch size:
   *
   * 1. Every event is `add`ed straight away, with the reads the roll-ups need (the batch's visits,
   *    and the site-days of the visits it carries) in the same round trip. No per-event read: an
   *    event already on disk makes its `add` fail with a ConstraintError, which is cancelled (so
   *    the transaction goes on) and the event is not counted. The same event twice in one batch is
   *    added once.
   * 2. The site-days of visits that were only on disk (a visit begun in an earlier batch), if any.
   * 3. The roll-ups, computed in memory: each touched visit and site-day is put once per batch.
   *
   * Idempotent: an event or visit already on disk is never counted twice. Any other failure aborts
   * the whole transaction (nothing of the batch is written) and is thrown as it was raised.
   */
  async function writeBatch(batch: WriteOp[]): Promise<PageVisit[]> {
    const db = await getDb();
    const wrapped = db.transaction(['events', 'visits', 'siteDays'], 'readwrite');
    // idb's `done` rejects on any request 'error' that bubbles to the transaction, even a cancelled
    // one (a replayed event): completion is watched on the raw transaction below instead.
    wrapped.done.catch(() => undefined);
    const tx = unwrap(wrapped);
    const events = tx.objectStore('events');
    const visits = tx.objectStore('visits');
    const siteDays = tx.objectStore('siteDays');

    // The first error that was not a replayed event's: what the batch fails with.
    let failure: unknown = null;
    const addedBy = new Map<IDBRequest, string>();
    const replayed = new Set<string>();
    const isReplay = (request: IDBRequest) => request.error?.name === 'ConstraintError' && addedBy.has(request);
    tx.addEventListener('error', (e) => {
      const request = e.target as IDBRequest;
      if (isReplay(request)) {
        e.preventDefault();
        replayed.add(addedBy.get(request)!);
      } else {
        failure ??= request.error;
      }
    });
    const finished = new Promise<void>((resolve, reject) => {
      tx.addEventListener('complete', () => resolve());
      tx.addEventListener('abort', () => reject(failure ?? tx.error ?? new DOMException('AbortError', 'AbortError')));
    });
    finished.catch(() => undefined); // awaited below; a failure before that is thrown from where it happens
    // Settles with its request (a replayed add counts as done); never an unhandled rejection, as a
    // failed batch can stop before awaiting every read.
    const settled = (request: IDBRequest) => {
      const done = new Promise<void>((resolve, reject) => {
        request.addEventListener('success', () => resolve());
        request.addEventListener('error', () => (isReplay(request) ? resolve() : reject(failure ?? request.error)));
      });
      done.catch(() => undefined);
      return done;
    };
    const read = <T>(request: IDBRequest<T>): Promise<T> => {
      const result = settled(request).then(() => request.result);
      result.catch(() => undefined);
      return result;
    };

    try {
      const visitIds = new Set<string>();
      for (const item of batch) visitIds.add(item.op === 'visit' ? item.visit.id : item.op === 'event' ? item.event.visitId : item.visitId);
      const visitReads = [...visitIds].map((id) => read(visits.get(id) as IDBRequest<PageVisit | undefined>));
      const dayReads = new Map<string, Promise<SiteDay | undefined>>();
      const readDay = (key: string) => {
        if (!dayReads.has(key)) dayReads.set(key, read(siteDays.get(key) as IDBRequest<SiteDay | undefined>));
      };
      // A visit's site-day is known from its op: read it now rather than after the visit.
      for (const item of batch) if (item.op === 'visit') readDay(siteDayKey(item.visit.site, item.visit.day));

      const seen = new Set<string>();
      let lastAdd: IDBRequest | null = null;
      for (const item of batch) {
        if (item.op !== 'event' || seen.has(item.event.id)) continue;
        seen.add(item.event.id);
        lastAdd = events.add(item.event);
        addedBy.set(lastAdd, item.event.id);
      }
      // Requests complete in order: once the last add has, every add has (added, or cancelled as replayed).
      const [storedVisits] = await Promise.all([Promise.all(visitReads), lastAdd ? settled(lastAdd) : undefined]);

      const visitById = new Map<string, PageVisit>();
      for (const visit of storedVisits) if (visit) visitById.set(visit.id, visit);
      const existingVisits = new Set(visitById.keys());
      // New visits in this batch (not yet on disk) are known from their ops.
      for (const item of batch) if (item.op === 'visit' && !visitById.has(item.visit.id)) visitById.set(item.visit.id, structuredClone(item.visit));
      for (const visit of visitById.values()) readDay(siteDayKey(visit.site, visit.day));
      const dayByKey = new Map<string, SiteDay>();
      for (const day of await Promise.all(dayReads.values())) if (day) dayByKey.set(day.key, day);

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
      const count = (visit: PageVisit | undefined, name: keyof Counts, n: number) => {
        if (!visit || n === 0) return;
        visit.counts[name] += n;
        touchedVisits.add(visit);
        const day = dayFor(visit);
        day.counts[name] += n;
        touchedDays.add(day);
      };
      const counted = new Set<string>();
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
          if (replayed.has(item.event.id) || counted.has(item.event.id)) continue;
          counted.add(item.event.id);
          const name = countedAs(item.event);
          if (name) count(visitById.get(item.event.visitId), name, 1);
        } else if (item.op === 'dropped') {
          const visit = visitById.get(item.visitId);
          if (visit) {
            visit.droppedEvents = (visit.droppedEvents ?? 0) + item.events;
            touchedVisits.add(visit);
          }
        } else {
          const visit = visitById.get(item.visitId);
          count(visit, 'requests', item.total);
          count(visit, 'thirdPartyRequests', item.thirdParty);
        }
      }
      for (const visit of touchedVisits) visits.put(visit);
      for (const day of touchedDays) siteDays.put(day);
      await finished;
      return [...touchedVisits];
    } catch (error) {
      // Nothing of a failed batch may commit (a request thrown synchronously, e.g. an uncloneable
      // event, would otherwise leave the adds before it to auto-commit without their roll-ups).
      try {
        tx.abort();
      } catch {
        // already aborted
      }
      throw error;
    }
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      // Taken off the queue while in flight, so an overflow trim cannot shift it; put back on failure.
      const batch = queue.splice(0, maxBatch);
      for (const [visitId, events] of lostByVisit) batch.push({ op: 'dropped', visitId, events });
      lostByVisit.clear();
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

  // Every flush() asked for while a drain runs shares one follow-up (a push past maxBatch asks for
  // one each time): the drain already takes what is queued meanwhile.
  let followUp: Promise<void> | null = null;

  function flush(): Promise<void> {
    if (running) {
      followUp ??= running.then(() => {
        followUp = null;
        return queue.length > 0 ? flush() : undefined;
      });
      return followUp;
    }
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
        // The lost events are counted on their visits (ARCHITECTURE.md, "Export and import"),
        // written with the next batch.
        for (const o of queue.slice(0, dropped)) {
          if (o.op === 'event') lostByVisit.set(o.event.visitId, (lostByVisit.get(o.event.visitId) ?? 0) + 1);
          else if (o.op === 'dropped') lostByVisit.set(o.visitId, (lostByVisit.get(o.visitId) ?? 0) + o.events);
        }
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
