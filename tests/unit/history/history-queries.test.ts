import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../../lib/log/database';
import { dailySeries, daysOf, rankSites, siteView, visitsOfSiteDay } from '../../../lib/log/history-queries';
import { emptyCounts } from '../../../lib/schema';
import { TODAY, localIso, useHistoryLog } from './history-log';

const h = useHistoryLog('queries');
let n = 0;

const zero = (day: string, visits = 0) => ({ day, visits, tracker: 0, ad: 0, darkPattern: 0, targeted: 0, engaged: 0, ratio: null });

describe('dailySeries', () => {
  test('7 days ending today, hand-computed; days with no record are zeros', async () => {
    expect(await dailySeries(h.db, TODAY, 7)).toEqual([
      { day: '2026-11-14', visits: 1, tracker: 3, ad: 2, darkPattern: 0, targeted: 5, engaged: 2, ratio: 2.5 },
      zero('2026-11-15'),
      zero('2026-11-16'),
      zero('2026-11-17', 1),
      { day: '2026-11-18', visits: 1, tracker: 2, ad: 0, darkPattern: 1, targeted: 3, engaged: 0, ratio: null },
      // The visit that started at 23:50 counts on its first day, its events after midnight included.
      { day: '2026-11-19', visits: 1, tracker: 2, ad: 0, darkPattern: 2, targeted: 4, engaged: 1, ratio: 4 },
      { day: '2026-11-20', visits: 2, tracker: 6, ad: 0, darkPattern: 0, targeted: 6, engaged: 1, ratio: 6 },
    ]);
  });

  test('30 and 90 days: one point per day, the older visit included, nothing before it', async () => {
    for (const span of [30, 90]) {
      const series = await dailySeries(h.db, TODAY, span);
      expect(series).toHaveLength(span);
      expect(series[0]!.day).toBe(daysOf(TODAY, span)[0]);
      expect(series.at(-1)!.day).toBe(TODAY);
      expect(series.find((p) => p.day === '2026-11-10')).toEqual({ ...zero('2026-11-10', 1), tracker: 1, targeted: 1 });
      expect(series.reduce((a, p) => a + p.targeted, 0)).toBe(19);
      expect(series.filter((p) => p.visits > 0).map((p) => p.day)).toEqual(['2026-11-10', '2026-11-14', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']);
    }
  });

  test('one site: only its own days', async () => {
    const series = await dailySeries(h.db, TODAY, 7, 'shop.example');
    expect(series.filter((p) => p.visits > 0)).toEqual([{ day: '2026-11-19', visits: 1, tracker: 2, ad: 0, darkPattern: 2, targeted: 4, engaged: 1, ratio: 4 }]);
    expect(series).toHaveLength(7);
  });

  test('days are calendar days across a daylight-saving change (25 h day in Berlin on 2026-10-25)', () => {
    expect(daysOf('2026-10-27', 4)).toEqual(['2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']);
    expect(daysOf('2026-03-30', 3)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
  });

  test('an empty log: every day zero', async () => {
    const empty = await openDatabase(`beaker-history-empty-${n++}`);
    expect(await dailySeries(empty, TODAY, 7)).toEqual(daysOf(TODAY, 7).map((d) => zero(d)));
    expect(await rankSites(empty, TODAY, 7)).toEqual([]);
    empty.close();
  });
});

describe('rankSites', () => {
  test('targeted without any engagement first, then by targeted : engaged; nothing at all last', async () => {
    const sites = await rankSites(h.db, TODAY, 7);
    expect(sites.map((s) => [s.site, s.targeted, s.engaged, s.ratio])).toEqual([
      ['ads.example', 5, 0, null],
      ['shop.example', 4, 1, 4],
      ['news.example', 9, 3, 3],
      ['quiet.example', 0, 0, null],
    ]);
    expect(sites.find((s) => s.site === 'news.example')).toEqual({
      site: 'news.example',
      visits: 3,
      counts: { ...emptyCounts(), tracker: 6, ad: 2, darkPattern: 1, engagement: 3 },
      targeted: 9,
      engaged: 3,
      ratio: 3,
    });
  });

  test('30 days take in the older visit', async () => {
    const news = (await rankSites(h.db, TODAY, 30)).find((s) => s.site === 'news.example')!;
    expect([news.visits, news.targeted, news.ratio]).toEqual([4, 10, 10 / 3]);
  });
});

describe('siteView', () => {
  test('its days, totals, the week against the week before, and what changed since the visit before', async () => {
    const view = await siteView(h.db, 'news.example', TODAY, 7);
    expect(view.series.filter((p) => p.visits > 0).map((p) => [p.day, p.targeted, p.engaged])).toEqual([
      ['2026-11-14', 5, 2],
      ['2026-11-18', 3, 0],
      ['2026-11-20', 1, 1],
    ]);
    expect(view.totals).toEqual({ visits: 3, counts: { ...emptyCounts(), tracker: 6, ad: 2, darkPattern: 1, engagement: 3 }, targeted: 9, engaged: 3, ratio: 3 });
    expect(view.trend.thisWeek).toMatchObject({ from: '2026-11-14', to: TODAY, visits: 3 });
    expect(view.trend.lastWeek).toMatchObject({ from: '2026-11-07', to: '2026-11-13', visits: 1, counts: { tracker: 1 } });
    expect(view.lastVisits.map((v) => v.id)).toEqual([h.log.visits.news20.id, h.log.visits.news18.id]);
    // Last visit (1 tracker, 1 engaged) minus the one before (2 trackers, 1 dark pattern).
    expect(view.change).toEqual({ targeted: -2, engaged: 1, tracker: -1, ad: 0, darkPattern: -1 });
  });

  test('a site seen once has no change to tell; an unknown site is empty', async () => {
    const shop = await siteView(h.db, 'shop.example', TODAY, 7);
    expect(shop.lastVisits).toHaveLength(1);
    expect(shop.change).toBeNull();
    const none = await siteView(h.db, 'never.example', TODAY, 7);
    expect(none.totals.visits).toBe(0);
    expect(none.lastVisits).toEqual([]);
    expect(none.series.every((p) => p.visits === 0)).toBe(true);
  });
});

describe('visitsOfSiteDay', () => {
  test('matches the roll-up day, not the UTC date: 23:50 local on the 19th is 22:50 UTC', async () => {
    expect(localIso('2026-11-19', 23, 50)).toBe('2026-11-19T22:50:00.000Z');
    expect((await visitsOfSiteDay(h.db, 'shop.example', '2026-11-19')).map((v) => v.id)).toEqual([h.log.visits.shop19.id]);
    expect(await visitsOfSiteDay(h.db, 'shop.example', '2026-11-20')).toEqual([]);
  });
});
