import type { WriteOp, WriteQueue } from '../log/write-queue';
import { logEvent } from '../schema/events';
import { pageVisit } from '../schema/visit';

/**
 * A write-ahead copy of what the write queue holds (issue #10, item 4): the write queue keeps ops in
 * memory up to 250 ms before its transaction, and an MV3 worker can be stopped at any moment. Every
 * visit and event op is also kept in `storage.session` (survives a worker restart, not the browser)
 * until the batch that wrote it has committed; a restarted worker replays what is left. Replay is
 * safe to repeat: a visit already in the log keeps its stored record, an event already stored is
 * skipped by id (lib/log/stored-ids.ts). Counter ops (`requests`, `dropped`) are not copied, since
 * replaying a counter that was written would count it twice.
 */
export const WRITE_AHEAD_KEY = 'beakerWriteAhead';
/** Ops copied at most; beyond, the oldest are only in memory (a flood must not fill the session area). */
const MAX_COPIED = 5000;

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface WriteAhead {
  /** The queue, with every visit and event op copied before it is queued. */
  wrap(queue: WriteQueue): WriteQueue;
  /** Give as the queue's `onWritten`: the batch's ops are on disk, their copies go. */
  written(batch: readonly WriteOp[]): void;
  /** What a previous worker left: valid visit and event ops, in order (malformed entries are dropped and counted). */
  recover(): Promise<{ ops: WriteOp[]; malformed: number }>;
  /** Resolves when the copy on storage is up to date (tests). */
  settled(): Promise<void>;
}

const copied = (op: WriteOp) => op.op === 'visit' || op.op === 'event';

export function createWriteAhead(area: SessionArea): WriteAhead {
  const pending = new Set<WriteOp>();
  let scheduled = false;
  let writing: Promise<void> = Promise.resolve();
  const persist = () => {
    if (scheduled) return;
    scheduled = true;
    // Coalesced: every op pushed in this task is written in one `set`.
    writing = writing.then(async () => {
      await Promise.resolve();
      scheduled = false;
      const ops = [...pending].slice(-MAX_COPIED);
      try {
        await area.set({ [WRITE_AHEAD_KEY]: ops });
      } catch (error) {
        console.error('[beaker] write-ahead copy failed', error);
      }
    });
  };
  return {
    wrap(queue) {
      return {
        push(op) {
          if (copied(op)) {
            pending.add(op);
            // Ops the queue dropped (a database failing for long) are never written: keep the newest.
            if (pending.size > 2 * MAX_COPIED) pending.delete(pending.values().next().value!);
            persist();
          }
          queue.push(op);
        },
        flush: () => queue.flush(),
        pending: () => queue.pending(),
      };
    },
    written(batch) {
      let removed = false;
      for (const op of batch) removed = pending.delete(op) || removed;
      if (removed) persist();
    },
    async recover() {
      let raw: unknown;
      try {
        raw = (await area.get(WRITE_AHEAD_KEY))[WRITE_AHEAD_KEY];
      } catch {
        return { ops: [], malformed: 0 };
      }
      if (!Array.isArray(raw)) return { ops: [], malformed: 0 };
      const ops: WriteOp[] = [];
      let malformed = 0;
      for (const item of raw) {
        const op = (item as { op?: unknown } | null)?.op;
        const visit = op === 'visit' ? pageVisit.safeParse((item as { visit?: unknown }).visit) : null;
        const event = op === 'event' ? logEvent.safeParse((item as { event?: unknown }).event) : null;
        if (visit?.success) ops.push({ op: 'visit', visit: visit.data });
        else if (event?.success) ops.push({ op: 'event', event: event.data });
        else malformed += 1;
      }
      return { ops, malformed };
    },
    settled: async () => {
      await writing;
      await writing;
    },
  };
}
