import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type Recorder, type RequestDetails } from '../../../lib/background/recorder';
import { createClassifier, type Classifier } from '../../../lib/trackers/classify-request';
import type { WriteOp } from '../../../lib/log/write-queue';
import { logEvent, pageVisit } from '../../../lib/schema';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/schema/settings';
import { testRecorder } from './test-recorder';
import { loadTrackerDbFromNodeModules } from '../../helpers/trackerdb-node';

const GA_COLLECT = 'https://region1.google-analytics.com/g/collect?v=2&tid=G-XXXX&cid=1.2';
let classifier: Classifier;
beforeAll(async () => {
  classifier = createClassifier(await loadTrackerDbFromNodeModules());
}, 30_000);

let ops: WriteOp[];
let recorder: Recorder;
let settings: Settings;
beforeEach(async () => {
  settings = structuredClone(DEFAULT_SETTINGS);
  ({ recorder, ops } = await testRecorder(classifier, {
    settings: () => settings,
    extensionVersion: 'x',
    trackerDbVersion: 'x',
    now: () => new Date('2026-11-20T10:00:00.000Z'),
  }));
});

const tabless = (over: Partial<RequestDetails>) => recorder.onRequest({ url: GA_COLLECT, type: 'xmlhttprequest', tabId: -1, frameId: -1, ...over });
const visits = () => ops.flatMap((o) => (o.op === 'visit' ? [o.visit] : []));
const events = () => ops.flatMap((o) => (o.op === 'event' ? [o.event] : []));

describe('requests with no tab (issue #10, item 3)', () => {
  test('attributed to the open page whose origin initiated them (Chrome initiator, Firefox documentUrl)', async () => {
    await recorder.onCommitted({ tabId: 4, frameId: 0, url: 'https://news.example/a' });
    await recorder.onCommitted({ tabId: 5, frameId: 0, url: 'https://shop.example/b' });
    tabless({ initiator: 'https://shop.example' });
    tabless({ documentUrl: 'https://news.example/sw.js' });
    const [news, shop] = visits();
    expect(events().map((e) => [e.visitId, e.tabId])).toEqual([
      [shop!.id, 5],
      [news!.id, 4],
    ]);
    expect(visits()).toHaveLength(2);
  });

  test('no tab shows the origin: the site\'s background visit (one per site and day), valid records', async () => {
    tabless({ initiator: 'https://blog.example' });
    tabless({ initiator: 'https://www.blog.example' });
    tabless({ url: 'https://blog.example/own.js', initiator: 'https://blog.example' });
    const bg = visits();
    expect(bg).toHaveLength(1);
    expect(bg[0]).toMatchObject({ navigation: 'background', tabId: -1, site: 'blog.example', url: 'https://blog.example' });
    expect(pageVisit.safeParse(bg[0]).success).toBe(true);
    expect(events()).toHaveLength(2);
    for (const e of events()) {
      expect(e.visitId).toBe(bg[0]!.id);
      expect(logEvent.safeParse(e).success).toBe(true);
    }
    expect(ops.filter((o) => o.op === 'requests').length).toBe(3);
  });

  test('no web initiator (the browser, an extension), or a paused site: nothing', async () => {
    tabless({});
    tabless({ initiator: 'chrome-extension://abc' });
    tabless({ initiator: 'null' });
    settings.pausedSites = ['blog.example'];
    tabless({ initiator: 'https://blog.example' });
    expect(ops).toEqual([]);
  });
});
