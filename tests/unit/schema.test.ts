import { describe, expect, test } from 'vitest';
import { MAX_URL_LENGTH, SCHEMA_VERSION, cap, provenance, type Provenance } from '../../lib/schema/common';
import { emptyCounts, logEvent, targetedCount, type LogEvent, type TrackerMatch } from '../../lib/schema/events';
import { DEFAULT_SETTINGS, settings } from '../../lib/schema/settings';
import { pageVisit, siteDay, type PageVisit, type SiteDay } from '../../lib/schema/visit';

const PROVENANCE: Provenance = {
  id: 'evt-0001',
  schemaVersion: SCHEMA_VERSION,
  extensionVersion: '0.1.0',
  trackerDbVersion: '1.0.945/engine-869',
  ruleId: 'trackerdb/google_analytics',
  visitId: 'visit-42',
  tabId: 7,
  frameId: 0,
  topUrl: 'https://news.example/article?id=1',
  site: 'news.example',
  time: '2025-03-14T09:26:53.589Z',
  sessionId: 'session-abc',
  seq: 12,
};

const GA_MATCH: TrackerMatch = {
  key: 'google_analytics',
  name: 'Google Analytics',
  category: 'site_analytics',
  organization: { key: 'google', name: 'Google' },
  matchedBy: 'filter',
};

const TRACKER: LogEvent = {
  ...PROVENANCE,
  kind: 'tracker',
  url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-1',
  host: 'www.google-analytics.com',
  requestType: 'ping',
  thirdParty: true,
  targeting: true,
  tracker: GA_MATCH,
  beacon: { kinds: ['ping', 'collect-endpoint'] },
  reasons: [
    { rule: 'trackerdb/filter', detail: 'Google Analytics (site_analytics, Google)' },
    { rule: 'beacon@1/collect-endpoint/google-analytics', detail: 'Google Analytics collect endpoint' },
  ],
};

const TRACKER_NO_MATCH: LogEvent = {
  ...PROVENANCE,
  id: 'evt-0002',
  seq: 13,
  ruleId: 'beacon@1/tracking-param',
  kind: 'tracker',
  url: 'https://cdn.example.net/x.png?gclid=1',
  host: 'cdn.example.net',
  requestType: 'image',
  thirdParty: true,
  targeting: true,
  tracker: null,
  beacon: { kinds: ['tracking-param'] },
  reasons: [{ rule: 'beacon@1/tracking-param', detail: 'carries gclid' }],
};

const AD: LogEvent = {
  ...PROVENANCE,
  id: 'evt-0003',
  seq: 14,
  ruleId: 'ad/iab-size@1',
  kind: 'ad',
  phase: 'impression',
  unitId: 'unit-1',
  network: 'Google Ad Manager',
  locator: 'div#ad-slot-top > iframe',
  reasons: [{ rule: 'ad/iab-size', detail: '300x250 iframe from securepubads.g.doubleclick.net' }],
};

const DARK_PATTERN: LogEvent = {
  ...PROVENANCE,
  id: 'evt-0004',
  seq: 15,
  ruleId: 'dark-pattern/countdown@1',
  unitId: 'unit-2',
  kind: 'dark-pattern',
  category: 'urgency',
  type: 'countdown-timer',
  confidence: 0.85,
  evidence: 'Offer ends in 09:59',
  locator: 'span.timer',
  explanationId: 'urgency-countdown',
  reasons: [],
};

const ENGAGEMENT: LogEvent = {
  ...PROVENANCE,
  id: 'evt-0005',
  seq: 16,
  ruleId: 'engagement/click@1',
  kind: 'engagement',
  action: 'click',
  target: { tag: 'button', role: null },
};

const VISIT: PageVisit = {
  id: 'visit-42',
  schemaVersion: SCHEMA_VERSION,
  sessionId: 'session-abc',
  tabId: 7,
  url: 'https://news.example/article?id=1&utm_source=newsletter',
  site: 'news.example',
  navigation: 'load',
  startedAt: '2025-03-14T09:26:50.000Z',
  day: '2025-03-14',
  arrivalParams: ['utm_source'],
  counts: { tracker: 12, ad: 3, darkPattern: 1, engagement: 4, requests: 180, thirdPartyRequests: 95 },
  seenFromStart: true,
  droppedEvents: 0,
};

