import { describe, expect, test } from 'vitest';
import { openDB } from 'idb';
import { openDatabase, type BeakerDatabase } from '../../../lib/log/database';
import { dailySeries } from '../../../lib/log/history-queries';
import { getVisitEvents, readMeta } from '../../../lib/log/queries';
import { inLogTx, rebuildDays, verifiedRollups } from '../../../lib/log/rollup-repair';
import { whoFollows } from '../../../lib/log/who-follows';
import { createLegacyStores } from './legacy-stores';
import { TODAY, WEEK, useOrgLog } from './org-log';

const h = useOrgLog('repair');
let n = 0;

/** The hand-computed week of tests/unit/log/org-log.ts, as [org, sites, requests, daily sites]. */
const EXPECTED = [
  ['google', 3, 6, '2000011'],
  ['meta', 1, 4, '1000100'],
  ['tracker:acme_pixel', 1, 1, '0000010'],
  ['criteo', 1, 1, '1000000'],
];

async function week(db: BeakerDatabase = h.db, from = WEEK[0]!) {
  const r = await verifiedRollups(db, from, TODAY);
  const rows = whoFollows(WEEK, r.orgs, r.siteDays).organizations.map((o) => [o.org, o.sites, o.requests, o.daily.join('')]);
  return { rebuilt: r.rebuilt, rows, seen: r.extras.reduce((a, e) => a + e.adSeen, 0) };
}

/** Every roll-up record of the log: what a rebuild must give back exactly. */
async function dump(db: BeakerDatabase = h.db) {
  return { orgDays: await db.getAll('orgDays'), extras: await db.getAll('siteDayExtras'), siteDays: await db.getAll('siteDays') };
}

describe('a corrupt or missing roll-up is noticed and rebuilt from events', () => {
  test('an organization-day with a wrong count: its day is rebuilt, the numbers are right again', async () => {
    const good = await dump();
    const day = (await h.db.get('orgDays', '2026-11-14'))!;
    const google = day.orgs.google!;
    await h.db.put('orgDays', { ...day, orgs: { ...day.orgs, google: { ...google, requests: 99, sites: { ...google.sites, 'news.example': 97 } } } });
    const { rebuilt, rows } = await week();
    expect(rebuilt).toEqual(['2026-11-14']);
    expect(rows).toEqual(EXPECTED);
    expect(await dump()).toEqual(good);
    expect((await readMeta(h.db))['rollups.rebuiltDays']).toBe(1);
    // Checked again: nothing left to rebuild.
    expect((await week()).rebuilt).toEqual([]);
  });

  test('an organization missing from its day (a crash between writes): noticed from the extras that count it', async () => {
    const day = (await h.db.get('orgDays', '2026-11-19'))!;
    delete day.orgs.google;
    await h.db.put('orgDays', day);
    const { rebuilt, rows } = await week();
    expect(rebuilt).toEqual(['2026-11-19']);
    expect(rows).toEqual(EXPECTED);
  });

  test('a site-day extra missing, or a site-day whose visits disagree: both rebuilt, site-days from their visits', async () => {
    await h.db.delete('siteDayExtras', 'shop.example|2026-11-14');
    const day = (await h.db.get('siteDays', 'news.example|2026-11-18'))!;
    await h.db.put('siteDays', { ...day, visits: 5, counts: { ...day.counts, tracker: 40 } });
    const { rebuilt, rows, seen } = await week();
    expect(rebuilt).toEqual(['2026-11-14', '2026-11-18']);
    expect(rows).toEqual(EXPECTED);
    expect(seen).toBe(2);
    const series = await dailySeries(h.db, TODAY, 7);
    expect(series.map((p) => [p.visits, p.tracker])).toEqual([[2, 5], [0, 0], [0, 0], [1, 0], [1, 3], [1, 3], [1, 2]]);
  });

  test('a stray organization-day on a day with no visit is removed', async () => {
    await h.db.put('orgDays', { day: '2026-11-16', orgs: { meta: { name: 'Meta', category: 'advertising', requests: 3, sites: { 'x.example': 3 }, unlisted: 0 } } });
    expect((await week()).rebuilt).toEqual(['2026-11-16']);
    expect(await h.db.get('orgDays', '2026-11-16')).toBeUndefined();
  });
});

describe('backfill: a log from before database v5', () => {
  test('a v3 log upgrades, and the first read of each day fills its roll-ups from its events', async () => {
    // The same log as a v3 database held it: one record per event, site-days, no v5 roll-ups.
    const visits = await h.db.getAll('visits');
    const events = (await Promise.all(visits.map((v) => getVisitEvents(h.db, v.id)))).flat();
    const siteDays = await h.db.getAll('siteDays');
    const expected = await dump();
    const name = `beaker-repair-v3-${n++}`;
    const old = await openDB(name, 3, { upgrade: (db) => createLegacyStores(db, 3) });
    for (const v of visits) await old.put('visits', v);
    for (const e of events) await old.put('events', e);
    for (const d of siteDays) await old.put('siteDays', d);
    old.close();

    const db = await openDatabase(name);
    expect(await db.count('orgDays')).toBe(0);
    // A worker that dies after the first days: those are done, the rest is done on the next read.
    expect((await week(db, '2026-11-19')).rebuilt).toEqual(['2026-11-19', '2026-11-20']);
    const { rebuilt, rows } = await week(db);
    expect(rebuilt).toEqual(['2026-11-14', '2026-11-17', '2026-11-18']);
    expect(rows).toEqual(EXPECTED);
    expect(await dump(db)).toEqual(expected);
    db.close();
  });

  test('a rebuild that fails half-way commits nothing of itself', async () => {
    await h.db.clear('orgDays');
    await expect(
      inLogTx(h.db, async (tx) => {
        await rebuildDays(tx, ['2026-11-14']);
        throw new Error('worker killed');
      }),
    ).rejects.toThrow('worker killed');
    expect(await h.db.count('orgDays')).toBe(0);
    expect((await week()).rows).toEqual(EXPECTED);
  });
});
