import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { createRecorder, type NavigationDetails, type Recorder, type RequestDetails } from '../../../lib/background/recorder';
import { createSequencer, type Sequencer } from '../../../lib/background/sequencer';
import { TabVisits, type TabRecord } from '../../../lib/background/tab-visits';
import { createClassifier, type Classifier } from '../../../lib/trackers/classify-request';
import type { TrackerDb } from '../../../lib/trackers/trackerdb';
import type { WriteOp, WriteQueue } from '../../../lib/log/write-queue';
import { localDay } from '../../../lib/log/queries';
import type { EngagementAct } from '../../../lib/messages';
import { SCHEMA_VERSION, emptyCounts, logEvent, pageVisit, targetedCount, type LogEvent, type PageVisit } from '../../../lib/schema';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/schema/settings';
import { loadTrackerDbFromNodeModules } from '../../helpers/trackerdb-node';

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

const NOW = new Date('2026-11-20T10:00:00.000Z');
const EXTENSION_VERSION = '0.1.0-test';
const TAB = 7;

const NEWS = 'https://news.example/article';
const SHOP = 'https://shop.example/checkout';

/** Requests whose classification the corpus (tests/unit/fixtures/request-corpus.ts) pins down. */
const GA_SCRIPT = 'https://www.google-analytics.com/analytics.js';
const FB_PIXEL = 'https://connect.facebook.net/en_US/fbevents.js';
const GA_COLLECT = 'https://region1.google-analytics.com/g/collect?v=2&tid=G-XXXX&cid=1.2';
const CDNJS = 'https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js';
const OWN_SCRIPT = 'https://news.example/static/app.js';
const UNKNOWN_THIRD_PARTY = 'https://images.unsplash.com/photo-1?w=800';

let db: TrackerDb;
let classifier: Classifier;

beforeAll(async () => {
  db = await loadTrackerDbFromNodeModules();
  classifier = createClassifier(db);
}, 30_000);

let ops: WriteOp[];
let changes: { tabId: number; visitId: string | null; restricted: boolean; targeted: number; engagement: number; record: TabRecord }[];
let settings: Settings;
let tabs: TabVisits;
let sequencer: Sequencer;
let recorder: Recorder;

beforeEach(async () => {
  ops = [];
  changes = [];
  settings = structuredClone(DEFAULT_SETTINGS);
  const queue: WriteQueue = {
    push: (op) => void ops.push(op),
    flush: async () => undefined,
    pending: () => ops.length,
  };
  const store = new MemoryStore();
  sequencer = await createSequencer(store, () => 'session-1');
  tabs = new TabVisits(store);
  recorder = createRecorder({
    classifier,
    queue,
    sequencer,
    tabs,
    settings: () => settings,
    extensionVersion: EXTENSION_VERSION,
    trackerDbVersion: db.version,
    onTabChanged: (record) => {
      // The record is live (mutated later): keep what it said at the time of the call.
      changes.push({
        tabId: record.tabId,
        visitId: record.visit?.visitId ?? null,
        restricted: record.restricted,
        targeted: record.visit ? targetedCount(record.visit.counts) : 0,
        engagement: record.visit?.counts.engagement ?? 0,
        record,
      });
    },
    now: () => NOW,
  });
});

afterEach(() => {
  vi.useRealTimers();
});

// ---- helpers ---------------------------------------------------------------------------------

const commit = (url: string, extra: Partial<NavigationDetails> = {}) => recorder.onCommitted({ tabId: TAB, frameId: 0, url, ...extra });
const historyNav = (url: string, extra: Partial<NavigationDetails> = {}) => recorder.onHistoryNavigation({ tabId: TAB, frameId: 0, url, ...extra });
const request = (url: string, extra: Partial<RequestDetails> = {}) => recorder.onRequest({ tabId: TAB, frameId: 0, type: 'script', url, ...extra });

