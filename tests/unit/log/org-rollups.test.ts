import { describe, expect, test } from 'vitest';
import { openDatabase, type BeakerDatabase } from '../../../lib/log/database';
import { deleteDays, deleteSite } from '../../../lib/log/delete-records';
import { dailySeries, withAdsSeen } from '../../../lib/log/history-queries';
import { importRecords } from '../../../lib/log/import-records';
import { applyRetention } from '../../../lib/log/retention';
import { inconsistentDays, verifiedRollups } from '../../../lib/log/rollup-repair';
import { whoFollows } from '../../../lib/log/who-follows';
import { getVisitEvents } from '../../../lib/log/queries';
import { evidencePage } from '../../../lib/log/history-evidence';
import { TODAY, WEEK, useOrgLog } from './org-log';

const h = useOrgLog('rollups');
let n = 0;

/** Who follows you over the week ending TODAY, as [name, sites, requests, daily sites]. */
async function week(db: BeakerDatabase = h.db) {
  const r = await verifiedRollups(db, WEEK[0]!, TODAY);
  const follows = whoFollows(WEEK, r.orgs, r.siteDays);
  return { rebuilt: r.rebuilt, follows, rows: follows.organizations.map((o) => [o.name, o.sites, o.requests, o.daily.join('')]) };
}

async function seenByDay(db: BeakerDatabase = h.db) {
  const r = await verifiedRollups(db, WEEK[0]!, TODAY);
  return withAdsSeen(await dailySeries(db, TODAY, 7), r.extras).map((p) => `${p.ad}/${p.adSeen}`);
}

/** Every v5 roll-up record, by key: what a test compares. */
async function dump(db: BeakerDatabase) {
  return { orgDays: await db.getAll('orgDays'), extras: await db.getAll('siteDayExtras'), siteDays: await db.getAll('siteDays') };
}

describe('who follows you (organizations per day, written by the write queue)', () => {
  test('ranked by sites reached, hand-computed; days with no event are zeros; the visit across midnight counts on its first day', async () => {
    const { rebuilt, follows, rows } = await week();
    expect(rebuilt).toEqual([]); // the queue's roll-ups pass their own check
    expect(rows).toEqual([
      // news, shop on the 14th; shop on the 19th (events after midnight); blog on the 20th
      ['Google', 3, 6, '2000011'],
      ['Meta', 1, 4, '1000100'],
      ['Acme Pixel', 1, 1, '0000010'],
      ['Criteo', 1, 1, '1000000'],
    ]);
    expect(follows.total).toBe(4);
    expect(follows.yourSites).toBe(4); // news, shop, quiet, blog
    // Most requests first: shop 1 + 2, news 2, blog 1.
    expect(follows.organizations[0]).toMatchObject({ org: 'google', category: 'site_analytics', topSites: ['shop.example', 'news.example', 'blog.example'], capped: false });
    expect(follows.organizations[2]!.org).toBe('tracker:acme_pixel');
  });

  test('ads shown against ads seen per day', async () => {
    expect(await seenByDay()).toEqual(['2/1', '0/0', '0/0', '0/0', '0/0', '1/1', '0/0']);
  });

  test('the evidence behind ads seen: the impressions, newest site-day first, on the day of their visit', async () => {
    const page = await evidencePage(h.db, { site: null, from: WEEK[0]!, to: TODAY, count: 'adSeen', offset: 0, limit: 10 });
    expect(page.total).toBe(2);
    expect(page.items.map((i) => [i.event.site, i.event.kind === 'ad' && i.event.phase, i.event.kind === 'ad' && i.event.unitId, i.seen])).toEqual([
      ['shop.example', 'impression', 'slot-9', true],
      ['news.example', 'impression', 'slot-1', true],
    ]);
    const second = await evidencePage(h.db, { site: null, from: WEEK[0]!, to: TODAY, count: 'adSeen', offset: 1, limit: 1 });
    expect([second.items.map((i) => i.event.site), second.nextOffset]).toEqual([['news.example'], null]);
    expect((await evidencePage(h.db, { site: 'news.example', from: TODAY, to: TODAY, count: 'adSeen', offset: 0, limit: 10 })).total).toBe(0);
  });

  test('a shorter range reads only its days', async () => {
    const r = await verifiedRollups(h.db, '2026-11-19', TODAY);
    expect(whoFollows(['2026-11-19', TODAY], r.orgs, r.siteDays).organizations.map((o) => [o.name, o.sites, o.daily])).toEqual([
      ['Google', 2, [1, 1]],
      ['Acme Pixel', 1, [1, 0]],
    ]);
  });
});