const SITE_DAY: SiteDay = {
  key: 'news.example|2025-03-14',
  site: 'news.example',
  day: '2025-03-14',
  visits: 3,
  counts: { ...emptyCounts(), tracker: 30, requests: 400, thirdPartyRequests: 210 },
};

const roundTrip = <T>(x: T): unknown => JSON.parse(JSON.stringify(x));
const without = (x: object, key: string): Record<string, unknown> => {
  const copy: Record<string, unknown> = { ...x };
  delete copy[key];
  return copy;
};

const EVENTS = [
  { name: 'tracker (TrackerDB match + beacon)', event: TRACKER },
  { name: 'tracker (beacon only)', event: TRACKER_NO_MATCH },
  { name: 'ad', event: AD },
  { name: 'dark-pattern', event: DARK_PATTERN },
  { name: 'engagement', event: ENGAGEMENT },
];

describe('accepts', () => {
  test.each(EVENTS)('a $name log event survives a JSON round trip', ({ event }) => {
    expect(logEvent.parse(roundTrip(event))).toEqual(event);
  });

  test('the four log event kinds are all covered', () => {
    expect(new Set(EVENTS.map((e) => e.event.kind))).toEqual(new Set(['tracker', 'ad', 'dark-pattern', 'engagement']));
  });

  test('a page visit survives a JSON round trip', () => {
    expect(pageVisit.parse(roundTrip(VISIT))).toEqual(VISIT);
  });

  test('a history navigation with no arrival params is a valid visit', () => {
    const visit = { ...VISIT, navigation: 'history' as const, arrivalParams: [], counts: emptyCounts() };
    expect(pageVisit.parse(roundTrip(visit))).toEqual(visit);
  });

  test('a site-day roll-up survives a JSON round trip', () => {
    expect(siteDay.parse(roundTrip(SITE_DAY))).toEqual(SITE_DAY);
    expect(targetedCount(SITE_DAY.counts)).toBe(30);
  });

  test('DEFAULT_SETTINGS survive a JSON round trip', () => {
    expect(settings.parse(roundTrip(DEFAULT_SETTINGS))).toEqual(DEFAULT_SETTINGS);
  });

  test('a URL of exactly MAX_URL_LENGTH is accepted', () => {
    const url = `https://news.example/${'x'.repeat(MAX_URL_LENGTH - 'https://news.example/'.length)}`;
    expect(url.length).toBe(MAX_URL_LENGTH);
    expect(logEvent.safeParse({ ...TRACKER, url, topUrl: url }).success).toBe(true);
    expect(pageVisit.safeParse({ ...VISIT, url }).success).toBe(true);
  });

  test('unknown extra fields are dropped, not kept', () => {
    const parsed = logEvent.parse({ ...ENGAGEMENT, pageText: 'secret' });
    expect(parsed).toEqual(ENGAGEMENT);
    expect('pageText' in parsed).toBe(false);
  });

  test('cap() keeps evidence within the limit without splitting a surrogate pair', () => {
    const text = `${'a'.repeat(198)}😀😀`;
    const capped = cap(text);
    expect(capped.length).toBeLessThanOrEqual(200);
    expect(capped.endsWith('…')).toBe(true);
    expect(capped).not.toMatch(/[\ud800-\udbff]…$/);
  });
});

