import { describe, expect, test } from 'vitest';
import { deleteDays, deleteEventsOfVisits, deleteSite } from '../../../lib/log/delete-records';
import { dailySeries, rankSites, siteView } from '../../../lib/log/history-queries';
import { darkPatternsByCategory, evidencePage } from '../../../lib/log/history-evidence';
import { getVisitEvents } from '../../../lib/log/queries';
import { createWriteQueue } from '../../../lib/log/write-queue';
import { makeTrackerEvent } from '../log/make-records';
import { TODAY, useHistoryLog } from './history-log';

const h = useHistoryLog('delete');

const targetedByDay = async () => Object.fromEntries((await dailySeries(h.db, TODAY, 7)).map((p) => [p.day.slice(5), p.targeted]));

describe('deleteSite', () => {
  test('a site in the middle of the range: its visits, events and roll-ups go; every view changes; the rest stays', async () => {
    expect(await targetedByDay()).toEqual({ '11-14': 5, '11-15': 0, '11-16': 0, '11-17': 0, '11-18': 3, '11-19': 4, '11-20': 6 });
    const result = await deleteSite(h.db, 'news.example');
    // 4 visits (one older than the week); events 1 + 8 + 3 + 2.
    expect(result).toMatchObject({ visits: 4, events: 14, siteDays: 4 });
    expect(result.visitIds.sort()).toEqual([h.log.visits.old.id, h.log.visits.news14.id, h.log.visits.news18.id, h.log.visits.news20.id].sort());

    expect(await targetedByDay()).toEqual({ '11-14': 0, '11-15': 0, '11-16': 0, '11-17': 0, '11-18': 0, '11-19': 4, '11-20': 5 });
    expect((await rankSites(h.db, TODAY, 90)).map((s) => s.site)).toEqual(['ads.example', 'shop.example', 'quiet.example']);
    const view = await siteView(h.db, 'news.example', TODAY, 30);
    expect([view.totals.visits, view.lastVisits.length, view.trend.lastWeek.visits]).toEqual([0, 0, 0]);
    expect((await darkPatternsByCategory(h.db, TODAY, 7)).categories.map((c) => [c.category, c.count])).toEqual([
      ['social-proof', 1],
      ['urgency', 1],
    ]);
    expect((await evidencePage(h.db, { site: null, from: '2026-11-14', to: TODAY, count: 'tracker', offset: 0, limit: 100 })).total).toBe(7);
    for (const id of result.visitIds) expect(await getVisitEvents(h.db, id)).toEqual([]);
    expect(await h.db.getAllKeysFromIndex('siteDays', 'by-site', IDBKeyRange.bound(['news.example', ''], ['news.example', '\uffff']))).toEqual([]);
    // Other sites keep every event.
    expect(await getVisitEvents(h.db, h.log.visits.shop19.id)).toHaveLength(5);
    expect(await getVisitEvents(h.db, h.log.visits.ads20.id)).toHaveLength(5);
  });

  test('a site with no records deletes nothing', async () => {
    expect(await deleteSite(h.db, 'never.example')).toEqual({ visits: 0, events: 0, siteDays: 0, visitIds: [] });
    expect((await rankSites(h.db, TODAY, 90)).length).toBe(4);
  });

  test('the write queue goes on for a visit of the deleted site as if it were new (no stale ids kept)', async () => {
    await deleteSite(h.db, 'news.example');
    const queue = createWriteQueue(async () => h.db);
    const again = { ...h.log.visits.news20, counts: { ...h.log.visits.news20.counts, tracker: 0, engagement: 0 } };
    queue.push({ op: 'visit', visit: again });
    const event = makeTrackerEvent(again);
    queue.push({ op: 'event', event });
    await queue.flush();
    expect((await getVisitEvents(h.db, again.id)).map((e) => e.id)).toEqual([event.id]);
    expect((await dailySeries(h.db, TODAY, 1, 'news.example'))[0]).toMatchObject({ visits: 1, tracker: 1 });
  });
});

describe('deleteDays', () => {
  test('one day: the visit that started then goes with its events after midnight; the next day is unchanged', async () => {
    const result = await deleteDays(h.db, '2026-11-19', '2026-11-19');
    expect(result).toMatchObject({ visits: 1, events: 5, siteDays: 1, visitIds: [h.log.visits.shop19.id] });
    expect(await targetedByDay()).toEqual({ '11-14': 5, '11-15': 0, '11-16': 0, '11-17': 0, '11-18': 3, '11-19': 0, '11-20': 6 });
    expect(await getVisitEvents(h.db, h.log.visits.shop19.id)).toEqual([]);
  });

  test('a range in the middle of the week; a range with nothing in it', async () => {
    const result = await deleteDays(h.db, '2026-11-15', '2026-11-18');
    expect(result).toMatchObject({ visits: 2, events: 3, siteDays: 2 });
    expect(await targetedByDay()).toEqual({ '11-14': 5, '11-15': 0, '11-16': 0, '11-17': 0, '11-18': 0, '11-19': 4, '11-20': 6 });
    expect((await rankSites(h.db, TODAY, 7)).map((s) => s.site)).toEqual(['ads.example', 'shop.example', 'news.example']);
    expect(await deleteDays(h.db, '2026-11-15', '2026-11-16')).toEqual({ visits: 0, events: 0, siteDays: 0, visitIds: [] });
  });

  test('deleteEventsOfVisits removes events written after their visit was deleted', async () => {
    await deleteDays(h.db, TODAY, TODAY);
    const queue = createWriteQueue(async () => h.db);
    queue.push({ op: 'event', event: makeTrackerEvent(h.log.visits.news20) });
    await queue.flush();
    expect(await getVisitEvents(h.db, h.log.visits.news20.id)).toHaveLength(1);
    expect(await deleteEventsOfVisits(h.db, [h.log.visits.news20.id])).toBe(1);
    expect(await getVisitEvents(h.db, h.log.visits.news20.id)).toEqual([]);
  });
});