/** Visit ops, each held to the log schema. */
function visitOps(): PageVisit[] {
  return ops.flatMap((op) => {
    if (op.op !== 'visit') return [];
    const parsed = pageVisit.safeParse(op.visit);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
    return [op.visit];
  });
}

/** Event ops, each held to the log schema. */
function eventOps(): LogEvent[] {
  return ops.flatMap((op) => {
    if (op.op !== 'event') return [];
    const parsed = logEvent.safeParse(op.event);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
    return [op.event];
  });
}

function trackerEvents() {
  return eventOps().filter((e): e is Extract<LogEvent, { kind: 'tracker' }> => e.kind === 'tracker');
}

function requestOps() {
  return ops.filter((op): op is Extract<WriteOp, { op: 'requests' }> => op.op === 'requests');
}

const currentVisit = (tabId = TAB) => tabs.get(tabId)?.visit ?? null;
const lastChange = () => changes.at(-1);

/** Start a visit and forget the ops it produced, so a test sees only what follows. */
async function onPage(url: string, extra: Partial<NavigationDetails> = {}): Promise<string> {
  await commit(url, extra);
  const visitId = currentVisit()?.visitId;
  if (!visitId) throw new Error(`no visit for ${url}`);
  ops.length = 0;
  changes.length = 0;
  return visitId;
}

// ---- visits ----------------------------------------------------------------------------------

describe('starts a visit on commit', () => {
  test.each([
    { url: 'https://news.example/article', site: 'news.example' },
    { url: 'https://www.news.example/article', site: 'news.example' },
    { url: 'https://www.bbc.co.uk/news', site: 'bbc.co.uk' },
    { url: 'http://localhost:8080/dev', site: 'localhost' },
    { url: 'http://192.168.1.10/admin', site: '192.168.1.10' },
  ])('$url: site $site', async ({ url, site }) => {
    await commit(url, { documentId: 'doc-1' });
    const [visit, ...more] = visitOps();
    expect(more).toEqual([]);
    expect(visit).toEqual({
      id: expect.stringMatching(/^session-1:v\d+$/),
      schemaVersion: SCHEMA_VERSION,
      sessionId: 'session-1',
      tabId: TAB,
      url,
      site,
      navigation: 'load',
      startedAt: NOW.toISOString(),
      day: localDay(NOW),
      arrivalParams: [],
      counts: emptyCounts(),
      seenFromStart: true,
      droppedEvents: 0,
    });
    expect(currentVisit()).toMatchObject({ visitId: visit!.id, url, site, documentId: 'doc-1', counts: emptyCounts() });
    expect(lastChange()).toMatchObject({ tabId: TAB, visitId: visit!.id, restricted: false, targeted: 0 });
  });

  test.each([
    { url: 'https://shop.example/?utm_source=newsletter&utm_medium=email&id=4', params: ['utm_source', 'utm_medium'] },
    { url: 'https://shop.example/landing?gclid=abc123', params: ['gclid'] },
    { url: 'https://shop.example/p?UTM_Campaign=spring&gclid=x#utm_content=hash', params: ['utm_campaign', 'gclid'] },
    { url: 'https://shop.example/p?page=2&sort=price', params: [] },
    { url: 'https://shop.example/p#?utm_source=fragment-only', params: [] },
  ])('arrival params of $url', async ({ url, params }) => {
    await commit(url);
    expect(visitOps()[0]?.arrivalParams).toEqual(params);
  });

  test('a new commit on the tab is a new visit with new counts', async () => {
    const first = await onPage(NEWS);
    request(GA_SCRIPT);
    await commit(SHOP);
    const second = visitOps()[0]!;
    expect(second.id).not.toBe(first);
    expect(currentVisit()).toMatchObject({ visitId: second.id, site: 'shop.example', counts: emptyCounts() });
    expect(lastChange()?.targeted).toBe(0);
  });

  test('the tab map is persisted before onCommitted resolves', async () => {
    const store = new MemoryStore();
    const persisted = new TabVisits(store);
    const rec = createRecorder({
      classifier,
      queue: { push: () => undefined, flush: async () => undefined, pending: () => 0 },
      sequencer,
      tabs: persisted,
      settings: () => settings,
      extensionVersion: EXTENSION_VERSION,
      trackerDbVersion: db.version,
      onTabChanged: () => undefined,
    });
    await rec.onCommitted({ tabId: 3, frameId: 0, url: NEWS });
    const restored = await new TabVisits(store).restore();
    expect(restored).toEqual([expect.objectContaining({ tabId: 3, visit: expect.objectContaining({ url: NEWS, site: 'news.example' }) })]);
  });
});

