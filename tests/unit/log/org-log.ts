import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { LogEvent, PageVisit, TrackerEvent } from '../../../lib/schema';
import { openDatabase, type BeakerDatabase } from '../../../lib/log/database';
import { createWriteQueue, type WriteOp } from '../../../lib/log/write-queue';
import { makeTrackerEvent, makeVisit } from './make-records';

/**
 * A fixed log for the v5 roll-ups (organizations per day, ads seen), written through the real write
 * queue. Local days in Europe/Berlin (UTC+1 in November); "today" is 2026-11-20. Hand-computed:
 *
 *   day    site           organizations reached (requests)               ads shown / seen
 *   11-14  news.example   Google 2, Meta 1                                2 / 1
 *   11-14  shop.example   Google 1, Criteo 1
 *   11-15  –              (no record)
 *   11-16  –              (no record)
 *   11-17  quiet.example  – (a visit, no request)
 *   11-18  news.example   Meta 3
 *   11-19  shop.example   Google 2, Acme Pixel 1 (no organization)        1 / 1   starts 23:50, events 00:10 on 11-20
 *   11-20  blog.example   Google 1, and a beacon TrackerDB does not know
 */
export const TODAY = '2026-11-20';
export const WEEK = ['2026-11-14', '2026-11-15', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'];

export function localIso(day: string, hh: number, mm = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hh, mm).toISOString();
}

export function visitOn(site: string, day: string, hh: number, mm = 0): PageVisit {
  return makeVisit({ site, url: `https://${site}/page-${day}`, startedAt: localIso(day, hh, mm), day });
}

type Tracker = TrackerEvent['tracker'];
const TRACKERS = {
  google: null as Tracker, // make-records' default: Google Analytics, organization Google
  meta: { key: 'facebook', name: 'Facebook', category: 'advertising', organization: { key: 'meta', name: 'Meta' }, matchedBy: 'filter' },
  criteo: { key: 'criteo', name: 'Criteo', category: 'advertising', organization: { key: 'criteo', name: 'Criteo' }, matchedBy: 'domain' },
  acme: { key: 'acme_pixel', name: 'Acme Pixel', category: 'site_analytics', organization: null, matchedBy: 'domain' },
} satisfies Record<string, Tracker>;

export function trackerTo(visit: PageVisit, who: keyof typeof TRACKERS, time = visit.startedAt): LogEvent {
  const tracker = TRACKERS[who];
  return makeTrackerEvent(visit, tracker ? { tracker, time } : { time });
}

let unit = 0;
export function adTo(visit: PageVisit, phase: 'rendered' | 'impression', unitId: string, time = visit.startedAt): LogEvent {
  const base = makeTrackerEvent(visit, { time });
  const { url: _u, host: _h, requestType: _r, thirdParty: _t, targeting: _g, tracker: _k, beacon: _b, reasons: _s, ...provenance } = base as TrackerEvent;
  return { ...provenance, id: `${base.id}:ad${unit++}`, ruleId: 'ads/gpt-slot@1', kind: 'ad', phase, unitId, network: null, locator: `#${unitId}`, reasons: [] };
}

export interface OrgLog {
  visits: Record<'news14' | 'shop14' | 'quiet17' | 'news18' | 'shop19' | 'blog20', PageVisit>;
}

export async function writeOps(db: BeakerDatabase, ops: readonly WriteOp[]): Promise<void> {
  const failures: unknown[] = [];
  const queue = createWriteQueue(async () => db, { onError: (error) => failures.push(error) });
  for (const op of ops) queue.push(op);
  await queue.flush();
  if (failures.length > 0 || queue.pending() > 0) throw new Error(`the log was not written: ${String(failures[0])}`);
}

export async function writeOrgLog(db: BeakerDatabase): Promise<OrgLog> {
  const v = {
    news14: visitOn('news.example', '2026-11-14', 10),
    shop14: visitOn('shop.example', '2026-11-14', 12),
    quiet17: visitOn('quiet.example', '2026-11-17', 12),
    news18: visitOn('news.example', '2026-11-18', 8),
    shop19: visitOn('shop.example', '2026-11-19', 23, 50),
    blog20: visitOn('blog.example', '2026-11-20', 9),
  };
  const late = localIso('2026-11-20', 0, 10);
  const events: LogEvent[] = [
    trackerTo(v.news14, 'google'),
    trackerTo(v.news14, 'meta'),
    trackerTo(v.news14, 'google'),
    adTo(v.news14, 'rendered', 'slot-1'),
    adTo(v.news14, 'impression', 'slot-1'),
    adTo(v.news14, 'rendered', 'slot-2'),
    trackerTo(v.shop14, 'google'),
    trackerTo(v.shop14, 'criteo'),
    ...[0, 1, 2].map(() => trackerTo(v.news18, 'meta')),
    // Across local midnight: the visit started at 23:50 on the 19th, its events are on the 20th.
    trackerTo(v.shop19, 'google', late),
    trackerTo(v.shop19, 'acme', late),
    trackerTo(v.shop19, 'google', late),
    adTo(v.shop19, 'rendered', 'slot-9', late),
    adTo(v.shop19, 'impression', 'slot-9', late),
    trackerTo(v.blog20, 'google'),
    makeTrackerEvent(v.blog20, { tracker: null, url: 'https://collect.unknown.example/c', host: 'collect.unknown.example' }),
  ];
  await writeOps(db, [...Object.values(v).map((visit): WriteOp => ({ op: 'visit', visit })), ...events.map((event): WriteOp => ({ op: 'event', event }))]);
  return { visits: v };
}

/** For a test file: Berlin days, and a fresh database holding the log above before each test. */
export function useOrgLog(name: string): { db: BeakerDatabase; log: OrgLog } {
  const zone = process.env.TZ;
  const current = {} as { db: BeakerDatabase; log: OrgLog };
  let n = 0;
  beforeAll(() => {
    process.env.TZ = 'Europe/Berlin';
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });
  beforeEach(async () => {
    current.db = await openDatabase(`beaker-orgs-${name}-${n++}`);
    current.log = await writeOrgLog(current.db);
  });
  afterEach(() => current.db.close());
  return current;
}
