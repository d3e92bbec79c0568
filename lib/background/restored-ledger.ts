import { ledgerKey, type LedgerVerdict, type RequestLedger } from './request-ledger';
import type { WriteOp } from '../log/write-queue';
import type { LogEvent } from '../schema/events';
import type { TabRecord, TabVisits } from './tab-visits';
import type { Classifier } from '../trackers/classify-request';
import type { Recorder, RequestDetails, ResponseDetails } from './recorder';

/**
 * The request ledger of a restarted worker (issue #10, item 4; ARCHITECTURE.md, "Requests Beaker
 * did not see"). The ledger is in memory: a restarted worker does not know which requests the last
 * one recorded, so for a visit it did not see begin it takes no Resource Timing entry from before
 * it met the visit (`before`). That also throws away what a stopped worker never got: a request the
 * browser reported to a worker that was stopping is in no worker's copy, only in the page's
 * Resource Timing entries; and a report the last worker received and did not handle is replayed
 * with entries all from before.
 *
 * For the visits the last worker left (`restore`), what the log and the write-ahead copy hold of
 * them is read in (`seed`: the URLs of their tracker events). Then an entry from before that the
 * classifier flags and the visit has no event of is taken: it was lost, and it is recorded once.
 * An entry the classifier does not flag stays `before`: a request that found nothing is only a
 * count, and whether the last worker counted it is not known. Until its seed is read, a restored
 * visit takes nothing from before (as without this).
 */
export interface RestoredLedger extends RequestLedger {
  /** Visits a previous worker knew: entries from before are judged against their seed once it is read. */
  restore(visitIds: Iterable<string>): void;
  /** What the log holds of a restored visit: its tracker events' URLs (call once, with all of them). */
  seed(visitId: string, urls: Iterable<string>): void;
  /** A restored visit's seed could not be read: it takes nothing from before. */
  forget(visitId: string): void;
}

export function createRestoredLedger(base: RequestLedger, flagged: (visitId: string, url: string) => boolean): RestoredLedger {
  // null: restored, seed not read yet.
  const restored = new Map<string, Set<number> | null>();
  return {
    begin(visitId, since) {
      // A visit that begins here is this worker's own.
      restored.delete(visitId);
      base.begin(visitId, since);
    },
    note: (visitId, url) => base.note(visitId, url),
    has: (visitId, url) => base.has(visitId, url),
    take(visitId, url, at): LedgerVerdict {
      const verdict = base.take(visitId, url, at);
      if (verdict !== 'before') return verdict;
      const seed = restored.get(visitId);
      if (!seed) return verdict;
      const key = ledgerKey(url);
      if (seed.has(key) || !flagged(visitId, url)) return verdict;
      seed.add(key);
      base.note(visitId, url);
      return 'new';
    },
    restore(visitIds) {
      for (const id of visitIds) if (!restored.has(id)) restored.set(id, null);
    },
    seed(visitId, urls) {
      if (!restored.has(visitId)) return;
      const keys = new Set<number>();
      for (const url of urls) keys.add(ledgerKey(url));
      restored.set(visitId, keys);
    },
    forget(visitId) {
      restored.delete(visitId);
    },
  };
}

/**
 * Read what the log and the write-ahead copy (`replayed`) hold of the visits the last worker left
 * (`restored`, with their earlier visits) into the ledger. Started at init and not awaited:
 * readiness does not wait for it, only Resource Timing reports do. Never rejects: a visit whose
 * events could not be read takes nothing from before.
 */
export async function seedRestored(
  ledger: RestoredLedger,
  readEvents: (visitIds: string[]) => Promise<LogEvent[][]>,
  restored: readonly TabRecord[],
  replayed: readonly WriteOp[],
): Promise<void> {
  const ids = restored.flatMap((r) => (r.visit ? [r.visit.visitId, ...r.visit.previous.map((p) => p.visitId)] : []));
  if (ids.length === 0) return;
  ledger.restore(ids);
  try {
    const stored = await readEvents(ids);
    ids.forEach((id, i) => {
      const urls = (stored[i] ?? []).flatMap((e) => (e.kind === 'tracker' ? [e.url] : []));
      for (const op of replayed) if (op.op === 'event' && op.event.kind === 'tracker' && op.event.visitId === id) urls.push(op.event.url);
      ledger.seed(id, urls);
    });
  } catch (error) {
    for (const id of ids) ledger.forget(id);
    console.warn('[beaker] restored visits not read: their Resource Timing entries from before are not taken', error);
  }
}

/**
 * `flagged` for createRestoredLedger: whether the classifier finds anything in the URL, judged
 * against the page of the visit (a tab's current or earlier one). The entry's type is not known
 * here (`other`): the recorder classifies it again with its type before it records anything.
 */
export function flaggedBy(classifier: Classifier, tabs: Pick<TabVisits, 'all'>): (visitId: string, url: string) => boolean {
  return (visitId, url) => {
    for (const record of tabs.all()) {
      const documentUrl = record.visit?.visitId === visitId ? record.visit.url : record.visit?.previous.find((p) => p.visitId === visitId)?.url;
      if (documentUrl) return classifier.classify({ url, type: 'other', documentUrl }) !== null;
    }
    return false;
  };
}

/**
 * A response whose request this worker was never told of (lib/background/browser-events.ts): its
 * request went to an earlier worker. Recorded, as the request it is, only when the ledger has no
 * record of it (`at` 0: it began before this worker heard of it, so a restored visit judges it by
 * its seed). Returns whether it was recorded.
 */
export function recordOrphan(ledger: RequestLedger, tabs: Pick<TabVisits, 'get'>, recorder: Recorder, details: RequestDetails): boolean {
  const visit = tabs.get(details.tabId)?.visit;
  if (!visit || ledger.take(visit.visitId, details.url, 0) !== 'new') return false;
  recorder.onRequest(details);
  // Its response is this event: a tiny-image pixel the recorder now holds is decided at once.
  if (details.requestId) recorder.onResponse(details as RequestDetails & ResponseDetails);
  return true;
}