describe('ignores commits that are not a top-level page', () => {
  test.each([
    { name: 'a sub-frame', details: { tabId: TAB, frameId: 3, url: 'https://ads.example/frame' } },
    { name: 'tab -1 (not a tab)', details: { tabId: -1, frameId: 0, url: NEWS } },
  ])('$name', async ({ details }) => {
    await recorder.onCommitted(details);
    expect(ops).toEqual([]);
    expect(tabs.get(details.tabId)).toBeUndefined();
    expect(changes).toEqual([]);
  });
});

describe('restricted pages', () => {
  test.each(['chrome://newtab/', 'about:blank', 'about:newtab', 'chrome-extension://abc/popup.html', 'file:///home/me/notes.html', 'data:text/html,<p>hi'])(
    '%s makes the tab restricted with visit null',
    async (url) => {
      await onPage(NEWS);
      await commit(url);
      expect(ops).toEqual([]);
      expect(tabs.get(TAB)).toEqual({ tabId: TAB, visit: null, restricted: true, url });
      expect(lastChange()).toMatchObject({ tabId: TAB, visitId: null, restricted: true });
      // Nothing on a restricted tab is recorded.
      request(GA_SCRIPT);
      expect(recorder.onEngagement([{ action: 'click', at: 1, target: { tag: 'a', role: null } }], TAB, 0)).toBe(0);
      expect(ops).toEqual([]);
    },
  );
});

// ---- requests --------------------------------------------------------------------------------