describe('rejects', () => {
  const provenanceKeys = Object.keys(provenance.shape);

  test('every provenance field is tested', () => {
    expect(provenanceKeys.sort()).toEqual(Object.keys(PROVENANCE).sort());
  });

  test.each(EVENTS.flatMap(({ name, event }) => provenanceKeys.map((key) => ({ name, key, event }))))(
    '$name without provenance field $key',
    ({ event, key }) => {
      expect(logEvent.safeParse(without(event, key)).success).toBe(false);
    },
  );

  test.each([
    { kind: 'trackers' },
    { kind: 'Tracker' },
    { kind: 'unknown' },
    { kind: '' },
    { kind: null },
    { kind: 1 },
  ])('a log event of kind $kind', ({ kind }) => {
    expect(logEvent.safeParse({ ...TRACKER, kind }).success).toBe(false);
  });

  test('a log event without kind', () => {
    expect(logEvent.safeParse(without(TRACKER, 'kind')).success).toBe(false);
  });

  test('a record whose fields belong to another kind', () => {
    expect(logEvent.safeParse({ ...AD, kind: 'engagement' }).success).toBe(false);
    expect(logEvent.safeParse({ ...ENGAGEMENT, kind: 'tracker' }).success).toBe(false);
  });

  test.each([{ schemaVersion: 0 }, { schemaVersion: SCHEMA_VERSION + 1 }, { schemaVersion: String(SCHEMA_VERSION) }, { schemaVersion: null }])(
    'schemaVersion $schemaVersion',
    ({ schemaVersion }) => {
      expect(logEvent.safeParse({ ...TRACKER, schemaVersion }).success).toBe(false);
      expect(pageVisit.safeParse({ ...VISIT, schemaVersion }).success).toBe(false);
    },
  );

  test.each([
    { time: 'yesterday' },
    { time: '' },
    { time: '2025-03-14' },
    { time: '2025-03-14 09:26:53' },
    { time: '14/03/2025 09:26' },
    { time: 'Fri, 14 Mar 2025 09:26:53 GMT' },
    { time: '2025-13-14T09:26:53.589Z' },
    { time: 1741944413589 },
  ])('time $time', ({ time }) => {
    expect(logEvent.safeParse({ ...ENGAGEMENT, time }).success).toBe(false);
    expect(pageVisit.safeParse({ ...VISIT, startedAt: time }).success).toBe(false);
  });

  test.each([
    { name: 'tracker url', record: () => ({ ...TRACKER, url: `https://x.example/${'x'.repeat(MAX_URL_LENGTH)}` }) },
    { name: 'topUrl', record: () => ({ ...ENGAGEMENT, topUrl: `https://x.example/${'x'.repeat(MAX_URL_LENGTH)}` }) },
    { name: 'url one over the cap', record: () => ({ ...TRACKER, url: 'x'.repeat(MAX_URL_LENGTH + 1) }) },
  ])('an over-long $name', ({ record }) => {
    expect(logEvent.safeParse(record()).success).toBe(false);
  });

  test('an over-long visit url', () => {
    expect(pageVisit.safeParse({ ...VISIT, url: 'x'.repeat(MAX_URL_LENGTH + 1) }).success).toBe(false);
  });

  test.each([
    { name: 'negative seq', patch: { seq: -1 } },
    { name: 'fractional seq', patch: { seq: 1.5 } },
    { name: 'fractional tabId', patch: { tabId: 1.5 } },
    { name: 'empty id', patch: { id: '' } },
    { name: 'empty ruleId', patch: { ruleId: '' } },
    { name: 'site over 253 characters', patch: { site: 'a'.repeat(254) } },
  ])('a provenance with $name', ({ patch }) => {
    expect(logEvent.safeParse({ ...ENGAGEMENT, ...patch }).success).toBe(false);
  });

  test.each([
    { name: 'an unknown category', patch: { tracker: { ...GA_MATCH, category: 'spyware' } } },
    { name: 'an unknown beacon kind', patch: { beacon: { kinds: ['smoke-signal'] } } },
    { name: 'an empty beacon kind list', patch: { beacon: { kinds: [] } } },
    { name: 'no reasons', patch: { reasons: [] } },
    { name: 'an over-long evidence detail', patch: { reasons: [{ rule: 'x', detail: 'd'.repeat(201) }] } },
  ])('a tracker event with $name', ({ patch }) => {
    expect(logEvent.safeParse({ ...TRACKER, ...patch }).success).toBe(false);
  });

  test.each([
    { name: 'confidence above 1', record: { ...DARK_PATTERN, confidence: 1.2 } },
    { name: 'an unknown engagement action', record: { ...ENGAGEMENT, action: 'hover' } },
    { name: 'an unknown ad phase', record: { ...AD, phase: 'viewed' } },
  ])('an event with $name', ({ record }) => {
    expect(logEvent.safeParse(record).success).toBe(false);
  });

  test.each([
    { name: 'a malformed day', record: { ...SITE_DAY, day: '14-03-2025' } },
    { name: 'negative counts', record: { ...SITE_DAY, counts: { ...SITE_DAY.counts, tracker: -1 } } },
    { name: 'missing counts', record: without(SITE_DAY, 'counts') },
  ])('a site-day with $name', ({ record }) => {
    expect(siteDay.safeParse(record).success).toBe(false);
  });

  test.each([
    { name: 'retention of 0 days', record: { ...DEFAULT_SETTINGS, retentionDays: 0 } },
    { name: 'a wrong version', record: { ...DEFAULT_SETTINGS, version: 2 } },
    { name: 'missing detectors', record: without(DEFAULT_SETTINGS, 'detectors') },
  ])('settings with $name', ({ record }) => {
    expect(settings.safeParse(record).success).toBe(false);
  });
});

