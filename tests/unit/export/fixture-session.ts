import { SCHEMA_VERSION, type LogEvent, type PageVisit } from '../../../lib/schema';
import { visitToRecord, type ExportRecord } from '../../../lib/export/records';
import { makeEngagementEvent, makeTrackerEvent, makeVisit } from '../log/make-records';

/**
 * A deterministic browsing session with every record kind (tests/unit/log/make-records.ts for the
 * visit, tracker and engagement records; ad and dark-pattern records built alike here). Call it
 * once per test file: make-records numbers ids with a module-level counter.
 */
function provenanceOf(visit: PageVisit, n: number, ruleId: string, time: string) {
  return {
    id: `s1:${n}`,
    schemaVersion: SCHEMA_VERSION,
    extensionVersion: '0.1.0',
    trackerDbVersion: 'test/engine-0',
    ruleId,
    visitId: visit.id,
    tabId: visit.tabId,
    frameId: 0,
    topUrl: visit.url,
    site: visit.site,
    time,
    sessionId: 's1',
    seq: n,
  } as const;
}

export function fixtureSession(): ExportRecord[] {
  const news = makeVisit({
    url: 'https://www.news.example/article/42?utm_source=mail&session=abc#comments',
    site: 'news.example',
    arrivalParams: ['utm_source'],
    counts: { tracker: 2, ad: 1, darkPattern: 1, engagement: 1, requests: 9, thirdPartyRequests: 5 },
  });
  const shop = makeVisit({
    url: 'https://shop.example/cart',
    site: 'shop.example',
    startedAt: '2026-11-21T08:30:00.000Z',
    day: '2026-11-21',
    navigation: 'history',
    counts: { tracker: 1, ad: 0, darkPattern: 0, engagement: 1, requests: 3, thirdPartyRequests: 1 },
    // Schema 3: joined late, and the bounds kept some out.
    seenFromStart: false,
    partial: true,
    capped: { darkPattern: 12, ad: 0, engagement: 3, resourceTiming: 1 },
  });
  const ga = makeTrackerEvent(news, { time: '2026-11-20T10:00:01.000Z' });
  const pixel = makeTrackerEvent(news, {
    time: '2026-11-20T10:00:02.000Z',
    url: 'https://www.facebook.com/tr?id=123&ev=PageView&fbclid=XYZ',
    host: 'www.facebook.com',
    requestType: 'image',
    tracker: { key: 'facebook', name: 'Facebook', category: 'advertising', organization: { key: 'meta', name: 'Meta' }, matchedBy: 'filter' },
    beacon: { kinds: ['collect-endpoint', 'tiny-image'] },
    ruleId: 'trackerdb/facebook',
    reasons: [
      { rule: 'trackerdb/filter', detail: 'Facebook (advertising, Meta)' },
      { rule: 'beacon@1/collect-endpoint/meta-pixel', detail: 'Meta Pixel endpoint www.facebook.com/tr' },
    ],
  });
  const firstParty = makeTrackerEvent(shop, {
    time: '2026-11-21T08:30:01.000Z',
    url: 'https://metrics.shop.example/collect?uid=777',
    host: 'metrics.shop.example',
    requestType: 'xmlhttprequest',
    thirdParty: false,
    targeting: true,
    tracker: null,
    beacon: { kinds: ['collect-endpoint'] },
    ruleId: 'beacon@1/collect-endpoint/generic',
    reasons: [{ rule: 'beacon@1/collect-endpoint/generic', detail: 'see https://metrics.shop.example/collect?uid=777' }],
    // Schema 3: known only from the page's Resource Timing entries.
    observedBy: 'resource-timing',
  });
  const ad = {
    ...provenanceOf(news, 9001, 'ads/gpt-slot@1', '2026-11-20T10:00:03.000Z'),
    kind: 'ad',
    phase: 'rendered',
    unitId: 'u1',
    network: 'Google Ad Manager',
    locator: '#top-ad',
    reasons: [{ rule: 'ads/gpt-slot@1/slot-div', detail: 'div#top-ad, "Sponsored, by Alice\'s shop"' }],
  } satisfies LogEvent;
  const pattern = {
    ...provenanceOf(news, 9002, 'dark-patterns/text-patterns@1', '2026-11-20T10:00:04.000Z'),
    kind: 'dark-pattern',
    unitId: 'd1',
    category: 'scarcity',
    type: 'low-stock',
    confidence: 0.8,
    evidence: 'Hi Alice, only 2 left in stock, order now',
    locator: 'main > p:nth-of-type(2)',
    explanationId: 'scarcity/low-stock',
    reasons: [{ rule: 'text@1/scarcity/low-stock', detail: 'in a p' }],
    possible: false,
  } satisfies LogEvent;
  return [
    visitToRecord(news),
    ga,
    pixel,
    ad,
    pattern,
    makeEngagementEvent(news, 'click'),
    visitToRecord(shop),
    firstParty,
    { ...makeEngagementEvent(shop, 'type'), target: { tag: 'input', role: 'searchbox' } },
  ] as ExportRecord[];
}
