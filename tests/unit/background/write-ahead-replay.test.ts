import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Recorder, ResourceTimingReport } from '../../../lib/background/recorder';
import { createRequestLedger } from '../../../lib/background/request-ledger';
import { createRestoredLedger, flaggedBy, recordOrphan, seedRestored, type RestoredLedger } from '../../../lib/background/restored-ledger';
import { createSequencer } from '../../../lib/background/sequencer';
import { TabVisits } from '../../../lib/background/tab-visits';
import { createCappedCounter } from '../../../lib/background/visit-bounds';
import { createWriteAhead, WRITE_AHEAD_KEY, type Recovered, type WriteAhead } from '../../../lib/background/write-ahead';
import { openDatabase, type BeakerDatabase } from '../../../lib/log/database';
import { eventsOfVisits, getVisit, getVisitEvents } from '../../../lib/log/queries';
import { createWriteQueue, type WriteOp, type WriteQueue } from '../../../lib/log/write-queue';
import { createClassifier, type Classifier } from '../../../lib/trackers/classify-request';
import { loadTrackerDbFromNodeModules } from '../../helpers/trackerdb-node';
import { makeVisit } from '../log/make-records';
import { MemoryStore, testRecorder } from './test-recorder';

/**
 * Issue #10, item 4: what a worker received is replayed by the next one, once. Each "worker" here
 * is what lib/background/start.ts wires for one service-worker life, over one storage.session
 * (`session`) and one IndexedDB; a stopped worker's write queue never flushes.
 */
const TAB = 3;
const NEWS = 'https://news.example/article';
const GA_SCRIPT = 'https://www.google-analytics.com/analytics.js';
const FB_PIXEL = 'https://www.facebook.com/tr?id=1&ev=PageView&n=7';
const OWN_SCRIPT = 'https://news.example/static/app.js';

let classifier: Classifier;
beforeAll(async () => {
  classifier = createClassifier(await loadTrackerDbFromNodeModules());
}, 30_000);

let db: BeakerDatabase;
let n = 0;
let clock: number;
beforeEach(async () => {
  db = await openDatabase(`beaker-write-ahead-replay-${n++}`);
  clock = Date.parse('2026-11-20T10:00:00.000Z');
});
afterEach(() => db.close());

interface Worker {
  ahead: WriteAhead;
  queue: WriteQueue;
  recorder: Recorder;
  recovered: Recovered;
  /** The restored visits' seed is read (start.ts awaits it before a report). */
  seeded: Promise<void>;
  ledger: RestoredLedger;
  tabs: TabVisits;
}

/** One worker's life: the copy read and replayed first, as start.ts does. `stopped`: its queue never writes. */
async function startWorker(session: MemoryStore, stopped = false): Promise<Worker> {
  const ahead = createWriteAhead(session);
  const queue = ahead.wrap(createWriteQueue(async () => db, stopped ? { setTimer: () => null } : { onWritten: (batch) => ahead.written(batch) }));
  const tabs = new TabVisits(session);
  const restored = await tabs.restore();
  const recovered = await ahead.recover();
  for (const op of recovered.ops) queue.push(op);
  const now = () => new Date(clock);
  const ledger = createRestoredLedger(
    createRequestLedger(() => clock),
    flaggedBy(classifier, tabs),
  );
  const seeded = seedRestored(ledger, (ids) => eventsOfVisits(db, ids), restored, recovered.ops);
  const { recorder } = await testRecorder(classifier, { queue, tabs, sequencer: await createSequencer(session), ledger, now });
  return { ahead, queue, recorder, recovered, seeded, ledger, tabs };
}

/** What start.ts does with a report: copied, then handled and its copy dropped in one task. */
function handle(worker: Worker, report: ResourceTimingReport, token = worker.ahead.noteReport({ tabId: TAB, frameId: 0, report })): number {
  const accepted = worker.recorder.onResourceTiming(report, TAB, 0);
  worker.ahead.requestDone(token);
  return accepted;
}

