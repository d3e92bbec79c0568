import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDatabase, type BeakerDatabase } from '../../../lib/log/database';
import { createWriteQueue } from '../../../lib/log/write-queue';
import { getVisit, getVisitEvents, localDay, weekTotals } from '../../../lib/log/queries';
import { summarizeVisit } from '../../../lib/log/summarize-visit';
import { POPUP_MAX_EVENTS, popupDataFor } from '../../../lib/background/popup-data';
import { flushAtMost } from '../../../lib/background/start';
import { popupData, type TabState } from '../../../lib/messages';
import { makeEngagementEvent, makeTrackerEvent, makeVisit } from '../log/make-records';

let db: BeakerDatabase;
let n = 0;
beforeEach(async () => {
  db = await openDatabase(`beaker-popup-data-${n++}`);
});
afterEach(() => db.close());

const NOW = new Date(2026, 10, 20, 12);
const tab = (over: Partial<TabState> = {}): TabState => ({
  tabId: 1,
  visitId: null,
  url: 'https://news.example/article',
  site: 'news.example',
  restricted: false,
  paused: false,
  ...over,
});

describe('get-popup-data, computed in the background', () => {
  test('a visit: the same summary, site week and week the popup used to compute itself; the answer parses', async () => {
    const visit = makeVisit({ day: localDay(NOW), startedAt: NOW.toISOString() });
    const queue = createWriteQueue(async () => db);
    queue.push({ op: 'visit', visit });
    for (let i = 0; i < 3; i++) queue.push({ op: 'event', event: makeTrackerEvent(visit) });
    queue.push({ op: 'event', event: makeEngagementEvent(visit) });
    await queue.flush();

    const answer = await popupDataFor(db, tab({ visitId: visit.id }), NOW);
    const stored = (await getVisit(db, visit.id))!;
    const { visit: _visit, ...summary } = summarizeVisit(stored, await getVisitEvents(db, visit.id));
    expect(answer).toEqual({
      status: 'ready',
      tab: tab({ visitId: visit.id }),
      summary,
      siteWeek: await weekTotals(db, localDay(NOW), 'news.example'),
      week: await weekTotals(db, localDay(NOW)),
      off: [],
      detailsCapped: false,
    });
    expect(answer.status === 'ready' && answer.summary.targeted).toBe(3);
    expect(answer.status === 'ready' && answer.summary.engaged).toBe(1);
    // What crosses to the popup is JSON, and the popup's schema takes it as it is.
    const overTheWire = JSON.parse(JSON.stringify(answer));
    expect(popupData.safeParse(overTheWire)).toEqual({ success: true, data: answer });
  });

  test.each([
    { name: 'a restricted page', state: tab({ restricted: true, site: null }), status: 'restricted' },
    { name: 'a paused site', state: tab({ paused: true, visitId: 's1:v999' }), status: 'paused' },
    { name: 'no visit yet', state: tab(), status: 'no-visit' },
    { name: 'a visit the log does not have', state: tab({ visitId: 's1:missing' }), status: 'no-visit' },
  ])('$name: $status', async ({ state, status }) => {
    const answer = await popupDataFor(db, state, NOW);
    expect(answer).toEqual({ status, tab: state });
    expect(popupData.safeParse(answer).success).toBe(true);
  });

  test('families switched off in the settings are named, in registry order, so the popup says so instead of showing zeros', async () => {
    const visit = makeVisit({ day: localDay(NOW), startedAt: NOW.toISOString() });
    const queue = createWriteQueue(async () => db);
    queue.push({ op: 'visit', visit });
    await queue.flush();
    const settings = { detectors: { trackers: true, ads: false, darkPatterns: true, engagement: false } };
    const answer = await popupDataFor(db, tab({ visitId: visit.id }), NOW, settings);
    expect(answer.status === 'ready' && answer.off).toEqual(['ads', 'engagement']);
    expect(popupData.safeParse(JSON.parse(JSON.stringify(answer))).success).toBe(true);
    expect(popupData.safeParse({ ...answer, off: ['cookies'] }).success).toBe(false);
  });

  test('a visit Beaker joined late (schema 3 partial) says so, with what was recovered; one seen from its start does not', async () => {
    const late = makeVisit({ id: 's1:vlate', day: localDay(NOW), startedAt: NOW.toISOString(), seenFromStart: false, partial: true });
    const whole = makeVisit({ id: 's1:vwhole', day: localDay(NOW), startedAt: NOW.toISOString() });
    const queue = createWriteQueue(async () => db);
    queue.push({ op: 'visit', visit: late });
    queue.push({ op: 'visit', visit: whole });
    queue.push({ op: 'event', event: makeTrackerEvent(late, { observedBy: 'resource-timing' }) });
    await queue.flush();
    const answer = await popupDataFor(db, tab({ visitId: late.id }), NOW);
    if (answer.status !== 'ready') throw new Error(answer.status);
    expect('partial' in answer && answer.partial).toBe(true);
    expect(answer.summary.targeted).toBe(1);
    const other = await popupDataFor(db, tab({ visitId: whole.id }), NOW);
    expect('partial' in other).toBe(false);
  });

  test('a flooded visit: the lists come from at most POPUP_MAX_EVENTS records and say so; the counts stay complete', async () => {
    const visit = makeVisit({ day: localDay(NOW), startedAt: NOW.toISOString() });
    const queue = createWriteQueue(async () => db, { maxBatch: 500 });
    queue.push({ op: 'visit', visit });
    const total = POPUP_MAX_EVENTS + 1500;
    for (let i = 0; i < total; i++) queue.push({ op: 'event', event: makeTrackerEvent(visit) });
    await queue.flush();
    const answer = await popupDataFor(db, tab({ visitId: visit.id }), NOW);
    if (answer.status !== 'ready') throw new Error(answer.status);
    expect(answer.detailsCapped).toBe(true);
    // Every event made the roll-up: the headline counts all of them.
    expect(answer.summary.targeted).toBe(total);
    const listed = answer.summary.organizations.reduce((n, o) => n + o.requests, 0);
    expect(listed).toBeGreaterThan(0);
    expect(listed).toBeLessThanOrEqual(POPUP_MAX_EVENTS);
  });

  test('reading the tab waits for the write queue at most the given time, and not at all once it has flushed', async () => {
    const never = { flush: () => new Promise<void>(() => {}) };
    const started = Date.now();
    await flushAtMost(never, 50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(Date.now() - started).toBeLessThan(1000);
    let flushed = false;
    await flushAtMost({ flush: async () => void (flushed = true) }, 10_000);
    expect(flushed).toBe(true);
    // A failing flush does not fail the read.
    await expect(flushAtMost({ flush: () => Promise.reject(new Error('disk full')) }, 10_000)).resolves.toBeUndefined();
  });

  test('the popup refuses an answer it does not understand', () => {
    expect(popupData.safeParse(undefined).success).toBe(false);
    expect(popupData.safeParse({ status: 'ready', tab: tab() }).success).toBe(false);
    expect(popupData.safeParse({ status: 'gone', tab: tab() }).success).toBe(false);
  });
});
