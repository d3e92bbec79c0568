import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createWriteAhead, WRITE_AHEAD_KEY, type SessionArea } from '../../../lib/background/write-ahead';
import { openDatabase, type BeakerDatabase } from '../../../lib/log/database';
import { getVisit, getVisitEvents } from '../../../lib/log/queries';
import { createWriteQueue } from '../../../lib/log/write-queue';
import { makeTrackerEvent, makeVisit } from '../log/make-records';

/** storage.session as a worker sees it: survives the worker, not the browser. */
function memoryArea(): SessionArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key) => ({ [key]: structuredClone(data[key]) }),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
}

let db: BeakerDatabase;
let n = 0;
beforeEach(async () => {
  db = await openDatabase(`beaker-write-ahead-${n++}`);
});
afterEach(() => db.close());

describe('the write-ahead copy (issue #10, item 4)', () => {
  test('a worker stopped before its queue flushed: the next one writes every visit and event, once', async () => {
    const area = memoryArea();
    // The first worker: ops pushed, never flushed (its timer never fires: it was stopped).
    const first = createWriteAhead(area);
    const stalled = first.wrap(createWriteQueue(async () => db, { setTimer: () => null }));
    const visit = makeVisit();
    const events = [makeTrackerEvent(visit), makeTrackerEvent(visit), makeTrackerEvent(visit)];
    stalled.push({ op: 'visit', visit });
    for (const event of events) stalled.push({ op: 'event', event });
    stalled.push({ op: 'requests', visitId: visit.id, total: 3, thirdParty: 3 });
    await first.settled();
    expect((area.data[WRITE_AHEAD_KEY] as unknown[]).length).toBe(4);
    expect(await getVisit(db, visit.id)).toBeUndefined();

    // The next worker replays the copy, twice even (a second restart before it was cleared).
    for (let restart = 0; restart < 2; restart++) {
      const next = createWriteAhead(area);
      const queue = next.wrap(createWriteQueue(async () => db, { onWritten: (batch) => next.written(batch) }));
      const { ops, malformed } = await next.recover();
      expect([ops.length, malformed]).toEqual([4, 0]);
      for (const op of ops) queue.push(op);
      await queue.flush();
      await next.settled();
      if (restart === 0) expect(area.data[WRITE_AHEAD_KEY]).toEqual([]);
      else break;
      // Put the old copy back, as if the clear had not reached storage before the next stop.
      area.data[WRITE_AHEAD_KEY] = [{ op: 'visit', visit }, ...events.map((event) => ({ op: 'event', event }))];
    }
    expect((await getVisitEvents(db, visit.id)).map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect((await getVisit(db, visit.id))?.counts.tracker).toBe(3);
  });

  test('written ops leave the copy; counters are never copied', async () => {
    const area = memoryArea();
    const ahead = createWriteAhead(area);
    const queue = ahead.wrap(createWriteQueue(async () => db, { onWritten: (batch) => ahead.written(batch) }));
    const visit = makeVisit();
    queue.push({ op: 'visit', visit });
    queue.push({ op: 'requests', visitId: visit.id, total: 1, thirdParty: 0 });
    await ahead.settled();
    expect((area.data[WRITE_AHEAD_KEY] as { op: string }[]).map((o) => o.op)).toEqual(['visit']);
    await queue.flush();
    await ahead.settled();
    expect(area.data[WRITE_AHEAD_KEY]).toEqual([]);
  });

  test('what is not a record is dropped and counted; a missing or broken copy is nothing to replay', async () => {
    const area = memoryArea();
    const visit = makeVisit();
    area.data[WRITE_AHEAD_KEY] = [{ op: 'visit', visit }, { op: 'event', event: { id: 'x' } }, 'junk', null, { op: 'requests', visitId: 'v', total: 1, thirdParty: 0 }];
    expect(await createWriteAhead(area).recover()).toEqual({ ops: [{ op: 'visit', visit }], requests: [], reports: [], malformed: 4 });
    area.data[WRITE_AHEAD_KEY] = 'not a list';
    expect(await createWriteAhead(area).recover()).toEqual({ ops: [], requests: [], reports: [], malformed: 0 });
    const failing: SessionArea = { get: () => Promise.reject(new Error('gone')), set: () => Promise.reject(new Error('full')) };
    expect(await createWriteAhead(failing).recover()).toEqual({ ops: [], requests: [], reports: [], malformed: 0 });
  });

  test('requests seen and not yet handled are replayed once; handled ones are not', async () => {
    const area = memoryArea();
    const first = createWriteAhead(area);
    const handled = first.noteRequest({ url: 'https://www.facebook.com/tr?n=1', type: 'image', tabId: 4, frameId: 0 });
    first.noteRequest({ url: 'https://www.facebook.com/tr?n=2', type: 'image', tabId: 4, frameId: 0, documentId: 'D', timeStamp: 12 });
    first.requestDone(handled);
    await first.settled();
    // A request copy a page could not have shaped: only the fields the recorder reads, capped.
    (area.data[WRITE_AHEAD_KEY] as unknown[]).push({ op: 'request', details: { url: 5, type: 'image', tabId: 1, frameId: 0 } });
    const next = createWriteAhead(area);
    const { requests, malformed } = await next.recover();
    expect(requests.map((r) => r.details)).toEqual([{ url: 'https://www.facebook.com/tr?n=2', type: 'image', tabId: 4, frameId: 0, documentId: 'D', timeStamp: 12 }]);
    expect(malformed).toBe(1);
    // Copied again until handled, then gone.
    await next.settled();
    expect((area.data[WRITE_AHEAD_KEY] as { op: string }[]).map((e) => e.op)).toEqual(['request']);
    next.requestDone(requests[0]!.token);
    await next.settled();
    expect(area.data[WRITE_AHEAD_KEY]).toEqual([]);
  });

  test('the previous copy is read before anything new is written over it', async () => {
    const area = memoryArea();
    const visit = makeVisit();
    area.data[WRITE_AHEAD_KEY] = [{ op: 'visit', visit }];
    const next = createWriteAhead(area);
    // A request arrives in the worker's first task, before recover() is called.
    next.noteRequest({ url: 'https://a.example/x', type: 'script', tabId: 1, frameId: 0 });
    expect((await next.recover()).ops).toEqual([{ op: 'visit', visit }]);
  });
});
