import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../../lib/log/database';
import { darkPatternsByCategory, evidencePage, MAX_SIGHTINGS } from '../../../lib/log/history-evidence';
import { createWriteQueue } from '../../../lib/log/write-queue';
import { evidenceAnswer } from '../../../lib/history-messages';
import { makeVisit } from '../log/make-records';
import { TODAY, darkPatternEvent, localIso, useHistoryLog } from './history-log';

const h = useHistoryLog('evidence');
let n = 0;

const WEEK = { site: null, from: '2026-11-14', to: TODAY } as const;

describe('evidencePage: the records behind a count', () => {
  test('every tracker request of the week, newest site-day first, in pages that add up to the count', async () => {
    const pages = [];
    for (let offset: number | null = 0; offset !== null; ) {
      const page = await evidencePage(h.db, { ...WEEK, count: 'tracker', offset, limit: 4 });
      pages.push(page);
      offset = page.nextOffset;
    }
    expect(pages.map((p) => [p.total, p.offset, p.items.length, p.nextOffset])).toEqual([
      [13, 0, 4, 4],
      [13, 4, 4, 8],
      [13, 8, 4, 12],
      [13, 12, 1, null],
    ]);
    const visits = pages.flatMap((p) => p.items.map((i) => i.event.visitId));
    const { ads20, news20, shop19, news18, news14 } = h.log.visits;
    // 11-20 (ads.example before news.example), 11-19, 11-18, 11-14.
    expect(visits).toEqual([...Array(5).fill(ads20.id), news20.id, shop19.id, shop19.id, news18.id, news18.id, ...Array(3).fill(news14.id)]);
    expect(new Set(pages.flatMap((p) => p.items.map((i) => i.event.id))).size).toBe(13);
    expect(pages.flatMap((p) => p.items).every((i) => i.event.kind === 'tracker' && i.seen === null)).toBe(true);
  });

  test('one site on one day: the visit across midnight holds its events after midnight', async () => {
    const page = await evidencePage(h.db, { site: 'shop.example', from: '2026-11-19', to: '2026-11-19', count: 'darkPattern', offset: 0, limit: 10 });
    expect(page.total).toBe(2);
    expect(page.items.map((i) => [i.event.kind === 'dark-pattern' && i.event.type, i.event.time])).toEqual([
      ['countdown-timer', localIso('2026-11-20', 0, 10)],
      ['activity-notification', localIso('2026-11-20', 0, 11)],
    ]);
    // The day after has no record of it: the roll-up counted it on the 19th.
    expect((await evidencePage(h.db, { site: 'shop.example', from: TODAY, to: TODAY, count: 'darkPattern', offset: 0, limit: 10 })).total).toBe(0);
  });

  test('ads shown, each with whether it was then seen', async () => {
    const page = await evidencePage(h.db, { site: 'news.example', from: '2026-11-14', to: '2026-11-14', count: 'ad', offset: 0, limit: 10 });
    expect(page.items.map((i) => [i.event.kind === 'ad' && i.event.unitId, i.seen])).toEqual([
      ['slot-1', true],
      ['slot-2', false],
    ]);
  });

  test('page-supplied evidence stays text as stored, and the answer parses with its message schema', async () => {
    const page = await evidencePage(h.db, { site: 'shop.example', from: '2026-11-19', to: '2026-11-19', count: 'darkPattern', offset: 1, limit: 1 });
    expect(page.items[0]!.event).toMatchObject({ evidence: '<b>Anna</b> from Berlin just bought this' });
    expect(evidenceAnswer.safeParse(JSON.parse(JSON.stringify(page)))).toEqual({ success: true, data: page });
  });

  test('bounded: at most 100 a page; an offset past the end gives nothing', async () => {
    const page = await evidencePage(h.db, { ...WEEK, count: 'tracker', offset: 0, limit: 10_000 });
    expect(page.items).toHaveLength(13);
    expect(await evidencePage(h.db, { ...WEEK, count: 'tracker', offset: 50, limit: 10 })).toEqual({ total: 13, offset: 50, items: [], nextOffset: null });
    expect((await evidencePage(h.db, { ...WEEK, count: 'engagement', offset: 0, limit: 100 })).items.map((i) => i.event.kind === 'engagement' && i.event.action)).toEqual([
      'click',
      'submit',
      'click',
      'type',
    ]);
  });
});

describe('darkPatternsByCategory', () => {
  test('categories with their types and where they were seen; they add up to the roll-ups', async () => {
    const result = await darkPatternsByCategory(h.db, TODAY, 7);
    expect(result.total).toBe(3);
    expect(result.truncated).toBe(false);
    expect(result.categories.map((c) => [c.category, c.count, c.types.map((t) => `${t.type}×${t.count}`)])).toEqual([
      ['urgency', 2, ['countdown-timer×2']],
      ['social-proof', 1, ['activity-notification×1']],
    ]);
    expect(result.categories.reduce((a, c) => a + c.count, 0)).toBe(result.total);
    expect(result.categories[0]!.sightings.map((s) => [s.site, s.day, s.evidence])).toEqual([
      ['shop.example', '2026-11-19', 'Only 5 minutes left'],
      ['news.example', '2026-11-18', 'Offer ends in 09:59'],
    ]);
  });

  test('one site; a span without any is empty', async () => {
    expect((await darkPatternsByCategory(h.db, TODAY, 7, 'news.example')).categories.map((c) => [c.category, c.count])).toEqual([['urgency', 1]]);
    expect(await darkPatternsByCategory(h.db, '2026-11-16', 2)).toEqual({ total: 0, categories: [], truncated: false });
  });

  test('counts come from the roll-ups however many visits hold them; sightings are the newest few', async () => {
    const many = await openDatabase(`beaker-history-many-${n++}`);
    const queue = createWriteQueue(async () => many);
    const visits = 305;
    for (let i = 0; i < visits; i++) {
      const visit = makeVisit({ site: 'nag.example', startedAt: localIso(TODAY, 8, i % 60), day: TODAY });
      queue.push({ op: 'visit', visit });
      queue.push({ op: 'event', event: darkPatternEvent(visit, 'nagging-overlay', 'attention', `Subscribe! ${i}`) });
    }
    await queue.flush();
    const result = await darkPatternsByCategory(many, TODAY, 7);
    expect(result).toMatchObject({ total: visits, truncated: false });
    expect(result.categories.map((c) => [c.category, c.count, c.types.map((t) => `${t.type}×${t.count}`)])).toEqual([['attention', visits, [`nagging-overlay×${visits}`]]]);
    expect(result.categories[0]!.sightings).toHaveLength(MAX_SIGHTINGS);
    // The newest visits (started at 08:59, …) give the sightings.
    expect(result.categories[0]!.sightings.every((s) => s.site === 'nag.example' && s.day === TODAY)).toBe(true);
    many.close();
  });
});
