import type { WriteOp, WriteQueue } from '../log/write-queue';
import type { RequestDetails } from './recorder';
import { logEvent } from '../schema/events';
import { pageVisit } from '../schema/visit';
import { upgradeRecord } from '../schema/upgrade';

/**
 * A write-ahead copy of what the write queue holds (issue #10, item 4): the write queue keeps ops in
 * memory up to 250 ms before its transaction, and an MV3 worker can be stopped at any moment. Every
 * visit and event op is also kept in `storage.session` (survives a worker restart, not the browser)
 * until the batch that wrote it has committed; a restarted worker replays what is left. Replay is
 * safe to repeat: a visit already in the log keeps its stored record, an event already stored is
 * skipped by id (lib/log/stored-ids.ts). Counter ops (`requests`, `dropped`) are not copied, since
 * replaying a counter that was written would count it twice.
 *
 * Requests are copied too, from the moment the browser reports them until the recorder has handled
 * them (they wait 100 ms in the settle queue, lib/background/browser-events.ts): the recorder's
 * event op and the removal of the request's copy happen in one task, so one `set` writes both and a
 * replayed request cannot be recorded twice. The previous worker's copy is read when this one is
 * created, before anything new is written over it.
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
  /** A request the browser reported: copied until `requestDone` with the returned token. */
  noteRequest(details: RequestDetails): object;
  requestDone(token: object): void;
  /**
   * What a previous worker left: valid visit and event ops and requests not yet handled, in order
   * (malformed entries are dropped and counted). The requests are copied again (`tokens`) until handled.
   */
  recover(): Promise<{ ops: WriteOp[]; requests: { details: RequestDetails; token: object }[]; malformed: number }>;
  /** Resolves when the copy on storage is up to date (tests). */
  settled(): Promise<void>;
}

const copied = (op: WriteOp) => op.op === 'visit' || op.op === 'event';

type Entry = WriteOp | { op: 'request'; details: RequestDetails };

function readRequest(raw: unknown): RequestDetails | null {
  const d = raw as Partial<Record<keyof RequestDetails, unknown>> | null;
  if (typeof d !== 'object' || d === null) return null;
  if (typeof d.url !== 'string' || d.url.length > 65_536 || typeof d.type !== 'string' || !Number.isInteger(d.tabId) || !Number.isInteger(d.frameId)) return null;
  const out: RequestDetails = { url: d.url, type: d.type.slice(0, 40), tabId: d.tabId as number, frameId: d.frameId as number };
  for (const key of ['requestId', 'documentId', 'parentDocumentId', 'frameType', 'documentUrl', 'originUrl', 'initiator'] as const) {
    const v = d[key];
    if (typeof v === 'string') out[key] = v.slice(0, 8192);
  }
  if (typeof d.timeStamp === 'number' && Number.isFinite(d.timeStamp)) out.timeStamp = d.timeStamp;
  return out;
}

export function createWriteAhead(area: SessionArea): WriteAhead {
  const pending = new Set<Entry>();
  let scheduled = false;
  // The previous worker's copy, read before this one writes anything.
  const previous: Promise<unknown> = area.get(WRITE_AHEAD_KEY).then(
    (items) => items[WRITE_AHEAD_KEY],
    () => undefined,
  );
  let writing: Promise<void> = previous.then(() => undefined);
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
  const noteRequest = (details: RequestDetails): object => {
    const entry: Entry = { op: 'request', details };
    pending.add(entry);
    if (pending.size > 2 * MAX_COPIED) pending.delete(pending.values().next().value!);
    persist();
    return entry;
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
    noteRequest,
    requestDone(token) {
      if (pending.delete(token as Entry)) persist();
    },
    written(batch) {
      let removed = false;
      for (const op of batch) removed = pending.delete(op) || removed;
      if (removed) persist();
    },
    async recover() {
      const raw = await previous;
      const ops: WriteOp[] = [];
      const requests: { details: RequestDetails; token: object }[] = [];
      if (!Array.isArray(raw)) return { ops, requests, malformed: 0 };
      let malformed = 0;
      for (const item of raw) {
        const op = (item as { op?: unknown } | null)?.op;
        const visit = op === 'visit' ? pageVisit.safeParse(upgradeRecord((item as { visit?: unknown }).visit)) : null;
        const event = op === 'event' ? logEvent.safeParse(upgradeRecord((item as { event?: unknown }).event)) : null;
        const request = op === 'request' ? readRequest((item as { details?: unknown }).details) : null;
        if (visit?.success) ops.push({ op: 'visit', visit: visit.data });
        else if (event?.success) ops.push({ op: 'event', event: event.data });
        else if (request) requests.push({ details: request, token: noteRequest(request) });
        else malformed += 1;
      }
      return { ops, requests, malformed };
    },
    settled: async () => {
      await writing;
      await writing;
    },
  };
}
