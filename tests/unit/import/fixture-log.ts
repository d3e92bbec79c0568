import { openDatabase, ALL_STORES, type BeakerDatabase } from '../../../lib/log/database';
import { createWriteQueue } from '../../../lib/log/write-queue';
import { exportCursor, type CursorRecord } from '../../../lib/log/export-cursor';
import { toJsonLine } from '../../../lib/export/records';
import type { LogEvent, PageVisit } from '../../../lib/schema';
import { makeEngagementEvent, makeTrackerEvent, makeVisit } from '../log/make-records';
import { storedEvents } from '../log/stored-events';

let n = 0;
export const freshDatabase = (): Promise<BeakerDatabase> => openDatabase(`beaker-import-${n++}`);

export function adEvent(visit: PageVisit, id: string, phase: 'rendered' | 'impression' = 'rendered'): LogEvent {
  const { action: _a, target: _t, ...base } = makeEngagementEvent(visit) as Extract<LogEvent, { kind: 'engagement' }>;
  return {
    ...base,
    id,
    ruleId: 'ads/gpt-slot@1',
    kind: 'ad',
    phase,
    unitId: 'unit-1',
    network: 'Google Ad Manager',
    locator: 'div#ad-top',
    reasons: [{ rule: 'ads/gpt-slot', detail: 'div-gpt-ad-1' }],
  } as LogEvent;
}

export function darkPatternEvent(visit: PageVisit, id: string): LogEvent {
  const { action: _a, target: _t, ...base } = makeEngagementEvent(visit) as Extract<LogEvent, { kind: 'engagement' }>;
  return {
    ...base,
    id,
    ruleId: 'dark-patterns/countdown@1',
    kind: 'dark-pattern',
    unitId: 'dp-1',
    category: 'urgency',
    type: 'countdown-timer',
    confidence: 0.9,
    evidence: 'Offer ends in 09:59',
    locator: 'div.timer',
    explanationId: 'urgency/countdown',
    reasons: [{ rule: 'dark-patterns/countdown', detail: 'ticks down' }],
  } as LogEvent;
}

/** A log written by the real write queue: 3 visits on 2 sites and 2 days, every event kind. */
export async function buildLog(db: BeakerDatabase): Promise<{ visits: PageVisit[]; events: LogEvent[] }> {
  const queue = createWriteQueue(async () => db, { maxDelayMs: 10_000 });
  const visits = [
    makeVisit({ startedAt: '2026-11-19T09:00:00.000Z', day: '2026-11-19' }),
    makeVisit({ startedAt: '2026-11-20T10:00:00.000Z', day: '2026-11-20', seenFromStart: false }),
    makeVisit({ startedAt: '2026-11-20T11:00:00.000Z', day: '2026-11-20', url: 'https://shop.example/?q=shoes', site: 'shop.example' }),
  ];
  const events: LogEvent[] = [];
  for (const [i, visit] of visits.entries()) {
    queue.push({ op: 'visit', visit });
    queue.push({ op: 'requests', visitId: visit.id, total: 10 + i, thirdParty: 4 });
    const made = [
      makeTrackerEvent(visit),
      makeTrackerEvent(visit, { targeting: false, time: visit.startedAt.replace(':00.000Z', ':05.000Z') }),
      makeEngagementEvent(visit),
      adEvent(visit, `${visit.id}:ad`),
      darkPatternEvent(visit, `${visit.id}:dp`),
    ];
    for (const event of made) queue.push({ op: 'event', event });
    events.push(...made);
  }
  queue.push({ op: 'dropped', visitId: visits[2]!.id, events: 2 });
  await queue.flush();
  return { visits, events };
}

/**
 * Every store's records, sorted by key: "the log" as a test compares it. Events one record each
 * (`events`, by id) whatever chunks they were written in (lib/log/event-chunks.ts).
 */
export async function dumpLog(db: BeakerDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const store of ALL_STORES) {
    if (store === 'eventChunks') out.events = await storedEvents(db);
    else out[store] = await db.getAll(store);
  }
  return out;
}

/** The log as a JSON Lines export (the extension's order: visits, then events). */
export async function exportLines(db: BeakerDatabase): Promise<string[]> {
  const lines: string[] = [];
  for await (const page of exportCursor(db, { from: null, to: null, sites: [], kinds: [] }, 4)) {
    for (const record of page as CursorRecord[]) lines.push(toJsonLine(record));
  }
  return lines;
}