describe('deletes keep the roll-ups consistent', () => {
  test('a site deleted in the middle of the range leaves the others as they were', async () => {
    await deleteSite(h.db, 'shop.example');
    const { rebuilt, rows, follows } = await week();
    expect(rebuilt).toEqual([]);
    expect(rows).toEqual([
      ['Google', 2, 3, '1000001'],
      ['Meta', 1, 4, '1000100'],
    ]);
    expect(follows.yourSites).toBe(3);
    expect(await seenByDay()).toEqual(['2/1', '0/0', '0/0', '0/0', '0/0', '0/0', '0/0']);
    // What the subtraction left is what a rebuild from the remaining events gives.
    const before = await dump(h.db);
    await h.db.clear('orgDays');
    await h.db.clear('siteDayExtras');
    expect((await week()).rebuilt).toEqual(['2026-11-14', '2026-11-17', '2026-11-18', '2026-11-20']);
    expect(await dump(h.db)).toEqual(before);
  });

  test('a range of days: their roll-ups go, the rest stay', async () => {
    await deleteDays(h.db, '2026-11-14', '2026-11-18');
    const { rebuilt, rows } = await week();
    expect(rebuilt).toEqual([]);
    expect(rows).toEqual([
      ['Google', 2, 3, '0000011'],
      ['Acme Pixel', 1, 1, '0000010'],
    ]);
    expect((await h.db.getAll('orgDays')).map((o) => o.day).every((d) => d >= '2026-11-19')).toBe(true);
  });

  test('retention drops the roll-ups of the days it drops', async () => {
    await applyRetention(h.db, 3, new Date(`${TODAY}T12:00:00+01:00`));
    const days = (await h.db.getAll('orgDays')).map((o) => o.day);
    expect(days.length).toBeGreaterThan(0);
    expect(days.every((d) => d >= '2026-11-17')).toBe(true);
    expect((await h.db.getAll('siteDayExtras')).every((e) => e.day >= '2026-11-17')).toBe(true);
    expect((await week()).rebuilt).toEqual([]);
  });

  test('an organization past its site cap: deleting an unlisted site rebuilds that day from events', async () => {
    const { MAX_ORG_SITES } = await import('../../../lib/log/org-rollups');
    const { visitOn, trackerTo, writeOps } = await import('./org-log');
    const visits = Array.from({ length: MAX_ORG_SITES + 1 }, (_, i) => visitOn(`s${String(i).padStart(3, '0')}.example`, '2026-11-16', 10));
    await writeOps(h.db, visits.flatMap((visit) => [{ op: 'visit' as const, visit }, { op: 'event' as const, event: trackerTo(visit, 'google') }]));
    const row = (await h.db.get('orgDays', '2026-11-16'))!.orgs.google!;
    expect([row.requests, Object.keys(row.sites).length, row.unlisted]).toEqual([MAX_ORG_SITES + 1, MAX_ORG_SITES, 1]);
    expect((await week()).rebuilt).toEqual([]);
    const unlisted = visits.map((v) => v.site).find((site) => !(site in row.sites))!;
    await deleteSite(h.db, unlisted);
    expect((await h.db.get('orgDays', '2026-11-16'))!.orgs.google).toMatchObject({ requests: MAX_ORG_SITES, unlisted: 0 });
    expect((await week()).rebuilt).toEqual([]);
  });
});

describe('an import adds to the roll-ups as the write queue would', () => {
  test('the log imported into an empty one gives the same organizations, extras and site-days', async () => {
    const target = await openDatabase(`beaker-orgs-import-${n++}`);
    const visits = await h.db.getAll('visits');
    const events = (await Promise.all(visits.map((v) => getVisitEvents(h.db, v.id)))).flat();
    await importRecords(target, visits, events);
    expect(await dump(target)).toEqual(await dump(h.db));
    // Importing it again changes nothing.
    await importRecords(target, visits, events);
    expect(await dump(target)).toEqual(await dump(h.db));
    target.close();
  });
});

describe('the check behind every read', () => {
  test('the queue, deletes and rebuilds leave no day failing it', async () => {
    const range = IDBKeyRange.bound(WEEK[0]!, TODAY);
    const read = async () => ({
      siteDays: await h.db.getAllFromIndex('siteDays', 'by-day', range),
      extras: await h.db.getAllFromIndex('siteDayExtras', 'by-day', range),
      orgs: await h.db.getAll('orgDays', range),
    });
    expect(inconsistentDays(await read())).toEqual([]);
    await deleteSite(h.db, 'news.example');
    expect(inconsistentDays(await read())).toEqual([]);
  });
});
