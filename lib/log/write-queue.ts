import type { PageVisit } from '../schema';
import type { BeakerDatabase } from './database';
import { writeBatch, type WriteOp } from './write-batch';

export { countedAs, type WriteOp } from './write-batch';

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
  /** Told, after its transaction committed, which ops a batch wrote (the write-ahead copy forgets them). */
  onWritten?: (batch: readonly WriteOp[]) => void;
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
          const visits = await writeBatch(await getDb(), batch);
          inFlight = 0;
          options.onWritten?.(batch);
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
