import type { Page } from 'playwright-core';
import type { TrackerFinding } from '../../lib/schema/events';

/**
 * The log bench's work inside the extension page (scripts/bench/log.ts): the page has the bundle
 * `__beakerLog` (the real write queue, database and chunking code of lib/log).
 *
 * - `batched`, `naive`: the write queue (defaults; `maxBatch: 1`), reads and roll-ups included.
 * - `ceiling`: the same ops as plain requests in the log's layout, `batchSize` ops per
 *   transaction: each transaction's events cut into chunks (one per visit) and put, visits put;
 *   nothing read, nothing rolled up. What IndexedDB allows the queue with this layout.
 * - `per-event`: the same ops as plain puts of one record per event into a store with the two
 *   indexes of database v3 (`by-visit`, `by-time`), `batchSize` per transaction: what the layout
 *   before chunks allowed at best (the old ceiling).
 */
export type Mode = 'batched' | 'naive' | 'ceiling' | 'per-event';

export interface PageRunArgs {
  mode: Mode;
  dbName: string;
  perVisit: number;
  events: number;
  templates: TrackerFinding[];
  trackerDbVersion: string;
  /** lib/schema/common.ts SCHEMA_VERSION: the page-side code cannot import it. */
  schemaVersion: number;
  batchSize: number;
}

export interface OnDisk {
  events: number;
  visits: number;
  trackerCount: number;
  siteDayTrackerCount: number;
}

export interface PageRunResult {
  ms: number;
  transactions: number;
  errors: number;
  onDisk: OnDisk;
  expectedTrackerCount: number;
}

/** Runs inside the extension page. No named inner functions (see NAME_SHIM). */
export async function runInPage(page: Page, args: PageRunArgs): Promise<PageRunResult> {
  return page.evaluate(async (a) => {
    const L = (globalThis as any).__beakerLog;
    const done = (tx: IDBTransaction) =>
      new Promise((resolveTx, rejectTx) => {
        tx.oncomplete = resolveTx;
        tx.onabort = () => rejectTx(tx.error);
      });
    const request = <T>(req: IDBRequest<T>) =>
      new Promise<T>((resolveReq, rejectReq) => {
        req.onsuccess = () => resolveReq(req.result);
        req.onerror = () => rejectReq(req.error);
      });
    // `per-event` writes a database of its own, with the stores of v3; every other mode the log's.
    const raw: IDBDatabase =
      a.mode === 'per-event'
        ? await new Promise((resolveOpen, rejectOpen) => {
            const req = indexedDB.open(a.dbName, 1);
            req.onupgradeneeded = () => {
              const events = req.result.createObjectStore('events', { keyPath: 'id' });
              events.createIndex('by-visit', 'visitId');
              events.createIndex('by-time', 'time');
              req.result.createObjectStore('visits', { keyPath: 'id' });
            };
            req.onsuccess = () => resolveOpen(req.result);
            req.onerror = () => rejectOpen(req.error);
          })
        : L.unwrap(await L.openDatabase(a.dbName));
    const dbPromise = Promise.resolve(L.wrap(raw));
    let transactions = 0;
    let errors = 0;
    const queue = L.createWriteQueue(() => dbPromise, {
      ...(a.mode === 'naive' ? { maxBatch: 1 } : {}),
      onFlushed: () => {
        transactions += 1;
      },
      onError: () => {
        errors += 1;
      },
    });
    // Build every record before the clock starts: only the writes are timed.
    const sessionId = crypto.randomUUID();
    const day = new Date().toISOString().slice(0, 10);
    const batches: unknown[][] = [];
    let seq = 0;
    let expectedTrackerCount = 0;
    let made = 0;
    for (let v = 0; made < a.events; v++) {
      const site = `site${v % 7}.example`;
      const url = `https://${site}/page/${v}`;
      const visitId = `${sessionId}:v${seq++}`;
      const counts = { tracker: 0, ad: 0, darkPattern: 0, engagement: 0, requests: 0, thirdPartyRequests: 0 };
      const visit = { id: visitId, schemaVersion: a.schemaVersion, sessionId, tabId: 1 + (v % 5), url, site, navigation: 'load', startedAt: new Date().toISOString(), day, arrivalParams: [], seenFromStart: true, droppedEvents: 0, counts };
      const ops: unknown[] = [{ op: 'visit', visit }];
      for (let i = 0; i < a.perVisit && made < a.events; i++, made++) {
        const finding = a.templates[(v * 31 + i) % a.templates.length]!;
        const s = seq++;
        if (finding.targeting) expectedTrackerCount += 1;
        const provenance = { id: `${sessionId}:${s}`, schemaVersion: a.schemaVersion, extensionVersion: '0.1.0', trackerDbVersion: a.trackerDbVersion, visitId, tabId: 1 + (v % 5), frameId: 0, topUrl: url, site };
        ops.push({ op: 'event', event: { ...provenance, time: new Date().toISOString(), sessionId, seq: s, kind: 'tracker', ...finding } });
      }
      batches.push(ops);
    }

    const t0 = performance.now();
    if (a.mode === 'ceiling' || a.mode === 'per-event') {
      // No queue: the same ops as plain puts (raw IndexedDB, no promise per request), `batchSize`
      // per transaction, nothing read, nothing rolled up.
      const all = batches.flat() as ({ op: 'visit'; visit: unknown } | { op: 'event'; event: { visitId: string } })[];
      const eventStore = a.mode === 'ceiling' ? 'eventChunks' : 'events';
      for (let i = 0; i < all.length; i += a.batchSize) {
        const tx = raw.transaction([eventStore, 'visits'], 'readwrite');
        const slice = all.slice(i, i + a.batchSize);
        const events = slice.flatMap((item) => (item.op === 'event' ? [item.event] : []));
        for (const record of a.mode === 'ceiling' ? L.chunkEvents(events) : events) tx.objectStore(eventStore).put(record);
        for (const item of slice) if (item.op === 'visit') tx.objectStore('visits').put(item.visit);
        await done(tx);
        transactions += 1;
      }
    } else {
      for (const ops of batches) {
        for (const op of ops) queue.push(op);
        // Keep well under the queue's overflow limit (20,000 ops): a page never queues that much.
        while (queue.pending() > 4000) await new Promise((r) => setTimeout(r, 0));
      }
      await queue.flush();
    }
    const ms = performance.now() - t0;

    // Read back from disk: events one by one however they are stored, every visit and site-day.
    let events = 0;
    let days: { counts: { tracker: number } }[] = [];
    const stores = a.mode === 'per-event' ? ['events', 'visits'] : ['eventChunks', 'visits', 'siteDays'];
    const tx = raw.transaction(stores, 'readonly');
    if (a.mode === 'per-event') events = await request(tx.objectStore('events').count());
    else {
      for (const chunk of await request(tx.objectStore('eventChunks').getAll())) events += (chunk as { events: unknown[] }).events.length;
      days = await request(tx.objectStore('siteDays').getAll());
    }
    const visits: { counts: { tracker: number } }[] = await request(tx.objectStore('visits').getAll());
    await done(tx);
    raw.close();
    await new Promise((resolveDelete) => {
      const req = indexedDB.deleteDatabase(a.dbName);
      req.onsuccess = req.onerror = req.onblocked = () => resolveDelete(undefined);
    });
    return {
      ms,
      transactions,
      errors,
      expectedTrackerCount,
      onDisk: {
        events,
        visits: visits.length,
        trackerCount: visits.reduce((n, x) => n + x.counts.tracker, 0),
        siteDayTrackerCount: days.reduce((n, x) => n + x.counts.tracker, 0),
      },
    };
  }, args);
}
