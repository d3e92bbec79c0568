import { describe, expect, test } from 'vitest';
import { siteView } from '../../../lib/log/history-queries';
import { darkPatternsByCategory, evidencePage } from '../../../lib/log/history-evidence';
import { MAX_ORG_SITES } from '../../../lib/log/org-rollups';
import { inconsistentDays, plotRollups, verifiedRollups } from '../../../lib/log/rollup-repair';
import { TODAY, WEEK, trackerTo, useOrgLog, visitOn, writeOps } from '../log/org-log';

/**
 * The per-site view's organizations and ad networks, and the records behind a company's numbers,
 * on the hand-computed log of tests/unit/log/org-log.ts.
 */
const h = useOrgLog('companies');
const WEEK_Q = { from: WEEK[0]!, to: TODAY };

describe("a site's organizations and ad networks, from the roll-ups", () => {
  test('news.example: Google 2 and Meta 4 requests over the week; its ads under no known network, 2 shown, 1 seen', async () => {
    const view = await siteView(h.db, 'news.example', TODAY, 7);
    expect(view.companies.organizations.map((o) => [o.org, o.name, o.requests, o.days])).toEqual([
      ['meta', 'Meta', 4, 2],
      ['google', 'Google', 2, 1],
    ]);
    expect(view.companies.unlisted).toBe(0);
    expect(view.companies.networks).toEqual([{ network: null, shown: 2, seen: 1 }]);
  });

  test('shop.example: the visit across midnight counts on its first day; a tracker with no organization is its own row', async () => {
    const view = await siteView(h.db, 'shop.example', TODAY, 7);
    expect(view.companies.organizations.map((o) => [o.org, o.requests, o.days])).toEqual([
      ['google', 3, 2],
      ['tracker:acme_pixel', 1, 1], // ties by name: Acme Pixel before Criteo
      ['criteo', 1, 1],
    ]);
    expect(view.companies.networks).toEqual([{ network: null, shown: 1, seen: 1 }]);
    // A shorter span reads only its days.
    expect((await siteView(h.db, 'shop.example', TODAY, 2)).companies.organizations.map((o) => [o.org, o.requests])).toEqual([
      ['google', 2],
      ['tracker:acme_pixel', 1],
    ]);
  });

  test('a site with nothing has no organizations and no networks', async () => {
    expect((await siteView(h.db, 'quiet.example', TODAY, 7)).companies).toEqual({ organizations: [], unlisted: 0, networks: [] });
  });
});

describe("the records behind a company's numbers", () => {
  test("an organization's requests over every site, newest site-day first; pages add up to the number", async () => {
    const page = await evidencePage(h.db, { site: null, ...WEEK_Q, count: 'tracker', org: 'google', offset: 0, limit: 100 });
    expect(page.total).toBe(6);
    expect(page.items.map((i) => [i.event.site, i.event.kind === 'tracker' && i.event.tracker?.organization?.key])).toEqual([
      ['blog.example', 'google'],
      ['shop.example', 'google'],
      ['shop.example', 'google'],
      ['news.example', 'google'],
      ['news.example', 'google'],
      ['shop.example', 'google'],
    ]);
    // Every record says its URL and the rule that matched it.
    for (const { event } of page.items) expect(event.kind === 'tracker' && event.url.length > 0 && event.ruleId.length > 0 && event.reasons.length > 0).toBe(true);
    const first = await evidencePage(h.db, { site: null, ...WEEK_Q, count: 'tracker', org: 'google', offset: 0, limit: 4 });
    const second = await evidencePage(h.db, { site: null, ...WEEK_Q, count: 'tracker', org: 'google', offset: first.nextOffset!, limit: 4 });
    expect([first.items.length, first.nextOffset, second.items.length, second.nextOffset]).toEqual([4, 4, 2, null]);
    expect([...first.items, ...second.items].map((i) => i.event.id)).toEqual(page.items.map((i) => i.event.id));
  });

  test("one site's requests to one organization; an organization with no TrackerDB organization", async () => {
    const meta = await evidencePage(h.db, { site: 'news.example', ...WEEK_Q, count: 'tracker', org: 'meta', offset: 0, limit: 100 });
    expect([meta.total, meta.items.map((i) => i.event.site)]).toEqual([4, ['news.example', 'news.example', 'news.example', 'news.example']]);
    expect((await evidencePage(h.db, { site: 'news.example', ...WEEK_Q, count: 'tracker', org: 'criteo', offset: 0, limit: 100 })).total).toBe(0);
    const acme = await evidencePage(h.db, { site: 'shop.example', ...WEEK_Q, count: 'tracker', org: 'tracker:acme_pixel', offset: 0, limit: 100 });
    expect(acme.items.map((i) => i.event.kind === 'tracker' && i.event.tracker?.key)).toEqual(['acme_pixel']);
  });

  test("an ad network's ads shown and seen (here: no known network)", async () => {
    const shown = await evidencePage(h.db, { site: 'news.example', ...WEEK_Q, count: 'ad', network: null, offset: 0, limit: 100 });
    expect(shown.items.map((i) => [i.event.kind === 'ad' && i.event.unitId, i.seen])).toEqual([
      ['slot-1', true],
      ['slot-2', false],
    ]);
    expect((await evidencePage(h.db, { site: 'news.example', ...WEEK_Q, count: 'adSeen', network: null, offset: 0, limit: 100 })).total).toBe(1);
    expect((await evidencePage(h.db, { site: 'news.example', ...WEEK_Q, count: 'ad', network: 'Taboola', offset: 0, limit: 100 })).total).toBe(0);
  });

  test('an organization past its site cap: the sites it does not list are read, and the number still adds up', async () => {
    const visits = Array.from({ length: MAX_ORG_SITES + 2 }, (_, i) => visitOn(`s${String(i).padStart(3, '0')}.example`, '2026-11-16', 10));
    await writeOps(h.db, visits.flatMap((visit) => [{ op: 'visit' as const, visit }, { op: 'event' as const, event: trackerTo(visit, 'google') }]));
    const unlisted = visits.at(-1)!.site;
    const view = await siteView(h.db, unlisted, TODAY, 7);
    expect([view.companies.organizations, view.companies.unlisted]).toEqual([[], 1]);
    const one = await evidencePage(h.db, { site: unlisted, ...WEEK_Q, count: 'tracker', org: 'google', offset: 0, limit: 100 });
    expect([one.total, one.items.map((i) => i.event.site)]).toEqual([1, [unlisted]]);
    expect((await evidencePage(h.db, { site: null, ...WEEK_Q, count: 'tracker', org: 'google', offset: 0, limit: 100 })).total).toBe(6 + MAX_ORG_SITES + 2);
  });
});