describe('counts tracker requests', () => {
  test('a tracker request produces a requests op and a tracker event with full provenance', async () => {
    const visitId = await onPage(NEWS, { documentId: 'doc-1' });
    request(GA_SCRIPT, { frameId: 0, documentId: 'doc-1', frameType: 'outermost_frame' });

    expect(ops.map((op) => op.op)).toEqual(['requests', 'event']);
    expect(requestOps()).toEqual([{ op: 'requests', visitId, total: 1, thirdParty: 1 }]);
    const [event] = trackerEvents();
    expect(event).toMatchObject({
      kind: 'tracker',
      schemaVersion: SCHEMA_VERSION,
      extensionVersion: EXTENSION_VERSION,
      trackerDbVersion: db.version,
      ruleId: 'trackerdb/google_analytics',
      visitId,
      tabId: TAB,
      frameId: 0,
      topUrl: NEWS,
      site: 'news.example',
      time: NOW.toISOString(),
      sessionId: 'session-1',
      url: GA_SCRIPT,
      host: 'www.google-analytics.com',
      requestType: 'script',
      thirdParty: true,
      targeting: true,
      tracker: { organization: { key: 'google' }, category: 'site_analytics' },
    });
    expect(event!.id).toBe(`session-1:${event!.seq}`);
    expect(db.version).toMatch(/^\d+\.\d+\.\d+\/engine-\d+$/);
  });

  test('sequence numbers increase over events, and above the visit’s', async () => {
    await commit(NEWS);
    const visitSeq = Number(visitOps()[0]!.id.split(':v')[1]);
    for (const url of [GA_SCRIPT, FB_PIXEL, GA_COLLECT, GA_SCRIPT]) request(url);
    const seqs = trackerEvents().map((e) => e.seq);
    expect(seqs).toHaveLength(4);
    expect(seqs[0]).toBeGreaterThan(visitSeq);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]!);
    expect(new Set(trackerEvents().map((e) => e.id)).size).toBe(4);
  });

  test('each targeting event bumps the in-memory count and tells the badge', async () => {
    await onPage(NEWS);
    request(GA_SCRIPT);
    request(FB_PIXEL);
    request(GA_COLLECT, { type: 'ping' });
    const targeting = trackerEvents().filter((e) => e.targeting).length;
    expect(targeting).toBe(3);
    expect(currentVisit()?.counts).toMatchObject({ tracker: 3, requests: 3, thirdPartyRequests: 3 });
    expect(changes.map((c) => c.targeted)).toEqual([1, 2, 3]);
    expect(lastChange()?.record).toBe(tabs.get(TAB));
    expect(targetedCount(lastChange()!.record.visit!.counts)).toBe(targeting);
  });

  test('a tracker in a sub-frame is recorded with its frame id', async () => {
    await onPage(NEWS, { documentId: 'doc-1' });
    request(FB_PIXEL, { frameId: 4, documentId: 'doc-frame', parentDocumentId: 'doc-1', frameType: 'sub_frame' });
    expect(trackerEvents()).toEqual([expect.objectContaining({ frameId: 4, topUrl: NEWS, url: FB_PIXEL })]);
  });

  test('a known third party that does not target is recorded but not counted', async () => {
    const visitId = await onPage(NEWS);
    request(CDNJS);
    expect(ops.map((op) => op.op)).toEqual(['requests', 'event']);
    expect(trackerEvents()).toEqual([expect.objectContaining({ visitId, targeting: false, tracker: expect.objectContaining({ category: 'hosting' }) })]);
    expect(currentVisit()?.counts).toMatchObject({ tracker: 0, requests: 1, thirdPartyRequests: 1 });
    expect(changes).toEqual([]);
  });

  test.each([
    { name: 'a first-party script', url: OWN_SCRIPT, thirdParty: 0 },
    { name: 'a first-party request from a subdomain', url: 'https://static.news.example/img/logo.png', thirdParty: 0 },
    { name: 'an unknown third party', url: UNKNOWN_THIRD_PARTY, thirdParty: 1 },
  ])('$name produces only a requests op', async ({ url, thirdParty }) => {
    const visitId = await onPage(NEWS);
    request(url, { type: 'image' });
    expect(ops).toEqual([{ op: 'requests', visitId, total: 1, thirdParty }]);
    expect(currentVisit()?.counts).toEqual({ ...emptyCounts(), requests: 1, thirdPartyRequests: thirdParty });
    expect(changes).toEqual([]);
  });

  // Sites without a registrable domain are their host (siteOf): the page's own host is first party.
  test.each([
    { page: 'http://localhost:8080/', url: 'http://localhost:8080/app.js', thirdParty: 0 },
    { page: 'http://192.168.1.10/admin', url: 'http://192.168.1.10/static/app.js', thirdParty: 0 },
    { page: 'http://localhost:8080/', url: 'http://127.0.0.1:8080/app.js', thirdParty: 1 },
    { page: 'http://192.168.1.10/admin', url: UNKNOWN_THIRD_PARTY, thirdParty: 1 },
  ])('on $page, $url is counted with thirdParty $thirdParty', async ({ page, url, thirdParty }) => {
    const visitId = await onPage(page);
    request(url, { type: 'image' });
    expect(ops).toEqual([{ op: 'requests', visitId, total: 1, thirdParty }]);
    expect(currentVisit()?.counts).toEqual({ ...emptyCounts(), requests: 1, thirdPartyRequests: thirdParty });
    expect(changes).toEqual([]);
  });
});

