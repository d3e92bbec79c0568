import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createRecorder, type Recorder } from '../../../lib/background/recorder';
import { createSequencer } from '../../../lib/background/sequencer';
import { TabVisits } from '../../../lib/background/tab-visits';
import { createClassifier, type Classifier } from '../../../lib/trackers/classify-request';
import { openDatabase, type BeakerDatabase } from '../../../lib/log/database';
import { createWriteQueue, type WriteQueue } from '../../../lib/log/write-queue';
import { getVisit } from '../../../lib/log/queries';
import { pageVisit } from '../../../lib/schema';
import { DEFAULT_SETTINGS } from '../../../lib/schema/settings';
import { loadTrackerDbFromNodeModules } from '../../helpers/trackerdb-node';
import { makeTrackerEvent, makeVisit } from './make-records';
import { countEvents } from './stored-events';

/** `storage.session` stand-in: values are copied in and out, as the browser serialises them. */
class MemoryStore {
  readonly data = new Map<string, unknown>();
  async get(key: string): Promise<Record<string, unknown>> {
    return this.data.has(key) ? { [key]: structuredClone(this.data.get(key)) } : {};
  }
  async set(items: Record<string, unknown>): Promise<void> {
    for (const [k, v] of Object.entries(structuredClone(items))) this.data.set(k, v);
  }
}

const TAB = 3;
let classifier: Classifier;
let db: BeakerDatabase;
let queue: WriteQueue;
let tabs: TabVisits;
let recorder: Recorder;
let n = 0;

beforeAll(async () => {
  classifier = createClassifier(await loadTrackerDbFromNodeModules());
}, 30_000);

beforeEach(async () => {
  db = await openDatabase(`beaker-completeness-${n++}`);
  queue = createWriteQueue(async () => db, { maxDelayMs: 10_000 });
  const store = new MemoryStore();
  tabs = new TabVisits(store);
  recorder = createRecorder({
    classifier,
    queue,
    sequencer: await createSequencer(store, () => 'session-c'),
    tabs,
    settings: () => DEFAULT_SETTINGS,
    extensionVersion: '0.1.0-test',
    trackerDbVersion: 'test',
    onTabChanged: () => undefined,
  });
});
afterEach(() => db.close());

async function storedVisitOf(tabId: number) {
  await queue.flush();
  const visit = await getVisit(db, tabs.get(tabId)!.visit!.visitId);
  expect(pageVisit.safeParse(visit).success).toBe(true);
  return visit!;
}

describe('seenFromStart (ARCHITECTURE.md, "Export and import")', () => {
  test('a navigation the browser reported is seen from its start', async () => {
    await recorder.onCommitted({ tabId: TAB, frameId: 0, url: 'https://news.example/a', documentId: 'doc-1', timeStamp: 1 });
    expect(await storedVisitOf(TAB)).toMatchObject({ seenFromStart: true, droppedEvents: 0 });
    await recorder.onHistoryNavigation({ tabId: TAB, frameId: 0, url: 'https://news.example/b', timeStamp: 2 });
    expect(await storedVisitOf(TAB)).toMatchObject({ navigation: 'history', seenFromStart: true });
  });

  test('a page that was already open when Beaker took it up is not', async () => {
    await recorder.onCommitted({ tabId: TAB, frameId: 0, url: 'https://news.example/a', adopted: true });
    expect(await storedVisitOf(TAB)).toMatchObject({ seenFromStart: false, droppedEvents: 0 });
  });
});

describe('a worker restart', () => {
  test('a restored visit the log does not hold (killed before its first write) is written, not seen from its start', async () => {
    await recorder.onCommitted({ tabId: TAB, frameId: 0, url: 'https://news.example/a?utm_source=x', documentId: 'doc-1' });
    await recorder.onCommitted({ tabId: TAB + 1, frameId: 0, url: 'https://shop.example/', documentId: 'doc-2' });
    await queue.flush();
    const lost = tabs.get(TAB)!.visit!.visitId;
    await db.delete('visits', lost); // as if the worker died before writing it
    const stored = await getVisit(db, tabs.get(TAB + 1)!.visit!.visitId);

    await recorder.resumeRestored(tabs.all(), async (id) => (await db.getKey('visits', id)) !== undefined);
    await queue.flush();
    expect(await getVisit(db, lost)).toMatchObject({ url: 'https://news.example/a?utm_source=x', arrivalParams: ['utm_source'], seenFromStart: false, droppedEvents: 0 });
    // A visit the log holds is left as it is.
    expect(await getVisit(db, stored!.id)).toEqual(stored);
  });
});

describe('droppedEvents', () => {
  test('a content message that failed its schema counts one dropped event on the tab’s visit', async () => {
    await recorder.onCommitted({ tabId: TAB, frameId: 0, url: 'https://news.example/a', documentId: 'doc-1' });
    recorder.onDropped(TAB, 1);
    recorder.onDropped(TAB, 1);
    recorder.onDropped(99, 1); // no visit for that tab: nothing to count on
    expect((await storedVisitOf(TAB)).droppedEvents).toBe(2);
  });

  test('requests of an uncommitted document beyond the hold cap (500) are counted when it commits', async () => {
    await recorder.onCommitted({ tabId: TAB, frameId: 0, url: 'https://news.example/a', documentId: 'doc-1' });
    for (let i = 0; i < 520; i++) {
      recorder.onRequest({ tabId: TAB, frameId: 0, type: 'script', url: `https://cdn.example/${i}.js`, documentId: 'doc-2' });
    }
    await recorder.onCommitted({ tabId: TAB, frameId: 0, url: 'https://shop.example/', documentId: 'doc-2' });
    const visit = await storedVisitOf(TAB);
    expect(visit).toMatchObject({ url: 'https://shop.example/', droppedEvents: 20 });
    expect(visit.counts.requests).toBe(500);
  });

  test('events lost to a write-queue overflow are counted on their visit', async () => {
    const small = createWriteQueue(async () => db, { maxPending: 10, maxBatch: 1000, maxDelayMs: 10_000 });
    const visit = makeVisit();
    small.push({ op: 'visit', visit });
    await small.flush();
    for (let i = 0; i < 16; i++) small.push({ op: 'event', event: makeTrackerEvent(visit) });
    expect(small.pending()).toBe(10);
    await small.flush();
    expect(await countEvents(db)).toBe(10);
    expect(await getVisit(db, visit.id)).toMatchObject({ droppedEvents: 6, counts: { tracker: 10 } });
  });
});
