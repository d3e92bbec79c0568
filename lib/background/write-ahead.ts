import type { WriteOp, WriteQueue } from '../log/write-queue';
import type { RequestDetails, ResourceTimingReport } from './recorder';
import { logEvent } from '../schema/events';
import { CAPPED_KINDS, pageVisit, type CappedKind } from '../schema/visit';
import { resourceEntry } from '../schema/content-messages';
import { MAX_RESOURCE_ENTRIES_PER_MESSAGE } from '../schema/resource-timing-limits';
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
 *
 * A content script's Resource Timing report is copied the same way, from the moment the message
 * arrives until the recorder has handled it (it also waits in the settle queue): replayed, its
 * entries are judged against what the log holds of the visit (lib/background/restored-ledger.ts),
 * so what was recorded is not recorded again. What the per-visit bounds kept out (`capped` ops,
 * counted up for a second before they are queued) is copied from the first count until written.
 * Unlike the other counters it is replayed: a `capped` op is counted twice only if the worker
 * stops in the moment between its batch's commit and the `set` that drops its copy (issued as the
 * commit is reported), where losing it was the alternative for a whole second.
 *
 * The ids of the last MAX_HANDLED handled requests are copied too (one string): the browser can
 * tell a new worker of a request it had told the one that was stopping, and `handledBefore` keeps
 * that from being recorded twice. What the browser reported to a worker that was stopping and that
 * never ran is in no copy: its response or the page's Resource Timing entries recover it
 * (ARCHITECTURE.md, "Bounds and durability"; lib/background/restored-ledger.ts).
 */
export const WRITE_AHEAD_KEY = 'beakerWriteAhead';
/** Request ids of handled requests the copy keeps (seconds of a busy page): see `handledBefore`. */
const MAX_HANDLED = 200;
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
  /** A content script's Resource Timing report: copied until `requestDone` with the returned token. */
  noteReport(report: CopiedReport): object;
  /** The request or report of this token was handled (in the same task as the ops it produced). */
  requestDone(token: object): void;
  /**
   * Whether the last worker handled the request of this id (after `recover`). The browser can tell
   * a new worker of a request it already told the one that was stopping (seen in the soak: recorded
   * twice); the copy keeps the ids of the last MAX_HANDLED handled requests for that.
   */
  handledBefore(requestId: string): boolean;
  /**
   * An op copied before it is queued (a `capped` count still adding up): copied now, and again on
   * every call (it may have changed); queued later through `wrap`, it stays until written.
   */
  keep(op: WriteOp): void;
  /**
   * What a previous worker left: valid visit, event and capped ops, and requests and reports not yet
   * handled, in order (malformed entries are dropped and counted). The requests and reports are
   * copied again (`token`) until handled.
   */
  recover(): Promise<Recovered>;
  /** Resolves when the copy on storage is up to date (tests). */
  settled(): Promise<void>;
}

/** A `resource-timing` message as the route received it. */
export interface CopiedReport {
  tabId: number;
  frameId: number;
  documentId?: string;
  report: ResourceTimingReport;
}

export interface Recovered {
  ops: WriteOp[];
  requests: { details: RequestDetails; token: object }[];
  reports: { report: CopiedReport; token: object }[];
  malformed: number;
}

const copied = (op: WriteOp) => op.op === 'visit' || op.op === 'event' || op.op === 'capped';

type Entry = WriteOp | { op: 'request'; details: RequestDetails } | ({ op: 'report' } & CopiedReport);

/** More than a flood of findings could reach between two writes: a larger copied count is not Beaker's. */
const MAX_CAPPED_N = 10_000_000;

function readCapped(raw: unknown): WriteOp | null {
  const c = raw as { visitId?: unknown; kind?: unknown; n?: unknown } | null;
  if (typeof c?.visitId !== 'string' || c.visitId.length > 200 || !CAPPED_KINDS.includes(c.kind as CappedKind)) return null;
  if (!Number.isSafeInteger(c.n) || (c.n as number) <= 0 || (c.n as number) > MAX_CAPPED_N) return null;
  return { op: 'capped', visitId: c.visitId, kind: c.kind as CappedKind, n: c.n as number };
}