describe('ignores requests', () => {
  test.each([
    { name: 'main_frame', details: { type: 'main_frame', url: GA_SCRIPT } },
    { name: 'tab -1 (the worker, other extensions)', details: { tabId: -1, url: GA_SCRIPT } },
    { name: 'a tab never committed', details: { tabId: 99, url: GA_SCRIPT } },
    { name: 'a data: URL', details: { url: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' } },
    { name: 'a blob: URL', details: { url: 'blob:https://news.example/0b1c6f1e-5e57-4c1b-9a57-1f9ab4a0c0de' } },
    { name: 'a chrome-extension: URL', details: { url: 'chrome-extension://abcdefghijklmnop/content.css' } },
    { name: 'a moz-extension: URL', details: { url: 'moz-extension://1234/content.css' } },
    { name: 'a websocket', details: { type: 'websocket', url: 'wss://www.google-analytics.com/socket' } },
    { name: 'an empty URL', details: { url: '' } },
  ])('$name', async ({ details }) => {
    await onPage(NEWS);
    expect(() => request(GA_SCRIPT, details)).not.toThrow();
    expect(ops).toEqual([]);
    expect(currentVisit()?.counts).toEqual(emptyCounts());
    expect(changes).toEqual([]);
  });

  test('on a paused site: no visit, no requests, no events, no engagement', async () => {
    settings.pausedSites = ['news.example'];
    await commit(NEWS);
    request(GA_SCRIPT);
    request(OWN_SCRIPT);
    const accepted = recorder.onEngagement([{ action: 'click', at: 1, target: { tag: 'a', role: null } }], TAB, 0);
    expect(accepted).toBe(0);
    expect(ops).toEqual([]);
    expect(currentVisit()?.counts).toEqual(emptyCounts());
  });

  test('a site paused during the visit records nothing from then on', async () => {
    await onPage('https://www.news.example/');
    settings.pausedSites = ['news.example'];
    request(GA_SCRIPT);
    expect(ops).toEqual([]);
  });

  test('pausing another site changes nothing here', async () => {
    await onPage(NEWS);
    settings.pausedSites = ['shop.example'];
    request(GA_SCRIPT);
    expect(trackerEvents()).toHaveLength(1);
  });

  test('with the tracker detector off, no tracker events are recorded', async () => {
    settings.detectors.trackers = false;
    await onPage(NEWS);
    request(GA_SCRIPT);
    request(FB_PIXEL);
    request(GA_COLLECT, { type: 'ping' });
    expect(trackerEvents()).toEqual([]);
    expect(currentVisit()?.counts.tracker).toBe(0);
    expect(changes).toEqual([]);
  });
});

// ---- history navigations ---------------------------------------------------------------------

describe('history navigations', () => {
  test.each([
    { from: 'https://app.example/inbox', to: 'https://app.example/settings' },
    { from: 'https://app.example/inbox', to: 'https://app.example/inbox?page=2' },
    { from: 'https://app.example/inbox', to: 'https://app.example/inbox#/thread/4' },
    { from: 'https://app.example/inbox', to: 'https://app.example/inbox#!/thread/4' },
    { from: 'https://app.example/#/inbox', to: 'https://app.example/#/sent' },
    { from: 'https://app.example/inbox#top', to: 'https://app.example/archive#top' },
  ])('$from → $to starts a history visit', async ({ from, to }) => {
    const first = await onPage(from, { documentId: 'doc-app' });
    await historyNav(to, { documentId: 'doc-app' });
    const [visit, ...more] = visitOps();
    expect(more).toEqual([]);
    expect(visit).toMatchObject({ url: to, site: 'app.example', navigation: 'history', counts: emptyCounts() });
    expect(visit!.id).not.toBe(first);
    expect(currentVisit()).toMatchObject({ visitId: visit!.id, url: to, documentId: 'doc-app' });
  });

  test.each([
    { name: 'the same URL', from: 'https://app.example/inbox', to: 'https://app.example/inbox' },
    { name: 'a plain #anchor', from: 'https://app.example/inbox', to: 'https://app.example/inbox#section-2' },
    { name: 'another plain #anchor', from: 'https://app.example/inbox#a', to: 'https://app.example/inbox#b' },
    { name: 'dropping the #anchor', from: 'https://app.example/inbox#a', to: 'https://app.example/inbox' },
    { name: 'the same #/route', from: 'https://app.example/#/inbox', to: 'https://app.example/#/inbox' },
  ])('$name does not start a visit', async ({ from, to }) => {
    const first = await onPage(from);
    await historyNav(to);
    expect(ops).toEqual([]);
    expect(currentVisit()?.visitId).toBe(first);
  });

  test('history events of a sub-frame are ignored', async () => {
    const first = await onPage('https://app.example/inbox');
    await recorder.onHistoryNavigation({ tabId: TAB, frameId: 2, url: 'https://app.example/settings' });
    expect(ops).toEqual([]);
    expect(currentVisit()?.visitId).toBe(first);
  });

  test('arrival params of the new route are recorded', async () => {
    await onPage('https://app.example/inbox');
    await historyNav('https://app.example/promo?utm_source=mail');
    expect(visitOps()[0]?.arrivalParams).toEqual(['utm_source']);
  });

  test('requests after the history navigation count for the new visit; the document id is kept', async () => {
    const first = await onPage('https://app.example/inbox', { documentId: 'doc-app' });
    request(GA_SCRIPT, { documentId: 'doc-app' });
    await historyNav('https://app.example/settings', { documentId: 'doc-app' });
    const second = currentVisit()!.visitId;
    expect(second).not.toBe(first);
    request(FB_PIXEL, { documentId: 'doc-app' });
    expect(trackerEvents().map((e) => [e.url, e.visitId, e.topUrl])).toEqual([
      [GA_SCRIPT, first, 'https://app.example/inbox'],
      [FB_PIXEL, second, 'https://app.example/settings'],
    ]);
    expect(currentVisit()?.counts.tracker).toBe(1);
  });

  test('a Firefox history navigation (no documentId) keeps the load’s document id', async () => {
    await onPage('https://app.example/inbox', { documentId: 'doc-app' });
    await historyNav('https://app.example/settings');
    expect(currentVisit()?.documentId).toBe('doc-app');
  });
});

// ---- Chrome documentId -----------------------------------------------------------------------

describe('Chrome documentId', () => {
  test('a top-frame request of the previous document counts for the previous visit (an unload beacon)', async () => {
    const newsVisit = await onPage(NEWS, { documentId: 'doc-news' });
    await commit(SHOP, { documentId: 'doc-shop' });
    const shopVisit = currentVisit()!.visitId;
    ops.length = 0;
    changes.length = 0;

    request(GA_COLLECT, { type: 'ping', frameId: 0, documentId: 'doc-news' });
    request('https://news.example/api/leave?t=1', { type: 'beacon', frameId: 0, documentId: 'doc-news' });

    expect(requestOps()).toEqual([
      { op: 'requests', visitId: newsVisit, total: 1, thirdParty: 1 },
      { op: 'requests', visitId: newsVisit, total: 1, thirdParty: 0 },
    ]);
    const [ga, own] = trackerEvents();
    const previousPage = { visitId: newsVisit, topUrl: NEWS, site: 'news.example', tabId: TAB };
    expect(ga).toMatchObject({ ...previousPage, url: GA_COLLECT, thirdParty: true, targeting: true });
    // The site's own beacon is first party to the page that sent it, not to the page now shown.
    expect(own).toMatchObject({ ...previousPage, host: 'news.example', thirdParty: false, beacon: { kinds: ['beacon'] } });
    // The page now shown is not charged for them.
    expect(currentVisit()).toMatchObject({ visitId: shopVisit, counts: emptyCounts() });
    expect(changes).toEqual([]);
  });

  test('a request of the current document counts for the current visit', async () => {
    const visitId = await onPage(NEWS, { documentId: 'doc-news' });
    request(GA_SCRIPT, { documentId: 'doc-news' });
    expect(trackerEvents()).toEqual([expect.objectContaining({ visitId })]);
  });

  test('a request with an unknown documentId is held until its commit, then counts for the new visit', async () => {
    await onPage(NEWS, { documentId: 'doc-news' });
    request(GA_SCRIPT, { frameId: 0, documentId: 'doc-shop' });
    request(OWN_SCRIPT, { frameId: 0, documentId: 'doc-shop' });
    expect(ops).toEqual([]);
    expect(currentVisit()?.counts).toEqual(emptyCounts());

    await commit(SHOP, { documentId: 'doc-shop' });
    const shopVisit = currentVisit()!.visitId;
    expect(ops.map((op) => op.op)).toEqual(['visit', 'requests', 'event', 'requests']);
    expect(requestOps().map((op) => op.visitId)).toEqual([shopVisit, shopVisit]);
    expect(trackerEvents()).toEqual([expect.objectContaining({ visitId: shopVisit, topUrl: SHOP, site: 'shop.example', url: GA_SCRIPT })]);
    expect(currentVisit()?.counts).toMatchObject({ tracker: 1, requests: 2 });
    expect(lastChange()).toMatchObject({ visitId: shopVisit, targeted: 1 });
  });

  test('a held request whose document never commits counts for the tab’s visit after 3 s', async () => {
    vi.useFakeTimers();
    const visitId = await onPage(NEWS, { documentId: 'doc-news' });
    request(GA_SCRIPT, { frameId: 0, documentId: 'doc-lost' });
    vi.advanceTimersByTime(2_999);
    expect(trackerEvents()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(trackerEvents()).toEqual([expect.objectContaining({ visitId, url: GA_SCRIPT })]);
  });

  test('a sub-frame request whose parent document is unknown is not held', async () => {
    const visitId = await onPage(NEWS, { documentId: 'doc-news' });
    request(FB_PIXEL, { frameId: 5, documentId: 'doc-inner', parentDocumentId: 'doc-middle' });
    expect(trackerEvents()).toEqual([expect.objectContaining({ visitId, frameId: 5 })]);
  });

  test('requests without a documentId (Firefox) count for the current visit', async () => {
    const visitId = await onPage(NEWS);
    request(GA_SCRIPT);
    expect(trackerEvents()).toEqual([expect.objectContaining({ visitId })]);
  });

  test('held requests of a tab that is closed are dropped', async () => {
    await onPage(NEWS, { documentId: 'doc-news' });
    request(GA_SCRIPT, { frameId: 0, documentId: 'doc-next' });
    recorder.onTabRemoved(TAB);
    await commit(SHOP, { documentId: 'doc-next' });
    expect(ops.map((op) => op.op)).toEqual(['visit']);
  });
});

// ---- engagement ------------------------------------------------------------------------------

describe('engagement', () => {
  const ACTS: EngagementAct[] = [
    { action: 'click', at: 1_000, target: { tag: 'button', role: null } },
    { action: 'type', at: 2_000, target: { tag: 'input', role: 'searchbox' } },
    { action: 'submit', at: 3_000, target: { tag: 'form', role: 'search' } },
    { action: 'media', at: 4_000, target: { tag: 'video', role: null } },
  ];

  test('appends one engagement event per act, with its action and target, and returns the count', async () => {
    const visitId = await onPage(NEWS);
    expect(recorder.onEngagement(ACTS, TAB, 2)).toBe(4);
    const events = eventOps();
    expect(events.map((e) => (e.kind === 'engagement' ? [e.action, e.target] : null))).toEqual(ACTS.map((a) => [a.action, a.target]));
    for (const [i, event] of events.entries()) {
      expect(event).toMatchObject({
        kind: 'engagement',
        ruleId: `engagement@1/${ACTS[i]!.action}`,
        visitId,
        tabId: TAB,
        frameId: 2,
        topUrl: NEWS,
        site: 'news.example',
        extensionVersion: EXTENSION_VERSION,
        trackerDbVersion: db.version,
      });
    }
    expect(currentVisit()?.counts).toMatchObject({ engagement: 4, tracker: 0 });
    expect(changes.map((c) => c.engagement)).toEqual([1, 2, 3, 4]);
    expect(lastChange()?.targeted).toBe(0);
  });

  test.each([
    { name: 'a tab never committed', tabId: 99, setup: () => undefined },
    {
      name: 'the engagement detector off',
      tabId: TAB,
      setup: () => {
        settings.detectors.engagement = false;
      },
    },
    {
      name: 'a paused site',
      tabId: TAB,
      setup: () => {
        settings.pausedSites = ['news.example'];
      },
    },
  ])('is refused on $name', async ({ tabId, setup }) => {
    await onPage(NEWS);
    setup();
    expect(recorder.onEngagement(ACTS, tabId, 0)).toBe(0);
    expect(ops).toEqual([]);
  });
});

// ---- tabs ------------------------------------------------------------------------------------

describe('tabs', () => {
  test('onTabRemoved forgets the tab', async () => {
    await onPage(NEWS);
    recorder.onTabRemoved(TAB);
    expect(tabs.get(TAB)).toBeUndefined();
    request(GA_SCRIPT);
    expect(recorder.onEngagement([{ action: 'click', at: 1, target: { tag: 'a', role: null } }], TAB, 0)).toBe(0);
    expect(ops).toEqual([]);
  });

  test('tabs keep their own visits and counts', async () => {
    await recorder.onCommitted({ tabId: 1, frameId: 0, url: NEWS });
    await recorder.onCommitted({ tabId: 2, frameId: 0, url: SHOP });
    recorder.onRequest({ tabId: 1, frameId: 0, type: 'script', url: GA_SCRIPT });
    recorder.onRequest({ tabId: 1, frameId: 0, type: 'script', url: FB_PIXEL });
    recorder.onRequest({ tabId: 2, frameId: 0, type: 'script', url: FB_PIXEL });
    expect(currentVisit(1)?.counts.tracker).toBe(2);
    expect(currentVisit(2)?.counts.tracker).toBe(1);
    expect(trackerEvents().map((e) => [e.tabId, e.site])).toEqual([
      [1, 'news.example'],
      [1, 'news.example'],
      [2, 'shop.example'],
    ]);
    recorder.onTabRemoved(1);
    expect(tabs.get(1)).toBeUndefined();
    expect(currentVisit(2)?.counts.tracker).toBe(1);
  });
});

describe('single-page apps: a request goes to the visit that was current when it was made', () => {
  test.each([
    ['200 ms before the pushState', -200, 'first'],
    ['5 ms before it (Chrome stamps the history event late: within the tolerance)', -5, 'second'],
    ['after it', 30, 'second'],
  ])('a request stamped %s belongs to the %s visit', async (_label, offset, expected) => {
    await commit(NEWS, { timeStamp: 1_000_000, documentId: 'doc-1' });
    const first = currentVisit()!.visitId;
    await historyNav(`${NEWS}/page-2`, { timeStamp: 1_001_000, documentId: 'doc-1' });
    const second = currentVisit()!.visitId;
    expect(second).not.toBe(first);
    request(GA_COLLECT, { type: 'ping', timeStamp: 1_001_000 + offset, documentId: 'doc-1' });
    const [event] = trackerEvents();
    expect(event?.visitId).toBe(expected === 'first' ? first : second);
    expect(event?.topUrl).toBe(expected === 'first' ? NEWS : `${NEWS}/page-2`);
  });
});
