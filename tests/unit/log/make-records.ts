import { SCHEMA_VERSION, emptyCounts, type LogEvent, type PageVisit } from '../../../lib/schema';

let seq = 0;

export function makeVisit(overrides: Partial<PageVisit> = {}): PageVisit {
  const startedAt = overrides.startedAt ?? '2026-11-20T10:00:00.000Z';
  return {
    id: `s1:v${seq++}`,
    schemaVersion: SCHEMA_VERSION,
    sessionId: 's1',
    tabId: 1,
    url: 'https://news.example/article',
    site: 'news.example',
    navigation: 'load',
    startedAt,
    day: '2026-11-20',
    arrivalParams: [],
    counts: emptyCounts(),
    seenFromStart: true,
    droppedEvents: 0,
    ...overrides,
  };
}

export function makeTrackerEvent(visit: PageVisit, overrides: Partial<Extract<LogEvent, { kind: 'tracker' }>> = {}): LogEvent {
  const n = seq++;
  return {
    id: `s1:${n}`,
    schemaVersion: SCHEMA_VERSION,
    extensionVersion: '0.1.0',
    trackerDbVersion: 'test/engine-0',
    ruleId: 'trackerdb/google_analytics',
    visitId: visit.id,
    tabId: visit.tabId,
    frameId: 0,
    topUrl: visit.url,
    site: visit.site,
    time: visit.startedAt,
    sessionId: 's1',
    seq: n,
    kind: 'tracker',
    url: 'https://www.google-analytics.com/g/collect?v=2',
    host: 'www.google-analytics.com',
    requestType: 'ping',
    thirdParty: true,
    targeting: true,
    tracker: {
      key: 'google_analytics',
      name: 'Google Analytics',
      category: 'site_analytics',
      organization: { key: 'google', name: 'Google' },
      matchedBy: 'domain',
    },
    beacon: { kinds: ['ping'] },
    reasons: [{ rule: 'trackerdb/domain', detail: 'Google Analytics' }],
    ...overrides,
  } as LogEvent;
}

export function makeEngagementEvent(visit: PageVisit, action: 'click' | 'type' | 'submit' | 'media' = 'click'): LogEvent {
  const n = seq++;
  return {
    id: `s1:${n}`,
    schemaVersion: SCHEMA_VERSION,
    extensionVersion: '0.1.0',
    trackerDbVersion: 'test/engine-0',
    ruleId: `engagement@1/${action}`,
    visitId: visit.id,
    tabId: visit.tabId,
    frameId: 0,
    topUrl: visit.url,
    site: visit.site,
    time: visit.startedAt,
    sessionId: 's1',
    seq: n,
    kind: 'engagement',
    action,
    target: { tag: 'button', role: null },
  };
}