const trackerUrls = async (visitId: string) => (await getVisitEvents(db, visitId)).flatMap((e) => (e.kind === 'tracker' ? [[e.url, e.observedBy ?? 'webrequest']] : []));
const copy = (session: MemoryStore) => (session.data.get(WRITE_AHEAD_KEY) ?? []) as { op: string }[];

describe('replay after a worker stop (issue #10, item 4)', () => {
  test('a Resource Timing report the stopped worker received is replayed: what it shows and the log lacks is recorded once', async () => {
    const session = new MemoryStore();
    // Worker 1: a page, one tracker webRequest reported, then a report of three entries arrives
    // and the worker is stopped inside the settle queue's 100 ms, before the recorder saw it.
    const first = await startWorker(session, true);
    await first.recorder.onCommitted({ tabId: TAB, frameId: 0, url: NEWS, timeStamp: clock });
    first.recorder.onRequest({ url: GA_SCRIPT, type: 'script', tabId: TAB, frameId: 0, timeStamp: clock + 10 });
    const report: ResourceTimingReport = {
      entries: [GA_SCRIPT, FB_PIXEL, OWN_SCRIPT].map((url, i) => ({ url, initiator: i === 1 ? 'img' : 'script', at: clock + 10 + i })),
      capped: 0,
      overflowed: false,
    };
    first.ahead.noteReport({ tabId: TAB, frameId: 0, report });
    await first.ahead.settled();
    expect(copy(session).map((e) => e.op)).toEqual(['visit', 'event', 'report']);

    // Worker 2, two seconds later: the visit and its event are replayed, then the report.
    clock += 2000;
    const second = await startWorker(session);
    expect(second.recovered.ops.map((o) => o.op)).toEqual(['visit', 'event']);
    expect(second.recovered.reports.map((r) => r.report)).toEqual([{ tabId: TAB, frameId: 0, report }]);
    await second.seeded;
    const requestsBefore = second.queue.pending();
    // The pixel the log lacks is recorded; the script it holds is not; the page's own script found nothing and is not counted either.
    expect(handle(second, second.recovered.reports[0]!.report.report, second.recovered.reports[0]!.token)).toBe(1);
    expect(second.queue.pending() - requestsBefore).toBe(2); // one `requests` count and one event
    await second.queue.flush();
    await second.ahead.settled();
    expect(copy(session)).toEqual([]);
    const visitId = (second.recovered.ops[0] as Extract<WriteOp, { op: 'visit' }>).visit.id;
    expect(await trackerUrls(visitId)).toEqual([
      [GA_SCRIPT, 'webrequest'],
      [FB_PIXEL, 'resource-timing'],
    ]);
    expect((await getVisit(db, visitId))?.counts).toMatchObject({ tracker: 2 });

    // Worker 3: the same report again (worker 2's clear of the copy never reached storage).
    // Everything it shows is in the log now: nothing is recorded twice.
    session.data.set(WRITE_AHEAD_KEY, [{ op: 'report', tabId: TAB, frameId: 0, report }]);
    clock += 2000;
    const third = await startWorker(session);
    await third.seeded;
    expect(handle(third, third.recovered.reports[0]!.report.report, third.recovered.reports[0]!.token)).toBe(0);
    await third.queue.flush();
    expect(await trackerUrls(visitId)).toHaveLength(2);
    expect((await getVisit(db, visitId))?.counts).toMatchObject({ tracker: 2 });
  });

  test('a request the stopped worker never got (only the page saw it): recovered from a later report, once, even across two restarts', async () => {
    const session = new MemoryStore();
    const first = await startWorker(session);
    await first.recorder.onCommitted({ tabId: TAB, frameId: 0, url: NEWS, timeStamp: clock });
    first.recorder.onRequest({ url: GA_SCRIPT, type: 'script', tabId: TAB, frameId: 0, timeStamp: clock + 10 });
    await first.queue.flush();
    await first.ahead.settled();
    // The pixel at clock + 20 reached no worker. Worker 2 gets the page's report of both.
    clock += 2000;
    const second = await startWorker(session);
    await second.seeded;
    const report: ResourceTimingReport = { entries: [{ url: GA_SCRIPT, initiator: 'script', at: clock - 1990 }, { url: FB_PIXEL, initiator: 'img', at: clock - 1980 }], capped: 0, overflowed: false };
    expect(handle(second, report)).toBe(1);
    // The same report to this worker again, and to the next: seen, then in the log.
    expect(handle(second, report)).toBe(0);
    await second.queue.flush();
    await second.ahead.settled();
    clock += 2000;
    const third = await startWorker(session);
    await third.seeded;
    expect(handle(third, report)).toBe(0);
    await third.queue.flush();
    const visitId = (await new TabVisits(session).restore())[0]!.visit!.visitId;
    expect(await trackerUrls(visitId)).toEqual([
      [GA_SCRIPT, 'webrequest'],
      [FB_PIXEL, 'resource-timing'],
    ]);
  });

  test('a response whose request went to the stopped worker: recorded once if the log lacks it, not if the log has it', async () => {
    const session = new MemoryStore();
    const first = await startWorker(session);
    await first.recorder.onCommitted({ tabId: TAB, frameId: 0, url: NEWS, timeStamp: clock });
    first.recorder.onRequest({ url: GA_SCRIPT, type: 'image', tabId: TAB, frameId: 0, requestId: '10', timeStamp: clock + 10 });
    await first.queue.flush();
    await first.ahead.settled();
    // The pixel's request (id 11) reached the first worker as it stopped; only the responses reach the next.
    clock += 2000;
    const second = await startWorker(session);
    await second.seeded;
    const response = (url: string, requestId: string) => ({ url, type: 'image', tabId: TAB, frameId: 0, requestId, timeStamp: clock - 1900 });
    expect(recordOrphan(second.ledger, second.tabs, second.recorder, response(GA_SCRIPT, '10'))).toBe(false);
    expect(recordOrphan(second.ledger, second.tabs, second.recorder, response(FB_PIXEL, '11'))).toBe(true);
    expect(recordOrphan(second.ledger, second.tabs, second.recorder, response(FB_PIXEL, '11'))).toBe(false);
    // Found nothing: whether the first worker counted it is not known, so it is not counted again.
    expect(recordOrphan(second.ledger, second.tabs, second.recorder, response(OWN_SCRIPT, '12'))).toBe(false);
    await second.queue.flush();
    const visitId = (await new TabVisits(session).restore())[0]!.visit!.visitId;
    expect(await trackerUrls(visitId)).toEqual([
      [GA_SCRIPT, 'webrequest'],
      [FB_PIXEL, 'webrequest'],
    ]);
    expect((await getVisit(db, visitId))?.counts).toMatchObject({ tracker: 2, requests: 2 });
  });

  test('a request the browser tells the next worker of again, after the stopped one handled it, is known as handled', async () => {
    const session = new MemoryStore();
    const first = createWriteAhead(session);
    first.requestDone(first.noteRequest({ url: FB_PIXEL, type: 'image', tabId: TAB, frameId: 0, requestId: '41' }));
    first.noteRequest({ url: GA_SCRIPT, type: 'image', tabId: TAB, frameId: 0, requestId: '42' });
    await first.settled();
    const next = createWriteAhead(session);
    expect(next.handledBefore('41')).toBe(false); // not before recover()
    const { requests, malformed } = await next.recover();
    expect([next.handledBefore('41'), next.handledBefore('42'), malformed]).toEqual([true, false, 0]);
    expect(requests.map((r) => r.details.requestId)).toEqual(['42']);
  });

  test('a restored visit whose events cannot be read takes nothing from before (no guess, no double count)', async () => {
    const session = new MemoryStore();
    const first = await startWorker(session);
    await first.recorder.onCommitted({ tabId: TAB, frameId: 0, url: NEWS, timeStamp: clock });
    await first.queue.flush();
    clock += 2000;
    const tabs = new TabVisits(session);
    const restored = await tabs.restore();
    const ledger = createRestoredLedger(createRequestLedger(() => clock), flaggedBy(classifier, tabs));
    await seedRestored(ledger, () => Promise.reject(new Error('database closed')), restored, []);
    expect(ledger.take(restored[0]!.visit!.visitId, FB_PIXEL, clock - 1000)).toBe('before');
    // A visit this worker began takes what it has no record of, as before.
    ledger.begin('s:v9');
    expect(ledger.take('s:v9', FB_PIXEL, clock - 1000)).toBe('new');
  });

  test('capped counts survive a stop inside their second, and are not counted again once written', async () => {
    const session = new MemoryStore();
    const visit = makeVisit();
    // Worker 1: the bounds kept out 3 + 2 dark patterns; stopped before the second was over.
    const first = await startWorker(session, true);
    first.queue.push({ op: 'visit', visit });
    const totals: Record<string, number> = {};
    const count = createCappedCounter(totals, first.queue, first.ahead, () => 0);
    count('dark-pattern', visit.id, 3);
    count('dark-pattern', visit.id, 2);
    count('engagement', visit.id, 1);
    expect(totals).toEqual({ 'dark-pattern': 5, engagement: 1 });
    await first.ahead.settled();
    expect(copy(session).map((e) => e.op)).toEqual(['visit', 'capped', 'capped']);

    // Worker 2 replays them; its own counts go through its queue and are written too.
    const second = await startWorker(session);
    expect(second.recovered.ops).toEqual([
      { op: 'visit', visit },
      { op: 'capped', visitId: visit.id, kind: 'darkPattern', n: 5 },
      { op: 'capped', visitId: visit.id, kind: 'engagement', n: 1 },
    ]);
    let fire: () => void = () => undefined;
    const count2 = createCappedCounter({}, second.queue, second.ahead, (fn) => (fire = fn));
    count2('dark-pattern', visit.id, 4);
    fire();
    await second.queue.flush();
    await second.ahead.settled();
    expect(copy(session)).toEqual([]);
    expect((await getVisit(db, visit.id))?.capped).toEqual({ darkPattern: 9, engagement: 1 });

    // Worker 3: nothing left to replay, nothing counted twice.
    const third = await startWorker(session);
    expect(third.recovered.ops).toEqual([]);
    await third.queue.flush();
    expect((await getVisit(db, visit.id))?.capped).toEqual({ darkPattern: 9, engagement: 1 });
  });

  test('copied reports and counts a page or a broken copy could have shaped are dropped and counted', async () => {
    const session = new MemoryStore();
    const good = { op: 'report', tabId: TAB, frameId: 0, report: { entries: [{ url: FB_PIXEL, initiator: 'img', at: 1 }], capped: 0, overflowed: false } };
    session.data.set(WRITE_AHEAD_KEY, [
      good,
      { ...good, report: { ...good.report, entries: [{ url: FB_PIXEL, initiator: 'img', at: -1 }] } },
      { ...good, report: { ...good.report, entries: Array.from({ length: 101 }, () => good.report.entries[0]) } },
      { ...good, tabId: 'x' },
      { op: 'capped', visitId: 'v', kind: 'darkPattern', n: 2 },
      { op: 'capped', visitId: 'v', kind: 'everything', n: 2 },
      { op: 'capped', visitId: 'v', kind: 'ad', n: -2 },
      { op: 'capped', visitId: 'v', kind: 'ad', n: 1.5 },
    ]);
    const { ops, reports, malformed } = await createWriteAhead(session).recover();
    expect(ops).toEqual([{ op: 'capped', visitId: 'v', kind: 'darkPattern', n: 2 }]);
    expect(reports.map((r) => r.report)).toEqual([{ tabId: TAB, frameId: 0, report: good.report }]);
    expect(malformed).toBe(6);
  });
});
