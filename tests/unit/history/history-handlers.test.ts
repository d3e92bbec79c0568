import { beforeEach, describe, expect, test } from 'vitest';
import { createWriteQueue, type WriteQueue } from '../../../lib/log/write-queue';
import { getVisitEvents } from '../../../lib/log/queries';
import { createHistoryHandlers } from '../../../lib/background/history';
import { TabVisits } from '../../../lib/background/tab-visits';
import type { NavigationDetails } from '../../../lib/background/recorder';
import { deleteAnswer, historyOverview, historyPlot, historySiteAnswer } from '../../../lib/history-messages';
import { pageMessage, parseMessage } from '../../../lib/messages';
import { emptyCounts } from '../../../lib/schema';
import { makeTrackerEvent } from '../log/make-records';
import { MemoryStore, TODAY, localIso, useHistoryLog } from './history-log';

const h = useHistoryLog('handlers');
let queue: WriteQueue;
let tabs: TabVisits;
let restarted: NavigationDetails[];
let handlers: ReturnType<typeof createHistoryHandlers>;
beforeEach(async () => {
  const { db, log } = h;
  queue = createWriteQueue(async () => db);
  tabs = new TabVisits(new MemoryStore());
  restarted = [];
  const { id: visitId, url, site, startedAt, day } = log.visits.news20;
  // A tab still showing today's news.example page.
  tabs.set({ tabId: 4, restricted: false, url, visit: { visitId, url, site, startedAt, day, documentId: null, previous: [], startedTs: Date.parse(startedAt), counts: emptyCounts() } });
  handlers = createHistoryHandlers({
    database: db,
    queue,
    tabs,
    rec: { onCommitted: async (details) => void restarted.push(details) },
    isPaused: (s) => s === 'ads.example',
    now: () => new Date(localIso(TODAY, 15)),
  });
});

/** What a page would send, through the catalogue's parser, then the handler; the answer as JSON. */
async function ask<T>(raw: { type: string } & Record<string, unknown>): Promise<T> {
  const parsed = parseMessage(pageMessage, raw);
  if (!parsed.ok) throw new Error(`refused: ${parsed.error}`);
  const handler = handlers[parsed.message.type as keyof typeof handlers] as (m: unknown) => Promise<unknown>;
  return JSON.parse(JSON.stringify(await handler(parsed.message))) as T;
}

describe('the History handlers', () => {
  test('the overview answers for today and parses with its schema; queued writes are in it', async () => {
    queue.push({ op: 'event', event: makeTrackerEvent(h.log.visits.news20) });
    const answer = historyOverview.parse(await ask({ type: 'get-history', span: 7 }));
    expect(answer.today).toBe(TODAY);
    expect(answer.series.map((p) => p.targeted)).toEqual([5, 0, 0, 0, 3, 4, 7]);
    expect(answer.sites.map((s) => s.site)).toEqual(['ads.example', 'shop.example', 'news.example', 'quiet.example']);
    expect(answer.darkPatterns.total).toBe(3);
  });

  test('the first paint (get-history-plot) has the same series and ranking as the overview; queued writes are in it', async () => {
    queue.push({ op: 'event', event: makeTrackerEvent(h.log.visits.news20) });
    const plot = historyPlot.parse(await ask({ type: 'get-history-plot', span: 7 }));
    const full = historyOverview.parse(await ask({ type: 'get-history', span: 7 }));
    expect(plot.series.map((p) => p.targeted)).toEqual([5, 0, 0, 0, 3, 4, 7]);
    expect([plot.series, plot.sites, plot.today]).toEqual([full.series, full.sites, full.today]);
  });

  test('evidence for a company: the org and network filters pass the catalogue; a bad one is refused', async () => {
    const page = await ask<{ total: number }>({ type: 'get-evidence', site: null, from: TODAY, to: TODAY, count: 'tracker', org: 'google', offset: 0, limit: 10 });
    expect(page.total).toBeGreaterThan(0);
    await expect(ask({ type: 'get-evidence', site: null, from: TODAY, to: TODAY, count: 'ad', network: 'x'.repeat(201), offset: 0, limit: 10 })).rejects.toThrow(/refused/);
  });

  test('a site view says whether the site is paused', async () => {
    expect(historySiteAnswer.parse(await ask({ type: 'get-history-site', site: 'ads.example', span: 30 })).paused).toBe(true);
    const news = historySiteAnswer.parse(await ask({ type: 'get-history-site', site: 'news.example', span: 30 }));
    expect([news.paused, news.view.totals.visits, news.darkPatterns.total]).toEqual([false, 4, 1]);
  });

  test('delete-site: the numbers change at once, an open tab on the site starts a new visit, late events are removed', async () => {
    // An event of the tab's visit still in the queue when the delete runs.
    queue.push({ op: 'event', event: makeTrackerEvent(h.log.visits.news20) });
    const answer = deleteAnswer.parse(await ask({ type: 'delete-site', site: 'news.example' }));
    expect(answer).toEqual({ deleted: true, visits: 4, events: 15, siteDays: 4 });
    expect(restarted).toEqual([{ tabId: 4, frameId: 0, url: h.log.visits.news20.url, adopted: true }]);
    expect(await getVisitEvents(h.db, h.log.visits.news20.id)).toEqual([]);
    const after = historyOverview.parse(await ask({ type: 'get-history', span: 7 }));
    expect(after.sites.map((s) => s.site)).toEqual(['ads.example', 'shop.example', 'quiet.example']);
    expect(after.series.map((p) => p.targeted)).toEqual([0, 0, 0, 0, 0, 4, 5]);
  });

  test('delete-days in either order; tabs on other days are left alone', async () => {
    expect(deleteAnswer.parse(await ask({ type: 'delete-days', from: '2026-11-18', to: '2026-11-14' }))).toMatchObject({ visits: 3, siteDays: 3 });
    expect(restarted).toEqual([]);
    expect(historyOverview.parse(await ask({ type: 'get-history', span: 7 })).series.map((p) => p.targeted)).toEqual([0, 0, 0, 0, 0, 4, 6]);
  });

  test('malformed requests never reach a handler', () => {
    for (const raw of [
      { type: 'get-history', span: 14 },
      { type: 'delete-site', site: '' },
      { type: 'delete-days', from: '2026-11-1', to: TODAY },
      { type: 'get-evidence', site: null, from: TODAY, to: TODAY, count: 'tracker', offset: 0, limit: 101 },
      { type: 'get-evidence', site: null, from: TODAY, to: TODAY, count: 'requests', offset: 0, limit: 10 },
    ]) {
      expect(parseMessage(pageMessage, raw), JSON.stringify(raw)).toEqual({ ok: false, error: 'malformed' });
    }
  });
});