function readReport(raw: unknown): CopiedReport | null {
  const r = raw as { tabId?: unknown; frameId?: unknown; documentId?: unknown; report?: { entries?: unknown; capped?: unknown; overflowed?: unknown } } | null;
  if (typeof r !== 'object' || r === null || !Number.isInteger(r.tabId) || !Number.isInteger(r.frameId)) return null;
  if (r.documentId !== undefined && (typeof r.documentId !== 'string' || r.documentId.length > 200)) return null;
  const entries = r.report?.entries;
  if (!Array.isArray(entries) || entries.length > MAX_RESOURCE_ENTRIES_PER_MESSAGE) return null;
  const parsed = entries.map((e) => resourceEntry.safeParse(e));
  if (!parsed.every((p) => p.success) || !Number.isSafeInteger(r.report?.capped) || (r.report!.capped as number) < 0 || typeof r.report?.overflowed !== 'boolean') return null;
  const report: ResourceTimingReport = { entries: parsed.map((p) => p.data!), capped: r.report.capped as number, overflowed: r.report.overflowed };
  return { tabId: r.tabId as number, frameId: r.frameId as number, ...(r.documentId !== undefined ? { documentId: r.documentId } : {}), report };
}

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
  // Request ids this worker handled lately, and those the last one had (read by recover()).
  const handled: string[] = [];
  const handledBefore = new Set<string>();
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
      const ops: unknown[] = [...pending].slice(-MAX_COPIED);
      // One string, not 200: what is copied per request stays small.
      if (handled.length > 0) ops.push({ op: 'handled', ids: handled.join(' ') });
      try {
        await area.set({ [WRITE_AHEAD_KEY]: ops });
      } catch (error) {
        console.error('[beaker] write-ahead copy failed', error);
      }
    });
  };
  const note = (entry: Entry): object => {
    pending.add(entry);
    if (pending.size > 2 * MAX_COPIED) pending.delete(pending.values().next().value!);
    persist();
    return entry;
  };
  const noteRequest = (details: RequestDetails): object => note({ op: 'request', details });
  const noteReport = (report: CopiedReport): object => note({ op: 'report', ...report });
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
    noteReport,
    keep(op) {
      if (copied(op)) note(op);
    },
    requestDone(token) {
      const entry = token as Entry;
      if (!pending.delete(entry)) return;
      if (entry.op === 'request' && entry.details.requestId !== undefined) {
        handled.push(entry.details.requestId);
        if (handled.length > MAX_HANDLED) handled.splice(0, handled.length - MAX_HANDLED);
      }
      persist();
    },
    handledBefore: (requestId) => handledBefore.has(requestId),
    written(batch) {
      let removed = false;
      for (const op of batch) removed = pending.delete(op) || removed;
      if (removed) persist();
    },
    async recover() {
      const raw = await previous;
      const out: Recovered = { ops: [], requests: [], reports: [], malformed: 0 };
      if (!Array.isArray(raw)) return out;
      for (const item of raw) {
        const op = (item as { op?: unknown } | null)?.op;
        if (op === 'handled') {
          const ids = (item as { ids?: unknown }).ids;
          if (typeof ids === 'string') for (const id of ids.split(' ').slice(-MAX_HANDLED)) if (id.length > 0 && id.length <= 64) handledBefore.add(id);
          continue;
        }
        const visit = op === 'visit' ? pageVisit.safeParse(upgradeRecord((item as { visit?: unknown }).visit)) : null;
        const event = op === 'event' ? logEvent.safeParse(upgradeRecord((item as { event?: unknown }).event)) : null;
        const capped = op === 'capped' ? readCapped(item) : null;
        const request = op === 'request' ? readRequest((item as { details?: unknown }).details) : null;
        const report = op === 'report' ? readReport(item) : null;
        if (visit?.success) out.ops.push({ op: 'visit', visit: visit.data });
        else if (event?.success) out.ops.push({ op: 'event', event: event.data });
        else if (capped) out.ops.push(capped);
        else if (request) out.requests.push({ details: request, token: noteRequest(request) });
        else if (report) out.reports.push({ report, token: noteReport(report) });
        else out.malformed += 1;
      }
      return out;
    },
    settled: async () => {
      await writing;
      await writing;
    },
  };
}
