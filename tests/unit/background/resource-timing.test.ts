import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type Recorder, type ResourceTimingReport } from '../../../lib/background/recorder';
import { createVisitBounds, VISIT_CAPS } from '../../../lib/background/visit-bounds';
import { createRequestLedger, ledgerKey, MAX_URLS_PER_VISIT } from '../../../lib/background/request-ledger';
import { createClassifier, type Classifier } from '../../../lib/trackers/classify-request';
import { requestTypeOf } from '../../../lib/trackers/initiator-type';
import type { WriteOp } from '../../../lib/log/write-queue';
import { contentMessage } from '../../../lib/schema/content-messages';
import { logEvent, pageVisit, type LogEvent } from '../../../lib/schema';
import { DEFAULT_SETTINGS } from '../../../lib/schema/settings';
import { testRecorder } from './test-recorder';
import { loadTrackerDbFromNodeModules } from '../../helpers/trackerdb-node';

const TAB = 3;
const NEWS = 'https://news.example/article';
const GA_SCRIPT = 'https://www.google-analytics.com/analytics.js';
const FB_PIXEL = 'https://connect.facebook.net/en_US/fbevents.js';
const GA_COLLECT = 'https://region1.google-analytics.com/g/collect?v=2&tid=G-XXXX&cid=1.2';
const OWN_SCRIPT = 'https://news.example/static/app.js';

let classifier: Classifier;
beforeAll(async () => {
  classifier = createClassifier(await loadTrackerDbFromNodeModules());
}, 30_000);

let ops: WriteOp[];
let recorder: Recorder;
let capped: { kind: string; visitId: string; n: number }[];
let clock: number;

beforeEach(async () => {
  capped = [];
  clock = Date.parse('2026-11-20T10:00:00.000Z');
  ({ recorder, ops } = await testRecorder(classifier, {
    bounds: createVisitBounds((kind, visitId, n) => void capped.push({ kind, visitId, n })),
    now: () => new Date(clock),
  }));
});

const visits = () => ops.flatMap((o) => (o.op === 'visit' ? [o.visit] : []));
const events = () => ops.flatMap((o) => (o.op === 'event' ? [o.event] : []));
const trackers = () => events().filter((e): e is Extract<LogEvent, { kind: 'tracker' }> => e.kind === 'tracker');
const requestsCounted = () => ops.reduce((n, o) => n + (o.op === 'requests' ? o.total : 0), 0);
const report = (urls: string[], over: Partial<ResourceTimingReport> = {}, initiator = 'script'): ResourceTimingReport => ({
  entries: urls.map((url, i) => ({ url, initiator, at: clock - 5000 + i })),
  capped: 0,
  overflowed: false,
  ...over,
});
const request = (url: string, type = 'script') => recorder.onRequest({ url, type, tabId: TAB, frameId: 0, timeStamp: clock });

