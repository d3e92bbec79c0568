import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { SCHEMA_VERSION, type LogEvent, type PageVisit } from '../../../lib/schema';
import type { Provenance } from '../../../lib/schema/common';
import { openDatabase, type BeakerDatabase } from '../../../lib/log/database';
import { createWriteQueue } from '../../../lib/log/write-queue';
import { makeEngagementEvent, makeTrackerEvent, makeVisit } from '../log/make-records';

/**
 * A fixed log for the History queries, written through the real write queue (so the roll-ups are
 * the ones the extension computes). Times are local (the test files pin `TZ` to Europe/Berlin,
 * UTC+1 in November); "today" is 2026-11-20. Hand-computed totals are in the tests.
 *
 *   day    site            visits  trackers  ads (seen)  dark patterns            engaged
 *   11-10  news.example    1       1         0           0                        0
 *   11-14  news.example    1       3         2 (1)       0                        2
 *   11-15  –                                                                       (no record)
 *   11-16  –                                                                       (no record)
 *   11-17  quiet.example   1       0         0           0                        0
 *   11-18  news.example    1       2         0           1 countdown-timer        0
 *   11-19  shop.example    1       2         0           2 countdown, activity    1   starts 23:50, events 00:10 on 11-20
 *   11-20  news.example    1       1         0           0                        1
 *   11-20  ads.example     1       5         0           0                        0
 */
export const TODAY = '2026-11-20';

let n = 0;
const id = () => `h1:${n++}`;

/** Local wall-clock time as ISO (the TZ the test pinned). */
export function localIso(day: string, hh: number, mm = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hh, mm).toISOString();
}

function base(visit: PageVisit, time: string): Omit<Provenance, 'ruleId'> {
  const seq = n;
  return {
    id: id(),
    schemaVersion: SCHEMA_VERSION,
    extensionVersion: '0.1.0',
    trackerDbVersion: 'test/engine-0',
    visitId: visit.id,
    tabId: visit.tabId,
    frameId: 0,
    topUrl: visit.url,
    site: visit.site,
    time,
    sessionId: 'h1',
    seq,
  };
}

export function adEvent(visit: PageVisit, unitId: string, phase: 'rendered' | 'impression', time = visit.startedAt): LogEvent {
  return { ...base(visit, time), ruleId: 'ads/gpt-slot@1', kind: 'ad', phase, unitId, network: 'Google Ad Manager', locator: `#${unitId}`, reasons: [] };
}

export function darkPatternEvent(visit: PageVisit, type: string, category: string, evidence: string, time = visit.startedAt): LogEvent {
  return {
    ...base(visit, time),
    ruleId: `dark-patterns/${type}@1`,
    kind: 'dark-pattern',
    unitId: `dp-${n}`,
    category,
    type,
    confidence: 0.9,
    evidence,
    locator: '#offer',
    explanationId: `dark-pattern/${type}`,
    reasons: [],
  };
}

export interface HistoryLog {
  visits: Record<'old' | 'news14' | 'quiet17' | 'news18' | 'shop19' | 'news20' | 'ads20', PageVisit>;
}

function visitOn(site: string, day: string, hh: number, mm = 0): PageVisit {
  return makeVisit({ site, url: `https://${site}/page-${day}`, startedAt: localIso(day, hh, mm), day });
}

/** Write the log above into `db` and return its visits. */
export async function writeHistoryLog(db: BeakerDatabase): Promise<HistoryLog> {
  const v = {
    old: visitOn('news.example', '2026-11-10', 9),
    news14: visitOn('news.example', '2026-11-14', 10),
    quiet17: visitOn('quiet.example', '2026-11-17', 12),
    news18: visitOn('news.example', '2026-11-18', 8),
    shop19: visitOn('shop.example', '2026-11-19', 23, 50),
    news20: visitOn('news.example', '2026-11-20', 9),
    ads20: visitOn('ads.example', '2026-11-20', 11),
  };
  const events: LogEvent[] = [
    makeTrackerEvent(v.old),
    ...[0, 1, 2].map(() => makeTrackerEvent(v.news14)),
    adEvent(v.news14, 'slot-1', 'rendered'),
    adEvent(v.news14, 'slot-1', 'impression'),
    adEvent(v.news14, 'slot-2', 'rendered'),
    makeEngagementEvent(v.news14, 'click'),
    makeEngagementEvent(v.news14, 'type'),
    ...[0, 1].map(() => makeTrackerEvent(v.news18)),
    darkPatternEvent(v.news18, 'countdown-timer', 'urgency', 'Offer ends in 09:59'),
    // Across local midnight: the visit started at 23:50 on the 19th, its events are on the 20th.
    ...[0, 1].map(() => makeTrackerEvent(v.shop19, { time: localIso('2026-11-20', 0, 10) })),
    darkPatternEvent(v.shop19, 'countdown-timer', 'urgency', 'Only 5 minutes left', localIso('2026-11-20', 0, 10)),
    darkPatternEvent(v.shop19, 'activity-notification', 'social-proof', '<b>Anna</b> from Berlin just bought this', localIso('2026-11-20', 0, 11)),
    makeEngagementEvent(v.shop19, 'submit'),
    makeTrackerEvent(v.news20),
    makeEngagementEvent(v.news20, 'click'),
    ...[0, 1, 2, 3, 4].map((i) => makeTrackerEvent(v.ads20, { url: `https://ads.tracker.example/pixel?n=${i}` })),
  ];
  const failures: unknown[] = [];
  const queue = createWriteQueue(async () => db, { onError: (error) => failures.push(error) });
  for (const visit of Object.values(v)) queue.push({ op: 'visit', visit });
  for (const event of events) queue.push({ op: 'event', event });
  await queue.flush();
  // A failed batch stays queued and flush() still resolves: a fixture must fail loudly instead.
  if (failures.length > 0 || queue.pending() > 0) throw new Error(`the history log was not written: ${String(failures[0])}`);
  return { visits: v };
}

/**
 * For a test file: local days in Europe/Berlin (an offset from UTC, so local and UTC midnight
 * differ), and a fresh database holding the log above before each test.
 */
export function useHistoryLog(name: string): { db: BeakerDatabase; log: HistoryLog } {
  const zone = process.env.TZ;
  const current = {} as { db: BeakerDatabase; log: HistoryLog };
  let n = 0;
  beforeAll(() => {
    process.env.TZ = 'Europe/Berlin';
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });
  beforeEach(async () => {
    current.db = await openDatabase(`beaker-history-${name}-${n++}`);
    current.log = await writeHistoryLog(current.db);
  });
  afterEach(() => current.db.close());
  return current;
}

/** `storage.session` stand-in: values are copied in and out, as the browser serialises them. */
export class MemoryStore {
  readonly data = new Map<string, unknown>();
  async get(key: string): Promise<Record<string, unknown>> {
    return this.data.has(key) ? { [key]: structuredClone(this.data.get(key)) } : {};
  }
  async set(items: Record<string, unknown>): Promise<void> {
    for (const [k, v] of Object.entries(structuredClone(items))) this.data.set(k, v);
  }
}