describe('schema 4 reads schemas 2 and 3 (README, "Schema changes")', async () => {
  const { checkRecordLine } = await import('../../lib/import/validate-record');
  const { parseExportLine } = await import('../../lib/export/parse-line');
  const { upgradeRecord } = await import('../../lib/schema/upgrade');
  const v2Visit = {
    kind: 'visit', id: 's1:v1', schemaVersion: 2, sessionId: 's1', tabId: 1, url: 'https://news.example/', site: 'news.example',
    navigation: 'load', startedAt: '2026-11-20T10:00:00.000Z', day: '2026-11-20', arrivalParams: [],
    counts: { tracker: 1, ad: 0, darkPattern: 0, engagement: 0, requests: 3, thirdPartyRequests: 1 }, seenFromStart: true, droppedEvents: 0,
  };
  test('a schema 2 visit line imports and parses as the current schema, with nothing else changed', () => {
    const checked = checkRecordLine(JSON.stringify(v2Visit));
    expect(checked.ok && checked.record).toEqual({ kind: 'visit', visit: { ...v2Visit, kind: undefined, schemaVersion: SCHEMA_VERSION } });
    const parsed = parseExportLine(JSON.stringify(v2Visit));
    expect(parsed.ok && parsed.record).toEqual({ ...v2Visit, schemaVersion: SCHEMA_VERSION });
  });
  test('schema 3 fields: partial, capped, observedBy are optional and checked', () => {
    const v3 = { ...v2Visit, schemaVersion: 3, partial: true, capped: { darkPattern: 4, resourceTiming: 2 } };
    expect(checkRecordLine(JSON.stringify(v3)).ok).toBe(true);
    expect(checkRecordLine(JSON.stringify({ ...v3, capped: { darkPattern: -1 } })).ok).toBe(false);
    // zod drops unknown keys of a nested object; the record itself is closed (checked by the import).
    expect(checkRecordLine(JSON.stringify({ ...v3, cookies: 1 })).ok).toBe(false);
    expect(checkRecordLine(JSON.stringify({ ...v3, partial: 'yes' })).ok).toBe(false);
  });
  test('schema 4 field: possible on a dark pattern is optional (a schema 3 one has none) and checked', () => {
    const v3 = { ...DARK_PATTERN, schemaVersion: 3 };
    expect('possible' in v3).toBe(false);
    const parsed = parseExportLine(JSON.stringify(v3));
    expect(parsed.ok && parsed.record).toEqual({ ...v3, schemaVersion: SCHEMA_VERSION });
    expect(checkRecordLine(JSON.stringify(v3)).ok).toBe(true);
    for (const possible of [true, false]) expect(checkRecordLine(JSON.stringify({ ...DARK_PATTERN, possible })).ok).toBe(true);
    expect(checkRecordLine(JSON.stringify({ ...DARK_PATTERN, possible: 'yes' })).ok).toBe(false);
    expect(checkRecordLine(JSON.stringify({ ...DARK_PATTERN, possible: 1 })).ok).toBe(false);
  });
  test('schema 1 and unknown versions stay refused; upgradeRecord leaves what it does not know alone', () => {
    expect(checkRecordLine(JSON.stringify({ ...v2Visit, schemaVersion: 1 })).ok).toBe(false);
    expect(parseExportLine(JSON.stringify({ ...v2Visit, schemaVersion: SCHEMA_VERSION + 1 })).ok).toBe(false);
    expect(upgradeRecord({ schemaVersion: 1 })).toEqual({ schemaVersion: 1 });
    expect(upgradeRecord(null)).toBe(null);
    expect(upgradeRecord([2])).toEqual([2]);
  });
});