describe('extras from before networks and dark patterns were rolled up', () => {
  test('an extra without `networks`/`patterns` fails the check; its day is rebuilt with them', async () => {
    const extra = (await h.db.get('siteDayExtras', 'news.example|2026-11-14'))!;
    const { networks: _n, patterns: _p, ...old } = extra;
    await h.db.put('siteDayExtras', old as typeof extra);
    const rollups = { siteDays: await h.db.getAll('siteDays'), extras: await h.db.getAll('siteDayExtras') };
    expect(inconsistentDays(rollups)).toEqual(['2026-11-14']);
    // The plot needs neither networks nor dark patterns: it paints from the old extra (its visits
    // and ads seen are right), and the full read rebuilds the day.
    expect(inconsistentDays(rollups, false)).toEqual([]);
    const plot = await plotRollups(h.db, WEEK[0]!, TODAY);
    expect([plot.rebuilt, plot.extras.reduce((n, e) => n + e.adSeen, 0)]).toEqual([[], 2]);
    expect((await verifiedRollups(h.db, WEEK[0]!, TODAY)).rebuilt).toEqual(['2026-11-14']);
    expect((await h.db.get('siteDayExtras', 'news.example|2026-11-14'))!.networks).toEqual([{ network: null, shown: 2, seen: 1 }]);
    expect((await verifiedRollups(h.db, WEEK[0]!, TODAY)).rebuilt).toEqual([]);
  });

  test('a batch that adds to an extra of the old layout leaves it failing, so the whole day is rebuilt on read', async () => {
    const extra = (await h.db.get('siteDayExtras', 'blog.example|2026-11-20'))!;
    const { networks: _n, patterns: _p, ...old } = extra;
    await h.db.put('siteDayExtras', old as typeof extra);
    const { adTo } = await import('../log/org-log');
    const blog = (await h.db.getAllFromIndex('visits', 'by-site', IDBKeyRange.bound(['blog.example', ''], ['blog.example', '\uffff'])))[0]!;
    await writeOps(h.db, [{ op: 'event', event: adTo(blog, 'rendered', 'slot-b') }]);
    expect((await h.db.get('siteDayExtras', 'blog.example|2026-11-20'))!.networks).toBeUndefined();
    expect((await verifiedRollups(h.db, WEEK[0]!, TODAY)).rebuilt).toEqual([TODAY]);
    expect((await siteView(h.db, 'blog.example', TODAY, 7)).companies.networks).toEqual([{ network: null, shown: 1, seen: 0 }]);
    expect((await darkPatternsByCategory(h.db, TODAY, 7)).total).toBe(0);
  });
});

describe('the extras stay bounded', () => {
  test('past MAX_NETWORKS networks on one site-day, ads count under OTHER_NETWORKS; shown and seen still add up', async () => {
    const { RollupChanges, MAX_NETWORKS, OTHER_NETWORKS } = await import('../../../lib/log/org-rollups');
    const { adTo } = await import('../log/org-log');
    const visit = visitOn('many.example', TODAY, 9);
    const changes = new RollupChanges();
    changes.visit(visit);
    for (let i = 0; i < MAX_NETWORKS + 5; i++) {
      const rendered = adTo(visit, 'rendered', `u${i}`);
      const seen = adTo(visit, 'impression', `u${i}`);
      changes.event(visit, { ...rendered, network: `Net ${i}` } as typeof rendered);
      changes.event(visit, { ...seen, network: `Net ${i}` } as typeof seen);
    }
    const extra = changes.extras.get(`many.example|${TODAY}`)!;
    expect(extra.networks).toHaveLength(MAX_NETWORKS + 1);
    expect(extra.networks.at(-1)).toEqual({ network: OTHER_NETWORKS, shown: 5, seen: 5 });
    expect(extra.networks.reduce((n, r) => n + r.shown, 0)).toBe(MAX_NETWORKS + 5);
    expect(extra.networks.reduce((n, r) => n + r.seen, 0)).toBe(extra.adSeen);
  });
});