describe('Resource Timing merge (issue #10, item 2)', () => {
  test('a page Beaker joined late: what webRequest never reported is recorded from its entries, marked, and the visit is partial', async () => {
    await recorder.onCommitted({ tabId: TAB, frameId: 0, url: NEWS, adopted: true, joinedLate: true, timeStamp: clock });
    const visit = visits()[0]!;
    expect(pageVisit.safeParse(visit).success).toBe(true);
    expect(visit).toMatchObject({ seenFromStart: false, partial: true });

    const accepted = recorder.onResourceTiming(report([GA_SCRIPT, FB_PIXEL, OWN_SCRIPT]), TAB, 0);
    expect(accepted).toBe(3);
    expect(requestsCounted()).toBe(3);
    const recorded = trackers();
    expect(recorded.map((e) => e.url).sort()).toEqual([FB_PIXEL, GA_SCRIPT].sort());
    for (const e of recorded) {
      expect(e.observedBy).toBe('resource-timing');
      expect(e.visitId).toBe(visit.id);
      expect(logEvent.safeParse(e).success).toBe(true);
    }
  });

  test('duplicates: a URL webRequest reported, a URL sent twice, a URL in two frames, a URL with a fragment, are recorded once', async () => {
    await recorder.onCommitted({ tabId: TAB, frameId: 0, url: NEWS, timeStamp: clock });
    request(GA_SCRIPT);
    expect(trackers()).toHaveLength(1);
    expect(recorder.onResourceTiming(report([GA_SCRIPT, FB_PIXEL, FB_PIXEL]), TAB, 0)).toBe(1);
    expect(recorder.onResourceTiming(report([FB_PIXEL]), TAB, 4)).toBe(0);
    expect(recorder.onResourceTiming(report([`${GA_SCRIPT}#x`]), TAB, 0)).toBe(0);
    expect(trackers().map((e) => [e.url, e.observedBy ?? 'webrequest'])).toEqual([
      [GA_SCRIPT, 'webrequest'],
      [FB_PIXEL, 'resource-timing'],
    ]);
    // The visit was seen from its start: not partial.
    expect(visits()[0]!.partial).toBeUndefined();
    expect(requestsCounted()).toBe(2);
  });

  test('a visit seen from its start records only what webRequest did not report (nothing twice)', async () => {
    await recorder.onCommitted({ tabId: TAB, frameId: 0, url: NEWS, timeStamp: clock });
    for (const url of [GA_SCRIPT, FB_PIXEL, GA_COLLECT, OWN_SCRIPT]) request(url);
    const before = ops.length;
    expect(recorder.onResourceTiming(report([GA_SCRIPT, FB_PIXEL, GA_COLLECT, OWN_SCRIPT]), TAB, 0)).toBe(0);
    expect(ops.length).toBe(before);
  });

  test('data:, blob: and other non-web URLs are never recorded (the schema takes them, the recorder drops them)', async () => {
    await recorder.onCommitted({ tabId: TAB, frameId: 0, url: NEWS, adopted: true, joinedLate: true, timeStamp: clock });
    const odd = ['data:image/gif;base64,R0lGOD', 'blob:https://news.example/1234', 'chrome-extension://abc/x.js', 'about:blank'];
    expect(recorder.onResourceTiming(report(odd), TAB, 0)).toBe(0);
    expect(ops.filter((o) => o.op !== 'visit')).toEqual([]);
  });

  test('a buffer that overflowed before the content script started: what it still reports is recorded, the visit stays partial', async () => {
    await recorder.onCommitted({ tabId: TAB, frameId: 0, url: NEWS, adopted: true, joinedLate: true, timeStamp: clock });
    const urls = Array.from({ length: 250 }, (_, i) => `https://news.example/img/${i}.png`);
    expect(recorder.onResourceTiming(report(urls, { overflowed: true }, 'img'), TAB, 0)).toBe(250);
    expect(visits()[0]!.partial).toBe(true);
    expect(requestsCounted()).toBe(250);
  });

  test('a page flooding entries: at most the per-visit cap is recorded, the rest counted as capped (with the page\'s own count)', async () => {
    await recorder.onCommitted({ tabId: TAB, frameId: 0, url: NEWS, adopted: true, joinedLate: true, timeStamp: clock });
    const cap = VISIT_CAPS['resource-timing'];
    let accepted = 0;
    for (let batch = 0; batch < 20; batch++) {
      const urls = Array.from({ length: 100 }, (_, i) => `https://ads.example/p?n=${batch * 100 + i}`);
      accepted += recorder.onResourceTiming(report(urls, { capped: batch === 19 ? 7000 : 0 }, 'img'), TAB, 0);
    }
    expect(accepted).toBe(cap);
    expect(requestsCounted()).toBe(cap);
    const visitId = visits()[0]!.id;
    const total = capped.filter((c) => c.kind === 'resource-timing' && c.visitId === visitId).reduce((n, c) => n + c.n, 0);
    expect(total).toBe(2000 - cap + 7000);
  });

  test('after a worker restart, a restored visit does not take entries from before this worker (an earlier one may have recorded them)', async () => {
    await recorder.onCommitted({ tabId: TAB, frameId: 0, url: NEWS, timeStamp: clock });
    const visitId = visits()[0]!.id;
    // The same tabs, a new recorder and ledger: what a restarted worker has.
    const ledger = createRequestLedger(() => clock);
    expect(ledger.take(visitId, GA_SCRIPT, clock - 1)).toBe('before');
    expect(ledger.take(visitId, FB_PIXEL, clock + 10)).toBe('new');
    expect(ledger.take(visitId, FB_PIXEL, clock + 20)).toBe('seen');
  });

  test('"delete all data" restarts a visit: only entries after it are taken (what came before was deleted, not missed)', async () => {
    await recorder.onCommitted({ tabId: TAB, frameId: 0, url: NEWS, timeStamp: clock });
    clock += 60_000;
    await recorder.onCommitted({ tabId: TAB, frameId: 0, url: NEWS, adopted: true, timeStamp: clock });
    expect(visits()[1]!.partial).toBeUndefined();
    const old = { url: GA_SCRIPT, initiator: 'script', at: clock - 30_000 };
    const fresh = { url: FB_PIXEL, initiator: 'script', at: clock + 100 };
    expect(recorder.onResourceTiming({ entries: [old, fresh], capped: 0, overflowed: false }, TAB, 0)).toBe(1);
    expect(trackers().map((e) => e.url)).toEqual([FB_PIXEL]);
  });

  test('a paused site records nothing from its entries', async () => {
    const paused = { ...DEFAULT_SETTINGS, pausedSites: ['news.example'] };
    const { recorder: r, ops: pausedOps } = await testRecorder(classifier, { settings: () => paused, extensionVersion: 'x', trackerDbVersion: 'x' });
    await r.onCommitted({ tabId: TAB, frameId: 0, url: NEWS, adopted: true, joinedLate: true });
    expect(r.onResourceTiming(report([GA_SCRIPT]), TAB, 0)).toBe(0);
    expect(pausedOps).toEqual([]);
  });

  test('the ledger is bounded: past MAX_URLS_PER_VISIT it can no longer tell entries apart and takes none', () => {
    const ledger = createRequestLedger(() => 0);
    ledger.begin('v');
    for (let i = 0; i < MAX_URLS_PER_VISIT + 10; i++) ledger.note('v', `https://x.example/${i}`);
    expect(ledger.take('v', 'https://x.example/new', 1)).toBe('full');
    expect(ledgerKey('https://a.example/x#frag')).toBe(ledgerKey('https://a.example/x'));
  });

  test('the message is bounded: entries per message, URL length, and data it does not know are refused', () => {
    const ok = { type: 'resource-timing', entries: [{ url: GA_SCRIPT, initiator: 'script', at: 1 }], capped: 0, overflowed: false };
    expect(contentMessage.safeParse(ok).success).toBe(true);
    const many = { ...ok, entries: Array.from({ length: 101 }, () => ok.entries[0]) };
    expect(contentMessage.safeParse(many).success).toBe(false);
    expect(contentMessage.safeParse({ ...ok, entries: [{ url: `https://a.example/${'x'.repeat(2100)}`, initiator: 'img', at: 1 }] }).success).toBe(false);
    expect(contentMessage.safeParse({ ...ok, capped: -1 }).success).toBe(false);
  });

  test('initiator types become webRequest types', () => {
    expect(requestTypeOf('img', 'https://a.example/p')).toBe('image');
    expect(requestTypeOf('beacon', 'https://a.example/c')).toBe('ping');
    expect(requestTypeOf('fetch', 'https://a.example/c')).toBe('xmlhttprequest');
    expect(requestTypeOf('iframe', 'https://a.example/f.html')).toBe('sub_frame');
    expect(requestTypeOf('css', 'https://a.example/f.woff2')).toBe('font');
    expect(requestTypeOf('link', 'https://fonts.googleapis.com/css2?family=X')).toBe('stylesheet');
    expect(requestTypeOf('other', 'https://a.example/x')).toBe('other');
  });
});



